// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 interrupts: QEMU virt's GICv2, found in the device tree
 * (arm,cortex-a15-gic), driven by drivers/irqchip/irq-gic.c. Linux IRQ
 * numbers are GIC INTIDs, so the timer is IRQ 27.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqchip/arm-gic.h>
#include <linux/start_kernel.h>
#include <asm/setup.h>

void __init init_IRQ(void)
{
	if (!arm64_board.gicd.size || !arm64_board.gicc.size)
		panic("no GICv2 in the device tree (arm,cortex-a15-gic)");
	gic_init(arm64_board.gicd.base, arm64_board.gicc.base);
}

void arch_irq_unmask(unsigned int irq)
{
	gic_irq_unmask(irq);
}

void arch_irq_mask(unsigned int irq)
{
	gic_irq_mask(irq);
}
