// SPDX-License-Identifier: GPL-2.0-only
/*
 * A small slab allocator. Each cache keeps its slabs with free slots on a
 * "partial" list (partly used ones first, so empty slabs drain and can be
 * returned); full slabs are on no list and are found again from an object
 * through virt_to_head_page() -> page->slab_cache. At most one empty slab
 * per cache is kept; kmem_cache_shrink() releases it too.
 *
 * kmalloc() picks the smallest size-class cache that fits, or takes whole
 * pages for requests above KMALLOC_MAX_CACHE_SIZE.
 *
 * In front of the slabs, each CPU keeps a stack of up to SLAB_CPU_LIMIT
 * free objects per cache (struct array_cache, mm/slab.h, as Linux's SLAB
 * did): an allocation pops one and a free pushes one under that CPU's own
 * lock, so the hot sizes do not take the cache's lock, shared by every
 * CPU, each time; it is taken once per SLAB_CPU_BATCH objects moved
 * between the stack and the slabs. Objects on a CPU's stack still count
 * in the cache's active_objs (they are out of their slabs), not in the
 * bytes of live objects; kmem_cache_shrink() and kmem_cache_destroy()
 * give every CPU's back to the slabs first. A freed object is checked
 * (its cache, the start of a slot, not already on this CPU's stack) and
 * poisoned (SLAB_POISON) at once; the slab's own double-free check runs
 * when it goes back to its slab.
 */
#define pr_fmt(fmt) "slab: " fmt

#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/fault-inject.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/sched/task_stack.h>
#include <kunit/slab.h>
#include "slab.h"
#include "internal.h"

/* Empty slabs a cache keeps before giving pages back. */
#define SLAB_KEEP_EMPTY 1
/* Highest slab order picked to reduce waste for odd sizes. */
#define SLAB_MAX_ORDER 3

static const unsigned int kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096,
};
static const char *const kmalloc_names[] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96",
	"kmalloc-128", "kmalloc-192", "kmalloc-256", "kmalloc-512",
	"kmalloc-1k", "kmalloc-2k", "kmalloc-4k",
};
#define NR_KMALLOC_CACHES ARRAY_SIZE(kmalloc_sizes)

static struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];
static LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);
static bool slab_ready;

/* Bytes of live objects, per CPU (allocated on one, freed on another: the sum is right). */
struct slab_cpu_stat {
	long bytes;
} ____cacheline_aligned;
static DEFINE_PER_CPU(struct slab_cpu_stat, slab_stats);
static atomic_long_t slab_pages = ATOMIC_INIT(0);

/* Count @n bytes more (or less) of live objects. Interrupts off. */
static inline void __slab_bytes_add(long n)
{
	per_cpu(slab_stats, smp_processor_id()).bytes += n;
}

static inline void slab_bytes_add(long n)
{
	unsigned long flags;

	local_irq_save(flags);
	__slab_bytes_add(n);
	local_irq_restore(flags);
}

static inline void **freeptr(struct kmem_cache *s, void *obj)
{
	return (void **)((char *)obj + s->offset);
}

/* Smallest order (up to SLAB_MAX_ORDER) wasting at most 1/8 of the slab. */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int order;

	if (size > (PAGE_SIZE << SLAB_MAX_ORDER))
		return get_order(size);
	for (order = 0; order < SLAB_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;

		if (bytes >= size && (bytes % size) * 8 <= bytes)
			break;
	}
	return order;
}

static int init_cache(struct kmem_cache *s, const char *name, unsigned int size,
		      unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	unsigned int slot, cpu;

	if (!align)
		align = ARCH_SLAB_MINALIGN;
	if (!is_power_of_2(align) || align > PAGE_SIZE)
		return -EINVAL;
	align = max(align, (unsigned int)ARCH_SLAB_MINALIGN);
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int line = 64;

		while (size <= line / 2 && line > align)
			line /= 2;
		align = max(align, line);
	}

	slot = max(size, (unsigned int)sizeof(void *));
	s->offset = 0;
	if (ctor || (flags & SLAB_POISON)) {
		/* Keep the free pointer out of the object. */
		s->offset = ALIGN(size, (unsigned int)sizeof(void *));
		slot = s->offset + sizeof(void *);
	}
	slot = ALIGN(slot, align);

	spin_lock_init(&s->lock);
	s->name = name;
	s->object_size = size;
	s->size = slot;
	s->align = align;
	s->order = calculate_order(slot);
	if (s->order > MAX_ORDER)
		return -E2BIG;
	s->objects = (PAGE_SIZE << s->order) / slot;
	s->flags = flags;
	s->ctor = ctor;
	INIT_LIST_HEAD(&s->partial);
	s->nr_slabs = 0;
	s->nr_empty = 0;
	s->active_objs = 0;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		spin_lock_init(&s->cpu_cache[cpu].lock);
		s->cpu_cache[cpu].avail = 0;
	}
	return 0;
}

