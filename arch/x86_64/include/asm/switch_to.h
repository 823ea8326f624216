/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64 context switch: callee-saved registers live on the old stack. */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

#include <linux/types.h>

struct task_struct;
struct pt_regs;

struct thread_struct {
	unsigned long sp;	/* saved stack pointer while switched out */
	unsigned long fsbase;	/* user TLS base */
	/* User x87/SSE registers while switched out (FXSAVE image). */
	u8 fxstate[512] __attribute__((__aligned__(16)));
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

#endif /* _ASM_X86_SWITCH_TO_H */
