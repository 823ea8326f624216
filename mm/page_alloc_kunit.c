// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the buddy page allocator and the per-CPU lists of free
 * pages in front of it (suite "page_alloc").
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <kunit/page_alloc.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/fault-inject.h>

/* Every order: size-aligned pfn, address round trips, free count moves by 2^order. */
static void pa_alloc_each_order(struct kunit *test)
{
	unsigned long start = nr_free_pages();
	unsigned int order;

	for (order = 0; order <= MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long pfn, npages = 1UL << order;
		char *va;

		KUNIT_ASSERT_NOT_NULL(test, page);
		pfn = page_to_pfn(page);
		va = page_address(page);
		KUNIT_EXPECT_EQ(test, pfn & (npages - 1), 0UL);
		KUNIT_EXPECT_EQ(test, __pa(va), PFN_PHYS(pfn));
		KUNIT_EXPECT_EQ(test, __pa(va) & ((PAGE_SIZE << order) - 1), 0UL);
		KUNIT_EXPECT_PTR_EQ(test, virt_to_page(va), page);
		KUNIT_EXPECT_PTR_EQ(test, pfn_to_page(pfn), page);
		KUNIT_EXPECT_PTR_EQ(test, virt_to_page(va + (PAGE_SIZE << order) - 1),
				    page + npages - 1);
		KUNIT_EXPECT_EQ(test, page_count(page), 1);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), start - npages);
		/* The whole block is usable memory. */
		va[0] = 0x5a;
		va[(PAGE_SIZE << order) - 1] = 0xa5;
		KUNIT_EXPECT_EQ(test, va[0], 0x5a);
		KUNIT_EXPECT_EQ(test, va[(PAGE_SIZE << order) - 1], 0xa5);
		__free_pages(page, order);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), start);
	}
}

/* Orders beyond MAX_ORDER fail cleanly. */
static void pa_order_too_large(struct kunit *test)
{
	unsigned long start = nr_free_pages();

	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER + 1));
	KUNIT_EXPECT_EQ(test, __get_free_pages(GFP_KERNEL | __GFP_NOWARN, 31), 0UL);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);
}

#define MERGE_PAGES 1536

/* Scattered order-0 frees coalesce back into the same max-order blocks. */
static void pa_buddies_merge(struct kunit *test)
{
	unsigned long start, big_start;
	struct page **pages;
	struct page *big;
	unsigned int i, n, step;

	/* The per-CPU lists' pages are in no block until drained. */
	drain_all_pages();
	start = nr_free_pages();
	big_start = nr_free_blocks(MAX_ORDER);
	pages = (struct page **)__get_free_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, pages);
	start -= 4;
	for (n = 0; n < MERGE_PAGES; n++) {
		pages[n] = alloc_page(GFP_KERNEL | __GFP_NOWARN);
		if (!pages[n])
			break;
	}
	KUNIT_EXPECT_EQ(test, n, MERGE_PAGES);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start - n);

	/* Free in a scattered order: stride 7 is coprime with MERGE_PAGES. */
	for (i = 0, step = 0; i < n; i++, step = (step + 7) % n)
		__free_pages(pages[step], 0);
	free_pages((unsigned long)pages, 2);

	KUNIT_EXPECT_EQ(test, nr_free_pages(), start + 4);
	drain_all_pages();
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start + 4);
	KUNIT_EXPECT_EQ(test, nr_free_blocks(MAX_ORDER), big_start);
	big = alloc_pages(GFP_KERNEL, MAX_ORDER);
	KUNIT_ASSERT_NOT_NULL(test, big);
	__free_pages(big, MAX_ORDER);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start + 4);
}

/* Allocate until the allocator says no, then give everything back. */
static void pa_exhaustion(struct kunit *test)
{
	unsigned long start = nr_free_pages(), count = 0;
	struct page *page, *tmp, *reserve;
	LIST_HEAD(held);

	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN)) != NULL) {
		list_add(&page->lru, &held);
		count++;
	}
	kunit_info(test, "allocated %lu of %lu free pages before failure", count, start);
	KUNIT_EXPECT_GT(test, count, 0UL);
	KUNIT_EXPECT_LE(test, count, start);
	KUNIT_EXPECT_NULL(test, alloc_page(GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_NOWAIT | __GFP_NOWARN, 0));
	/* GFP_ATOMIC may still dip into the emergency reserve. */
	reserve = alloc_page(GFP_ATOMIC | __GFP_NOWARN);
	KUNIT_EXPECT_NOT_NULL(test, reserve);
	__free_pages(reserve, 0);

	list_for_each_entry_safe(page, tmp, &held, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);
	page = alloc_pages(GFP_KERNEL, MAX_ORDER);
	KUNIT_EXPECT_NOT_NULL(test, page);
	__free_pages(page, MAX_ORDER);
}

