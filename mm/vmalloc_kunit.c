// SPDX-License-Identifier: GPL-2.0-only
/* KUnit tests for vmalloc (suite "vmalloc"), with 8,192 areas at once. */
#include <kunit/test.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/ktime.h>
#include <linux/io.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <asm/pgtable.h>
#include "internal.h"

/* Number of pages in [p, p + n pages) that the page tables map. */
static unsigned long mapped_pages(const void *p, unsigned long n)
{
	unsigned long i, mapped = 0;

	for (i = 0; i < n; i++)
		mapped += lookup_kernel_page((unsigned long)p + i * PAGE_SIZE) != 0;
	return mapped;
}

/* Pages free once slabs are trimmed (vmalloc's bookkeeping uses kmalloc). */
static unsigned long settled_free_pages(void)
{
	kmem_cache_shrink_all();
	return nr_free_pages();
}

/*
 * Warm up: the arch keeps the page tables it allocates for the vmalloc
 * range, so map (and unmap) more than any case uses before counting pages.
 */
static int vmalloc_test_init(struct kunit *test)
{
	void *p = vmalloc((PAGE_SIZE << MAX_ORDER) + 64 * PAGE_SIZE);

	vfree(p);
	return p ? 0 : -ENOMEM;
}

#define NPAGES 6

/* A multi-page area is writable, backed by distinct pages, and vfree gives them back. */
static void vmalloc_write_and_free(struct kunit *test)
{
	unsigned long free0 = settled_free_pages(), vm0 = vmalloc_nr_pages();
	unsigned long size = NPAGES * PAGE_SIZE - 100, i, bad = 0;
	struct page *pages[NPAGES];
	u8 *p;

	p = vmalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KUNIT_EXPECT_TRUE(test, PAGE_ALIGNED(p));
	KUNIT_EXPECT_EQ(test, vmalloc_size(p), NPAGES * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm0 + NPAGES);
	KUNIT_EXPECT_LE(test, nr_free_pages(), free0 - NPAGES);

	/* Write through the vmalloc mapping, read back through the direct map. */
	for (i = 0; i < NPAGES * PAGE_SIZE; i++)
		p[i] = (u8)(i * 13 + i / PAGE_SIZE);
	for (i = 0; i < NPAGES; i++) {
		const u8 *alias;
		unsigned long j;

		u64 pte = lookup_kernel_page((unsigned long)p + i * PAGE_SIZE);

		pages[i] = vmalloc_to_page(p + i * PAGE_SIZE + 123);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		/* Mapped to that very page, writable, not executable. */
		KUNIT_EXPECT_EQ(test, pte_pfn(pte), page_to_pfn(pages[i]));
		KUNIT_EXPECT_TRUE(test, pte_present(pte));
		KUNIT_EXPECT_TRUE(test, pte_write(pte));
		KUNIT_EXPECT_FALSE(test, pte_exec(pte));
		KUNIT_EXPECT_EQ(test, vmalloc_to_pfn(p + i * PAGE_SIZE), page_to_pfn(pages[i]));
		if (i)
			KUNIT_EXPECT_PTR_NE(test, pages[i], pages[i - 1]);
		alias = page_address(pages[i]);
		for (j = 0; j < PAGE_SIZE; j++)
			bad += alias[j] != (u8)((i * PAGE_SIZE + j) * 13 + i);
	}
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	/* Not inside an area: the guard page and beyond. */
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(p + NPAGES * PAGE_SIZE));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(p - 1));
	KUNIT_EXPECT_EQ(test, mapped_pages(p, NPAGES), (unsigned long)NPAGES);
	KUNIT_EXPECT_EQ(test, mapped_pages(p + NPAGES * PAGE_SIZE, 1), 0UL);

	vfree(p);
	/* vfree() unmaps every page. */
	KUNIT_EXPECT_EQ(test, mapped_pages(p, NPAGES + 1), 0UL);
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(p));
	KUNIT_EXPECT_EQ(test, vmalloc_size(p), 0UL);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm0);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
}

