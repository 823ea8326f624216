/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel stacks a fault report or a backtrace meets: the current
 * thread's (THREAD_SIZE bytes at task->stack, with an unmapped guard page
 * below it), and the stacks an architecture's entry code defines for
 * itself: the boot stack (boot_stack_bottom..boot_stack_top) and the
 * stack exceptions move to when a thread's stack has no room left: the
 * boot CPU's is overflow_stack..overflow_stack_top; an architecture that
 * starts other CPUs gives each its own of the same size, whose top is in
 * its cpu_info.overflow_sp.
 */
#ifndef _LINUX_SCHED_TASK_STACK_H
#define _LINUX_SCHED_TASK_STACK_H

#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
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
	unsigned long ov_hi = this_cpu()->overflow_sp ?: (unsigned long)overflow_stack_top;
	unsigned long ov_lo = ov_hi - (overflow_stack_top - overflow_stack);

	if (t && t->stack && addr >= (unsigned long)t->stack &&
	    addr < (unsigned long)t->stack + THREAD_SIZE) {
		*lo = (unsigned long)t->stack;
		*hi = *lo + THREAD_SIZE;
	} else if (addr >= (unsigned long)boot_stack_bottom &&
		   addr < (unsigned long)boot_stack_top) {
		*lo = (unsigned long)boot_stack_bottom;
		*hi = (unsigned long)boot_stack_top;
	} else if (addr >= ov_lo && addr < ov_hi) {
		*lo = ov_lo;
		*hi = ov_hi;
	} else {
		return false;
	}
	return true;
}

/*
 * alloc_overflow_stack() - give secondary @cpu an overflow stack the size
 * of the boot CPU's, its top in cpu_info.overflow_sp, before it starts.
 * Returns 0 or -ENOMEM. May sleep; boot only (never freed once the CPU
 * may be running: free_overflow_stack() is for a CPU that never started).
 */
static inline int alloc_overflow_stack(unsigned int cpu)
{
	unsigned long size = overflow_stack_top - overflow_stack;
	unsigned long ov = __get_free_pages(GFP_KERNEL, get_order(size));

	if (!ov)
		return -ENOMEM;
	per_cpu(cpu_infos, cpu).overflow_sp = ov + size;
	return 0;
}

static inline void free_overflow_stack(unsigned int cpu)
{
	unsigned long size = overflow_stack_top - overflow_stack;

	free_pages(per_cpu(cpu_infos, cpu).overflow_sp - size, get_order(size));
	per_cpu(cpu_infos, cpu).overflow_sp = 0;
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
