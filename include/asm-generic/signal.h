/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The rt_sigaction structure of the system call ABI: handler, flags, a
 * restorer where the architecture has SA_RESTORER (it defines
 * __ARCH_HAS_SA_RESTORER before including this: x86-64, arm64), then the
 * mask. Generic code converts through the two helpers.
 */
#ifndef _ASM_GENERIC_SIGNAL_H
#define _ASM_GENERIC_SIGNAL_H

#include <linux/process.h>

struct kernel_sigaction {
	unsigned long handler;
	unsigned long flags;
#ifdef __ARCH_HAS_SA_RESTORER
	unsigned long restorer;
#endif
	sigset_t mask;
};

static inline void sigaction_from_abi(struct k_sigaction *ka, const struct kernel_sigaction *k)
{
	ka->handler = k->handler;
	ka->flags = k->flags;
#ifdef __ARCH_HAS_SA_RESTORER
	ka->restorer = k->restorer;
#else
	ka->restorer = 0;
#endif
	ka->mask = k->mask;
}

static inline void sigaction_to_abi(struct kernel_sigaction *k, const struct k_sigaction *ka)
{
	k->handler = ka->handler;
	k->flags = ka->flags;
#ifdef __ARCH_HAS_SA_RESTORER
	k->restorer = ka->restorer;
#endif
	k->mask = ka->mask;
}

#endif /* _ASM_GENERIC_SIGNAL_H */
