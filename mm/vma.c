// SPDX-License-Identifier: GPL-2.0-only
/*
 * The mappings of an address space, indexed. Every VMA is in two
 * structures kept in step under mm->mmap_lock:
 *
 *  - mm->mm_rb, a red-black tree by address, augmented with each
 *    subtree's largest gap below a mapping (rb_subtree_gap), so finding
 *    the mapping of an address (page faults, find_vma) and finding a free
 *    range for mmap without a hint both take O(log n), as in Linux before
 *    the maple tree;
 *  - mm->mmap, the list by address, for O(1) neighbours (merging, gap of
 *    the previous mapping) and in-order walks (fork, teardown, /proc).
 *
 * The gap of a VMA is the free space between the previous mapping's end
 * (or 0) and its own start, so a change of a mapping's end changes the gap
 * of the next one: every such change goes through vma_adjust().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/rbtree_augmented.h>
#include "internal.h"

static unsigned long vma_compute_gap(struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(vma->vm_mm, vma);

	return vma->vm_start - (prev ? prev->vm_end : 0);
}

RB_DECLARE_CALLBACKS_MAX(static, vma_gap_callbacks, struct vm_area_struct, vm_rb,
			 unsigned long, rb_subtree_gap, vma_compute_gap);

/* @vma's own gap changed: bring the subtree maxima above it up to date. */
static void vma_gap_update(struct vm_area_struct *vma)
{
	vma_gap_callbacks.propagate(&vma->vm_rb, NULL);
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *rb = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (rb) {
		struct vm_area_struct *vma = rb_entry(rb, struct vm_area_struct, vm_rb);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			rb = rb->rb_left;
		} else {
			rb = rb->rb_right;
		}
	}
	return found;
}

void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *next = NULL;

	while (*link) {
		struct vm_area_struct *v = rb_entry(*link, struct vm_area_struct, vm_rb);

		parent = *link;
		if (vma->vm_start < v->vm_start) {
			next = v;
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
		}
	}
	vma->vm_mm = mm;
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	rb_link_node(&vma->vm_rb, parent, link);
	vma->rb_subtree_gap = 0;
	vma_gap_update(vma);
	if (next)
		vma_gap_update(next);	/* its gap now ends at us */
	rb_insert_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	mm->map_count++;
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	__vma_link(mm, vma);
	mm->total_vm += vma_pages(vma);
}

void __vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(mm, vma);

	rb_erase_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	list_del_init(&vma->vm_list);
	if (next)
		vma_gap_update(next);	/* it now starts where we were */
	mm->map_count--;
}

void vma_adjust(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		unsigned long pgoff)
{
	struct vm_area_struct *next = vma_next(vma->vm_mm, vma);

	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	vma_gap_update(vma);
	if (next)
		vma_gap_update(next);
}

void vma_free(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	kfree(vma);
}

/*
 * Whether @b, just above @a, can become part of @a: the same protection,
 * backing object and operations, and the file (or, for private anonymous
 * memory, the address) offsets continuing each other, which is what
 * Linux's vma_merge() asks. Shared anonymous mappings have no object to
 * compare, so they are never merged.
 */
static bool vma_can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_file == b->vm_file && a->vm_ops == b->vm_ops &&
	       a->vm_pgoff + vma_pages(a) == b->vm_pgoff &&
	       !((a->vm_flags & VM_SHARED) && !a->vm_file);
}

/* @b's range joins @a (just below it); @b goes. Pages stay mapped. */
static void vma_absorb(struct mm_struct *mm, struct vm_area_struct *a,
		       struct vm_area_struct *b)
{
	unsigned long end = b->vm_end;

	__vma_unlink(mm, b);
	vma_free(b);
	vma_adjust(a, a->vm_start, end, a->vm_pgoff);
}

struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(mm, vma), *next = vma_next(mm, vma);

	if (next && vma_can_merge(vma, next))
		vma_absorb(mm, vma, next);
	if (prev && vma_can_merge(prev, vma)) {
		vma_absorb(mm, prev, vma);
		vma = prev;
	}
	return vma;
}

static struct vm_area_struct *rb_vma(struct rb_node *rb)
{
	return rb ? rb_entry(rb, struct vm_area_struct, vm_rb) : NULL;
}

/* Whether the subtree @rb has a gap of at least @len bytes. */
static bool subtree_fits(struct rb_node *rb, unsigned long len)
{
	return rb && rb_vma(rb)->rb_subtree_gap >= len;
}

/*
 * The highest address at which @len bytes fit in a gap within [@low,
 * @high), or -ENOMEM. One walk without recursion: down the right child
 * while a gap may fit there, else the node's own gap, else down the left
 * child; a subtree without a gap of @len is never entered, and when a
 * subtree fails the walk climbs back to the first ancestor it entered
 * from the right. Only the clamping to [@low, @high) can make a subtree
 * that has the gap fail, and only along the paths to those two bounds, so
 * the walk visits O(log n) nodes.
 */
static unsigned long gap_search(struct mm_struct *mm, unsigned long len, unsigned long low,
				unsigned long high)
{
	struct rb_node *rb = mm->mm_rb.rb_node, *from;
	struct vm_area_struct *vma, *prev;
	unsigned long start, end;

	if (!subtree_fits(rb, len) || len > high)
		return -ENOMEM;
	for (;;) {
		vma = rb_vma(rb);
		/* The gaps of the right subtree all start at or above vm_end. */
		if (vma->vm_end <= high - len && subtree_fits(rb->rb_right, len)) {
			rb = rb->rb_right;
			continue;
		}
		for (;;) {
			if (vma->vm_start < low + len)
				return -ENOMEM;	/* every gap left is lower still */
			prev = vma_prev(mm, vma);
			start = max(prev ? prev->vm_end : 0, low);
			end = min(vma->vm_start, high);
			if (end > start && end - start >= len)
				return end - len;
			if (subtree_fits(rb->rb_left, len)) {
				rb = rb->rb_left;
				break;
			}
			/* Climb to the first ancestor whose right subtree this was. */
			do {
				from = rb;
				rb = rb_parent(rb);
				if (!rb)
					return -ENOMEM;
			} while (rb->rb_left == from);
			vma = rb_vma(rb);
		}
	}
}

unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long len,
				    unsigned long low, unsigned long high)
{
	struct vm_area_struct *last = list_empty(&mm->mmap) ? NULL :
		list_last_entry(&mm->mmap, struct vm_area_struct, vm_list);
	unsigned long start = max(last ? last->vm_end : 0, low);

	/* Above the last mapping there is no VMA whose gap would say so. */
	if (start < high && high - start >= len)
		return high - len;
	return gap_search(mm, len, low, high);
}
