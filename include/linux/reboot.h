/* SPDX-License-Identifier: GPL-2.0-only */
/* Stopping the machine. Under QEMU these end the emulator. */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/*
 * Exit codes seen by the host (QEMU's isa-debug-exit turns n into 2n+1, the
 * runner maps them back): success, test failure, panic.
 */
enum machine_exit_code {
	EXIT_SUCCESS_CODE = 0,
	EXIT_FAILURE_CODE = 1,
	EXIT_PANIC_CODE = 2,
};

/* Power off (exit code 0). Callable from any context; never returns. */
__noreturn void machine_power_off(void);
/* Stop the machine reporting code to the host; never returns. */
__noreturn void machine_exit(int code);
/* Arch hook behind both: must not return. */
__noreturn void arch_machine_exit(int code);

/* Orderly shutdown from process context: exit calls, then power off. */
__noreturn void kernel_power_off(void);

#endif /* _LINUX_REBOOT_H */
