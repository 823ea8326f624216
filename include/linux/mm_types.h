/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct page: one per physical page frame, in the array mem_map indexed by
 * page frame number. Which fields mean something depends on who owns the
 * page (see the comments); the owner is told by the PG_* bits in flags.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/cpumask.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/rbtree.h>
#include <asm/pgtable.h>

struct kmem_cache;
struct file;
struct vm_area_struct;

/*
 * struct vm_operations_struct - what a file mapping's ->mmap installs.
 * fault: the page of the file at page offset @pgoff, with a reference for
 * the caller to map, or NULL when there is none (past the end: the fault
 * path maps zeroes). May sleep.
 * map_pages (optional): fault-around, for read faults on private
 * mappings: store in @pages[i] the page at @start_pgoff + i, with a
 * reference, for each of the @nr pages the file already holds in memory,
 * and NULL for the others (holes, past the end). Never allocates; may
 * sleep. The fault path maps them read-only around the faulting address
 * (Linux's ->map_pages maps them itself; here it only finds them).
 */
struct vm_operations_struct {
	struct page *(*fault)(struct vm_area_struct *vma, unsigned long pgoff);
	void (*map_pages)(struct vm_area_struct *vma, unsigned long start_pgoff,
			  unsigned int nr, struct page **pages);
};

struct page {
	unsigned long flags;		/* PG_* bits (linux/mm.h) */
	/*
	 * Free (PG_buddy): link in the buddy free list of its order.
	 * Slab (PG_slab): link in its cache's list of partial/empty slabs.
	 * Otherwise free for the owner's use.
	 */
	struct list_head lru;
	/*
	 * PG_buddy: order of the free block it heads.
	 * PG_head: order of the compound page it heads.
	 * Otherwise free for the owner's use.
	 */
	unsigned long private;
	/* PG_tail: the head page of its compound page. */
	struct page *compound_head;
	/* References to an allocated page (first page of a block); 0 when free. */
	atomic_t _refcount;
	/* PG_slab: objects in use in this slab, and objects it holds. */
	unsigned short inuse;
	unsigned short objects;
	struct kmem_cache *slab_cache;	/* PG_slab: owning cache */
	void *freelist;			/* PG_slab: first free object */
};

/*
 * struct vm_area_struct - one mapping of a user address space: the pages
 * [vm_start, vm_end) with the same protection and backing. Anonymous
 * mappings (vm_file NULL) read as zeroes until written; file mappings
 * read from vm_file at page offset vm_pgoff: files whose ->mmap gives
 * vm_ops share their cached pages (read-only until a private mapping
 * writes and gets a copy); others get a private copy of the data. Pages
 * come in on the first touch (demand paging).
 */
struct vm_area_struct {
	unsigned long vm_start, vm_end;
	struct mm_struct *vm_mm;
	unsigned long vm_flags;		/* VM_* (linux/mm.h) */
	unsigned long vm_pgoff;		/* offset of vm_start in vm_file, in pages */
	struct file *vm_file;		/* a reference, or NULL */
	const struct vm_operations_struct *vm_ops;	/* from the file's ->mmap */
	struct list_head vm_list;	/* in mm->mmap, sorted by address */
	struct rb_node vm_rb;		/* in mm->mm_rb, by address */
	/* The largest free gap below a mapping in this VMA's subtree (mm/vma.c). */
	unsigned long rb_subtree_gap;
};

/*
 * struct mm_struct - a user address space: its page tables and its
 * mappings. mmap_lock (a mutex; Linux has a rwsem) covers the mapping list
 * and the user half of the page tables. mm_users counts the tasks and
 * kernel users holding it; the last mmput() tears it down.
 */
struct mm_struct {
	pgd_t *pgd;			/* top-level page table (arch) */
	struct list_head mmap;		/* VMAs by address */
	struct rb_root mm_rb;		/* the same VMAs, as a tree */
	int map_count;
	refcount_t mm_users;
	struct mutex mmap_lock;
	unsigned long mmap_base;	/* top of the area mmap() searches down from */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk;	/* the heap: [start_brk, brk) */
	unsigned long start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long total_vm;		/* mapped pages */
	struct file *exe_file;		/* the program, for /proc/self/exe */
	cpumask_t cpu_bitmap;		/* the CPUs that have it loaded: mm_cpumask() */
};

/* The CPUs whose TLBs may hold @mm's translations (mm/tlbflush.c). */
static inline cpumask_t *mm_cpumask(struct mm_struct *mm)
{
	return &mm->cpu_bitmap;
}

#endif /* _LINUX_MM_TYPES_H */
