// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for user address spaces (suite "mmap"): mappings, demand
 * paging, copy on write and teardown, on an mm_struct that is never
 * loaded: the fault and copy paths work on its page tables directly.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <uapi/linux/fcntl.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/pgtable.h>
#include <uapi/linux/mman.h>
#include <kunit/kthread.h>
#include <linux/irqflags.h>
#include <linux/kthread.h>
#include <linux/percpu.h>
#include <linux/sched.h>

#define BASE 0x10000000UL

static unsigned long settled_free_pages(void)
{
	kmem_cache_shrink_all();
	return nr_free_pages();
}

static pte_t pte_of(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = user_pte_lookup(mm, addr);

	return pte ? *pte : 0;
}

static unsigned long map(struct mm_struct *mm, unsigned long addr, unsigned long len,
			 unsigned long prot)
{
	unsigned long ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_mmap(mm, NULL, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/* An address space with faulted-in pages gives every page back when dropped. */
static void mmap_teardown_frees_everything(struct kunit *test)
{
	unsigned long free0 = settled_free_pages();
	struct mm_struct *mm = mm_alloc();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, map(mm, BASE, 8 * PAGE_SIZE, PROT_READ | PROT_WRITE), BASE);
	for (int i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, handle_user_page_fault(mm, BASE + i * PAGE_SIZE + 5,
							     FAULT_FLAG_WRITE), 0);
	KUNIT_EXPECT_TRUE(test, pte_present(pte_of(mm, BASE + 7 * PAGE_SIZE)));
	KUNIT_EXPECT_TRUE(test, pte_write(pte_of(mm, BASE)));
	KUNIT_EXPECT_LE(test, nr_free_pages(), free0 - 8);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
}

struct loaded_mm_probe {
	struct mm_struct *seen;
	int done;
};

static int probe_loaded_mm(void *arg)
{
	struct loaded_mm_probe *p = arg;

	p->seen = this_cpu()->loaded_mm;
	WRITE_ONCE(p->done, 1);
	kunit_sleep_until_stop();
	return 0;
}

/* Load (or unload, @mm NULL) @mm as the calling kthread's address space. */
static void kunit_use_mm(struct mm_struct *mm)
{
	unsigned long flags;

	local_irq_save(flags);
	current->mm = mm;
	switch_mm_irqs_off(mm);
	local_irq_restore(flags);
}

/*
 * A kernel thread runs on the kernel's tables, not on those of the task
 * before it: another CPU may free that address space meanwhile.
 */
static void mmap_kthread_runs_on_kernel_tables(struct kunit *test)
{
	struct loaded_mm_probe p = { .done = 0 };
	struct mm_struct *mm = mm_alloc();
	struct task_struct *t;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	p.seen = mm;
	kunit_use_mm(mm);
	t = kthread_run(probe_loaded_mm, &p, "mm_probe");
	if (!IS_ERR(t)) {
		while (!READ_ONCE(p.done))
			schedule_timeout_uninterruptible(1);
		kthread_stop(t);
	}
	kunit_use_mm(NULL);
	mmput(mm);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_PTR_EQ(test, p.seen, NULL);
}

/* Faults outside a mapping, or against its protection, are refused. */
static void mmap_fault_errors(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, map(mm, BASE, PAGE_SIZE, PROT_READ), BASE);
	KUNIT_EXPECT_EQ(test, handle_user_page_fault(mm, BASE + PAGE_SIZE, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, handle_user_page_fault(mm, BASE - 1, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, handle_user_page_fault(mm, BASE, FAULT_FLAG_WRITE), -EACCES);
	KUNIT_EXPECT_EQ(test, handle_user_page_fault(mm, BASE, FAULT_FLAG_INSTRUCTION), -EACCES);
	KUNIT_EXPECT_EQ(test, handle_user_page_fault(mm, BASE, 0), 0);
	KUNIT_EXPECT_TRUE(test, pte_present(pte_of(mm, BASE)));
	KUNIT_EXPECT_FALSE(test, pte_write(pte_of(mm, BASE)));
	mmput(mm);
}

/* munmap in the middle splits a mapping in two and frees only that page. */
static void mmap_munmap_splits(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, map(mm, BASE, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE), BASE);
	for (int i = 0; i < 4; i++)
		handle_user_page_fault(mm, BASE + i * PAGE_SIZE, FAULT_FLAG_WRITE);
	mutex_lock(&mm->mmap_lock);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, BASE + PAGE_SIZE, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	vma = find_vma(mm, BASE + PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, vma && vma->vm_start == BASE + 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, BASE + 1, PAGE_SIZE), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, BASE, 0), -EINVAL);
	mutex_unlock(&mm->mmap_lock);
	KUNIT_EXPECT_FALSE(test, pte_present(pte_of(mm, BASE + PAGE_SIZE)));
	KUNIT_EXPECT_TRUE(test, pte_present(pte_of(mm, BASE + 2 * PAGE_SIZE)));
	mmput(mm);
}

