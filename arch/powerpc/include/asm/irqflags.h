/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 local interrupt flag: MSR[EE] (external and decrementer). */
#ifndef _ASM_POWERPC_IRQFLAGS_H
#define _ASM_POWERPC_IRQFLAGS_H

#include <linux/compiler.h>
#include <asm/reg.h>

static __always_inline unsigned long arch_local_save_flags(void)
{
	return mfmsr();
}

/* mtmsrd with L=1 changes only EE and RI (RI stays set: recoverable). */
static __always_inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("mtmsrd %0,1" :: "r"(MSR_RI) : "memory");
}

static __always_inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("mtmsrd %0,1" :: "r"(MSR_EE | MSR_RI) : "memory");
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & MSR_EE)
		arch_local_irq_enable();
}

static __always_inline int arch_irqs_disabled(void)
{
	return !(arch_local_save_flags() & MSR_EE);
}

#endif /* _ASM_POWERPC_IRQFLAGS_H */
