/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct page: one per physical page frame, in the array mem_map indexed by
 * page frame number. Which fields mean something depends on who owns the
 * page (see the comments); the owner is told by the PG_* bits in flags.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>

struct kmem_cache;

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

#endif /* _LINUX_MM_TYPES_H */
