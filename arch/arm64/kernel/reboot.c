// SPDX-License-Identifier: GPL-2.0-only
/*
 * Leaving the machine. QEMU runs arm64 guests with semihosting enabled,
 * and the semihosting call SYS_EXIT with reason ADP_Stopped_ApplicationExit
 * ends the emulator with the given status. We pass 2*code+1, the status
 * x86's isa-debug-exit produces, so scripts/qemu.sh maps both the same way
 * (and QEMU status 0 still means the kernel never said). Without
 * semihosting the HLT is an undefined instruction: its exception-table
 * entry resumes after it, and PSCI SYSTEM_OFF powers off instead (QEMU
 * then exits with status 0: the code is lost, but the machine stops).
 */
#include <linux/reboot.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/psci.h>

#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

static void semihosting_exit(u64 status)
{
	u64 block[2] = { ADP_STOPPED_APPLICATION_EXIT, status };
	register u64 x0 __asm__("x0") = SYS_EXIT;
	register u64 x1 __asm__("x1") = (u64)block;

	__asm__ __volatile__("1:	hlt #0xf000\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+r"(x0) : "r"(x1) : "memory");
}

void arch_machine_exit(int code)
{
	semihosting_exit(2 * (u64)code + 1);
	psci_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
	arch_halt_forever();
}
