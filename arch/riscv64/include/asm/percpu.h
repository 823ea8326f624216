/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64: the tp register points at this CPU's struct cpu_info while in
 * the kernel (the C ABI never allocates tp, and the Rust target neither).
 * In user mode tp is the program's thread pointer and sscratch holds the
 * cpu_info address instead (arch/riscv64/kernel/entry.S).
 */
#ifndef _ASM_RISCV_PERCPU_H
#define _ASM_RISCV_PERCPU_H

/*
 * Offsets used by the trap entry (checked at build time in
 * arch/riscv64/kernel/syscall.c): struct cpu_info's, and
 * thread_struct.stack_guard's in the task (thread_struct is first).
 */
#define CPU_INFO_CURR_TASK 8
#define CPU_INFO_KERNEL_SP 32
#define CPU_INFO_USER_SP 40
#define CPU_INFO_OVERFLOW_SP 88
#define THREAD_STACK_GUARD 8

#ifndef __ASSEMBLER__

/* volatile: read again at each use, since a task may move to another CPU in between. */
static __always_inline struct cpu_info *arch_this_cpu(void)
{
	struct cpu_info *ci;

	__asm__ __volatile__("mv %0, tp" : "=r"(ci));
	return ci;
}
#endif

#endif /* _ASM_RISCV_PERCPU_H */