static bool page_is_zero(pte_t pte)
{
	const u8 *data = page_address(pfn_to_page(pte_pfn(pte)));

	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		if (data[i])
			return false;
	return true;
}

/*
 * Reading untouched anonymous memory maps one shared page of zeroes,
 * read-only, and allocates nothing; the first write gives that address a
 * zeroed page of its own and leaves the other on the zero page.
 */
static void mmap_read_maps_zero_page(struct kunit *test)
{
	unsigned long free0 = settled_free_pages(), free1;
	struct mm_struct *mm = mm_alloc();
	pte_t a, b;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, map(mm, BASE, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE), BASE);
	/* The first fault also makes the page tables. */
	KUNIT_ASSERT_EQ(test, handle_user_page_fault(mm, BASE, 0), 0);
	free1 = nr_free_pages();
	KUNIT_ASSERT_EQ(test, handle_user_page_fault(mm, BASE + PAGE_SIZE, 0), 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free1);
	a = pte_of(mm, BASE);
	b = pte_of(mm, BASE + PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, pte_present(b));
	KUNIT_EXPECT_FALSE(test, pte_write(a));
	KUNIT_EXPECT_FALSE(test, pte_write(b));
	KUNIT_EXPECT_EQ(test, pte_pfn(a), pte_pfn(b));
	KUNIT_EXPECT_TRUE(test, page_is_zero(a));

	KUNIT_EXPECT_EQ(test, handle_user_page_fault(mm, BASE, FAULT_FLAG_WRITE), 0);
	a = pte_of(mm, BASE);
	KUNIT_EXPECT_TRUE(test, pte_write(a));
	KUNIT_EXPECT_NE(test, pte_pfn(a), pte_pfn(b));
	KUNIT_EXPECT_TRUE(test, page_is_zero(a));
	KUNIT_EXPECT_EQ(test, pte_pfn(pte_of(mm, BASE + PAGE_SIZE)), pte_pfn(b));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free1 - 1);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
}

/* Bit i set: page i of the 24 at BASE is mapped. */
static unsigned long present_mask(struct mm_struct *mm)
{
	unsigned long mask = 0;

	for (int i = 0; i < 24; i++)
		mask |= (unsigned long)pte_present(pte_of(mm, BASE + i * PAGE_SIZE)) << i;
	return mask;
}

static u8 first_byte(pte_t pte)
{
	return *(u8 *)page_address(pfn_to_page(pte_pfn(pte)));
}

/*
 * A read fault on a private file mapping maps, read-only, every page the
 * file holds in the aligned 16-page window around it (fault-around): the
 * file's own pages, not copies. A hole and what lies past the end of the
 * file or outside the window stay unmapped.
 */
