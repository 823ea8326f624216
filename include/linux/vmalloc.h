/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmalloc: memory that is virtually contiguous in [VMALLOC_START,
 * VMALLOC_END) but built from scattered physical pages. Every area is
 * followed by an unmapped guard page, and the first one is also preceded
 * by one (VMALLOC_START itself is never mapped), so running off either end
 * of an area - a kernel stack overflowing downwards, say - faults at once.
 *
 * vmalloc()/vzalloc()/vfree() may sleep (they allocate page tables through
 * the arch): process context only, never with interrupts off or a spinlock
 * held. vmalloc_to_page() and is_vmalloc_addr() are callable anywhere.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <asm/page.h>

struct page;

#define NUMA_NO_NODE (-1)

/*
 * vmalloc() - size bytes (rounded up to whole pages) of mapped, writable,
 * non-executable kernel memory, page aligned. Returns the address or NULL
 * (with a one-line message). Counts as one request for fault injection.
 */
void *vmalloc(unsigned long size);

/* vmalloc() of zeroed memory. */
void *vzalloc(unsigned long size);

/*
 * __vmalloc() - vmalloc() with explicit gfp flags (GFP_KERNEL, optionally
 * __GFP_ZERO / __GFP_NOWARN) for the backing pages.
 */
void *__vmalloc(unsigned long size, gfp_t gfp);

/*
 * __vmalloc_node() - as __vmalloc(), with the area's start aligned to align
 * (a power of two >= PAGE_SIZE, 0 for PAGE_SIZE), e.g. for kernel stacks.
 * node is ignored (one node); caller is recorded for diagnostics.
 */
void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp,
		     int node, const void *caller);

/*
 * vfree() - unmap and free an area from vmalloc(); addr must be the
 * address vmalloc() returned. NULL is ignored. May sleep. Called with
 * interrupts off (only a dead task's stack is), it frees the pages but
 * keeps the range from reuse until a later vmalloc() or vfree() has
 * flushed it from every CPU's TLB.
 */
void vfree(const void *addr);

/*
 * vm_unmap_aliases() - release now the ranges vfree() had to keep from
 * reuse (freed with interrupts off): flush them from every CPU's TLB,
 * then free their bookkeeping. Does nothing where this context cannot
 * wait for other CPUs (interrupts off, atomic) and the flush is not
 * broadcast. Process context; may wait for every CPU.
 */
void vm_unmap_aliases(void);

/* True if addr lies in the vmalloc address range (mapped or not). */
static inline bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/*
 * vmalloc_to_page() - the page backing addr (any byte of a live vmalloc
 * area), or NULL if addr is not inside one. Any context.
 */
struct page *vmalloc_to_page(const void *addr);

/* Page frame number backing addr, or 0 if none. */
unsigned long vmalloc_to_pfn(const void *addr);

/* Size in bytes (without the guard page) of the area starting at addr, 0 if none. */
unsigned long vmalloc_size(const void *addr);

/* Pages now backing vmalloc areas (tests, diagnostics). */
unsigned long vmalloc_nr_pages(void);

#endif /* _LINUX_VMALLOC_H */