/* A new slab with every slot free and constructed. No lock held. */
static struct page *allocate_slab(struct kmem_cache *s, gfp_t gfp)
{
	gfp_t pgfp = (gfp & ~(__GFP_ZERO | __GFP_COMP)) | (s->order ? __GFP_COMP : 0);
	struct page *page = __alloc_pages_nofault(pgfp, s->order);
	char *base, *obj;
	void *next = NULL;
	unsigned int i;

	if (!page)
		return NULL;
	__SetPageSlab(page);
	page->slab_cache = s;
	page->inuse = 0;
	page->objects = s->objects;
	base = page_address(page);
	/* Link the slots in address order, building the list from the end. */
	for (i = s->objects; i-- > 0;) {
		obj = base + (unsigned long)i * s->size;
		if (s->ctor)
			s->ctor(obj);
		*freeptr(s, obj) = next;
		next = obj;
	}
	page->freelist = next;
	atomic_long_add(1L << s->order, &slab_pages);
	return page;
}

static void free_slab(struct kmem_cache *s, struct page *page)
{
	__ClearPageSlab(page);
	page->slab_cache = NULL;
	page->freelist = NULL;
	page->inuse = 0;
	page->objects = 0;
	atomic_long_sub(1L << s->order, &slab_pages);
	__free_pages(page, s->order);
}

/* Take the first free object of the first partial slab. s->lock held, one there. */
static void *take_object(struct kmem_cache *s)
{
	struct page *page = list_first_entry(&s->partial, struct page, lru);
	void *obj = page->freelist;

	lockdep_assert_held(&s->lock);
	page->freelist = *freeptr(s, obj);
	if (page->inuse++ == 0)
		s->nr_empty--;
	if (page->inuse == page->objects)
		list_del(&page->lru);
	s->active_objs++;
	return obj;
}

/* Fill @ac (empty) with up to SLAB_CPU_BATCH objects of the partial slabs. */
static void cache_alloc_refill(struct kmem_cache *s, struct array_cache *ac)
{
	lockdep_assert_held(&ac->lock);
	spin_lock(&s->lock);
	while (ac->avail < SLAB_CPU_BATCH && !list_empty(&s->partial))
		ac->entry[ac->avail++] = take_object(s);
	spin_unlock(&s->lock);
}

/* One object of a new slab, when no slab has a free one. No lock held. */
static void *cache_grow(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *page;
	void *obj;

	page = allocate_slab(s, gfp);
	if (!page)
		return NULL;
	spin_lock_irqsave(&s->lock, flags);
	list_add_tail(&page->lru, &s->partial);
	s->nr_slabs++;
	s->nr_empty++;
	obj = take_object(s);
	spin_unlock_irqrestore(&s->lock, flags);
	return obj;
}

static void *slab_alloc(struct kmem_cache *s, gfp_t gfp)
{
	struct array_cache *ac;
	unsigned long flags;
	void *obj = NULL;

	local_irq_save(flags);
	ac = &s->cpu_cache[smp_processor_id()];
	spin_lock(&ac->lock);
	if (!ac->avail)
		cache_alloc_refill(s, ac);
	if (ac->avail) {
		obj = ac->entry[--ac->avail];
		__slab_bytes_add(s->object_size);
	}
	spin_unlock(&ac->lock);
	local_irq_restore(flags);

	if (!obj) {
		obj = cache_grow(s, gfp);
		if (!obj)
			return NULL;
		slab_bytes_add(s->object_size);
	}
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	return obj;
}

