// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for kmalloc and kmem_cache (suite "slab"), the per-CPU
 * caches of free objects in front of the slabs, and the page allocator's
 * per-CPU lists beneath them with every CPU at once.
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <kunit/page_alloc.h>
#include <kunit/slab.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/fault-inject.h>
#include "slab.h"

static const size_t test_sizes[] = {
	1, 2, 3, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 48, 63, 64, 65, 95, 96, 97,
	127, 128, 129, 160, 191, 192, 193, 255, 256, 257, 384, 511, 512, 513,
	768, 1000, 1023, 1024, 1025, 1500, 2047, 2048, 2049, 3000, 4095, 4096,
	4097, 5000, 6000, 8191, 8192,
};

/* Alignment kmalloc promises for a request of size bytes. */
static unsigned long expected_align(size_t size)
{
	size_t cls = kmalloc_size_roundup(size);

	if (cls > PAGE_SIZE)
		return PAGE_SIZE;
	if (is_power_of_2(cls))
		return cls;
	/* 96 and 192: the largest power of two dividing the class. */
	return cls & -cls;
}

static u8 pattern(unsigned long obj, size_t i)
{
	return (u8)(obj * 31 + i * 7 + 1);
}

static void fill(void *p, size_t n, unsigned long tag)
{
	u8 *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = pattern(tag, i);
}

/* Number of bytes of p that do not hold the fill() pattern of tag. */
static size_t check(const void *p, size_t n, unsigned long tag)
{
	const u8 *b = p;
	size_t i, bad = 0;

	for (i = 0; i < n; i++)
		bad += b[i] != pattern(tag, i);
	return bad;
}

/* Every size: usable size, size class, alignment. */
static void slab_kmalloc_sizes(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(test_sizes); i++) {
		size_t size = test_sizes[i];
		void *p = kmalloc(size, GFP_KERNEL);
		unsigned long align = expected_align(size);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_GE(test, ksize(p), size);
		KUNIT_EXPECT_EQ(test, ksize(p), kmalloc_size_roundup(size));
		KUNIT_EXPECT_GE(test, align, (unsigned long)ARCH_KMALLOC_MINALIGN);
		if (!KUNIT_EXPECT_EQ(test, (unsigned long)p & (align - 1), 0UL))
			kunit_info(test, "size %zu at %p, expected alignment %lu",
				   size, p, align);
		kfree(p);
	}
	/* Power-of-two requests are aligned to their size up to a page. */
	for (i = 3; i <= 12; i++) {
		void *p = kmalloc(1UL << i, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ(test, (unsigned long)p & ((1UL << i) - 1), 0UL);
		kfree(p);
	}
}

#define NEIGHBOURS 24

/* Filling whole objects (ksize bytes) never spills into another object. */
static void slab_no_overlap(struct kunit *test)
{
	unsigned int i, j;
	void *objs[NEIGHBOURS];

	for (i = 0; i < ARRAY_SIZE(test_sizes); i++) {
		size_t size = test_sizes[i], bad = 0;

		for (j = 0; j < NEIGHBOURS; j++) {
			objs[j] = kmalloc(size, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, objs[j]);
			fill(objs[j], ksize(objs[j]), j + i * NEIGHBOURS);
		}
		for (j = 0; j < NEIGHBOURS; j++) {
			bad += check(objs[j], ksize(objs[j]), j + i * NEIGHBOURS);
			kfree(objs[j]);
		}
		if (!KUNIT_EXPECT_EQ(test, bad, (size_t)0))
			kunit_info(test, "size %zu: %zu corrupted bytes", size, bad);
	}
}

/* kmalloc(0), kfree(NULL) and ZERO_SIZE_PTR. */
static void slab_zero_size_and_null(struct kunit *test)
{
	void *p = kmalloc(0, GFP_KERNEL);

	KUNIT_EXPECT_PTR_EQ(test, p, ZERO_SIZE_PTR);
	KUNIT_EXPECT_EQ(test, ksize(p), (size_t)0);
	KUNIT_EXPECT_EQ(test, ksize(NULL), (size_t)0);
	kfree(p);
	kfree(NULL);
	KUNIT_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
}

