/* SPDX-License-Identifier: GPL-2.0-only */
/* Interfaces shared between the files of mm/ only. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/mm.h>

struct page;

/*
 * alloc_pages() without the fault-injection hook, for allocators that have
 * already counted the request (slab pages, vmalloc backing pages).
 */
struct page *__alloc_pages_nofault(gfp_t gfp, unsigned int order);

/* kmalloc() without the fault-injection hook (vmalloc's bookkeeping). */
void *__kmalloc_nofault(size_t size, gfp_t gfp);

/* __vmalloc_node() without the fault-injection hook (kvmalloc's fallback). */
void *__vmalloc_nofault(unsigned long size, unsigned long align, gfp_t gfp,
			const void *caller);

/* Set up the kmalloc caches; called by mm_core_init(). */
/*
 * How many tree nodes vmalloc's search for a hole has visited since boot:
 * for the KUnit test of its cost. Any context; a snapshot.
 */
unsigned long vmap_search_visits(void);

void kmem_cache_init(void);

/* One-line allocation failure message, unless gfp has __GFP_NOWARN. */
__printf(2, 3) void warn_alloc(gfp_t gfp, const char *fmt, ...);

/* --- The VMAs of an address space (mm/vma.c); mmap_lock held ------- */

/* The mapping just below / above @vma, or NULL. O(1). */
static inline struct vm_area_struct *vma_prev(struct mm_struct *mm,
					      struct vm_area_struct *vma)
{
	return vma->vm_list.prev == &mm->mmap ? NULL : list_prev_entry(vma, vm_list);
}

static inline struct vm_area_struct *vma_next(struct mm_struct *mm,
					      struct vm_area_struct *vma)
{
	return vma->vm_list.next == &mm->mmap ? NULL : list_next_entry(vma, vm_list);
}

/*
 * __vma_link() / __vma_unlink() - put @vma (whose range is free) into, or
 * take it out of, @mm's tree and list, counting it in map_count but not in
 * total_vm. O(log n); never sleep.
 */
void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void __vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);

/*
 * vma_adjust() - give the linked @vma the range [@start, @end) at file
 * page @pgoff. The range may not reach a neighbour. O(log n).
 */
void vma_adjust(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		unsigned long pgoff);

/*
 * vma_merge() - merge the linked @vma with its neighbours where Linux
 * would (same flags, file, operations and continuing offsets; private
 * anonymous memory counts its offset in address pages). Returns the
 * mapping that now covers @vma's range; merged-away VMAs are freed.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *vma);

/* Drop @vma's file reference and free it (it must be unlinked). */
void vma_free(struct vm_area_struct *vma);

/*
 * unmapped_area_topdown() - the highest address of a free range of @len
 * bytes within [@low, @high), or -ENOMEM. O(log n).
 */
unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len,
				    unsigned long low, unsigned long high);

#endif /* _MM_INTERNAL_H */
