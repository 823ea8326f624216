/* SPDX-License-Identifier: GPL-2.0-only */
/* The slab allocator's cache descriptor, shared by mm/slab*.c only. */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/types.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

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
	unsigned long active_objs;
	struct list_head list;		/* in slab_caches */
};

#endif /* _MM_SLAB_H */