/* kzalloc returns zeroed memory even where a dirty object was just freed. */
static void slab_kzalloc_zeroes(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(test_sizes); i++) {
		size_t size = test_sizes[i], j, bad = 0;
		u8 *p = kmalloc(size, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		memset(p, 0xee, ksize(p));
		kfree(p);
		p = kzalloc(size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		for (j = 0; j < size; j++)
			bad += p[j] != 0;
		KUNIT_EXPECT_EQ(test, bad, (size_t)0);
		kfree(p);
	}
}

/* kcalloc / kmalloc_array: overflow gives NULL, normal use zeroes. */
static void slab_kcalloc_overflow(struct kunit *test)
{
	u64 *arr;
	unsigned int i, bad = 0;

	KUNIT_EXPECT_NULL(test, kcalloc(SIZE_MAX / 2 + 1, 2, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kcalloc(2, SIZE_MAX / 2 + 1, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kmalloc_array(SIZE_MAX / 8 + 1, 8, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, krealloc_array(NULL, SIZE_MAX, 3, GFP_KERNEL));

	arr = kcalloc(100, sizeof(*arr), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, arr);
	KUNIT_EXPECT_GE(test, ksize(arr), 100 * sizeof(*arr));
	for (i = 0; i < 100; i++)
		bad += arr[i] != 0;
	KUNIT_EXPECT_EQ(test, bad, 0U);
	kfree(arr);
}

/* krealloc keeps contents when growing and shrinking, and fails safely. */
static void slab_krealloc(struct kunit *test)
{
	static const size_t steps[] = { 10, 100, 700, 4000, 5000, 20000, 3000, 50, 9 };
	size_t prev = 0;
	unsigned int i;
	char *p = NULL, *q;

	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		size_t keep = min(prev, steps[i]);

		q = krealloc(p, steps[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, q);
		KUNIT_EXPECT_GE(test, ksize(q), steps[i]);
		KUNIT_EXPECT_EQ(test, check(q, keep, 42), (size_t)0);
		/* Shrinking within the object stays in place. */
		if (p && steps[i] <= prev && ksize(p) >= steps[i])
			KUNIT_EXPECT_PTR_EQ(test, q, p);
		p = q;
		fill(p, steps[i], 42);
		prev = steps[i];
	}

	/* A failed grow returns NULL and leaves the object intact. */
	alloc_fail_after(0);
	q = krealloc(p, 64 * 1024, GFP_KERNEL | __GFP_NOWARN);
	alloc_fail_off();
	KUNIT_EXPECT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, check(p, prev, 42), (size_t)0);

	/* Size 0 frees. */
	q = krealloc(p, 0, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, q, ZERO_SIZE_PTR);

	/* __GFP_ZERO: bytes beyond a shrink read back as zero after a grow. */
	p = kzalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0x33, 64);
	p = krealloc(p, 16, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, p);
	p = krealloc(p, 64, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p[15], 0x33);
	KUNIT_EXPECT_EQ(test, p[16], 0);
	KUNIT_EXPECT_EQ(test, p[63], 0);
	kfree(p);
}

struct odd_obj {
	u32 magic;
	u8 payload[33];		/* sizeof == 40: deliberately not a size class */
};

#define ODD_MAGIC 0x0dd0b1ec
static unsigned int ctor_calls;

static void odd_ctor(void *p)
{
	struct odd_obj *o = p;

	o->magic = ODD_MAGIC;
	memset(o->payload, 0x5c, sizeof(o->payload));
	ctor_calls++;
}

#define ODD_OBJS 300

/* A cache with a constructor and an odd size. */
static void slab_cache_ctor_odd_size(struct kunit *test)
{
	unsigned long bytes = slab_allocated_bytes();
	struct kmem_cache *c;
	struct odd_obj **objs;
	unsigned int i, bad = 0, i2;

	c = kmem_cache_create("test_odd", 37, 0, 0, odd_ctor);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(c), 37U);
	objs = kcalloc(ODD_OBJS, sizeof(*objs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);
	bytes = slab_allocated_bytes();
	ctor_calls = 0;

	for (i = 0; i < ODD_OBJS; i++) {
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
		bad += objs[i]->magic != ODD_MAGIC;
		bad += ((unsigned long)objs[i] & (ARCH_SLAB_MINALIGN - 1)) != 0;
		/* Scribble on the object's own 37 bytes only. */
		memset(objs[i], 0x90 + (i & 7), 37);
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
	/* The constructor ran once per slot of every new slab, not per allocation. */
	KUNIT_EXPECT_GE(test, ctor_calls, ODD_OBJS);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(c), (unsigned long)ODD_OBJS);
	KUNIT_EXPECT_GT(test, kmem_cache_nr_slabs(c), 0UL);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), bytes + ODD_OBJS * 37UL);

	for (i = 0; i < ODD_OBJS; i++) {
		u8 *b = (u8 *)objs[i];

		for (i2 = 0; i2 < 37; i2++)
			bad += b[i2] != 0x90 + (i & 7);
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);

	/* Objects go back constructed (the callers' duty), and come back out so. */
	for (i = 0; i < ODD_OBJS; i++) {
		odd_ctor(objs[i]);
		kmem_cache_free(c, objs[i]);
	}
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(c), 0UL);
	ctor_calls = 0;
	objs[0] = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs[0]);
	KUNIT_EXPECT_EQ(test, objs[0]->magic, (u32)ODD_MAGIC);
	KUNIT_EXPECT_EQ(test, ctor_calls, 0U);
	kmem_cache_free(c, objs[0]);

	kmem_cache_shrink(c);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_slabs(c), 0UL);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), bytes);
	kmem_cache_destroy(c);
	kfree(objs);
}

