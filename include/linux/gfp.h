/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page allocator's interface and the GFP ("get free pages") flags every
 * allocator takes.
 *
 * GFP_KERNEL	normal allocation from process context; may sleep.
 * GFP_ATOMIC	from interrupts or with locks held; never sleeps and may
 *		dip into the last reserve pages.
 * GFP_NOWAIT	never sleeps, no reserves: may fail rather than wait.
 * __GFP_ZERO	return zeroed memory.
 * __GFP_NOWARN	do not print a message when the allocation fails.
 * __GFP_COMP	(alloc_pages, order > 0) make a compound page: the tail pages
 *		point to the head, so virt_to_head_page() works on any byte.
 *
 * No allocation retries forever: there is no __GFP_NOFAIL, every caller
 * must handle failure (NULL / 0). Ferrite has no reclaim, so GFP_KERNEL and
 * GFP_NOWAIT differ only in how far they may dip into the reserve.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/mm_types.h>

#define __GFP_HIGH		0x01u	/* may use the emergency reserve */
#define __GFP_IO		0x02u	/* may start I/O to free memory */
#define __GFP_FS		0x04u	/* may call into a filesystem */
#define __GFP_DIRECT_RECLAIM	0x08u	/* may sleep to free memory */
#define __GFP_KSWAPD_RECLAIM	0x10u	/* may wake background reclaim */
#define __GFP_ZERO		0x100u	/* zero the memory */
#define __GFP_NOWARN		0x200u	/* no failure message */
#define __GFP_COMP		0x400u	/* compound page */
#define __GFP_NORETRY		0x800u	/* accepted, meaningless without reclaim */
#define __GFP_RETRY_MAYFAIL	0x1000u	/* accepted, meaningless without reclaim */
#define __GFP_ACCOUNT		0x2000u	/* accepted, ignored (no memcg) */

#define __GFP_RECLAIM	(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ATOMIC	(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT (GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT	(__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO	(__GFP_RECLAIM)
#define GFP_NOFS	(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)

/* Highest order: blocks of up to 2^MAX_ORDER pages (4 MiB). Linux: MAX_PAGE_ORDER. */
#define MAX_ORDER 10
#define MAX_PAGE_ORDER MAX_ORDER
#define NR_PAGE_ORDERS (MAX_ORDER + 1)

/* True if the flags allow the allocator to sleep. */
static inline bool gfpflags_allow_blocking(gfp_t gfp)
{
	return !!(gfp & __GFP_DIRECT_RECLAIM);
}

/*
 * alloc_pages() - allocate 2^order physically contiguous pages, aligned to
 * their size (the first pfn is a multiple of 2^order). Returns the first
 * struct page (reference count 1), or NULL on failure (with a one-line
 * message unless __GFP_NOWARN). Never sleeps; with GFP_ATOMIC it is callable
 * from interrupts and with interrupts off. Subject to fault injection.
 * Order 0 comes from this CPU's list of free pages, refilled a batch at a
 * time; it fails only after drain_all_pages() gave nothing back, or the
 * buddy still had no block (or only the reserve) after it.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);

/* alloc_pages() for one page. */
static inline struct page *alloc_page(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

/*
 * drain_all_pages() - give the free order-0 pages every CPU keeps on its
 * list (mm/page_alloc.c) back to the buddy lists, where they merge with
 * their buddies. An allocation that finds no page calls it before it
 * fails; call it before looking at nr_free_blocks(). Linux's takes a zone
 * (NULL: all); Ferrite has one. Any context; never sleeps or allocates;
 * takes each CPU's list lock in turn, no cross-CPU call.
 */
void drain_all_pages(void);

/*
 * __free_pages() - drop a reference to a block from alloc_pages(); when it
 * was the last one, give the 2^order pages back. order must be the one it
 * was allocated with. NULL is ignored. Never sleeps; any context. An
 * order-0 page goes to this CPU's free list, the buddy lists getting a
 * batch of them back once it holds too many (drain_all_pages()).
 */
void __free_pages(struct page *page, unsigned int order);

#define __free_page(page) __free_pages((page), 0)

/*
 * __get_free_pages() - like alloc_pages() but returns the direct-map
 * virtual address of the block, or 0 on failure.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);

/* One page, direct-map address or 0. */
static inline unsigned long get_free_page(gfp_t gfp)
{
	return __get_free_pages(gfp, 0);
}

#define __get_free_page(gfp) __get_free_pages((gfp), 0)

/* One zeroed page, direct-map address or 0. */
unsigned long get_zeroed_page(gfp_t gfp);

/*
 * free_pages() - free a block by its direct-map address (from
 * __get_free_pages() with the same order). 0 is ignored. Any context.
 */
void free_pages(unsigned long addr, unsigned int order);

#define free_page(addr) free_pages((addr), 0)

/*
 * alloc_pages_exact() / free_pages_exact(): size bytes rounded up to whole
 * pages; the pages beyond what was asked for (up to the power of two) are
 * given back. Returns the direct-map address or NULL. Never sleeps.
 */
void *alloc_pages_exact(size_t size, gfp_t gfp);
void free_pages_exact(void *virt, size_t size);

#endif /* _LINUX_GFP_H */