/* vzalloc zeroes every byte, even on pages that were dirty when freed. */
static void vmalloc_vzalloc_zeroes(struct kunit *test)
{
	unsigned long i, nz = 0, size = 5 * PAGE_SIZE;
	u8 *p = vmalloc(size);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xab, size);
	vfree(p);
	p = vzalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < size; i++)
		nz += p[i] != 0;
	KUNIT_EXPECT_EQ(test, nz, 0UL);
	vfree(p);
}

/* Areas never touch: there is an unmapped guard page around each one. */
static void vmalloc_guard_pages(struct kunit *test)
{
	u8 *a, *b, *c, *lo, *hi;
	unsigned long lo_size;

	a = vmalloc(2 * PAGE_SIZE);
	b = vmalloc(3 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_GE(test, (unsigned long)a, VMALLOC_START + PAGE_SIZE);
	KUNIT_EXPECT_GE(test, (unsigned long)b, VMALLOC_START + PAGE_SIZE);

	lo = a < b ? a : b;
	hi = a < b ? b : a;
	lo_size = vmalloc_size(lo);
	KUNIT_EXPECT_GE(test, (unsigned long)(hi - lo), lo_size + PAGE_SIZE);
	/* The guard pages belong to no area and are not mapped. */
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(lo + lo_size));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(hi - 1));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page((void *)VMALLOC_START));
	KUNIT_EXPECT_EQ(test, mapped_pages(lo + lo_size, 1), 0UL);
	KUNIT_EXPECT_EQ(test, mapped_pages(hi - PAGE_SIZE, 1), 0UL);
	KUNIT_EXPECT_EQ(test, mapped_pages((void *)VMALLOC_START, 1), 0UL);
	KUNIT_EXPECT_EQ(test, mapped_pages(lo, lo_size >> PAGE_SHIFT), lo_size >> PAGE_SHIFT);

	/* An area freed between two others is reused, still with guards. */
	vfree(a);
	c = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(c + PAGE_SIZE));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(c - 1));
	KUNIT_EXPECT_EQ(test, mapped_pages(c - PAGE_SIZE, 3), 1UL);
	vfree(b);
	vfree(c);
}

/* Aligned areas (as kernel stacks want) and a large area. */
static void vmalloc_aligned_and_large(struct kunit *test)
{
	unsigned long free0 = settled_free_pages();
	unsigned long big = (PAGE_SIZE << MAX_ORDER) + 3 * PAGE_SIZE;
	u8 *s, *p;

	s = __vmalloc_node(4 * PAGE_SIZE, 4 * PAGE_SIZE, GFP_KERNEL, NUMA_NO_NODE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, (unsigned long)s & (4 * PAGE_SIZE - 1), 0UL);
	memset(s, 0x42, 4 * PAGE_SIZE);

	/* Bigger than any physically contiguous block. */
	p = vmalloc(big);
	KUNIT_ASSERT_NOT_NULL(test, p);
	p[0] = 1;
	p[big / 2] = 2;
	p[big - 1] = 3;
	KUNIT_EXPECT_EQ(test, p[0] + p[big / 2] + p[big - 1], 6);
	KUNIT_EXPECT_EQ(test, s[4 * PAGE_SIZE - 1], 0x42);
	vfree(p);
	vfree(s);
	vfree(NULL);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
}