/* Explicit and cache-line alignment, and zeroing allocations from a cache. */
static void slab_cache_align(struct kunit *test)
{
	static const struct { unsigned int size, align; slab_flags_t flags; unsigned long want; } cfg[] = {
		{ 100, 64, 0, 64 },
		{ 24, 0, SLAB_HWCACHE_ALIGN, 32 },
		{ 200, 0, SLAB_HWCACHE_ALIGN, 64 },
		{ 3000, 512, 0, 512 },
		{ 13, 16, 0, 16 },
	};
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(cfg); i++) {
		struct kmem_cache *c = kmem_cache_create("test_align", cfg[i].size,
							 cfg[i].align, cfg[i].flags, NULL);
		void *objs[20];

		KUNIT_ASSERT_NOT_NULL(test, c);
		for (j = 0; j < ARRAY_SIZE(objs); j++) {
			u8 *o = kmem_cache_zalloc(c, GFP_KERNEL);
			unsigned int k, nz = 0;

			KUNIT_ASSERT_NOT_NULL(test, o);
			KUNIT_EXPECT_EQ(test, (unsigned long)o & (cfg[i].want - 1), 0UL);
			for (k = 0; k < cfg[i].size; k++)
				nz += o[k] != 0;
			KUNIT_EXPECT_EQ(test, nz, 0U);
			memset(o, 0xff, cfg[i].size);
			objs[j] = o;
		}
		for (j = 0; j < ARRAY_SIZE(objs); j++)
			kmem_cache_free(c, objs[j]);
		kmem_cache_destroy(c);
	}
	/* Invalid requests fail. */
	KUNIT_EXPECT_NULL(test, kmem_cache_create("test_bad", 0, 0, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("test_bad", 16, 24, 0, NULL));
}

#define STRESS_SLOTS 256
#define STRESS_OPS 6000

