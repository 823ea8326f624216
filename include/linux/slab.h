/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Object allocators: kmalloc() and friends for any size, and kmem_cache for
 * many objects of one type.
 *
 * kmalloc() serves sizes up to KMALLOC_MAX_CACHE_SIZE from size-class slab
 * caches (8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096 bytes);
 * an object is aligned to its size class when that is a power of two and
 * to at least ARCH_KMALLOC_MINALIGN (8) otherwise (96: 32, 192: 64).
 * Larger requests get whole pages from alloc_pages() (page aligned), up to
 * KMALLOC_MAX_SIZE. kmalloc(0) returns ZERO_SIZE_PTR, which kfree() and
 * ksize() accept but which must not be dereferenced.
 *
 * All allocation functions return NULL on failure and print one line unless
 * __GFP_NOWARN. With GFP_ATOMIC or GFP_NOWAIT they never sleep and may be
 * called from interrupts or with interrupts off; kfree(), ksize() and
 * kmem_cache_free() never sleep and work in any context. Each kmalloc-family
 * call or kmem_cache_alloc() is one request for fault injection
 * (linux/fault-inject.h).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <asm/page.h>

typedef unsigned int slab_flags_t;

#define SLAB_HWCACHE_ALIGN	0x01u	/* align objects to a cache line */
#define SLAB_PANIC		0x02u	/* panic if kmem_cache_create() fails */
#define SLAB_ACCOUNT		0x04u	/* accepted, ignored (no memcg) */
#define SLAB_RECLAIM_ACCOUNT	0x08u	/* accepted, ignored */
#define SLAB_POISON		0x10u	/* fill freed objects with POISON_FREE */

#define POISON_FREE 0x6b

#define ARCH_KMALLOC_MINALIGN 8
#define ARCH_SLAB_MINALIGN 8
#define KMALLOC_MIN_SIZE 8
#define KMALLOC_MAX_CACHE_SIZE 4096UL
#define KMALLOC_MAX_SIZE (PAGE_SIZE << MAX_ORDER)

#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

/*
 * kmalloc() - allocate size bytes. Returns an aligned object (see above),
 * ZERO_SIZE_PTR for size 0, or NULL. May sleep only if gfp allows it.
 */
void *kmalloc(size_t size, gfp_t gfp);

/* kmalloc() returning zeroed memory. */
static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/* An array of n elements of size bytes; NULL if n * size overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, gfp);
}

/* Zeroed array of n elements of size bytes; NULL if n * size overflows. */
static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}

/*
 * krealloc() - resize p (from kmalloc) to new_size bytes, keeping the
 * contents up to the smaller size. p == NULL acts as kmalloc(); new_size
 * == 0 frees p and returns ZERO_SIZE_PTR. If the object is already large
 * enough p itself is returned (with __GFP_ZERO the bytes past new_size are
 * cleared, so a later grow reads zeros). On failure returns NULL and p is
 * left valid and unchanged.
 */
void *krealloc(const void *p, size_t new_size, gfp_t gfp);

/* krealloc() of an array, NULL on n * size overflow (p left valid). */
static inline void *krealloc_array(void *p, size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return krealloc(p, bytes, gfp);
}

/*
 * kfree() - free an object from kmalloc()/krealloc() (or, like Linux, from
 * kmem_cache_alloc()). NULL and ZERO_SIZE_PTR are no-ops. Any context.
 */
void kfree(const void *p);

/*
 * ksize() - usable size of a kmalloc() object: the whole size class (or
 * the whole page block); always >= the size asked for. 0 for NULL and
 * ZERO_SIZE_PTR. Any context.
 */
size_t ksize(const void *p);

/* The size kmalloc(size) really allocates (what ksize() will report). */
size_t kmalloc_size_roundup(size_t size);

/*
 * kmem_cache_create() - a cache of objects of size bytes, aligned to align
 * (0: ARCH_SLAB_MINALIGN; must be a power of two). ctor, if given, runs once
 * on every object when its slab is created; objects must be returned to
 * the cache in their constructed state. name is kept, not copied (use a
 * string that lives as long as the cache). Returns NULL on failure (or
 * panics with SLAB_PANIC). May sleep; process context only.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));

/*
 * kmem_cache_destroy() - free a cache with no objects left in use. If some
 * are still allocated, the cache is reported and leaked. NULL is ignored.
 * Process context only.
 */
void kmem_cache_destroy(struct kmem_cache *s);

/* One object from s, or NULL. Context rules as kmalloc(). */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

/* Give obj back to s (the cache it came from). NULL is ignored. Any context. */
void kmem_cache_free(struct kmem_cache *s, void *obj);

/* Object size the cache was created with. */
unsigned int kmem_cache_size(struct kmem_cache *s);

/*
 * kmem_cache_shrink() - give every empty slab of s back to the page
 * allocator (each cache otherwise keeps one empty slab around). Returns 0.
 * Any context.
 */
int kmem_cache_shrink(struct kmem_cache *s);

/*
 * kmem_cache_shrink_all() - kmem_cache_shrink() on every cache, including
 * the kmalloc ones, after giving back the task stacks each CPU keeps for
 * reuse (free_cached_stacks()), so that nr_free_pages() then counts all
 * that a leak check should see free. Process context, interrupts on; may
 * sleep.
 */
void kmem_cache_shrink_all(void);

/* True once kmalloc() works (after mm_core_init()). */
bool slab_is_available(void);

/*
 * kvmalloc() - kmalloc() for small sizes, falling back to vmalloc() (may
 * sleep: process context only) for large ones or when kmalloc() fails.
 * Free with kvfree(), which takes either kind (and NULL).
 */
void *kvmalloc(size_t size, gfp_t gfp);

static inline void *kvzalloc(size_t size, gfp_t gfp)
{
	return kvmalloc(size, gfp | __GFP_ZERO);
}

static inline void *kvmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kvmalloc(bytes, gfp);
}

static inline void *kvcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kvmalloc_array(n, size, gfp | __GFP_ZERO);
}

void kvfree(const void *p);

/*
 * kmemdup() / kstrdup() / kstrndup() - copy memory or a C string into a new
 * kmalloc() object (NULL on failure; kstrdup(NULL) is NULL).
 */
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);

#endif /* _LINUX_SLAB_H */