/* Fault injection fails the chosen vmalloc as a whole, and nothing leaks. */
static void vmalloc_fault_injection(struct kunit *test)
{
	unsigned long injected = alloc_fail_count(), free0 = settled_free_pages();
	void *a, *b;

	alloc_fail_after(1);
	a = vmalloc(3 * PAGE_SIZE);
	b = __vmalloc(3 * PAGE_SIZE, GFP_KERNEL | __GFP_NOWARN);
	alloc_fail_off();
	KUNIT_EXPECT_NOT_NULL(test, a);
	KUNIT_EXPECT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, alloc_fail_count(), injected + 1);
	vfree(a);
	KUNIT_EXPECT_NULL(test, __vmalloc(0, GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
}

#define NR_AREAS 8192	/* one page each: 32 MiB of 128 */

/*
 * Many areas at once (a thread stack per task is one): each is its own
 * page with a guard after it, holes left by freeing every other area in
 * a scrambled order are reused lowest first without overlapping a
 * survivor, and everything comes back when all are freed.
 */
static void vmalloc_many_areas(struct kunit *test)
{
	unsigned long highest = 0, bad_size = 0, bad_guard = 0, bad_tag = 0, above = 0;
	unsigned long **p = kvcalloc(NR_AREAS, sizeof(*p), GFP_KERNEL);
	unsigned long free0, vm0 = vmalloc_nr_pages();
	unsigned int i, j, allocated = 0;

	KUNIT_ASSERT_NOT_NULL(test, p);
	/* The page tables for this much of the range stay: make them first. */
	for (i = 0; i < NR_AREAS; i++)
		p[i] = vmalloc(PAGE_SIZE);
	for (i = 0; i < NR_AREAS; i++)
		vfree(p[i]);
	free0 = settled_free_pages();
	for (i = 0; i < NR_AREAS; i++) {
		p[i] = vmalloc(PAGE_SIZE);
		if (!p[i])
			break;
		allocated++;
		*p[i] = i;
		highest = max(highest, (unsigned long)p[i]);
	}
	KUNIT_EXPECT_EQ(test, allocated, NR_AREAS);
	for (i = 0; i < NR_AREAS; i += 2) {
		j = (i * 7919) % NR_AREAS;	/* every even index, scrambled */
		vfree(p[j]);
		p[j] = NULL;
	}
	for (i = 0; i < NR_AREAS; i += 2) {
		p[i] = vmalloc(PAGE_SIZE);
		if (!p[i])
			continue;
		*p[i] = i;
		above += (unsigned long)p[i] > highest;
	}
	KUNIT_EXPECT_EQ(test, above, 0UL);	/* every new area took a hole */
	for (i = 0; i < NR_AREAS; i++) {
		if (!p[i])
			continue;
		bad_tag += *p[i] != i;
		bad_size += vmalloc_size(p[i]) != PAGE_SIZE;
		bad_guard += vmalloc_to_page((u8 *)p[i] + PAGE_SIZE) != NULL ||
			     vmalloc_to_page((u8 *)p[i] - 1) != NULL;
	}
	KUNIT_EXPECT_EQ(test, bad_tag, 0UL);
	KUNIT_EXPECT_EQ(test, bad_size, 0UL);
	KUNIT_EXPECT_EQ(test, bad_guard, 0UL);
	for (i = 0; i < NR_AREAS; i++)
		vfree(p[(i * 7919) % NR_AREAS]);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm0);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
	kvfree(p);
}

/*
 * Placing an area searches the tree of areas by its largest-gap
 * augmentation, not the list: among NR_AREAS areas whose holes are all
 * one area wide, a two-page area goes to the one wider hole after a few
 * visits per level of the tree; a walk of the list would visit thousands.
 * Counted, not timed (wall time under QEMU on a loaded host says little).
 */