static unsigned long count_nonzero(const u8 *p, size_t n)
{
	unsigned long bad = 0;
	size_t i;

	for (i = 0; i < n; i++)
		bad += p[i] != 0;
	return bad;
}

/* __GFP_ZERO clears pages that were dirty when freed. */
static void pa_gfp_zero(struct kunit *test)
{
	unsigned int order;

	for (order = 0; order <= 3; order++) {
		size_t bytes = PAGE_SIZE << order;
		struct page *dirty = alloc_pages(GFP_KERNEL, order), *clean;

		KUNIT_ASSERT_NOT_NULL(test, dirty);
		memset(page_address(dirty), 0xcc, bytes);
		__free_pages(dirty, order);
		clean = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		KUNIT_ASSERT_NOT_NULL(test, clean);
		/* LIFO free lists: normally the very block just dirtied. */
		if (clean != dirty)
			kunit_info(test, "order %u: got a different block", order);
		KUNIT_EXPECT_EQ(test, count_nonzero(page_address(clean), bytes), 0UL);
		__free_pages(clean, order);
	}
	{
		unsigned long va = get_free_page(GFP_KERNEL);

		KUNIT_ASSERT_NE(test, va, 0UL);
		memset((void *)va, 0x77, PAGE_SIZE);
		free_page(va);
		va = get_zeroed_page(GFP_KERNEL);
		KUNIT_ASSERT_NE(test, va, 0UL);
		KUNIT_EXPECT_EQ(test, count_nonzero((u8 *)va, PAGE_SIZE), 0UL);
		free_page(va);
	}
}

/* clear_page() zeroes exactly its page: the bytes on either side stay. */
static void pa_clear_page_bounds(struct kunit *test)
{
	struct page *block = alloc_pages(GFP_KERNEL, 2);
	u8 *va;

	KUNIT_ASSERT_NOT_NULL(test, block);
	va = page_address(block);
	memset(va, 0xcc, 4 * PAGE_SIZE);
	clear_page(va + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, count_nonzero(va + PAGE_SIZE, PAGE_SIZE), 0UL);
	KUNIT_EXPECT_EQ(test, count_nonzero(va, PAGE_SIZE), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, count_nonzero(va + 2 * PAGE_SIZE, 2 * PAGE_SIZE), 2 * PAGE_SIZE);
	__free_pages(block, 2);
}

/* Compound pages, reference counts and alloc_pages_exact(). */
static void pa_compound_and_refcount(struct kunit *test)
{
	unsigned long start = nr_free_pages();
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);
	char *va;
	void *exact;

	KUNIT_ASSERT_NOT_NULL(test, head);
	va = page_address(head);
	KUNIT_EXPECT_TRUE(test, PageHead(head));
	KUNIT_EXPECT_EQ(test, compound_order(head), 3U);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_head_page(va + 5 * PAGE_SIZE + 17), head);
	KUNIT_EXPECT_PTR_EQ(test, compound_head(head + 7), head);

	/* An extra reference keeps the block alive past __free_pages(). */
	get_page(head + 2);
	KUNIT_EXPECT_EQ(test, page_count(head), 2);
	__free_pages(head, 3);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start - 8);
	put_page(head + 4);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);

	/* 5 pages: the order-3 block's last 3 pages go back at once. */
	exact = alloc_pages_exact(5 * PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, exact);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start - 5);
	memset(exact, 0x11, 5 * PAGE_SIZE);
	free_pages_exact(exact, 5 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);
}

