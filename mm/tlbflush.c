// SPDX-License-Identifier: GPL-2.0-only
/*
 * TLB shootdown for user address spaces. A CPU is in mm_cpumask(mm) while
 * it has @mm's tables loaded (switch_mm_irqs_off() sets and clears its
 * bit). An architecture whose flush_tlb_page() reaches the calling CPU
 * only (!arch_tlbi_broadcast(): x86-64, riscv64, ARMv6) drops all of a
 * CPU's user translations when switch_mm() loads other tables, so only
 * the CPUs in the mask can hold stale ones; flush_tlb_mm_range() sends
 * them a cross-CPU call and waits for it. arm64 invalidates by broadcast
 * and needs no call. powerpc, whose CPUs each cache user translations
 * under a PID of their own, has its own flush_tlb_mm_range()
 * (arch/powerpc/mm/tlbflush.c).
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/preempt.h>
#include <linux/smp.h>

struct user_range {
	unsigned long start, end;
};

static void flush_user_range_here(void *info)
{
	const struct user_range *r = info;

	for (unsigned long va = r->start; va < r->end; va += PAGE_SIZE)
		flush_tlb_page(va);
}

void __weak flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct user_range r = { start & PAGE_MASK, end };
	cpumask_t others;
	unsigned int self;

	preempt_disable();
	flush_user_range_here(&r);
	if (!arch_tlbi_broadcast()) {
		/*
		 * The entries changed before the mask is read; a CPU that sets
		 * its bit after the read loads the tables after it too
		 * (switch_mm_irqs_off()), and so sees the new entries.
		 */
		smp_mb();
		self = smp_processor_id();
		others = *mm_cpumask(mm);
		cpumask_clear_cpu(self, &others);
		if (cpumask_weight(&others))
			smp_call_function_many(&others, flush_user_range_here, &r, true);
	}
	preempt_enable();
}
