// SPDX-License-Identifier: GPL-2.0-only
/*
 * TLB shootdown for user address spaces on powerpc64. Each CPU translates
 * user addresses through a PID of its own (USER_PID + CPU number,
 * asm/mmu.h), so an address space loaded on several CPUs at once (the
 * threads of one process) is cached under several PIDs. tlbie reaches
 * every CPU's TLB, but only for the PID it names: flush_tlb_page() names
 * the calling CPU's. So flush_tlb_mm_range() names, from here, the PID of
 * every CPU in mm_cpumask(mm), without a cross-CPU call. A CPU that
 * loads the address space after the mask is read flushes its PID as it
 * loads it (set_process_table_entry()); one that leaves it meanwhile only
 * loses translations of another address space at those addresses.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <linux/preempt.h>
#include <asm/mmu.h>

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	cpumask_t cpus;
	unsigned int cpu;

	preempt_disable();
	/* The entries changed before the mask is read: pairs with switch_mm_irqs_off(). */
	smp_mb();
	cpus = *mm_cpumask(mm);
	cpumask_set_cpu(smp_processor_id(), &cpus);
	for_each_cpu(cpu, &cpus)
		for (unsigned long va = start & PAGE_MASK; va < end; va += PAGE_SIZE)
			__tlbie_page(va, USER_PID + cpu);
	preempt_enable();
}