/* Fault injection fails exactly the chosen allocation, once. */
static void pa_fault_injection(struct kunit *test)
{
	unsigned long injected = alloc_fail_count();
	struct page *a, *b, *c, *d;

	alloc_fail_after(2);
	KUNIT_EXPECT_TRUE(test, alloc_fail_armed());
	a = alloc_page(GFP_KERNEL);
	b = alloc_pages(GFP_KERNEL, 2);
	c = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	d = alloc_page(GFP_KERNEL);
	alloc_fail_off();

	KUNIT_EXPECT_NOT_NULL(test, a);
	KUNIT_EXPECT_NOT_NULL(test, b);
	KUNIT_EXPECT_NULL(test, c);
	KUNIT_EXPECT_NOT_NULL(test, d);
	KUNIT_EXPECT_EQ(test, alloc_fail_count(), injected + 1);
	KUNIT_EXPECT_FALSE(test, alloc_fail_armed());
	__free_pages(a, 0);
	__free_pages(b, 2);
	__free_pages(c, 0);
	__free_pages(d, 0);

	/* Zero: the very next request fails; disarming cancels. */
	alloc_fail_after(0);
	KUNIT_EXPECT_EQ(test, get_zeroed_page(GFP_KERNEL | __GFP_NOWARN), 0UL);
	alloc_fail_after(0);
	alloc_fail_off();
	a = alloc_page(GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, a);
	__free_pages(a, 0);
	KUNIT_EXPECT_EQ(test, alloc_fail_count(), injected + 2);
}

/* The totals agree with what memblock saw at boot. */
static void pa_memory_totals(struct kunit *test)
{
	unsigned long total = totalram_pages(), sum = 0;
	unsigned int o;

	KUNIT_EXPECT_GT(test, total, 0UL);
	KUNIT_EXPECT_LE(test, nr_free_pages(), total);
	KUNIT_EXPECT_LE(test, total << PAGE_SHIFT, memblock_phys_mem_size());
	KUNIT_EXPECT_LE(test, max_pfn, PFN_DOWN(memblock_end_of_DRAM()));
	/* Every free page in a buddy block: none left on a per-CPU list. */
	drain_all_pages();
	for (o = 0; o <= MAX_ORDER; o++)
		sum += nr_free_blocks(o) << o;
	KUNIT_EXPECT_EQ(test, sum, nr_free_pages());
	/* The kernel image is reserved, never free. */
	KUNIT_EXPECT_TRUE(test, PageReserved(virt_to_page((void *)&pa_memory_totals)));
}

/* Move current to @cpu alone (at once, as set_cpus_allowed_ptr() does). */
static void move_to_cpu(struct kunit *test, unsigned int cpu)
{
	cpumask_t one = {};

	cpumask_set_cpu(cpu, &one);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, &one), 0);
	KUNIT_EXPECT_EQ(test, task_cpu(current), cpu);
}

/* Another active CPU than @home, or @home on one CPU. */
static unsigned int other_cpu(unsigned int home)
{
	unsigned int cpu;

	for_each_cpu(cpu, cpu_active_mask)
		if (cpu != home)
			return cpu;
	return home;
}

#define PCP_TEST_PAGES 512

/*
 * This CPU's list takes pcp_batch() pages from the buddy when empty and
 * gives pcp_batch() back once it holds more than pcp_high(), never
 * holding more; the free count moves by one page per page either way;
 * drained, every free page is in a buddy block again. Interrupts off, so
 * that nothing else on this CPU allocates or frees meanwhile.
 */
static void pa_pcp_refill_and_drain_in_batches(struct kunit *test)
{
	unsigned int cpu = kunit_pin_cpu(), batch = pcp_batch(), high = pcp_high();
	unsigned int after_first, after_free, most = 0, expect, i, n = 0, bad_free = 0;
	unsigned long start, sum = 0, flags, free_mid;
	struct page **pages;
	unsigned int o;

	KUNIT_ASSERT_GT(test, high, batch);
	KUNIT_ASSERT_LT(test, high + batch, (unsigned int)PCP_TEST_PAGES);
	pages = (struct page **)__get_free_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, pages);
	drain_all_pages();
	start = nr_free_pages();

	local_irq_save(flags);
	KUNIT_EXPECT_EQ(test, nr_pcp_pages(cpu), 0U);
	pages[n++] = alloc_page(GFP_KERNEL);
	after_first = nr_pcp_pages(cpu);
	__free_page(pages[--n]);
	after_free = nr_pcp_pages(cpu);
	/* Take more than a list ever holds, then give it all back here. */
	while (n < PCP_TEST_PAGES) {
		pages[n] = alloc_page(GFP_KERNEL | __GFP_NOWARN);
		if (!pages[n])
			break;
		n++;
	}
	free_mid = nr_free_pages();
	expect = nr_pcp_pages(cpu);
	for (i = 0; i < n; i++) {
		__free_page(pages[i]);
		if (++expect > high)
			expect -= batch;
		most = max(most, nr_pcp_pages(cpu));
		bad_free += nr_pcp_pages(cpu) != expect;
	}
	local_irq_restore(flags);

	KUNIT_EXPECT_EQ(test, after_first, batch - 1);
	KUNIT_EXPECT_EQ(test, after_free, batch);
	KUNIT_EXPECT_EQ(test, n, (unsigned int)PCP_TEST_PAGES);
	KUNIT_EXPECT_EQ(test, free_mid, start - n);
	KUNIT_EXPECT_EQ(test, bad_free, 0U);
	KUNIT_EXPECT_EQ(test, most, high);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);

	drain_all_pages();
	KUNIT_EXPECT_EQ(test, nr_pcp_pages(cpu), 0U);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);
	for (o = 0; o <= MAX_ORDER; o++)
		sum += nr_free_blocks(o) << o;
	KUNIT_EXPECT_EQ(test, sum, nr_free_pages());
	free_pages((unsigned long)pages, 2);
	kunit_unpin_cpu();
}

