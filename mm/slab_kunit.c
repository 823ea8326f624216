// SPDX-License-Identifier: GPL-2.0-only
/* KUnit tests for kmalloc and kmem_cache (suite "slab"). */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/fault-inject.h>

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
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab",
	.exit = slab_exit,
	.test_cases = slab_cases,
};

kunit_test_suites(&slab_suite);
