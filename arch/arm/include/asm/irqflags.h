/* SPDX-License-Identifier: GPL-2.0-only */
/* 32-bit ARM local interrupt mask: the I bit of the CPSR. */
#ifndef _ASM_ARM_IRQFLAGS_H
#define _ASM_ARM_IRQFLAGS_H

#include <linux/compiler.h>

#define PSR_I_BIT 0x80UL

static __always_inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, cpsr" : "=r"(flags) :: "memory");
	return flags;
}

static __always_inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cpsid i" ::: "memory", "cc");
}

static __always_inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("cpsie i" ::: "memory", "cc");
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

/* Only the control byte (the I and F bits, the mode) is restored. */
static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr cpsr_c, %0" :: "r"(flags) : "memory", "cc");
}

static __always_inline int arch_irqs_disabled(void)
{
	return !!(arch_local_save_flags() & PSR_I_BIT);
}

#endif /* _ASM_ARM_IRQFLAGS_H */
