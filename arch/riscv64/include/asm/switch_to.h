/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 context switch: ra and s0-s11 live on the old stack. */
#ifndef _ASM_RISCV_SWITCH_TO_H
#define _ASM_RISCV_SWITCH_TO_H

#include <linux/types.h>

struct task_struct;

/* The F and D registers of a user program: f0-f31 and fcsr (fpu.S knows it). */
struct user_fp_state {
	u64 f[32];
	u32 fcsr;
	u32 pad;
};

/*
 * fpu_save_state()/fpu_load_state(): the live FP registers to/from @st.
 * They turn sstatus.FS on for the copy and off again (the kernel is
 * soft-float; user mode gets its FS from its saved sstatus).
 */
void fpu_save_state(struct user_fp_state *st);
void fpu_load_state(const struct user_fp_state *st);

/*
 * entry.S reads these fields by offset: keep sp first and stack_guard
 * second. The user's FP registers are saved here while the task is
 * switched out (its integer registers, tp included, are in its pt_regs).
 */
struct thread_struct {
	unsigned long sp;		/* saved stack pointer while switched out */
	unsigned long stack_guard;	/* lowest sp a trap frame fits above; 0: no check */
	struct user_fp_state fp;	/* user F/D registers, while switched out */
};

/*
 * __switch_to_asm() - save prev's callee-saved registers and stack pointer,
 * load next's, and return prev in next's context. Interrupts must be off.
 */
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);

/*
 * arch_setup_thread() - lay out a new task's stack so that its first switch
 * lands in ret_from_kernel_thread, which calls schedule_tail(prev) then
 * fn(arg) and finally do_exit() with fn's result.
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg);

#endif /* _ASM_RISCV_SWITCH_TO_H */
