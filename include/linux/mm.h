/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page frames: struct page <-> pfn <-> direct-map address conversions, page
 * flags, memory totals and mm_core_init(). The allocator itself is in
 * linux/gfp.h, kmalloc in linux/slab.h, vmalloc in linux/vmalloc.h.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/mm_types.h>
#include <linux/gfp.h>
#include <asm/page.h>

/*
 * One struct page per pfn in [min_low_pfn, max_pfn), from the start to the
 * end of RAM (RAM starts at 0 on x86-64, at 1 GiB on arm64's virt board);
 * built by mm_core_init().
 */
extern struct page *mem_map;
extern unsigned long min_low_pfn;
extern unsigned long max_pfn;

enum pageflags {
	PG_reserved,		/* never given to the allocator (holes, kernel, boot data) */
	PG_buddy,		/* heads a free block in the buddy lists */
	PG_slab,		/* owned by a slab cache (page->slab_cache) */
	PG_head,		/* first page of a compound page */
	PG_tail,		/* other page of a compound page */
	PG_large_kmalloc,	/* kmalloc() block too big for a slab cache */
};

#define __PAGEFLAG(name, bit)						\
static inline bool Page##name(const struct page *page)			\
{ return page->flags & (1UL << (bit)); }				\
static inline void __SetPage##name(struct page *page)			\
{ page->flags |= 1UL << (bit); }					\
static inline void __ClearPage##name(struct page *page)			\
{ page->flags &= ~(1UL << (bit)); }

__PAGEFLAG(Reserved, PG_reserved)
__PAGEFLAG(Buddy, PG_buddy)
__PAGEFLAG(Slab, PG_slab)
__PAGEFLAG(Head, PG_head)
__PAGEFLAG(Tail, PG_tail)
__PAGEFLAG(LargeKmalloc, PG_large_kmalloc)

#undef __PAGEFLAG

#define SetPageReserved __SetPageReserved
#define ClearPageReserved __ClearPageReserved

/*
 * The conversions below are plain arithmetic on mem_map and the direct
 * map: they never sleep or allocate and work in any context, but only for
 * RAM pages (pfn_valid(); virtual addresses in the direct map or the
 * kernel image, not vmalloc - see vmalloc_to_page()).
 */

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + min_low_pfn;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - min_low_pfn);
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= min_low_pfn && pfn < max_pfn;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

#define phys_to_page(pa) pfn_to_page(PFN_DOWN(pa))

/* Direct-map address of the page's memory. */
static inline void *page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/* struct page of a direct-map (or kernel-image) address. */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PFN_DOWN(__pa(addr)));
}

static inline unsigned long virt_to_pfn(const void *addr)
{
	return PFN_DOWN(__pa(addr));
}

/* Head page of the compound page holding page (page itself if none). */
static inline struct page *compound_head(const struct page *page)
{
	if (PageTail(page))
		return page->compound_head;
	return (struct page *)page;
}

static inline struct page *virt_to_head_page(const void *addr)
{
	return compound_head(virt_to_page(addr));
}

/* Order of a compound page given its head; 0 for a single page. */
static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? (unsigned int)page->private : 0;
}

static inline int page_count(const struct page *page)
{
	return atomic_read(&compound_head(page)->_refcount);
}

/* Take one more reference to an allocated page (any context). */
static inline void get_page(struct page *page)
{
	atomic_inc(&compound_head(page)->_refcount);
}

/*
 * put_page() - drop a reference; the last one frees the page, or the whole
 * compound page it belongs to. Never sleeps; any context.
 */
void put_page(struct page *page);

/* Smallest order whose block holds size bytes (size > 0). */
static inline unsigned int get_order(unsigned long size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return (unsigned int)fls64((size - 1) >> PAGE_SHIFT);
}

#define PAGE_ALIGN(addr) ALIGN((unsigned long)(addr), PAGE_SIZE)
#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

/* Pages currently free in the buddy allocator. Any context, no lock. */
unsigned long nr_free_pages(void);

/* Pages handed to the buddy allocator at boot (all usable RAM). */
unsigned long totalram_pages(void);

/* Free blocks of each order, for diagnostics and tests; order <= MAX_ORDER. */
unsigned long nr_free_blocks(unsigned int order);

/*
 * mm_core_init() - called once by start_kernel() with interrupts off, after
 * the arch has described RAM to memblock and mapped it all at PAGE_OFFSET.
 * Builds mem_map, gives every non-reserved page to the buddy allocator,
 * then sets up kmalloc. Prints "Memory: <free>K/<total>K available".
 */
void mm_core_init(void);

/* Print the free lists, one line (boot diagnostics, debugging). */
void show_free_areas(void);

#endif /* _LINUX_MM_H */
