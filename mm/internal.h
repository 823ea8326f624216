/* SPDX-License-Identifier: GPL-2.0-only */
/* Interfaces shared between the files of mm/ only. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/types.h>
#include <linux/compiler.h>

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
void kmem_cache_init(void);

/* One-line allocation failure message, unless gfp has __GFP_NOWARN. */
__printf(2, 3) void warn_alloc(gfp_t gfp, const char *fmt, ...);

#endif /* _MM_INTERNAL_H */
