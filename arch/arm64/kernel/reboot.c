// SPDX-License-Identifier: GPL-2.0-only
/*
 * Leaving the machine. QEMU runs arm64 guests with -semihosting, and the
 * semihosting call SYS_EXIT with reason ADP_Stopped_ApplicationExit ends
 * the emulator with the given status. We pass 2*code+1, the status x86's
 * isa-debug-exit produces, so scripts/qemu.sh maps both the same way (and
 * status 0 still means QEMU stopped without the kernel saying why). If
 * semihosting is off, the HLT traps; PSCI SYSTEM_OFF would lose the code.
 */
#include <linux/reboot.h>
#include <asm/processor.h>

#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

void arch_machine_exit(int code)
{
	u64 block[2] = { ADP_STOPPED_APPLICATION_EXIT, 2 * (u64)code + 1 };
	register u64 x0 __asm__("x0") = SYS_EXIT;
	register u64 x1 __asm__("x1") = (u64)block;

	__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	arch_halt_forever();
}