/* Check that obj is the start of a slot of a slab of s. */
static bool slab_check_object(struct kmem_cache *s, struct page *page, const void *obj)
{
	unsigned long off = (unsigned long)obj - (unsigned long)page_address(page);

	if (!PageSlab(page) || page->slab_cache != s) {
		pr_err("%s: freeing %p that is not from this cache\n", s->name, obj);
		return false;
	}
	if (off % s->size || off / s->size >= s->objects) {
		pr_err("%s: freeing %p, not the start of an object\n", s->name, obj);
		return false;
	}
	return true;
}

/*
 * Put obj back on its slab; a slab left empty beyond SLAB_KEEP_EMPTY goes
 * to @doomed, for free_slabs() once the locks are dropped. s->lock held.
 */
static void free_to_slab(struct kmem_cache *s, void *obj, struct list_head *doomed)
{
	struct page *page = virt_to_head_page(obj);
	bool was_full;

	lockdep_assert_held(&s->lock);
	if (!page->inuse) {
		pr_err("%s: freeing %p in an empty slab (double free?)\n", s->name, obj);
		WARN_ON(1);
		return;
	}
	*freeptr(s, obj) = page->freelist;
	page->freelist = obj;
	was_full = page->inuse == page->objects;
	page->inuse--;
	s->active_objs--;
	if (!page->inuse) {
		if (s->nr_empty >= SLAB_KEEP_EMPTY) {
			if (was_full)
				list_add(&page->lru, doomed);
			else
				list_move_tail(&page->lru, doomed);
			s->nr_slabs--;
		} else {
			if (was_full)
				list_add_tail(&page->lru, &s->partial);
			else
				list_move_tail(&page->lru, &s->partial);
			s->nr_empty++;
		}
	} else if (was_full) {
		list_add(&page->lru, &s->partial);
	}
}

static void free_slabs(struct kmem_cache *s, struct list_head *doomed)
{
	struct page *page, *tmp;

	list_for_each_entry_safe(page, tmp, doomed, lru) {
		list_del(&page->lru);
		free_slab(s, page);
	}
}

/* Give the @n oldest objects of @ac back to their slabs. ac->lock held. */
static void free_block(struct kmem_cache *s, struct array_cache *ac, unsigned int n,
		       struct list_head *doomed)
{
	unsigned int i;

	lockdep_assert_held(&ac->lock);
	spin_lock(&s->lock);
	for (i = 0; i < n; i++)
		free_to_slab(s, ac->entry[i], doomed);
	spin_unlock(&s->lock);
	ac->avail -= n;
	memmove(&ac->entry[0], &ac->entry[n], ac->avail * sizeof(void *));
}

static void slab_free(struct kmem_cache *s, struct page *page, void *obj)
{
	struct array_cache *ac;
	unsigned long flags;
	LIST_HEAD(doomed);
	unsigned int i;

	if (WARN_ON(!slab_check_object(s, page, obj)))
		return;
	local_irq_save(flags);
	ac = &s->cpu_cache[smp_processor_id()];
	spin_lock(&ac->lock);
	for (i = 0; i < ac->avail; i++) {
		if (ac->entry[i] == obj) {
			spin_unlock(&ac->lock);
			local_irq_restore(flags);
			pr_err("%s: freeing %p, already free (double free)\n", s->name, obj);
			WARN_ON(1);
			return;
		}
	}
	if (s->flags & SLAB_POISON)
		memset(obj, POISON_FREE, s->object_size);
	if (ac->avail == SLAB_CPU_LIMIT)
		free_block(s, ac, SLAB_CPU_BATCH, &doomed);
	ac->entry[ac->avail++] = obj;
	__slab_bytes_add(-(long)s->object_size);
	spin_unlock(&ac->lock);
	local_irq_restore(flags);

	free_slabs(s, &doomed);
}

/* Give every object on every CPU's array_cache of s back to the slabs. */
static void drain_cpu_caches(struct kmem_cache *s)
{
	unsigned long flags;
	unsigned int cpu;
	LIST_HEAD(doomed);

	for_each_possible_cpu(cpu) {
		struct array_cache *ac = &s->cpu_cache[cpu];

		if (!READ_ONCE(ac->avail))
			continue;
		spin_lock_irqsave(&ac->lock, flags);
		free_block(s, ac, ac->avail, &doomed);
		spin_unlock_irqrestore(&ac->lock, flags);
	}
	free_slabs(s, &doomed);
}

