// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the VMA index (suite "vma"): Linux's merge rules, the
 * gap search of mmap without a hint (also against a walk of every gap),
 * and 65,000 mappings split and merged by mprotect and munmap, with the
 * tree, the list and the counters checked against each other and every
 * page given back at the end. The address spaces are never loaded: pages
 * are reached through the page tables.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <uapi/linux/fcntl.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/pgtable.h>
#include <uapi/linux/mman.h>
#include "internal.h"

#define BASE 0x10000000UL
#define P PAGE_SIZE
#define RW (PROT_READ | PROT_WRITE)

static unsigned long settled_free_pages(void)
{
	kmem_cache_shrink_all();
	return nr_free_pages();
}

static unsigned long map_at(struct mm_struct *mm, struct file *file, unsigned long addr,
			    unsigned long len, unsigned long prot, unsigned long flags,
			    unsigned long pgoff)
{
	unsigned long ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_mmap(mm, file, addr, len, prot, flags | (addr ? MAP_FIXED : 0), pgoff);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

static unsigned long anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
			  unsigned long prot)
{
	return map_at(mm, NULL, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, 0);
}

static int mprotect(struct mm_struct *mm, unsigned long addr, unsigned long len,
		    unsigned long prot)
{
	int ret;

	mutex_lock(&mm->mmap_lock);
	ret = mm_mprotect(mm, addr, addr + len, prot);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

static int munmap(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	int ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_munmap(mm, addr, len);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/* The largest gap below a mapping in @rb's subtree, recomputed; -1 if a cache is wrong. */
static long check_gaps(struct mm_struct *mm, struct rb_node *rb, struct vm_area_struct **prev)
{
	struct vm_area_struct *vma;
	long left, right, own;

	if (!rb)
		return 0;
	left = check_gaps(mm, rb->rb_left, prev);
	vma = rb_entry(rb, struct vm_area_struct, vm_rb);
	if (left < 0 || vma_prev(mm, vma) != *prev)
		return -1;		/* the tree's order is the list's */
	own = vma->vm_start - (*prev ? (*prev)->vm_end : 0);
	*prev = vma;
	right = check_gaps(mm, rb->rb_right, prev);
	if (right < 0)
		return -1;
	own = max(own, max(left, right));
	return (unsigned long)own == vma->rb_subtree_gap ? own : -1;
}

/* Tree, list, map_count and total_vm agree, and mappings do not overlap. */
static void check_vmas(struct kunit *test, struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	unsigned long pages = 0;
	int count = 0;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		KUNIT_EXPECT_LT(test, vma->vm_start, vma->vm_end);
		if (prev)
			KUNIT_EXPECT_LE(test, prev->vm_end, vma->vm_start);
		pages += vma_pages(vma);
		count++;
		prev = vma;
	}
	prev = NULL;
	KUNIT_EXPECT_GE(test, check_gaps(mm, mm->mm_rb.rb_node, &prev), 0L);
	KUNIT_EXPECT_PTR_EQ(test, prev, list_empty(&mm->mmap) ? NULL :
			    list_last_entry(&mm->mmap, struct vm_area_struct, vm_list));
	KUNIT_EXPECT_EQ(test, mm->map_count, count);
	KUNIT_EXPECT_EQ(test, mm->total_vm, pages);
}

/* Adjacent anonymous mappings merge when their flags match, as in Linux. */
static void vma_merge_anon(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, anon(mm, BASE, P, RW), BASE);
	KUNIT_ASSERT_EQ(test, anon(mm, BASE + 2 * P, P, RW), BASE + 2 * P);
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	/* Filling the hole merges all three. */
	KUNIT_ASSERT_EQ(test, anon(mm, BASE + P, P, RW), BASE + P);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	vma = find_vma(mm, BASE);
	KUNIT_EXPECT_EQ(test, vma->vm_end, BASE + 3 * P);
	KUNIT_EXPECT_EQ(test, vma->vm_pgoff, BASE >> PAGE_SHIFT);
	/* Other protection: its own mapping. */
	KUNIT_ASSERT_EQ(test, anon(mm, BASE + 3 * P, P, PROT_READ), BASE + 3 * P);
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	/* mprotect in the middle splits in three; back again merges to one. */
	KUNIT_EXPECT_EQ(test, mprotect(mm, BASE + P, P, PROT_READ), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 4);	/* rw, r, rw, and the r one */
	check_vmas(test, mm);
	KUNIT_EXPECT_EQ(test, mprotect(mm, BASE, 4 * P, RW), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	/* A hole punched and mapped again: the offsets still continue. */
	KUNIT_EXPECT_EQ(test, munmap(mm, BASE + P, 2 * P), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	KUNIT_ASSERT_EQ(test, anon(mm, BASE + P, 2 * P, RW), BASE + P);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	check_vmas(test, mm);
	/* Shared anonymous mappings are separate objects: never merged. */
	KUNIT_ASSERT_EQ(test, map_at(mm, NULL, BASE + 8 * P, P, RW,
				     MAP_SHARED | MAP_ANONYMOUS, 0), BASE + 8 * P);
	KUNIT_ASSERT_EQ(test, map_at(mm, NULL, BASE + 9 * P, P, RW,
				     MAP_SHARED | MAP_ANONYMOUS, 0), BASE + 9 * P);
	KUNIT_EXPECT_EQ(test, mm->map_count, 3);
	check_vmas(test, mm);
	mmput(mm);
}

/* File mappings merge only when the file offsets continue each other. */
static void vma_merge_file(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	struct file *f = filp_open("/vma_kunit_file", O_RDWR | O_CREAT, 0600);

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_ASSERT_EQ(test, map_at(mm, f, BASE, P, PROT_READ, MAP_PRIVATE, 0), BASE);
	KUNIT_ASSERT_EQ(test, map_at(mm, f, BASE + P, P, PROT_READ, MAP_PRIVATE, 1), BASE + P);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	KUNIT_ASSERT_EQ(test, map_at(mm, f, BASE + 2 * P, P, PROT_READ, MAP_PRIVATE, 5),
			BASE + 2 * P);
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	/* Anonymous memory next to a file mapping stays apart. */
	KUNIT_ASSERT_EQ(test, anon(mm, BASE + 3 * P, P, PROT_READ), BASE + 3 * P);
	KUNIT_EXPECT_EQ(test, mm->map_count, 3);
	check_vmas(test, mm);
	mmput(mm);
	fput(f);
	KUNIT_EXPECT_EQ(test, kern_unlink("/vma_kunit_file"), 0);
}

/* mmap without a hint takes the highest hole that fits below mmap_base. */
static void vma_gap_search(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long top;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	top = mm->mmap_base;
	/* Holes below top: 1 page at top-2P, 3 pages at top-8P, 2 pages at top-12P. */
	KUNIT_ASSERT_EQ(test, anon(mm, top - P, P, PROT_READ), top - P);
	KUNIT_ASSERT_EQ(test, anon(mm, top - 5 * P, 3 * P, RW), top - 5 * P);
	KUNIT_ASSERT_EQ(test, anon(mm, top - 10 * P, 2 * P, PROT_READ), top - 10 * P);
	KUNIT_ASSERT_EQ(test, anon(mm, top - 20 * P, 8 * P, RW), top - 20 * P);
	/* Above mmap_base (the stack's place) does not count. */
	KUNIT_ASSERT_EQ(test, anon(mm, top + 4 * P, P, RW), top + 4 * P);
	check_vmas(test, mm);
	KUNIT_EXPECT_EQ(test, anon(mm, 0, P, PROT_EXEC), top - 2 * P);
	KUNIT_EXPECT_EQ(test, anon(mm, 0, 3 * P, PROT_EXEC), top - 8 * P);
	KUNIT_EXPECT_EQ(test, anon(mm, 0, 2 * P, PROT_EXEC), top - 12 * P);
	KUNIT_EXPECT_EQ(test, anon(mm, 0, 2 * P, PROT_EXEC), top - 22 * P);
	check_vmas(test, mm);
	KUNIT_EXPECT_EQ(test, (long)anon(mm, 0, mm->mmap_base, PROT_READ), (long)-ENOMEM);
	mmput(mm);
}

/* The highest fit of @len in [@low, @high), by walking every gap: the reference. */
static unsigned long gap_by_list(struct mm_struct *mm, unsigned long len, unsigned long low,
				 unsigned long high)
{
	unsigned long end = high, start;
	struct vm_area_struct *vma;

	list_for_each_entry_reverse(vma, &mm->mmap, vm_list) {
		start = max(vma->vm_end, low);
		if (end > start && end - start >= len)
			return end - len;
		end = min(end, vma->vm_start);
	}
	return end > low && end - low >= len ? end - len : -ENOMEM;
}

/*
 * The tree's gap search agrees with the walk of every gap, for 300
 * mappings and holes of assorted sizes and every bound that cuts a hole
 * or a mapping.
 */
static void vma_gap_search_matches_list(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long addr = BASE, low, high, len;
	u64 seed = 1;
	int wrong = 0;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	for (int i = 0; i < 300; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		addr += (seed >> 40) % 5 * P;	/* a hole of 0 to 4 pages */
		len = ((seed >> 50) % 3 + 1) * P;
		KUNIT_ASSERT_EQ(test, anon(mm, addr, len, i % 2 ? PROT_READ : RW), addr);
		addr += len;
	}
	check_vmas(test, mm);
	for (int i = 0; i < 3000; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		low = BASE - 8 * P + (seed >> 33) % (addr - BASE + 16 * P) / P * P;
		high = low + (seed >> 20) % (addr - low + 8 * P) / P * P;
		len = ((seed >> 8) % 6 + 1) * P;
		if (unmapped_area_topdown(mm, len, low, high) != gap_by_list(mm, len, low, high))
			wrong++;
	}
	KUNIT_EXPECT_EQ(test, wrong, 0);
	mmput(mm);
}

#define NR_MAPS 65000
#define TOUCH_EVERY 13		/* 5,000 pages (20 MiB of 128), every residue mod 4 */

static u32 *page_in(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = user_pte_lookup(mm, addr);

	if (!pte || !pte_present(*pte))
		return NULL;
	return page_address(pfn_to_page(pte_pfn(*pte)));
}

/* Every touched page still holds its mark, unless @gone(i) says it was unmapped. */
static void check_marks(struct kunit *test, struct mm_struct *mm, bool (*gone)(int))
{
	int bad = 0;

	for (int i = 0; i < NR_MAPS; i += TOUCH_EVERY) {
		u32 *p = page_in(mm, BASE + i * P);

		if (gone && gone(i) ? p != NULL : !p || *p != 0xc0de0000u + i)
			bad++;
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
}

static bool third_of_four(int i)
{
	return i % 4 == 2;
}

/* 65,000 mappings split and merged by mprotect and partial munmap. */
static void vma_at_size(struct kunit *test)
{
	unsigned long free0 = settled_free_pages();
	struct mm_struct *mm = mm_alloc();
	int i, err = 0;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	/* Alternate protections, so that no two neighbours merge. */
	for (i = 0; i < NR_MAPS && !err; i++)
		err = anon(mm, BASE + i * P, P, i % 2 ? PROT_READ : RW) != BASE + i * P;
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, NR_MAPS);
	check_vmas(test, mm);
	for (i = 0; i < NR_MAPS; i += TOUCH_EVERY)
		KUNIT_ASSERT_EQ(test, handle_user_page_fault(mm, BASE + i * P,
							     i % 2 ? 0 : FAULT_FLAG_WRITE), 0);

	/* One mprotect merges them all into one mapping. */
	KUNIT_EXPECT_EQ(test, mprotect(mm, BASE, NR_MAPS * P, RW), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, mm->total_vm, NR_MAPS);
	/* Mark each touched page; those only read (the zero page) get their own. */
	for (i = 0; i < NR_MAPS; i += TOUCH_EVERY) {
		u32 *p;

		KUNIT_ASSERT_EQ(test, handle_user_page_fault(mm, BASE + i * P, FAULT_FLAG_WRITE), 0);
		p = page_in(mm, BASE + i * P);
		KUNIT_ASSERT_NOT_NULL(test, p);
		*p = 0xc0de0000u + i;
	}
	check_marks(test, mm, NULL);

	/* Every fourth page read-only: 2 * 16,250 mappings again. */
	for (i = 0; i < NR_MAPS && !err; i += 4)
		err = mprotect(mm, BASE + i * P, P, PROT_READ);
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, NR_MAPS / 2);
	check_vmas(test, mm);

	/* Punch out the third page of every four: each rw pair splits. */
	for (i = 2; i < NR_MAPS && !err; i += 4)
		err = munmap(mm, BASE + i * P, P);
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, NR_MAPS / 4 * 3);
	KUNIT_EXPECT_EQ(test, mm->total_vm, NR_MAPS / 4 * 3);
	check_vmas(test, mm);
	check_marks(test, mm, third_of_four);
	KUNIT_EXPECT_EQ(test, handle_user_page_fault(mm, BASE + 2 * P, 0), -EFAULT);

	/* Fill the holes and make it all one protection: one mapping again. */
	for (i = 2; i < NR_MAPS && !err; i += 4)
		err = anon(mm, BASE + i * P, P, RW) != BASE + i * P;
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, mprotect(mm, BASE, NR_MAPS * P, RW), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	check_vmas(test, mm);

	mmput(mm);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
}

static struct kunit_case vma_cases[] = {
	KUNIT_CASE(vma_merge_anon),
	KUNIT_CASE(vma_merge_file),
	KUNIT_CASE(vma_gap_search),
	KUNIT_CASE(vma_gap_search_matches_list),
	KUNIT_CASE(vma_at_size),
	{}
};

static struct kunit_suite vma_suite = {
	.name = "vma",
	.test_cases = vma_cases,
};
kunit_test_suites(&vma_suite);