static u32 lcg(u32 *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

/* Thousands of random alloc/free; afterwards every counter is back. */
static void slab_stress(struct kunit *test)
{
	unsigned long pages0, bytes0, slab_pages0;
	void **slot;
	size_t *sizes;
	u32 seed = 12345;
	unsigned int i, live = 0, peak = 0;
	size_t bad = 0;

	slot = kcalloc(STRESS_SLOTS, sizeof(*slot), GFP_KERNEL);
	sizes = kcalloc(STRESS_SLOTS, sizeof(*sizes), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, slot);
	KUNIT_ASSERT_NOT_NULL(test, sizes);
	kmem_cache_shrink_all();
	pages0 = nr_free_pages();
	bytes0 = slab_allocated_bytes();
	slab_pages0 = slab_nr_pages();

	for (i = 0; i < STRESS_OPS; i++) {
		u32 r = lcg(&seed);
		unsigned int s = r % STRESS_SLOTS;

		if (slot[s]) {
			bad += check(slot[s], sizes[s], s);
			kfree(slot[s]);
			slot[s] = NULL;
			live--;
			continue;
		}
		/* Mostly small objects, sometimes up to a few pages. */
		sizes[s] = (r >> 9) % 8 ? 1 + (lcg(&seed) % 700) : 1 + (lcg(&seed) % 12000);
		slot[s] = kmalloc(sizes[s], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, slot[s]);
		fill(slot[s], sizes[s], s);
		live++;
		peak = max(peak, live);
	}
	for (i = 0; i < STRESS_SLOTS; i++) {
		if (slot[i]) {
			bad += check(slot[i], sizes[i], i);
			kfree(slot[i]);
			slot[i] = NULL;
		}
	}
	kunit_info(test, "peak %u live objects", peak);
	KUNIT_EXPECT_EQ(test, bad, (size_t)0);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), bytes0);
	kmem_cache_shrink_all();
	KUNIT_EXPECT_EQ(test, slab_nr_pages(), slab_pages0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages0);
	kfree(slot);
	kfree(sizes);
}

/* Fault injection hits exactly the chosen kmalloc / kmem_cache_alloc. */
static void slab_fault_injection(struct kunit *test)
{
	unsigned long injected = alloc_fail_count();
	struct kmem_cache *c = kmem_cache_create("test_fi", 40, 0, 0, NULL);
	void *p[5];
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	alloc_fail_after(3);
	p[0] = kmalloc(32, GFP_KERNEL);
	p[1] = kzalloc(5000, GFP_KERNEL);
	p[2] = kmem_cache_alloc(c, GFP_KERNEL);
	p[3] = kmem_cache_alloc(c, GFP_KERNEL | __GFP_NOWARN);
	p[4] = kmalloc(32, GFP_KERNEL);
	alloc_fail_off();

	for (i = 0; i < 5; i++) {
		if (i == 3)
			KUNIT_EXPECT_NULL(test, p[i]);
		else
			KUNIT_EXPECT_NOT_NULL(test, p[i]);
	}
	KUNIT_EXPECT_EQ(test, alloc_fail_count(), injected + 1);
	kfree(p[0]);
	kfree(p[1]);
	kmem_cache_free(c, p[2]);
	kfree(p[4]);

	/* The n-th kcalloc fails too: it is one request. */
	alloc_fail_after(1);
	p[0] = kcalloc(4, 8, GFP_KERNEL);
	p[1] = kcalloc(4, 8, GFP_KERNEL | __GFP_NOWARN);
	alloc_fail_off();
	KUNIT_EXPECT_NOT_NULL(test, p[0]);
	KUNIT_EXPECT_NULL(test, p[1]);
	kfree(p[0]);
	KUNIT_EXPECT_EQ(test, alloc_fail_count(), injected + 2);
	kmem_cache_destroy(c);
}