static void mmap_file_fault_around(struct kunit *test)
{
	unsigned long free0 = settled_free_pages(), ret;
	struct mm_struct *mm = mm_alloc();
	struct file *f = filp_open("/mmap_kunit_file", O_RDWR | O_CREAT, 0600);
	const u8 one = 1, two = 2;
	loff_t pos;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	/* 20 pages of data but for a hole at page 5. */
	for (i = 0; i < 20; i++) {
		pos = (loff_t)i * PAGE_SIZE;
		if (i != 5)
			KUNIT_ASSERT_EQ(test, kernel_write(f, &one, 1, &pos), 1);
	}
	mutex_lock(&mm->mmap_lock);
	ret = do_mmap(mm, f, BASE, 24 * PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_FIXED, 0);
	mutex_unlock(&mm->mmap_lock);
	KUNIT_ASSERT_EQ(test, ret, BASE);

	KUNIT_ASSERT_EQ(test, handle_user_page_fault(mm, BASE + 3 * PAGE_SIZE, 0), 0);
	KUNIT_EXPECT_EQ(test, present_mask(mm), 0xffffUL & ~(1UL << 5));
	KUNIT_EXPECT_FALSE(test, pte_write(pte_of(mm, BASE + 7 * PAGE_SIZE)));
	pos = 7 * PAGE_SIZE;
	KUNIT_ASSERT_EQ(test, kernel_write(f, &two, 1, &pos), 1);
	KUNIT_EXPECT_EQ(test, first_byte(pte_of(mm, BASE + 7 * PAGE_SIZE)), 2);

	/* The hole comes in on its own fault. */
	KUNIT_ASSERT_EQ(test, handle_user_page_fault(mm, BASE + 5 * PAGE_SIZE, 0), 0);
	KUNIT_EXPECT_EQ(test, present_mask(mm), 0xffffUL);
	/* The next window stops at the end of the file. */
	KUNIT_ASSERT_EQ(test, handle_user_page_fault(mm, BASE + 17 * PAGE_SIZE, 0), 0);
	KUNIT_EXPECT_EQ(test, present_mask(mm), 0xfffffUL);
	mmput(mm);
	fput(f);
	KUNIT_EXPECT_EQ(test, kern_unlink("/mmap_kunit_file"), 0);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
}

/* A fork-style copy shares pages read-only; a write copies, the other keeps its own. */
static void mmap_copy_on_write(struct kunit *test)
{
	unsigned long free0 = settled_free_pages();
	struct mm_struct *parent = mm_alloc(), *child = mm_alloc();
	struct vm_area_struct *vma, *copy;
	struct page *shared;
	u8 *data;

	KUNIT_ASSERT_NOT_NULL(test, parent);
	KUNIT_ASSERT_NOT_NULL(test, child);
	KUNIT_ASSERT_EQ(test, map(parent, BASE, PAGE_SIZE, PROT_READ | PROT_WRITE), BASE);
	KUNIT_ASSERT_EQ(test, handle_user_page_fault(parent, BASE, FAULT_FLAG_WRITE), 0);
	shared = pfn_to_page(pte_pfn(pte_of(parent, BASE)));
	data = page_address(shared);
	data[0] = 0x11;

	vma = find_vma(parent, BASE);
	copy = vma_dup(vma);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	copy->vm_mm = child;
	vma_link(child, copy);
	KUNIT_ASSERT_EQ(test, copy_page_range(child, parent, vma), 0);
	KUNIT_EXPECT_EQ(test, page_count(shared), 2);
	KUNIT_EXPECT_FALSE(test, pte_write(pte_of(parent, BASE)));
	KUNIT_EXPECT_FALSE(test, pte_write(pte_of(child, BASE)));

	/* The child writes: it gets a copy; the parent keeps the original. */
	KUNIT_EXPECT_EQ(test, handle_user_page_fault(child, BASE, FAULT_FLAG_WRITE), 0);
	KUNIT_EXPECT_NE(test, pte_pfn(pte_of(child, BASE)), page_to_pfn(shared));
	KUNIT_EXPECT_EQ(test, ((u8 *)page_address(pfn_to_page(pte_pfn(pte_of(child, BASE)))))[0],
			0x11);
	KUNIT_EXPECT_EQ(test, page_count(shared), 1);
	/* The parent is the sole user now: its write fault reuses the page. */
	KUNIT_EXPECT_EQ(test, handle_user_page_fault(parent, BASE, FAULT_FLAG_WRITE), 0);
	KUNIT_EXPECT_EQ(test, pte_pfn(pte_of(parent, BASE)), page_to_pfn(shared));
	KUNIT_EXPECT_TRUE(test, pte_write(pte_of(parent, BASE)));
	mmput(child);
	mmput(parent);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
}

/* brk grows and shrinks the heap in whole pages and refuses to go below its start. */
static void mmap_brk(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	mm->start_brk = mm->brk = BASE;
	mutex_lock(&mm->mmap_lock);
	KUNIT_EXPECT_EQ(test, mm_brk(mm, BASE + 3 * PAGE_SIZE + 1), BASE + 3 * PAGE_SIZE + 1);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 4);
	KUNIT_EXPECT_EQ(test, mm_brk(mm, BASE + 5 * PAGE_SIZE), BASE + 5 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, mm_brk(mm, BASE - PAGE_SIZE), BASE + 5 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, mm_brk(mm, BASE + PAGE_SIZE), BASE + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 1);
	mutex_unlock(&mm->mmap_lock);
	mmput(mm);
}

