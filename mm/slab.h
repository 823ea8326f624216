/* SPDX-License-Identifier: GPL-2.0-only */
/* The slab allocator's cache descriptor, shared by mm/slab*.c only. */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/types.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/cache.h>

/*
 * A CPU's stack of free objects of one cache (Linux SLAB's array_cache):
 * kmem_cache_alloc() pops entry[avail - 1], kmem_cache_free() pushes,
 * taking only this lock, which the CPU itself takes with interrupts off
 * and which other CPUs take only to drain it (kmem_cache_shrink()). An
 * empty one takes SLAB_CPU_BATCH objects from the slabs at once; a full one
 * gives its SLAB_CPU_BATCH oldest back at once, each under the cache's lock.
 * Order: an array_cache's lock, then the cache's.
 */
#define SLAB_CPU_LIMIT 16
#define SLAB_CPU_BATCH 8

struct array_cache {
	spinlock_t lock;
	unsigned int avail;		/* objects in entry[0..avail) */
	void *entry[SLAB_CPU_LIMIT];
} ____cacheline_aligned;

/*
 * A slab is a block of 2^order pages (compound when order > 0) carved into
 * "objects" slots of "size" bytes from its start; its struct page holds
 * the free list, the in-use count and the owning cache. A free slot links
 * to the next free one through the word at "offset" inside it (after the
 * object when there is a constructor, so constructed state survives).
 */
struct kmem_cache {
	spinlock_t lock;
	const char *name;
	unsigned int object_size;	/* size asked for (kmalloc: the class) */
	unsigned int size;		/* slot size: object + free pointer + padding */
	unsigned int align;
	unsigned int offset;		/* free pointer position in a free slot */
	unsigned int order;		/* pages per slab: 2^order */
	unsigned int objects;		/* slots per slab */
	slab_flags_t flags;
	void (*ctor)(void *obj);
	/* Under lock: */
	struct list_head partial;	/* partly used slabs first, empty ones last */
	unsigned long nr_slabs;		/* all slabs, full ones included */
	unsigned long nr_empty;		/* empty slabs on partial */
	unsigned long active_objs;	/* out of the slabs: in use or on a cpu_cache */
	struct list_head list;		/* in slab_caches */
	/* Each CPU's free objects (Linux: a __percpu pointer; here NR_CPUS). */
	struct array_cache cpu_cache[NR_CPUS];
};

#endif /* _MM_SLAB_H */
