/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Slab counters for tests (mm/slab.c; test builds only): lockless reads of
 * exact counts, so a test can check that what it allocated was freed.
 * Any context (slab_allocated_bytes() settles the task-stack caches first
 * where it may sleep).
 */
#ifndef _KUNIT_SLAB_H
#define _KUNIT_SLAB_H

struct kmem_cache;

/*
 * Bytes in live objects, over all caches, each counted at its cache's
 * object size (its size class for kmalloc), plus large kmalloc blocks.
 * Where it may sleep (interrupts on, not atomic), it first frees the
 * task stacks each CPU keeps for reuse and the ranges of vfree()'d ones
 * (free_cached_stacks()), whose vmalloc bookkeeping is kmalloc'd: a
 * check across a task's life then counts no stack its CPU happened to
 * keep. Elsewhere a plain read.
 */
unsigned long slab_allocated_bytes(void);
/* Pages held by all slab caches, empty slabs included, plus large kmalloc blocks. */
unsigned long slab_nr_pages(void);
/*
 * Objects of @s now allocated: out of their slabs and not on a CPU's
 * array_cache of free ones (a lockless sum, exact while no other CPU uses
 * @s).
 */
unsigned long kmem_cache_active_objects(struct kmem_cache *s);
/* Free objects of @s on @cpu's array_cache (at most SLAB_CPU_LIMIT). */
unsigned int kmem_cache_cpu_objects(struct kmem_cache *s, unsigned int cpu);
/* Slabs @s holds (empty ones included). */
unsigned long kmem_cache_nr_slabs(struct kmem_cache *s);

#endif /* _KUNIT_SLAB_H */
