// SPDX-License-Identifier: GPL-2.0-only
/*
 * Leaving the machine. QEMU runs the ARM guest with semihosting enabled,
 * and the semihosting call SYS_EXIT_EXTENDED (AArch32: SVC 0x123456 from
 * a privileged mode) with reason ADP_Stopped_ApplicationExit ends the
 * emulator with the given status. We pass 2*code+1, the status x86's
 * isa-debug-exit produces, so scripts/qemu.sh maps both the same way (and
 * QEMU status 0 still means the kernel never said). Without semihosting
 * the SVC reaches the kernel's own vector and reports a bad mode.
 */
#include <linux/reboot.h>
#include <asm/processor.h>

#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

void arch_machine_exit(int code)
{
	u32 block[2] = { ADP_STOPPED_APPLICATION_EXIT, 2 * code + 1 };
	register u32 r0 __asm__("r0") = SYS_EXIT_EXTENDED;
	register u32 r1 __asm__("r1") = (u32)block;

	__asm__ __volatile__("svc #0x123456" : "+r"(r0) : "r"(r1) : "memory");
	arch_halt_forever();
}