static void vmalloc_search_is_logarithmic(struct kunit *test)
{
	void **p = kvcalloc(NR_AREAS, sizeof(*p), GFP_KERNEL);
	unsigned long highest = 0, visits, bound = 6 * (ilog2_u64(NR_AREAS) + 1);
	unsigned int i, allocated = 0, wide = NR_AREAS - 4;
	void *big;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < NR_AREAS; i++) {
		p[i] = vmalloc(PAGE_SIZE);
		allocated += p[i] != NULL;
		highest = max(highest, (unsigned long)p[i]);
	}
	KUNIT_EXPECT_EQ(test, allocated, NR_AREAS);
	/* Holes of one area (a page and its guard), three at @wide. */
	for (i = 1; i < NR_AREAS; i += 2) {
		vfree(p[i]);
		p[i] = NULL;
	}
	vfree(p[wide]);
	p[wide] = NULL;
	visits = vmap_search_visits();
	big = vmalloc(2 * PAGE_SIZE);
	visits = vmap_search_visits() - visits;
	kunit_info(test, "placing among %u areas visited %lu nodes (bound %lu)\n",
		   NR_AREAS / 2, visits, bound);
	KUNIT_EXPECT_NOT_NULL(test, big);
	KUNIT_EXPECT_LT(test, (unsigned long)big, highest);	/* a hole, not the top */
	KUNIT_EXPECT_GT(test, visits, 0UL);
	KUNIT_EXPECT_LE(test, visits, bound);
	vfree(big);
	for (i = 0; i < NR_AREAS; i++)
		vfree(p[i]);
	kvfree(p);
}

struct remote_read {
	const void __iomem *addr;
	u32 val;
};

static void read_here(void *info)
{
	struct remote_read *r = info;

	r->val = readl(r->addr);
}

/*
 * An unmapped kernel range is gone from every CPU's TLB before it is
 * reused: another CPU reads a page through an ioremap() mapping (its TLB
 * now holds the translation), the mapping is removed (with interrupts on,
 * or off: then the flush is deferred) and one of another page is made at
 * the same address (the lowest that fits), which that CPU must then read.
 */
static void unmap_and_remap_read_elsewhere(struct kunit *test, bool irqs_off)
{
	struct page *old = alloc_page(GFP_KERNEL), *new = alloc_page(GFP_KERNEL);
	struct remote_read r;
	void __iomem *a, *b;
	unsigned long flags = 0;
	int cpu = -1, c;

	KUNIT_ASSERT_TRUE(test, old && new);
	*(u32 *)page_address(old) = 0x01d01d;
	*(u32 *)page_address(new) = 0x7e57e5;
	for_each_online_cpu(c)
		if (c != smp_processor_id() && cpu < 0)
			cpu = c;
	a = ioremap(page_to_phys(old), PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, a);
	r.addr = a;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, read_here, &r, 1), 0);
	KUNIT_EXPECT_EQ(test, r.val, 0x01d01d);
	if (irqs_off)
		local_irq_save(flags);
	iounmap(a);
	if (irqs_off)
		local_irq_restore(flags);
	b = ioremap(page_to_phys(new), PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_PTR_EQ(test, b, a);
	r.addr = b;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, read_here, &r, 1), 0);
	KUNIT_EXPECT_EQ(test, r.val, 0x7e57e5);
	iounmap(b);
	__free_pages(old, 0);
	__free_pages(new, 0);
}

static void vmalloc_unmap_flushes_every_cpu(struct kunit *test)
{
	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second online CPU (make test SMP=4)");
	unmap_and_remap_read_elsewhere(test, false);
	unmap_and_remap_read_elsewhere(test, true);
}

static void vmalloc_test_exit(struct kunit *test)
{
	alloc_fail_off();
}

static struct kunit_case vmalloc_cases[] = {
	KUNIT_CASE(vmalloc_write_and_free),
	KUNIT_CASE(vmalloc_vzalloc_zeroes),
	KUNIT_CASE(vmalloc_guard_pages),
	KUNIT_CASE(vmalloc_aligned_and_large),
	KUNIT_CASE(vmalloc_fault_injection),
	KUNIT_CASE(vmalloc_many_areas),
	KUNIT_CASE(vmalloc_search_is_logarithmic),
	KUNIT_CASE(vmalloc_unmap_flushes_every_cpu),
	{}
};

static struct kunit_suite vmalloc_suite = {
	.name = "vmalloc",
	.init = vmalloc_test_init,
	.exit = vmalloc_test_exit,
	.test_cases = vmalloc_cases,
};

kunit_test_suites(&vmalloc_suite);
