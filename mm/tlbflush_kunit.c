// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the TLB shootdown of user address spaces (suite
 * "tlbflush", mm/tlbflush.c and the architectures' own): a user entry
 * changed on one CPU is seen changed on another CPU in mm_cpumask(). Needs
 * a second active CPU (the second KUnit boot of make test has four).
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <kunit/uaccess.h>
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/uaccess.h>

#define UBASE 0x0000000047000000UL	/* this suite's user test page */

struct reader {
	int first, second;	/* what the reader read before and after the change */
	int err;
	int step;		/* 1: read once; 2: the entry changed; 3: read again */
};

/*
 * On the other CPU (bound there): read the test page, which leaves its
 * translation in that CPU's TLB, wait for the change, read it again. A
 * kernel thread has no address space loaded, so both reads go through
 * the test pages' table, and switching to other kernel threads (or the
 * idle task) in between loads no other table, which would flush it.
 */
static int reader_fn(void *arg)
{
	struct reader *r = arg;

	r->err = get_user(r->first, (int __user *)UBASE);
	smp_store_release(&r->step, 1);
	while (smp_load_acquire(&r->step) != 2)
		cpu_relax();
	r->err |= get_user(r->second, (int __user *)UBASE);
	smp_store_release(&r->step, 3);
	kunit_sleep_until_stop();
	return 0;
}

/*
 * Point the test page's entry at another page on this CPU and
 * flush_tlb_mm_range() an address space loaded on the reader's CPU: the
 * reader must read the new page. On powerpc each CPU caches user
 * translations under a PID of its own, and the flush used to name this
 * CPU's only (there a stale translation only shows on hardware: QEMU's
 * tlbie drops a page from every vCPU's TLB whatever the PID).
 */
static void tlbflush_mm_range_other_cpu(struct kunit *test)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	struct reader r = {};
	struct task_struct *t;
	unsigned int cpu, self, other = nr_cpu_ids;
	pte_t *pte, old;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_NE(test, page, 0UL);
	self = kunit_pin_cpu();
	for_each_cpu(cpu, cpu_active_mask)
		if (cpu != self)
			other = cpu;
	if (other == nr_cpu_ids) {
		kunit_unpin_cpu();
		free_page(page);
		kfree(mm);
		kunit_skip(test, "needs a second active CPU (make test SMP=4)");
	}
	*(int *)page = 99;
	KUNIT_ASSERT_EQ(test, map_user_test_page(UBASE), 0);
	KUNIT_EXPECT_EQ(test, put_user(42, (int __user *)UBASE), 0);
	/* The address space "loaded" on the reader's CPU: all the flush reads of it. */
	cpumask_set_cpu(other, mm_cpumask(mm));

	t = kthread_create(reader_fn, &r, "tlbreader");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, other);
	wake_up_process(t);
	while (smp_load_acquire(&r.step) != 1)
		msleep(1);
	pte = pgtable_walk_to(arch_test_user_pgd(), USER_PGTABLE_TOP, UBASE, 0, 0);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	old = *pte;
	WRITE_ONCE(*pte, pfn_pte(PFN_DOWN(__pa((void *)page)),
				 vm_get_page_prot(VM_READ | VM_WRITE)));
	flush_tlb_mm_range(mm, UBASE, UBASE + PAGE_SIZE);
	smp_store_release(&r.step, 2);
	while (smp_load_acquire(&r.step) != 3)
		msleep(1);
	kthread_stop(t);

	KUNIT_EXPECT_EQ(test, r.err, 0);
	KUNIT_EXPECT_EQ(test, r.first, 42);
	KUNIT_EXPECT_EQ(test, r.second, 99);

	/* The original page back, flushed everywhere, then unmapped (and freed). */
	WRITE_ONCE(*pte, old);
	*mm_cpumask(mm) = *cpu_online_mask;
	flush_tlb_mm_range(mm, UBASE, UBASE + PAGE_SIZE);
	unmap_user_test_page(UBASE);
	kunit_unpin_cpu();
	free_page(page);
	kfree(mm);
}

static struct kunit_case tlbflush_cases[] = {
	KUNIT_CASE(tlbflush_mm_range_other_cpu),
	{}
};

static struct kunit_suite tlbflush_suite = {
	.name = "tlbflush",
	.test_cases = tlbflush_cases,
};

kunit_test_suites(&tlbflush_suite);
