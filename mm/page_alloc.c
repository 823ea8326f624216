// SPDX-License-Identifier: GPL-2.0-only
/*
 * The buddy page allocator. Free memory is kept as blocks of 2^order pages,
 * each aligned to its size in pfn space, on one free list per order. An
 * allocation splits the smallest large-enough block, handing the unused
 * halves back to the lower lists; a free merges the block with its "buddy"
 * (pfn ^ 2^order) for as long as that buddy is free and of the same order.
 *
 * One zone, one lock (taken with interrupts off: GFP_ATOMIC callers may be
 * interrupt handlers). Memory is zeroed outside the lock.
 *
 * In front of the buddy lists, each CPU keeps a list of free order-0 pages,
 * as Linux's struct per_cpu_pages: alloc_pages(order 0) takes the page at
 * its head, and when it is empty moves "batch" pages from the buddy lists
 * to it under the zone lock at once (rmqueue_bulk()); a freed page goes to
 * its head (the most recently used first, warm in the cache), and once the
 * list holds more than "high" pages, the "batch" at its tail go back to the
 * buddy lists under one taking of the zone lock (free_pcppages_bulk()). So
 * most order-0 allocations and frees take no lock shared between CPUs.
 *
 * Each CPU's list has a spinlock of its own, taken with interrupts off
 * (pages are allocated and freed from interrupt handlers too): its own CPU
 * takes it, uncontended, and drain_all_pages() takes any CPU's to give its
 * pages back from wherever it runs, with no cross-CPU call (Linux's
 * pcp->lock, which its drains of a remote CPU's lists take the same way).
 * Order: a per-CPU list's lock, then zone_lock.
 *
 * A page on a per-CPU list is free but not in the buddy: it has no
 * PG_buddy and its buddy does not merge with it until it is drained.
 * nr_free_pages() counts it free (unlike Linux's NR_FREE_PAGES), so that a
 * count of free pages before and after some work is exact whichever CPU's
 * list a page ended on; the watermark (min_free_pages) is checked against
 * the buddy's pages alone, as Linux's is against NR_FREE_PAGES. An
 * allocation that finds nothing drains every CPU's list and tries again
 * before it fails.
 */
#define pr_fmt(fmt) fmt

#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/fault-inject.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>
#include <kunit/page_alloc.h>
#include "internal.h"

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks on free_list */
};

struct page *mem_map;
unsigned long min_low_pfn;
unsigned long max_pfn;

static struct free_area free_area[NR_PAGE_ORDERS];
static DEFINE_SPINLOCK(zone_lock);
static unsigned long zone_free_pages;	/* under zone_lock; read locklessly */
static unsigned long zone_total_pages;
/* Only __GFP_HIGH (GFP_ATOMIC) allocations may take the last min_free pages. */
static unsigned long min_free_pages;

/*
 * Each CPU's free order-0 pages (Linux: zone->per_cpu_pageset). count is
 * written under lock and read locklessly by nr_free_pages().
 */
struct per_cpu_pages {
	spinlock_t lock;
	int count;			/* pages on list */
	int high;			/* above this, give batch back */
	int batch;			/* pages moved to or from the buddy at once */
	struct list_head list;		/* order 0 only */
} ____cacheline_aligned;

static DEFINE_PER_CPU(struct per_cpu_pages, per_cpu_pageset);

/* Linux sizes batch from the zone (about 1/1024 of it, up to 63); 128 MiB: 31. */
#define PCP_BATCH 31
#define PCP_HIGH (6 * PCP_BATCH)

void warn_alloc(gfp_t gfp, const char *fmt, ...)
{
	char msg[128];
	va_list ap;

	if (gfp & __GFP_NOWARN)
		return;
	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_warn("%s, mode:%#x, free:%lu pages\n", msg, gfp, READ_ONCE(zone_free_pages));
}

static void bad_page(struct page *page, const char *reason)
{
	pr_err("BUG: Bad page state: pfn:%#lx flags:%#lx count:%d: %s\n",
	       page_to_pfn(page), page->flags, atomic_read(&page->_refcount), reason);
	WARN_ON(1);
}

static inline void add_to_free_list(struct page *page, unsigned int order)
{
	__SetPageBuddy(page);
	page->private = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static inline void del_from_free_list(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	free_area[order].nr_free--;
}

/* Put a block on the free lists, merging with free buddies. Lock held. */
static void __free_one_page(unsigned long pfn, unsigned int order)
{
	lockdep_assert_held(&zone_lock);

	zone_free_pages += 1UL << order;
	while (order < MAX_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!PageBuddy(buddy) || buddy->private != order)
			break;
		del_from_free_list(buddy, order);
		pfn &= buddy_pfn;
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), order);
}

