/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The sigaction structure of the x86-64 system call ABI (rt_sigaction):
 * handler, flags, restorer, mask. Architectures without sa_restorer lay it
 * out differently, so generic code converts through these helpers.
 */
#ifndef _ASM_X86_SIGNAL_H
#define _ASM_X86_SIGNAL_H

#include <linux/process.h>

struct kernel_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	unsigned long mask;
};

static inline void sigaction_from_abi(struct k_sigaction *ka, const struct kernel_sigaction *k)
{
	ka->handler = k->handler;
	ka->flags = k->flags;
	ka->restorer = k->restorer;
	ka->mask = k->mask;
}

static inline void sigaction_to_abi(struct kernel_sigaction *k, const struct k_sigaction *ka)
{
	k->handler = ka->handler;
	k->flags = ka->flags;
	k->restorer = ka->restorer;
	k->mask = ka->mask;
}

#endif /* _ASM_X86_SIGNAL_H */
