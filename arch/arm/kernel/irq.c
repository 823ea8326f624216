// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM interrupts: the board's interrupt controller (machine_desc),
 * the PL190 VIC on versatilepb, the MPCore's GIC on realview-eb-mpcore.
 * Linux IRQ numbers are that controller's line numbers.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/start_kernel.h>
#include <asm/mach.h>

void __init init_IRQ(void)
{
	machine_desc->init_irq();
}

void arch_irq_unmask(unsigned int irq)
{
	machine_desc->irq_unmask(irq);
}

void arch_irq_mask(unsigned int irq)
{
	machine_desc->irq_mask(irq);
}
