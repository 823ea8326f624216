// SPDX-License-Identifier: GPL-2.0-only
/*
 * Task stacks: THREAD_SIZE bytes of vmalloc() each, with vmalloc's
 * unmapped guard page below (and above), and a cache of freed ones per
 * CPU, as Linux's kernel/fork.c keeps (NR_CACHED_STACKS, cached_stacks).
 *
 * Why a cache: a vfree() unmaps the area, and before its range may be
 * mapped again every CPU's TLB must have forgotten it. Where the flush
 * does not reach other CPUs by itself (x86_64, riscv64) that is a
 * cross-CPU call the next vmalloc() or vfree() waits for (mm/vmalloc.c),
 * so every fork waited for every other CPU. A stack kept here stays
 * mapped, so it needs no flush at all: up to NR_CACHED_STACKS freed
 * stacks stay in the freeing CPU's cache, and the next task made on that
 * CPU takes one instead of calling vmalloc(); only a stack the cache has
 * no room for goes to vfree().
 *
 * A dead task's stack is freed in the switch away from it
 * (finish_task_switch(), interrupts off, on the CPU that ran it last), a
 * task that never ran by its last put_task_struct(), in any context. So
 * a slot is one atomic word, filled with a compare-and-exchange and
 * emptied with an exchange: whoever takes the non-zero value out owns
 * that stack, whichever CPU it runs on. The owner CPU uses its own slots
 * with interrupts off (stable CPU, no sleeping); free_cached_stacks() may
 * empty any CPU's slots from another one with the same exchange, so it
 * needs no cross-CPU call and no lock.
 *
 * A reused stack is not cleared. Linux zeroes its stacks, new or cached;
 * Ferrite's vmalloc() stacks were never zeroed (plain GFP_KERNEL pages),
 * and nothing reads a stack below its live frames: there is no
 * STACK_END_MAGIC word nor high-water mark, and the arch's first frame
 * (arch_setup_thread()) is written whole at the top. A cached stack holds
 * only the old task's kernel frames, which the kernel could read anyway.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/vmalloc.h>

struct stack_cache {
	atomic_long_t slot[NR_CACHED_STACKS];	/* a stack's address, or 0 */
} ____cacheline_aligned;

static DEFINE_PER_CPU(struct stack_cache, cached_stacks);

/* Take a stack out of @cpu's cache; NULL if it has none. Any context. */
static void *take_cached_stack(unsigned int cpu)
{
	struct stack_cache *c = per_cpu_ptr(&cached_stacks, cpu);
	int i;

	for (i = 0; i < NR_CACHED_STACKS; i++) {
		if (atomic_long_read(&c->slot[i])) {
			long s = atomic_long_xchg(&c->slot[i], 0);

			if (s)
				return (void *)s;
		}
	}
	return NULL;
}

void *alloc_thread_stack(void)
{
	unsigned long flags;
	unsigned int cpu;
	void *stack;

	local_irq_save(flags);
	stack = take_cached_stack(smp_processor_id());
	local_irq_restore(flags);
	if (stack)
		return stack;
	stack = __vmalloc(THREAD_SIZE, GFP_KERNEL | __GFP_NOWARN);
	if (stack)
		return stack;
	/* Out of memory: another CPU's cached stack is better than none. */
	for_each_possible_cpu(cpu) {
		stack = take_cached_stack(cpu);
		if (stack)
			return stack;
	}
	pr_warn("task stack: no memory for %lu bytes\n", (unsigned long)THREAD_SIZE);
	return NULL;
}

void free_thread_stack(void *stack)
{
	struct stack_cache *c;
	unsigned long flags;
	int i;

	if (!stack)
		return;
	local_irq_save(flags);
	c = this_cpu_ptr(&cached_stacks);
	for (i = 0; i < NR_CACHED_STACKS; i++) {
		if (!atomic_long_read(&c->slot[i]) &&
		    !atomic_long_cmpxchg(&c->slot[i], 0, (long)stack)) {
			local_irq_restore(flags);
			return;
		}
	}
	local_irq_restore(flags);
	vfree(stack);
}

unsigned int nr_cached_stacks(unsigned int cpu)
{
	struct stack_cache *c = per_cpu_ptr(&cached_stacks, cpu);
	unsigned int n = 0;
	int i;

	for (i = 0; i < NR_CACHED_STACKS; i++)
		n += atomic_long_read(&c->slot[i]) != 0;
	return n;
}

void free_cached_stacks(void)
{
	unsigned int cpu;
	void *stack;

	for_each_possible_cpu(cpu)
		while ((stack = take_cached_stack(cpu)))
			vfree(stack);
	/* Stacks vfree'd in the switch away from their task, their ranges kept. */
	vm_unmap_aliases();
}
