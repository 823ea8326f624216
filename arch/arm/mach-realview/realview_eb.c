// SPDX-License-Identifier: GPL-2.0-only
/*
 * QEMU realview-eb-mpcore (ARM RealView Emulation Baseboard with an ARM11
 * MPCore, ARMv6K, up to 4 CPUs, platsmp.c): the MPCore's GIC takes every
 * interrupt, each CPU's private timer gives its tick (smp_twd.c); the
 * board's own PCI host is not driven.
 */
#include <linux/init.h>
#include <linux/irqchip/arm-gic.h>
#include <asm/mach.h>
#include <asm/setup.h>

static void __init realview_init_irq(void)
{
	gic_init(REALVIEW_MPCORE_BASE + MPCORE_GIC_DIST, REALVIEW_MPCORE_BASE + MPCORE_GIC_CPU);
}

const struct machine_desc realview_eb_desc = {
	.nr = MACH_TYPE_REALVIEW_EB,
	.name = "ARM RealView EB (ARM11 MPCore)",
	.uart_base = REALVIEW_UART0_BASE,
	.uart_irq = IRQ_EB11MP_UART0,
	.rtc_base = REALVIEW_RTC_BASE,
	.init_irq = realview_init_irq,
	.irq_unmask = gic_irq_unmask,
	.irq_mask = gic_irq_mask,
	.handle_irq = gic_handle_irq,
	.init_time = twd_timer_init,
	.smp = &realview_smp_ops,
};
