// SPDX-License-Identifier: GPL-2.0-only
/* KUnit tests for the buddy page allocator (suite "page_alloc"). */
#include <kunit/test.h>
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
	unsigned long start = nr_free_pages();
	unsigned long big_start = nr_free_blocks(MAX_ORDER);
	struct page **pages;
	struct page *big;
	unsigned int i, n, step;

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
	for (o = 0; o <= MAX_ORDER; o++)
		sum += nr_free_blocks(o) << o;
	KUNIT_EXPECT_EQ(test, sum, nr_free_pages());
	/* The kernel image is reserved, never free. */
	KUNIT_EXPECT_TRUE(test, PageReserved(virt_to_page((void *)&pa_memory_totals)));
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
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.exit = pa_exit,
	.test_cases = page_alloc_cases,
};

kunit_test_suites(&page_alloc_suite);
