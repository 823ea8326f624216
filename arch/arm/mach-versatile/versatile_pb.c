// SPDX-License-Identifier: GPL-2.0-only
/*
 * QEMU versatilepb (ARM Versatile Platform Baseboard, here with an
 * ARM1176): one CPU, the PL190 VIC, the board's PCI host.
 */
#include <asm/mach.h>
#include <asm/setup.h>

const struct machine_desc versatile_pb_desc = {
	.nr = MACH_TYPE_VERSATILE_PB,
	.name = "ARM Versatile PB",
	.uart_base = VERSATILE_UART0_BASE,
	.uart_irq = IRQ_UART0,
	.timer_base = VERSATILE_TIMER01_BASE,
	.timer_irq = IRQ_TIMER01,
	.rtc_base = VERSATILE_RTC_BASE,
	.versatile_pci = true,
	.init_irq = vic_init_irq,
	.irq_unmask = vic_irq_unmask,
	.irq_mask = vic_irq_mask,
	.handle_irq = vic_handle_irq,
	.init_time = sp804_timer_init,
};
