/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 context switch: LR, CR and r14-r31 live on the old stack. */
#ifndef _ASM_POWERPC_SWITCH_TO_H
#define _ASM_POWERPC_SWITCH_TO_H

#include <linux/types.h>

struct task_struct;

/* entry.S reads these fields by offset: keep sp first and stack_guard second. */
struct thread_struct {
	unsigned long sp;		/* saved stack pointer while switched out */
	unsigned long stack_guard;	/* lowest sp an interrupt frame fits above; 0: no check */
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