/* kmemdup, kstrdup, kvmalloc/kvfree. */
static void slab_util_helpers(struct kunit *test)
{
	static const char msg[] = "ferrite allocators";
	char *s;
	u8 *big;

	s = kstrdup(msg, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, msg);
	kfree(s);
	s = kstrndup(msg, 7, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "ferrite");
	kfree(s);
	KUNIT_EXPECT_NULL(test, kstrdup(NULL, GFP_KERNEL));
	s = kmemdup(msg, sizeof(msg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_MEMEQ(test, s, msg, sizeof(msg));
	kfree(s);

	big = kvzalloc(3 * PAGE_SIZE + 5, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_EXPECT_EQ(test, big[3 * PAGE_SIZE + 4], 0);
	big[0] = 1;
	kvfree(big);
	kvfree(NULL);
}

/* Move current to @cpu alone (at once, as set_cpus_allowed_ptr() does). */
static void move_to_cpu(struct kunit *test, unsigned int cpu)
{
	cpumask_t one = {};

	cpumask_set_cpu(cpu, &one);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, &one), 0);
	KUNIT_EXPECT_EQ(test, task_cpu(current), cpu);
}

#define PCPU_OBJS 40

/*
 * This CPU's array_cache of a new cache: the first object comes from a
 * new slab, the second takes SLAB_CPU_BATCH at once; frees go onto it
 * until SLAB_CPU_LIMIT, then the SLAB_CPU_BATCH oldest go back; the
 * cache's lock is not what counts them: kmem_cache_active_objects() does
 * not count the free ones it holds.
 */
static void slab_cpu_cache_batches(struct kunit *test)
{
	unsigned int cpu = kunit_pin_cpu(), i, expect, bad = 0, most = 0;
	struct kmem_cache *c = kmem_cache_create("test_pcpu", 64, 0, 0, NULL);
	void *objs[PCPU_OBJS];

	KUNIT_ASSERT_NOT_NULL(test, c);
	objs[0] = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs[0]);
	KUNIT_EXPECT_EQ(test, kmem_cache_cpu_objects(c, cpu), 0U);
	objs[1] = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs[1]);
	KUNIT_EXPECT_EQ(test, kmem_cache_cpu_objects(c, cpu), SLAB_CPU_BATCH - 1U);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(c), 2UL);
	for (i = 2; i < PCPU_OBJS; i++) {
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
	}
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(c), (unsigned long)PCPU_OBJS);

	expect = kmem_cache_cpu_objects(c, cpu);
	for (i = 0; i < PCPU_OBJS; i++) {
		kmem_cache_free(c, objs[i]);
		if (expect == SLAB_CPU_LIMIT)
			expect -= SLAB_CPU_BATCH;
		expect++;
		bad += kmem_cache_cpu_objects(c, cpu) != expect;
		most = max(most, kmem_cache_cpu_objects(c, cpu));
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
	KUNIT_EXPECT_EQ(test, most, (unsigned int)SLAB_CPU_LIMIT);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(c), 0UL);
	/* The last one freed is the next one handed out, here. */
	objs[0] = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, objs[0], objs[PCPU_OBJS - 1]);
	kmem_cache_free(c, objs[0]);

	kmem_cache_shrink(c);
	KUNIT_EXPECT_EQ(test, kmem_cache_cpu_objects(c, cpu), 0U);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_slabs(c), 0UL);
	kmem_cache_destroy(c);
	kunit_unpin_cpu();
}

/*
 * Objects allocated on one CPU and freed on each of the others go to the
 * freeing CPU's array_cache; kmem_cache_shrink() from the first gives
 * every CPU's back, every slab with them, and every page.
 */
