/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 context switch: LR, CR and r14-r31 live on the old stack. */
#ifndef _ASM_POWERPC_SWITCH_TO_H
#define _ASM_POWERPC_SWITCH_TO_H

#include <linux/types.h>

struct task_struct;

/*
 * The user's FP, VMX and VSX registers (kernel/fpu.S knows this layout):
 * VSR0-63 as 16-byte values in memory order (stxv: on little-endian the
 * low doubleword first, so FPR n, VSR n's high doubleword, is vsr[n][1]),
 * then FPSCR, VSCR (a vector register image, mfvscr's) and VRSAVE.
 */
struct user_fp_state {
	u64 vsr[64][2];
	u64 fpscr, pad;
	u64 vscr[2];
	u32 vrsave, pad2[3];
} __attribute__((__aligned__(16)));

/*
 * fp_save_state()/fp_load_state(): the live registers to/from @st. Turn
 * MSR[FP|VEC|VSX] on for the copy and off again, interrupts off meanwhile;
 * callable with interrupts on. Never sleep.
 */
void fp_save_state(struct user_fp_state *st);
void fp_load_state(const struct user_fp_state *st);

/*
 * entry.S reads sp and stack_guard by offset: keep them first. The user
 * FP/vector state is saved there only while the task is switched out (the
 * kernel never uses those registers).
 */
struct thread_struct {
	unsigned long sp;		/* saved stack pointer while switched out */
	unsigned long stack_guard;	/* lowest sp an interrupt frame fits above; 0: no check */
	struct user_fp_state fp;
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

#endif /* _ASM_POWERPC_SWITCH_TO_H */