/* Take a block of exactly 2^order pages off the free lists. Lock held. */
static struct page *__rmqueue(unsigned int order)
{
	unsigned int o;

	for (o = order; o <= MAX_ORDER; o++) {
		struct page *page;

		if (list_empty(&free_area[o].free_list))
			continue;
		page = list_first_entry(&free_area[o].free_list, struct page, lru);
		del_from_free_list(page, o);
		/* Keep the low half, give back the high halves. */
		while (o > order) {
			o--;
			add_to_free_list(page + (1UL << o), o);
		}
		zone_free_pages -= 1UL << order;
		return page;
	}
	return NULL;
}

static void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long i;

	__SetPageHead(page);
	page->private = order;
	for (i = 1; i < (1UL << order); i++) {
		__SetPageTail(page + i);
		page[i].compound_head = page;
	}
}

static void clear_compound_page(struct page *page, unsigned int order)
{
	unsigned long i;

	__ClearPageHead(page);
	page->private = 0;
	for (i = 1; i < (1UL << order); i++) {
		__ClearPageTail(page + i);
		page[i].compound_head = NULL;
	}
}

/* May an allocation of 2^order pages without __GFP_HIGH go below the watermark? */
static inline bool zone_watermark_ok(gfp_t gfp, unsigned int order)
{
	return (gfp & __GFP_HIGH) ||
	       READ_ONCE(zone_free_pages) >= min_free_pages + (1UL << order);
}

/*
 * Move up to @count order-0 pages from the buddy lists to @list, watermark
 * permitting; returns how many. Takes zone_lock (the pcp lock is held).
 */
static int rmqueue_bulk(gfp_t gfp, int count, struct list_head *list)
{
	int i;

	spin_lock(&zone_lock);
	for (i = 0; i < count; i++) {
		struct page *page;

		if (!zone_watermark_ok(gfp, 0))
			break;
		page = __rmqueue(0);
		if (!page)
			break;
		list_add_tail(&page->lru, list);
	}
	spin_unlock(&zone_lock);
	return i;
}

/* Give the @count pages at the tail of @pcp's list to the buddy. Lock held. */
static void free_pcppages_bulk(struct per_cpu_pages *pcp, int count)
{
	lockdep_assert_held(&pcp->lock);
	spin_lock(&zone_lock);
	while (count-- > 0 && !list_empty(&pcp->list)) {
		struct page *page = list_last_entry(&pcp->list, struct page, lru);

		list_del(&page->lru);
		pcp->count--;
		__free_one_page(page_to_pfn(page), 0);
	}
	spin_unlock(&zone_lock);
}

/* An order-0 page from this CPU's list, refilled from the buddy if empty. */
static struct page *rmqueue_pcplist(gfp_t gfp)
{
	struct per_cpu_pages *pcp;
	struct page *page = NULL;
	unsigned long flags;

	if (!zone_watermark_ok(gfp, 0))
		return NULL;
	local_irq_save(flags);
	pcp = this_cpu_ptr(&per_cpu_pageset);
	spin_lock(&pcp->lock);
	if (list_empty(&pcp->list))
		pcp->count += rmqueue_bulk(gfp, pcp->batch, &pcp->list);
	if (!list_empty(&pcp->list)) {
		page = list_first_entry(&pcp->list, struct page, lru);
		list_del(&page->lru);
		pcp->count--;
	}
	spin_unlock(&pcp->lock);
	local_irq_restore(flags);
	return page;
}

/* A free order-0 page to this CPU's list; batch back to the buddy above high. */
static void free_unref_page(struct page *page)
{
	struct per_cpu_pages *pcp;
	unsigned long flags;

	local_irq_save(flags);
	pcp = this_cpu_ptr(&per_cpu_pageset);
	spin_lock(&pcp->lock);
	list_add(&page->lru, &pcp->list);
	pcp->count++;
	if (pcp->count > pcp->high)
		free_pcppages_bulk(pcp, pcp->batch);
	spin_unlock(&pcp->lock);
	local_irq_restore(flags);
}

/* Give all of @cpu's list to the buddy; returns how many pages it held. */
static unsigned long drain_pages(unsigned int cpu)
{
	struct per_cpu_pages *pcp = per_cpu_ptr(&per_cpu_pageset, cpu);
	unsigned long flags;
	int count;

	if (!READ_ONCE(pcp->count))
		return 0;
	spin_lock_irqsave(&pcp->lock, flags);
	count = pcp->count;
	free_pcppages_bulk(pcp, count);
	spin_unlock_irqrestore(&pcp->lock, flags);
	return count;
}

