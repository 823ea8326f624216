/* SPDX-License-Identifier: GPL-2.0-only */
/* RISC-V local interrupt flag (sstatus.SIE) control. */
#ifndef _ASM_RISCV_IRQFLAGS_H
#define _ASM_RISCV_IRQFLAGS_H

#include <linux/compiler.h>
#include <asm/csr.h>

static __always_inline unsigned long arch_local_save_flags(void)
{
	return csr_read(sstatus);
}

static __always_inline void arch_local_irq_disable(void)
{
	csr_clear(sstatus, SR_SIE);
}

static __always_inline void arch_local_irq_enable(void)
{
	csr_set(sstatus, SR_SIE);
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	return csr_read_clear(sstatus, SR_SIE);
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	csr_set(sstatus, flags & SR_SIE);
}

static __always_inline int arch_irqs_disabled(void)
{
	return !(arch_local_save_flags() & SR_SIE);
}

#endif /* _ASM_RISCV_IRQFLAGS_H */