static void slab_free_on_other_cpus(struct kunit *test)
{
	unsigned int home = kunit_pin_cpu(), cpu, n = 0, i;
	struct kmem_cache *c = kmem_cache_create("test_pcpu_remote", 200, 0, 0, NULL);
	unsigned long pages0;
	void *objs[NR_CPUS];

	KUNIT_ASSERT_NOT_NULL(test, c);
	kmem_cache_shrink_all();
	pages0 = slab_nr_pages();
	for_each_cpu(cpu, cpu_active_mask) {
		objs[n] = kmem_cache_alloc(c, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[n]);
		n++;
	}
	KUNIT_EXPECT_GT(test, slab_nr_pages(), pages0);
	i = 0;
	for_each_cpu(cpu, cpu_active_mask) {
		unsigned int before;

		move_to_cpu(test, cpu);
		before = kmem_cache_cpu_objects(c, cpu);
		kmem_cache_free(c, objs[i++]);
		KUNIT_EXPECT_EQ(test, kmem_cache_cpu_objects(c, cpu), before + 1);
	}
	move_to_cpu(test, home);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(c), 0UL);
	KUNIT_EXPECT_GT(test, kmem_cache_nr_slabs(c), 0UL);

	kmem_cache_shrink(c);
	for_each_cpu(cpu, cpu_active_mask)
		KUNIT_EXPECT_EQ(test, kmem_cache_cpu_objects(c, cpu), 0U);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_slabs(c), 0UL);
	KUNIT_EXPECT_EQ(test, slab_nr_pages(), pages0);
	kmem_cache_destroy(c);
	kunit_unpin_cpu();
}

#define MT_ROUNDS 200
#define MT_PAGES 48		/* more than a page list's batch */
#define MT_OBJS 48		/* more than an array_cache holds */
#define MT_MAILBOX 256

struct mt_item {
	void *p;		/* a page's address or a kmalloc object */
	unsigned long stamp;
	size_t size;		/* 0: a page */
};

/* What the workers hand each other to free on their own CPUs. */
struct mt_shared {
	spinlock_t lock;
	struct mt_item box[MT_MAILBOX];
	unsigned int n;
	atomic_t errors;
	atomic_t ops;
};

struct mt_worker {
	struct mt_shared *sh;
	unsigned int id;
	struct completion done;
	struct mt_item items[MT_PAGES + MT_OBJS];
	struct mt_item theirs[(MT_PAGES + MT_OBJS) / 2];
};

static const size_t mt_sizes[] = { 16, 64, 96, 192, 512, 1024 };

/* Write @stamp over the whole of @it (so that any overlap is seen). */
static void mt_stamp(struct mt_item *it)
{
	size_t n = (it->size ? it->size : PAGE_SIZE) / sizeof(unsigned long), i;
	unsigned long *w = it->p;

	for (i = 0; i < n; i++)
		w[i] = it->stamp + i;
}

static bool mt_check(const struct mt_item *it)
{
	size_t n = (it->size ? it->size : PAGE_SIZE) / sizeof(unsigned long), i;
	const unsigned long *w = it->p;

	for (i = 0; i < n; i++)
		if (w[i] != it->stamp + i)
			return false;
	return true;
}

/* Check the stamp, then free @it on this CPU. */
static void mt_free(struct mt_shared *sh, struct mt_item *it)
{
	if (!mt_check(it))
		atomic_inc(&sh->errors);
	if (it->size)
		kfree(it->p);
	else
		free_page((unsigned long)it->p);
	atomic_inc(&sh->ops);
}

static int mt_worker_fn(void *arg)
{
	struct mt_worker *w = arg;
	struct mt_shared *sh = w->sh;
	unsigned long seq = 0;
	unsigned int r, i, n, got;

	for (r = 0; r < MT_ROUNDS; r++) {
		n = 0;
		for (i = 0; i < MT_PAGES + MT_OBJS; i++) {
			struct mt_item *it = &w->items[n];

			it->size = i < MT_PAGES ? 0 : mt_sizes[(i + r) % ARRAY_SIZE(mt_sizes)];
			it->p = it->size ? kmalloc(it->size, GFP_KERNEL) :
					   (void *)__get_free_page(GFP_KERNEL);
			if (!it->p) {
				atomic_inc(&sh->errors);
				continue;
			}
			/* Owner in the top 8 bits, a sequence number below. */
			it->stamp = ((unsigned long)(w->id + 1) << (sizeof(long) * 8 - 8)) |
				    (seq++ << 4);
			mt_stamp(it);
			n++;
		}
		cond_resched();
		/*
		 * Half (the odd ones) handed to whichever CPU comes next, as
		 * many handed earlier (mostly by the others) taken to free
		 * here first, under one taking of
		 * the lock a round (a spinning vCPU waits for a preempted one).
		 */
		got = 0;
		spin_lock(&sh->lock);
		while (sh->n && got < n / 2)
			w->theirs[got++] = sh->box[--sh->n];
		for (i = 1; i < n; i += 2) {
			if (sh->n == MT_MAILBOX)
				break;
			sh->box[sh->n++] = w->items[i];
			w->items[i].p = NULL;
		}
		spin_unlock(&sh->lock);
		for (i = 0; i < n; i++)
			if (w->items[i].p)
				mt_free(sh, &w->items[i]);
		for (i = 0; i < got; i++)
			mt_free(sh, &w->theirs[i]);
	}
	complete(&w->done);
	kunit_sleep_until_stop();
	return 0;
}

