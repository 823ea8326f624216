// SPDX-License-Identifier: GPL-2.0-only
/*
 * Leaving the machine. pseries has no device that sets QEMU's exit
 * status, so the code goes out on a second virtual terminal, which
 * scripts/qemu.sh attaches to a file at unit address EXIT_VTERM: we write
 * "exit N\n" there, then power off through RTAS (QEMU then exits with
 * 0) and qemu.sh turns N into the status other architectures give. If
 * the power-off fails we halt forever.
 */
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <linux/byteorder.h>
#include <linux/string.h>
#include <asm/hvcall.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define EXIT_VTERM 0x71000010

void arch_machine_exit(int code)
{
	u64 buf[2] = { 0, 0 };
	char msg[16];
	int len = snprintf(msg, sizeof(msg), "exit %d\n", code);

	memcpy(buf, msg, len);
	plpar_hcall_norets(H_PUT_TERM_CHAR, EXIT_VTERM, len, be64_to_cpu(buf[0]),
			   be64_to_cpu(buf[1]));
	rtas_call(pseries_platform.rtas_power_off, 2, 1, NULL, -1U, -1U);
	arch_halt_forever();
}
