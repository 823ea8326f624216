/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel stacks a fault report or a backtrace meets: the current
 * thread's (THREAD_SIZE bytes at task->stack, with an unmapped guard page
 * below it), and the stacks an architecture's entry code defines for
 * itself: the boot stack (boot_stack_bottom..boot_stack_top) and the
 * stack exceptions move to when a thread's stack has no room left
 * (overflow_stack..overflow_stack_top).
 */
#ifndef _LINUX_SCHED_TASK_STACK_H
#define _LINUX_SCHED_TASK_STACK_H

#include <linux/sched.h>
#include <asm/page.h>

extern char boot_stack_bottom[], boot_stack_top[];
extern char overflow_stack[], overflow_stack_top[];

/*
 * kernel_stack_bounds() - the stack @addr lies on: true with [*lo, *hi)
 * the current thread's, the boot or the overflow stack; false if @addr is
 * on none of them. Only for an architecture that defines the four symbols
 * above. Never sleeps; safe in an oops.
 */
static inline bool kernel_stack_bounds(unsigned long addr, unsigned long *lo,
				       unsigned long *hi)
{
	struct task_struct *t = current;

	if (t && t->stack && addr >= (unsigned long)t->stack &&
	    addr < (unsigned long)t->stack + THREAD_SIZE) {
		*lo = (unsigned long)t->stack;
		*hi = *lo + THREAD_SIZE;
	} else if (addr >= (unsigned long)boot_stack_bottom &&
		   addr < (unsigned long)boot_stack_top) {
		*lo = (unsigned long)boot_stack_bottom;
		*hi = (unsigned long)boot_stack_top;
	} else if (addr >= (unsigned long)overflow_stack &&
		   addr < (unsigned long)overflow_stack_top) {
		*lo = (unsigned long)overflow_stack;
		*hi = (unsigned long)overflow_stack_top;
	} else {
		return false;
	}
	return true;
}

/*
 * stack_guard_hit() - true if @addr is in the unmapped page just below the
 * current thread's stack or in the stack's lowest @margin bytes: for a
 * fault address @margin is 0; for a stack pointer it is the size of the
 * exception frame that would no longer fit. False without a thread stack.
 * Never sleeps; safe in an oops.
 */
static inline bool stack_guard_hit(unsigned long addr, unsigned long margin)
{
	struct task_struct *t = current;
	unsigned long bottom;

	if (!t || !t->stack)
		return false;
	bottom = (unsigned long)t->stack;
	return addr >= bottom - PAGE_SIZE && addr < bottom + margin;
}

#endif /* _LINUX_SCHED_TASK_STACK_H */
