/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 local interrupt mask: the I bit of PSTATE.DAIF. */
#ifndef _ASM_ARM64_IRQFLAGS_H
#define _ASM_ARM64_IRQFLAGS_H

#include <linux/compiler.h>

#define PSR_I_BIT 0x80UL

static __always_inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, daif" : "=r"(flags) :: "memory");
	return flags;
}

static __always_inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("msr daifset, #2" ::: "memory");
}

static __always_inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("msr daifclr, #2" ::: "memory");
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr daif, %0" :: "r"(flags) : "memory");
}

static __always_inline int arch_irqs_disabled(void)
{
	return !!(arch_local_save_flags() & PSR_I_BIT);
}

#endif /* _ASM_ARM64_IRQFLAGS_H */