/*
 * A page freed on another CPU goes to that CPU's list, counted free; the
 * next page this CPU allocates is the one it freed last itself; and
 * drain_all_pages() here empties the other CPU's list too.
 */
static void pa_pcp_free_on_other_cpu(struct kunit *test)
{
	unsigned int home = kunit_pin_cpu(), other = other_cpu(home);
	struct page *mine, *theirs, *again;
	unsigned long start;

	drain_all_pages();
	start = nr_free_pages();
	mine = alloc_page(GFP_KERNEL);
	theirs = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mine);
	KUNIT_ASSERT_NOT_NULL(test, theirs);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start - 2);

	move_to_cpu(test, other);
	__free_page(theirs);
	KUNIT_EXPECT_GT(test, nr_pcp_pages(other), 0U);
	move_to_cpu(test, home);
	__free_page(mine);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);
	again = alloc_page(GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, again, mine);
	__free_page(again);

	drain_all_pages();
	KUNIT_EXPECT_EQ(test, nr_pcp_pages(other), 0U);
	KUNIT_EXPECT_EQ(test, nr_pcp_pages(home), 0U);
	KUNIT_EXPECT_EQ(test, page_count(theirs), 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);
	kunit_unpin_cpu();
}

/*
 * Out of pages, an allocation drains every CPU's list before it fails:
 * the pages another CPU keeps are handed out, none is left on any list.
 */
static void pa_pcp_drained_before_enomem(struct kunit *test)
{
	unsigned int home = kunit_pin_cpu(), other = other_cpu(home);
	unsigned long start, count = 0;
	struct page *page, *tmp;
	LIST_HEAD(held);

	/* Fill the other CPU's list: a batch taken, all given back there. */
	move_to_cpu(test, other);
	drain_all_pages();
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_page(page);
	KUNIT_EXPECT_EQ(test, nr_pcp_pages(other), pcp_batch());
	move_to_cpu(test, home);
	start = nr_free_pages();

	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN)) != NULL) {
		list_add(&page->lru, &held);
		count++;
	}
	KUNIT_EXPECT_EQ(test, nr_pcp_pages(other), 0U);
	KUNIT_EXPECT_EQ(test, nr_pcp_pages(home), 0U);
	KUNIT_EXPECT_GT(test, count, 0UL);
	KUNIT_EXPECT_LE(test, count, start);

	list_for_each_entry_safe(page, tmp, &held, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), start);
	kunit_unpin_cpu();
}

static void pa_exit(struct kunit *test)
{
	alloc_fail_off();
}

static struct kunit_case page_alloc_cases[] = {
	KUNIT_CASE(pa_alloc_each_order),
	KUNIT_CASE(pa_order_too_large),
	KUNIT_CASE(pa_buddies_merge),
	KUNIT_CASE(pa_exhaustion),
	KUNIT_CASE(pa_gfp_zero),
	KUNIT_CASE(pa_clear_page_bounds),
	KUNIT_CASE(pa_compound_and_refcount),
	KUNIT_CASE(pa_fault_injection),
	KUNIT_CASE(pa_memory_totals),
	KUNIT_CASE(pa_pcp_refill_and_drain_in_batches),
	KUNIT_CASE(pa_pcp_free_on_other_cpu),
	KUNIT_CASE(pa_pcp_drained_before_enomem),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.exit = pa_exit,
	.test_cases = page_alloc_cases,
};

kunit_test_suites(&page_alloc_suite);