/*
 * mremap moving 4 pages across a 2 MiB boundary to a range 1 GiB away,
 * whose page tables do not exist yet: with every allocation it makes
 * failing in turn, a failed move leaves the old mapping whole (same
 * pages, same contents, one VMA), nothing at the new address, and no page
 * lost once the mm is gone.
 */
static void mmap_mremap_move_failure(struct kunit *test)
{
	const unsigned long src = BASE + (2UL << 20) - 2 * PAGE_SIZE, len = 4 * PAGE_SIZE;
	const unsigned long dst = src + (1UL << 30);
	bool moved = false;
	int failures = 0;

	for (unsigned int n = 0; n < 32 && !moved; n++) {
		unsigned long free0 = settled_free_pages(), ret, pfn[4];
		struct mm_struct *mm = mm_alloc();
		struct vm_area_struct *vma;

		KUNIT_ASSERT_NOT_NULL(test, mm);
		KUNIT_ASSERT_EQ(test, map(mm, src, len, PROT_READ | PROT_WRITE), src);
		for (unsigned long i = 0; i < 4; i++) {
			KUNIT_ASSERT_EQ(test, handle_user_page_fault(mm, src + i * PAGE_SIZE,
								     FAULT_FLAG_WRITE), 0);
			pfn[i] = pte_pfn(pte_of(mm, src + i * PAGE_SIZE));
			*(unsigned long *)page_address(pfn_to_page(pfn[i])) = 0xf00d0 + i;
		}
		mutex_lock(&mm->mmap_lock);
		alloc_fail_after(n);
		ret = do_mremap(mm, src, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, dst);
		alloc_fail_off();
		vma = find_vma(mm, src);
		mutex_unlock(&mm->mmap_lock);

		if (ret == dst) {
			/* Past the last allocation: the move happened. */
			moved = true;
			for (unsigned long i = 0; i < 4; i++) {
				unsigned long v = 0;

				KUNIT_EXPECT_EQ(test, access_process_vm(mm, dst + i * PAGE_SIZE,
									&v, sizeof(v)), sizeof(v));
				KUNIT_EXPECT_EQ(test, v, 0xf00d0 + i);
				KUNIT_EXPECT_FALSE(test, pte_present(pte_of(mm, src + i * PAGE_SIZE)));
			}
			mmput(mm);
			KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
			continue;
		}
		failures++;
		KUNIT_EXPECT_EQ(test, ret, (unsigned long)-ENOMEM);
		KUNIT_EXPECT_TRUE(test, vma && vma->vm_start == src && vma->vm_end == src + len);
		KUNIT_EXPECT_EQ(test, mm->map_count, 1);
		for (unsigned long i = 0; i < 4; i++) {
			unsigned long v = 0;

			KUNIT_EXPECT_EQ(test, access_process_vm(mm, src + i * PAGE_SIZE, &v, sizeof(v)),
					sizeof(v));
			KUNIT_EXPECT_EQ(test, v, 0xf00d0 + i);
			KUNIT_EXPECT_EQ(test, pte_pfn(pte_of(mm, src + i * PAGE_SIZE)), pfn[i]);
			KUNIT_EXPECT_FALSE(test, pte_present(pte_of(mm, dst + i * PAGE_SIZE)));
		}
		mmput(mm);
		KUNIT_EXPECT_EQ(test, settled_free_pages(), free0);
	}
	KUNIT_EXPECT_TRUE(test, moved);
	/* The VMA copy and the destination's tables (two leaf tables at least) each failed once. */
	KUNIT_EXPECT_GE(test, failures, 3);
}

static struct kunit_case mmap_cases[] = {
	KUNIT_CASE(mmap_teardown_frees_everything),
	KUNIT_CASE(mmap_kthread_runs_on_kernel_tables),
	KUNIT_CASE(mmap_fault_errors),
	KUNIT_CASE(mmap_munmap_splits),
	KUNIT_CASE(mmap_read_maps_zero_page),
	KUNIT_CASE(mmap_file_fault_around),
	KUNIT_CASE(mmap_copy_on_write),
	KUNIT_CASE(mmap_brk),
	KUNIT_CASE(mmap_mremap_move_failure),
	{}
};

static struct kunit_suite mmap_suite = {
	.name = "mmap",
	.test_cases = mmap_cases,
};
kunit_test_suites(&mmap_suite);