/* drain_all_pages() returning how many pages it gave back. */
static unsigned long __drain_all_pages(void)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		n += drain_pages(cpu);
	return n;
}

void drain_all_pages(void)
{
	__drain_all_pages();
}

static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order)
{
	struct page *page = NULL;
	unsigned long flags;

	if (!order)
		return rmqueue_pcplist(gfp);
	spin_lock_irqsave(&zone_lock, flags);
	if (zone_watermark_ok(gfp, order))
		page = __rmqueue(order);
	spin_unlock_irqrestore(&zone_lock, flags);
	return page;
}

struct page *__alloc_pages_nofault(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (order > MAX_ORDER) {
		warn_alloc(gfp, "page allocation failure: order:%u too large, caller %pS",
			   order, __builtin_return_address(0));
		return NULL;
	}

	page = get_page_from_freelist(gfp, order);
	/* The pages other CPUs keep (or that keep a block from merging). */
	if (!page && __drain_all_pages())
		page = get_page_from_freelist(gfp, order);
	if (!page) {
		warn_alloc(gfp, "page allocation failure: order:%u, caller %pS",
			   order, __builtin_return_address(0));
		return NULL;
	}

	if (page->flags)
		bad_page(page, "flags set on a free page");
	page->flags = 0;
	atomic_set(&page->_refcount, 1);
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
	if (gfp & __GFP_ZERO)
		for (unsigned long i = 0; i < (1UL << order); i++)
			clear_page(page_address(page + i));
	return page;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	if (should_fail_alloc(gfp)) {
		warn_alloc(gfp, "page allocation failure (injected): order:%u, caller %pS",
			   order, __builtin_return_address(0));
		return NULL;
	}
	return __alloc_pages_nofault(gfp, order);
}

