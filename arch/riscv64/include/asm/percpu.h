/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64: the tp register points at this CPU's struct cpu_info while in
 * the kernel (the C ABI never allocates tp, and the Rust target neither).
 */
#ifndef _ASM_RISCV_PERCPU_H
#define _ASM_RISCV_PERCPU_H

static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__("mv %0, tp" : "=r"(ci));
	return ci;
}

#endif /* _ASM_RISCV_PERCPU_H */
