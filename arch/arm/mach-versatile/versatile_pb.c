// SPDX-License-Identifier: GPL-2.0-only
/*
 * QEMU versatilepb (ARM Versatile Platform Baseboard, here with an
 * ARM1176): one CPU, the PL190 VIC with the SIC, the board's PCI host.
 */
#include <linux/init.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/mach.h>
#include <asm/setup.h>

#define SIC_PICENSET 0x20

/*
 * The VIC, and the SIC's pass-through of the four PCI lines: SIC inputs
 * 21-30 reach the VIC lines of the same numbers once their PICENABLE bits
 * are set, so PCI line n is VIC line IRQ_PCI0 + n.
 */
static void __init versatile_init_irq(void)
{
	vic_init_irq();
	writel(0xfU << IRQ_PCI0, (unsigned long)__va(VERSATILE_SIC_BASE) + SIC_PICENSET);
}

/*
 * The PCI host: configuration at 0x42000000, I/O at 0x43000000, memory
 * window 1 at 0x50000000 (256 MiB), whose IMAP register takes the top
 * four bits of the PCI address it shows. The board wires root-bus slot
 * s, pin p to PCI line (s + p + 1) % 4: its connector is one pin round
 * from the controller's inputs.
 */
static const struct versatile_pci_data versatile_pb_pci = {
	.regs = 0x10001000,
	.config = 0x42000000,
	.io = 0x43000000,
	.mem = 0x50000000,
	.mem_size = 0x10000000,
	.imap = 1,
	.imap_val = 0x50000000 >> 28,
	.irq = IRQ_PCI0,
	.irq_rotate = 1,
};

const struct machine_desc versatile_pb_desc = {
	.nr = MACH_TYPE_VERSATILE_PB,
	.name = "ARM Versatile PB",
	.uart_base = VERSATILE_UART0_BASE,
	.uart_irq = IRQ_UART0,
	.timer_base = VERSATILE_TIMER01_BASE,
	.timer_irq = IRQ_TIMER01,
	.rtc_base = VERSATILE_RTC_BASE,
	.pci = &versatile_pb_pci,
	.init_irq = versatile_init_irq,
	.irq_unmask = vic_irq_unmask,
	.irq_mask = vic_irq_mask,
	.handle_irq = vic_handle_irq,
	.init_time = sp804_timer_init,
};