/* Give a block whose last reference is gone back to the free lists. */
static void free_the_page(struct page *page, unsigned int order)
{
	unsigned long flags;

	if (PageHead(page)) {
		if (compound_order(page) != order) {
			bad_page(page, "freed with the wrong order");
			order = compound_order(page);
		}
		clear_compound_page(page, order);
	}
	if (page->flags) {
		bad_page(page, "freeing a page still in use (reserved/slab/tail)");
		return;
	}
	if (order > MAX_ORDER || (page_to_pfn(page) & ((1UL << order) - 1))) {
		bad_page(page, "freeing a misaligned block or bad order");
		return;
	}

	if (!order) {
		free_unref_page(page);
		return;
	}
	spin_lock_irqsave(&zone_lock, flags);
	__free_one_page(page_to_pfn(page), order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* Drop one reference; true if it was the last. Catches double frees. */
static bool put_page_testzero(struct page *page)
{
	if (atomic_read(&page->_refcount) <= 0) {
		bad_page(page, "freeing a free page (double free?)");
		return false;
	}
	return atomic_dec_and_test(&page->_refcount);
}

void __free_pages(struct page *page, unsigned int order)
{
	if (!page)
		return;
	if (put_page_testzero(page))
		free_the_page(page, order);
}

void put_page(struct page *page)
{
	page = compound_head(page);
	if (put_page_testzero(page))
		free_the_page(page, compound_order(page));
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	unsigned int order = get_order(size);
	unsigned long nr = PAGE_ALIGN(size) >> PAGE_SHIFT, i;
	struct page *page;

	if (!size)
		return NULL;
	page = alloc_pages(gfp & ~__GFP_COMP, order);
	if (!page)
		return NULL;
	/* Every page becomes a separately freeable order-0 page. */
	for (i = 1; i < (1UL << order); i++)
		atomic_set(&page[i]._refcount, 1);
	for (i = nr; i < (1UL << order); i++)
		__free_pages(page + i, 0);
	return page_address(page);
}

void free_pages_exact(void *virt, size_t size)
{
	unsigned long addr = (unsigned long)virt;
	unsigned long end = addr + PAGE_ALIGN(size);

	if (!virt)
		return;
	for (; addr < end; addr += PAGE_SIZE)
		__free_pages(virt_to_page((void *)addr), 0);
}

unsigned long nr_free_pages(void)
{
	unsigned long n = READ_ONCE(zone_free_pages);
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		n += READ_ONCE(per_cpu(per_cpu_pageset, cpu).count);
	return n;
}

#ifdef CONFIG_KUNIT
unsigned int nr_pcp_pages(unsigned int cpu)
{
	return READ_ONCE(per_cpu(per_cpu_pageset, cpu).count);
}

unsigned int pcp_batch(void)
{
	return PCP_BATCH;
}

unsigned int pcp_high(void)
{
	return PCP_HIGH;
}
#endif

unsigned long totalram_pages(void)
{
	return READ_ONCE(zone_total_pages);
}

unsigned long nr_free_blocks(unsigned int order)
{
	return order <= MAX_ORDER ? READ_ONCE(free_area[order].nr_free) : 0;
}

void show_free_areas(void)
{
	unsigned int o;

	pr_info("Free pages: %lu, blocks per order:", nr_free_pages());
	for (o = 0; o <= MAX_ORDER; o++)
		pr_cont(" %lu", nr_free_blocks(o));
	pr_cont("\n");
}

/* Free the whole pages inside [start, end) at boot, in max-size blocks. */
static void __init free_boot_range(phys_addr_t start, phys_addr_t end)
{
	unsigned long pfn = max(PFN_UP(start), min_low_pfn);
	unsigned long end_pfn = min(PFN_DOWN(end), max_pfn);
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	while (pfn < end_pfn) {
		unsigned int order = pfn ? min(__builtin_ctzl(pfn), MAX_ORDER) : MAX_ORDER;
		unsigned long i;

		while (pfn + (1UL << order) > end_pfn)
			order--;
		for (i = 0; i < (1UL << order); i++)
			__ClearPageReserved(pfn_to_page(pfn + i));
		__free_one_page(pfn, order);
		zone_total_pages += 1UL << order;
		pfn += 1UL << order;
	}
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* Give every page that is RAM and not reserved to the buddy lists. */
static void __init free_boot_memory(void)
{
	struct memblock_region *mem, *res;
	unsigned long i, j;

	for_each_memblock_type(i, &memblock.memory, mem) {
		phys_addr_t cur = mem->base, mend = mem->base + mem->size;

		for_each_memblock_type(j, &memblock.reserved, res) {
			phys_addr_t rend = res->base + res->size;

			if (rend <= cur)
				continue;
			if (res->base >= mend)
				break;
			if (res->base > cur)
				free_boot_range(cur, res->base);
			cur = max(cur, rend);
		}
		if (cur < mend)
			free_boot_range(cur, mend);
	}
}

void __init mm_core_init(void)
{
	phys_addr_t end = min(memblock_end_of_DRAM(), (phys_addr_t)MAX_PHYS_ADDR);
	phys_addr_t map_size, map_pa;
	unsigned long pfn;
	unsigned int o;

	/* Whole max-order blocks from the start of RAM, so buddies stay inside. */
	min_low_pfn = ALIGN_DOWN(PFN_DOWN(memblock_start_of_DRAM()), 1UL << MAX_ORDER);
	max_pfn = PFN_DOWN(end);
	if (max_pfn <= min_low_pfn)
		panic("mm_core_init: no RAM below %#llx", (unsigned long long)end);
	map_size = PAGE_ALIGN((max_pfn - min_low_pfn) * sizeof(struct page));
	map_pa = memblock_alloc(map_size, PAGE_SIZE);
	if (!map_pa)
		panic("mm_core_init: cannot allocate mem_map for %lu pages", max_pfn - min_low_pfn);
	mem_map = __va(map_pa);

	/* memblock_alloc() zeroed it: only the flags need setting. */
	for (pfn = min_low_pfn; pfn < max_pfn; pfn++)
		pfn_to_page(pfn)->flags = 1UL << PG_reserved;
	for (o = 0; o <= MAX_ORDER; o++)
		INIT_LIST_HEAD(&free_area[o].free_list);
	/* Every CPU's, as secondary CPUs become possible only later. */
	for (pfn = 0; pfn < nr_cpu_ids; pfn++) {
		struct per_cpu_pages *pcp = per_cpu_ptr(&per_cpu_pageset, pfn);

		spin_lock_init(&pcp->lock);
		INIT_LIST_HEAD(&pcp->list);
		pcp->count = 0;
		pcp->batch = PCP_BATCH;
		pcp->high = PCP_HIGH;
	}

	free_boot_memory();
	memblock_done();
	min_free_pages = clamp(zone_total_pages / 256, 16UL, 1024UL);

	kmem_cache_init();

	pr_info("Memory: %luK/%luK available (%luK reserved, mem_map %luK)\n",
		zone_free_pages << (PAGE_SHIFT - 10),
		(unsigned long)(memblock_phys_mem_size() >> 10),
		(unsigned long)((memblock_phys_mem_size() >> 10) -
				(zone_free_pages << (PAGE_SHIFT - 10))),
		(unsigned long)(map_size >> 10));
}
