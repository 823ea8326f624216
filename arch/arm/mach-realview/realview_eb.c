// SPDX-License-Identifier: GPL-2.0-only
/*
 * QEMU realview-eb-mpcore (ARM RealView Emulation Baseboard with an ARM11
 * MPCore, ARMv6K, up to 4 CPUs, platsmp.c): the MPCore's GIC takes every
 * interrupt, each CPU's private timer gives its tick (smp_twd.c); the
 * baseboard's own GIC, cascaded behind it, takes the lines the MPCore
 * does not get (PCI's); the baseboard's PCI host.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/irqchip/arm-gic.h>
#include <asm/mach.h>
#include <asm/setup.h>

static void __init realview_init_irq(void)
{
	int err;

	gic_init(REALVIEW_MPCORE_BASE + MPCORE_GIC_DIST, REALVIEW_MPCORE_BASE + MPCORE_GIC_CPU);
	/*
	 * The MPCore gets only some of the board's lines directly (the UART,
	 * the RTC...); all 64 reach the baseboard's GIC, whose output is the
	 * MPCore's interrupt input 10.
	 */
	err = gic_cascade_init(REALVIEW_EB_GIC_DIST_BASE, REALVIEW_EB_GIC_CPU_BASE,
			       IRQ_EB11MP_EB_GIC1, IRQ_EB_GIC_START);
	if (err)
		pr_warn("realview: baseboard GIC not cascaded: error %d\n", err);
}

/*
 * The PCI host, the Versatile controller in its RealView form: its
 * configuration window at 0x61000000, I/O at 0x62000000, and memory
 * window 2 at 0x68000000 (128 MiB), whose IMAP register holds the PCI
 * address it shows (the bits above the window's size). Root-bus slot s,
 * pin p drives PCI line (s + p + 2) % 4, board lines 48-51.
 */
static const struct versatile_pci_data realview_eb_pci = {
	.regs = 0x10019000,
	.config = 0x61000000,
	.io = 0x62000000,
	.mem = 0x68000000,
	.mem_size = 0x08000000,
	.imap = 2,
	.imap_val = 0x68000000,
	.irq = IRQ_EB_PCI0,
	.irq_rotate = 2,
};

const struct machine_desc realview_eb_desc = {
	.nr = MACH_TYPE_REALVIEW_EB,
	.name = "ARM RealView EB (ARM11 MPCore)",
	.uart_base = REALVIEW_UART0_BASE,
	.uart_irq = IRQ_EB11MP_UART0,
	.rtc_base = REALVIEW_RTC_BASE,
	.pci = &realview_eb_pci,
	.init_irq = realview_init_irq,
	.irq_unmask = gic_irq_unmask,
	.irq_mask = gic_irq_mask,
	.handle_irq = gic_handle_irq,
	.init_time = twd_timer_init,
	.smp = &realview_smp_ops,
};