static struct kmem_cache *kmalloc_slab(size_t size)
{
	unsigned int i;

	for (i = 0; i < NR_KMALLOC_CACHES; i++)
		if (size <= kmalloc_sizes[i])
			return &kmalloc_caches[i];
	return NULL;
}

static void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (size > KMALLOC_MAX_SIZE) {
		warn_alloc(gfp, "kmalloc(%zu) larger than KMALLOC_MAX_SIZE, caller %pS",
			   size, __builtin_return_address(0));
		return NULL;
	}
	page = __alloc_pages_nofault(gfp | __GFP_COMP, order);
	if (!page)
		return NULL;
	__SetPageLargeKmalloc(page);
	slab_bytes_add(PAGE_SIZE << order);
	atomic_long_add(1L << order, &slab_pages);
	return page_address(page);
}

static void kfree_large(struct page *page, const void *p)
{
	unsigned int order = compound_order(page);

	if (WARN_ON(p != page_address(page)))
		return;
	__ClearPageLargeKmalloc(page);
	slab_bytes_add(-(long)(PAGE_SIZE << order));
	atomic_long_sub(1L << order, &slab_pages);
	__free_pages(page, order);
}

void *__kmalloc_nofault(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	if (unlikely(!slab_ready)) {
		warn_alloc(gfp, "kmalloc(%zu) before mm_core_init(), caller %pS",
			   size, __builtin_return_address(0));
		return NULL;
	}
	return slab_alloc(kmalloc_slab(size), gfp);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	if (should_fail_alloc(gfp)) {
		warn_alloc(gfp, "kmalloc(%zu) failure (injected), caller %pS",
			   size, __builtin_return_address(0));
		return NULL;
	}
	return __kmalloc_nofault(size, gfp);
}

/* Page of a kmalloc/slab object, or NULL (with a warning) if it is not one. */
static struct page *object_page(const void *p)
{
	if (WARN_ON(!virt_addr_valid(p) || !pfn_valid(virt_to_pfn(p))))
		return NULL;
	return virt_to_head_page(p);
}

void kfree(const void *p)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(p))
		return;
	page = object_page(p);
	if (!page)
		return;
	if (PageSlab(page))
		slab_free(page->slab_cache, page, (void *)p);
	else if (PageLargeKmalloc(page))
		kfree_large(page, p);
	else
		WARN(1, "kfree(%p): not kmalloc memory\n", p);
}

size_t ksize(const void *p)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	page = object_page(p);
	if (!page)
		return 0;
	if (PageSlab(page))
		return page->slab_cache->object_size;
	if (PageLargeKmalloc(page))
		return PAGE_SIZE << compound_order(page);
	WARN(1, "ksize(%p): not kmalloc memory\n", p);
	return 0;
}

size_t kmalloc_size_roundup(size_t size)
{
	if (!size)
		return 0;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return size > KMALLOC_MAX_SIZE ? size : PAGE_SIZE << get_order(size);
	return kmalloc_slab(size)->object_size;
}

void *krealloc(const void *p, size_t new_size, gfp_t gfp)
{
	size_t ks;
	void *n;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	ks = ksize(p);
	if (ks >= new_size) {
		if (gfp & __GFP_ZERO)
			memset((char *)p + new_size, 0, ks - new_size);
		return (void *)p;
	}
	n = kmalloc(new_size, gfp);
	if (!n)
		return NULL;
	if (ks)
		memcpy(n, p, ks);
	kfree(p);
	return n;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	int err = -EINVAL;

	if (!name || !size)
		goto out;
	err = -ENOMEM;
	s = __kmalloc_nofault(sizeof(*s), GFP_KERNEL | __GFP_ZERO);
	if (!s)
		goto out;
	err = init_cache(s, name, size, align, flags, ctor);
	if (err) {
		kfree(s);
		s = NULL;
		goto out;
	}
	spin_lock(&slab_caches_lock);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock(&slab_caches_lock);
out:
	if (!s) {
		pr_err("kmem_cache_create(%s, %u) failed: %d\n", name ? name : "?", size, err);
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create(%s) failed", name ? name : "?");
	}
	return s;
}

