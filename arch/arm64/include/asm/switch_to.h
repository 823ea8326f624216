/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 context switch: callee-saved registers live in thread_struct. */
#ifndef _ASM_ARM64_SWITCH_TO_H
#define _ASM_ARM64_SWITCH_TO_H

#include <linux/types.h>

struct task_struct;

/* The FP/SIMD registers: V0-V31, FPSR, FPCR (kernel/fpsimd.S knows it). */
struct user_fpsimd_state {
	__uint128_t vregs[32];
	u32 fpsr, fpcr;
	u64 pad;
};

/* fpsimd_save_state()/fpsimd_load_state(): the live registers to/from @st. */
void fpsimd_save_state(struct user_fpsimd_state *st);
void fpsimd_load_state(const struct user_fpsimd_state *st);

/*
 * Saved while switched out: x19-x28, the frame pointer, the stack pointer
 * and the address to resume at (entry.S knows this layout), and the lowest
 * stack pointer the exception entry accepts before it declares a kernel
 * stack overflow (0: no check, the boot stack); then the user state the
 * kernel itself never uses, so that it is saved only at a switch.
 */
struct thread_struct {
	unsigned long x19, x20, x21, x22, x23, x24, x25, x26, x27, x28;
	unsigned long fp, sp, pc;
	unsigned long stack_limit;
	unsigned long tp_value;			/* user TLS: TPIDR_EL0 */
	struct user_fpsimd_state fpsimd;	/* user FP/SIMD, while switched out */
};

/*
 * __switch_to_asm() - save prev's callee-saved registers and stack pointer,
 * load next's, and return prev in next's context. Interrupts must be off.
 */
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);

/*
 * arch_setup_thread() - prepare a new task so that its first switch lands
 * in ret_from_kernel_thread, which calls schedule_tail(prev) then fn(arg)
 * and finally do_exit() with fn's result.
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg);

#endif /* _ASM_ARM64_SWITCH_TO_H */