/*
 * Every active CPU at once allocates pages and kmalloc objects, stamps
 * each whole with its owner, checks them, frees half itself and hands
 * half to be freed on another CPU: a page or object handed out twice, or
 * written while on a free list, breaks a stamp. Afterwards every byte,
 * slab page and free page is back.
 */
static void slab_stress_all_cpus(struct kunit *test)
{
	struct mt_worker *w[NR_CPUS];
	struct task_struct *t[NR_CPUS];
	unsigned long pages0, bytes0, slab_pages0;
	struct mt_shared *sh;
	unsigned int cpu, n = 0, i;

	sh = kzalloc(sizeof(*sh), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sh);
	spin_lock_init(&sh->lock);
	for_each_cpu(cpu, cpu_active_mask) {
		w[n] = kzalloc(sizeof(*w[n]), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, w[n]);
		w[n]->sh = sh;
		w[n]->id = n;
		init_completion(&w[n]->done);
		n++;
	}
	kmem_cache_shrink_all();
	pages0 = nr_free_pages();
	bytes0 = slab_allocated_bytes();
	slab_pages0 = slab_nr_pages();

	i = 0;
	for_each_cpu(cpu, cpu_active_mask) {
		t[i] = kthread_create(mt_worker_fn, w[i], "mm_stress%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
		kthread_bind(t[i], cpu);
		i++;
	}
	for (i = 0; i < n; i++)
		wake_up_process(t[i]);
	for (i = 0; i < n; i++) {
		wait_for_completion(&w[i]->done);
		kthread_stop(t[i]);
	}
	while (sh->n)
		mt_free(sh, &sh->box[--sh->n]);

	kunit_info(test, "%u CPUs, %d frees", n, atomic_read(&sh->ops));
	KUNIT_EXPECT_EQ(test, atomic_read(&sh->errors), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&sh->ops), (int)(n * MT_ROUNDS * (MT_PAGES + MT_OBJS)));
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), bytes0);
	kmem_cache_shrink_all();
	KUNIT_EXPECT_EQ(test, slab_nr_pages(), slab_pages0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages0);
	for (i = 0; i < n; i++)
		kfree(w[i]);
	kfree(sh);
}

static void slab_exit(struct kunit *test)
{
	alloc_fail_off();
}

static struct kunit_case slab_cases[] = {
	KUNIT_CASE(slab_kmalloc_sizes),
	KUNIT_CASE(slab_no_overlap),
	KUNIT_CASE(slab_zero_size_and_null),
	KUNIT_CASE(slab_kzalloc_zeroes),
	KUNIT_CASE(slab_kcalloc_overflow),
	KUNIT_CASE(slab_krealloc),
	KUNIT_CASE(slab_cache_ctor_odd_size),
	KUNIT_CASE(slab_cache_align),
	KUNIT_CASE(slab_stress),
	KUNIT_CASE(slab_fault_injection),
	KUNIT_CASE(slab_util_helpers),
	KUNIT_CASE(slab_cpu_cache_batches),
	KUNIT_CASE(slab_free_on_other_cpus),
	KUNIT_CASE(slab_stress_all_cpus),
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab",
	.exit = slab_exit,
	.test_cases = slab_cases,
};

kunit_test_suites(&slab_suite);
