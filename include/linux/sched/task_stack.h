/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel stacks a fault report or a backtrace meets: the current
 * thread's (THREAD_SIZE bytes at task->stack, with an unmapped guard page
 * below it), and the stacks an architecture's entry code defines for
 * itself: the boot stack (boot_stack_bottom..boot_stack_top) and the
 * stack exceptions move to when a thread's stack has no room left: the
 * boot CPU's is overflow_stack..overflow_stack_top; an architecture that
 * starts other CPUs gives each its own of the same size, whose top is in
 * its cpu_info.overflow_sp. Task stacks come from alloc_thread_stack(),
 * which keeps a few freed ones per CPU.
 */
#ifndef _LINUX_SCHED_TASK_STACK_H
#define _LINUX_SCHED_TASK_STACK_H

#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/page.h>

/*
 * Freed task stacks each CPU keeps mapped for its next tasks
 * (kernel/task_stack.c), as Linux's kernel/fork.c does.
 */
#define NR_CACHED_STACKS 2

/*
 * alloc_thread_stack() - a task's kernel stack: THREAD_SIZE bytes,
 * mapped, with an unmapped guard page below. This CPU's cached stacks
 * first (not cleared: the previous task's frames are still there), else
 * vmalloc(), else, when that finds no memory, another CPU's cached
 * stack. Returns NULL (with a warning) if none. May sleep (vmalloc):
 * process context.
 */
void *alloc_thread_stack(void);

/*
 * free_thread_stack() - free a stack from alloc_thread_stack() (NULL is
 * ignored): into this CPU's cache if it has room, else vfree(). Any
 * context, interrupts off included (a dead task's stack is freed in the
 * switch away from it); then vfree() defers the range's release, see
 * <linux/vmalloc.h>.
 */
void free_thread_stack(void *stack);

/*
 * free_cached_stacks() - vfree() every CPU's cached stacks, so that their
 * pages and their vmalloc bookkeeping read as free, and release the
 * ranges of stacks vfree()'d earlier with interrupts off
 * (vm_unmap_aliases()): kmem_cache_shrink_all() and, for tests,
 * slab_allocated_bytes() call it. Safe while the CPUs use their caches.
 * Process context, interrupts on; may sleep.
 */
void free_cached_stacks(void);

/* nr_cached_stacks() - how many stacks @cpu's cache holds now. Any context. */
unsigned int nr_cached_stacks(unsigned int cpu);

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
