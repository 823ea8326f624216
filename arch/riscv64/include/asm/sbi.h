/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RISC-V Supervisor Binary Interface: calls from the kernel (S-mode)
 * into the firmware (OpenSBI, M-mode) with ecall. a7 holds the extension
 * id, a6 the function id; the firmware returns an error in a0 and a value
 * in a1.
 */
#ifndef _ASM_RISCV_SBI_H
#define _ASM_RISCV_SBI_H

#include <linux/types.h>

#define SBI_EXT_BASE 0x10
#define SBI_EXT_BASE_PROBE_EXT 3
#define SBI_EXT_TIME 0x54494d45
#define SBI_EXT_TIME_SET_TIMER 0
#define SBI_EXT_0_1_SET_TIMER 0x0
#define SBI_EXT_HSM 0x48534d
#define SBI_EXT_HSM_HART_START 0
#define SBI_EXT_IPI 0x735049
#define SBI_EXT_IPI_SEND_IPI 0

#define SBI_SUCCESS 0

struct sbiret {
	long error;
	long value;
};

/* One SBI call. Any context; never sleeps. */
struct sbiret sbi_ecall(unsigned long ext, unsigned long fid, unsigned long arg0,
			unsigned long arg1, unsigned long arg2);

/* Program the next supervisor timer interrupt at time value stime. */
void sbi_set_timer(u64 stime);

/* Whether the firmware implements extension ext (probed once at boot). */
bool sbi_probe_extension(unsigned long ext);

#endif /* _ASM_RISCV_SBI_H */