/* Drain every CPU's objects of s, then free all its empty slabs. */
static void shrink_cache(struct kmem_cache *s)
{
	struct page *page, *tmp;
	unsigned long flags;
	LIST_HEAD(doomed);

	drain_cpu_caches(s);
	spin_lock_irqsave(&s->lock, flags);
	list_for_each_entry_safe(page, tmp, &s->partial, lru) {
		if (page->inuse)
			continue;
		list_move_tail(&page->lru, &doomed);
		s->nr_empty--;
		s->nr_slabs--;
	}
	spin_unlock_irqrestore(&s->lock, flags);

	list_for_each_entry_safe(page, tmp, &doomed, lru) {
		list_del(&page->lru);
		free_slab(s, page);
	}
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	if (s)
		shrink_cache(s);
	return 0;
}

void kmem_cache_shrink_all(void)
{
	struct kmem_cache *s;

	/* Their vmalloc bookkeeping is kmalloc'd: free them first. */
	free_cached_stacks();
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		shrink_cache(s);
	spin_unlock(&slab_caches_lock);
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	if (WARN_ON(s >= kmalloc_caches && s < kmalloc_caches + NR_KMALLOC_CACHES))
		return;
	shrink_cache(s);
	if (READ_ONCE(s->active_objs)) {
		pr_err("kmem_cache_destroy %s: %lu objects still in use, cache leaked\n",
		       s->name, READ_ONCE(s->active_objs));
		WARN_ON(1);
		return;
	}
	spin_lock(&slab_caches_lock);
	list_del(&s->list);
	spin_unlock(&slab_caches_lock);
	kfree(s);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	if (should_fail_alloc(gfp)) {
		warn_alloc(gfp, "kmem_cache_alloc(%s) failure (injected), caller %pS",
			   s->name, __builtin_return_address(0));
		return NULL;
	}
	return slab_alloc(s, gfp);
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	struct page *page;

	if (!obj)
		return;
	page = object_page(obj);
	if (page)
		slab_free(s, page, obj);
}

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

/* The counters' readers, for tests (<kunit/slab.h>). */
#ifdef CONFIG_KUNIT
unsigned long slab_allocated_bytes(void)
{
	unsigned int cpu;
	long bytes = 0;

	if (!irqs_disabled() && !in_atomic())
		free_cached_stacks();
	for_each_possible_cpu(cpu)
		bytes += READ_ONCE(per_cpu(slab_stats, cpu).bytes);
	return bytes;
}

unsigned long slab_nr_pages(void)
{
	return atomic_long_read(&slab_pages);
}

unsigned long kmem_cache_active_objects(struct kmem_cache *s)
{
	unsigned long n = READ_ONCE(s->active_objs);
	unsigned int cpu;

	/* Those on a CPU's array_cache are free. */
	for_each_possible_cpu(cpu)
		n -= READ_ONCE(s->cpu_cache[cpu].avail);
	return n;
}

unsigned int kmem_cache_cpu_objects(struct kmem_cache *s, unsigned int cpu)
{
	return READ_ONCE(s->cpu_cache[cpu].avail);
}

unsigned long kmem_cache_nr_slabs(struct kmem_cache *s)
{
	return READ_ONCE(s->nr_slabs);
}
#endif

bool slab_is_available(void)
{
	return READ_ONCE(slab_ready);
}

void kmem_cache_init(void)
{
	unsigned int i;

	for (i = 0; i < NR_KMALLOC_CACHES; i++) {
		struct kmem_cache *s = &kmalloc_caches[i];
		unsigned int size = kmalloc_sizes[i];
		/* Power-of-two classes are aligned to their size, others to 8+. */
		unsigned int align = is_power_of_2(size) ? size : ARCH_KMALLOC_MINALIGN;

		if (init_cache(s, kmalloc_names[i], size, align, 0, NULL))
			panic("kmem_cache_init: bad kmalloc cache %u", size);
		list_add_tail(&s->list, &slab_caches);
	}
	WRITE_ONCE(slab_ready, true);
}
