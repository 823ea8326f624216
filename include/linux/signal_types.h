/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's signal set, which is also the system call ABI's: signals
 * 1-64, bit (sig - 1), 8 bytes on every architecture. On 32-bit ones the
 * ABI's is Linux's array of two longs, so it is aligned as a long (a
 * typedef may lower the alignment).
 */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H

#include <linux/types.h>
#include <linux/list.h>

typedef u64 __attribute__((__aligned__(sizeof(long)))) sigset_t;

#define sigmask(sig) ((sigset_t)1 << ((sig) - 1))

/*
 * Signals pending for a thread, or for its whole process: the set, and a
 * struct sigqueue (kernel/signal.c) per instance that carries its siginfo,
 * oldest first. A signal may be in the set without an entry (SIGKILL, or
 * one whose entry could not be allocated); the siglock of the sighand
 * guards both.
 */
struct sigpending {
	struct list_head list;
	sigset_t signal;
};

#endif /* _LINUX_SIGNAL_TYPES_H */
