// SPDX-License-Identifier: GPL-2.0-only
/* Stopping the machine (see linux/reboot.h). */
#include <linux/reboot.h>
#include <linux/irqflags.h>

void machine_exit(int code)
{
	local_irq_disable();
	arch_machine_exit(code);
}

void machine_power_off(void)
{
	machine_exit(EXIT_SUCCESS_CODE);
}
