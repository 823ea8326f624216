// SPDX-License-Identifier: GPL-2.0-only
/*
 * A user page for tests, before processes exist: map_user_test_page()
 * maps a zeroed page, readable and writable by user mode, at a user
 * address of the table that translates user addresses while no process's
 * address space is loaded (arch_test_user_pgd(): the kernel's own table on
 * x86-64 and riscv64, the idle TTBR0 table on arm64). The in-kernel tests
 * run before init becomes a process, so that is the table in use. It is
 * walked with pgtable_walk(), as user tables are; only the lower half of
 * the top-level table is touched, which nothing else maps there, so a
 * private lock suffices. Unlike other trees, tables here are freed as soon
 * as they are empty (after an unmap or a failed map), so a test's page and
 * slab counts come back to where they were.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/pgtable.h>
#include <linux/uaccess.h>
#include <kunit/uaccess.h>

static DEFINE_MUTEX(user_test_lock);

static bool table_empty(const pgtable_entry_t *t, int level)
{
	for (unsigned long i = 0; i < PTRS_PER_LEVEL(level); i++)
		if (!pte_none(t[i]))
			return false;
	return true;
}

/*
 * Unlink and free the empty tables on @uaddr's path, bottom up, up to the
 * first that holds something (never the PGD). A failed map may have left
 * the path's lowest entries empty: those are passed over.
 */
static void free_empty_tables(pgd_t *pgd, unsigned long uaddr)
{
	for (int level = 1; level <= USER_PGTABLE_TOP; level++) {
		pgtable_entry_t *e = pgtable_walk_to(pgd, USER_PGTABLE_TOP, uaddr, level, 0);
		pgtable_entry_t *table;

		if (!e || !pgtable_table_present(*e))
			continue;
		table = __va(pgtable_table_pa(*e));
		if (!table_empty(table, level - 1))
			return;
		WRITE_ONCE(*e, 0);
		/* Drops any cached walk through the table before it is freed. */
		flush_tlb_page(uaddr);
		pgtable_free_table(table, level - 1);
	}
}

int map_user_test_page(unsigned long uaddr)
{
	unsigned long page;
	pte_t *pte;
	int ret = 0;

	if (!IS_ALIGNED(uaddr, PAGE_SIZE) || uaddr >= TASK_SIZE_MAX)
		return -EINVAL;
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	mutex_lock(&user_test_lock);
	pte = pgtable_walk_to(arch_test_user_pgd(), USER_PGTABLE_TOP, uaddr, 0, PGTABLE_ALLOC);
	if (!pte) {
		ret = -ENOMEM;
		free_empty_tables(arch_test_user_pgd(), uaddr);
	} else if (pte_present(*pte)) {
		ret = -EEXIST;
	} else {
		WRITE_ONCE(*pte, pfn_pte(PFN_DOWN(__pa((void *)page)),
					 vm_get_page_prot(VM_READ | VM_WRITE)));
		page = 0;
		flush_tlb_page(uaddr);
	}
	mutex_unlock(&user_test_lock);
	if (page)
		free_page(page);
	return ret;
}

void unmap_user_test_page(unsigned long uaddr)
{
	pte_t *pte, old = 0;

	if (!IS_ALIGNED(uaddr, PAGE_SIZE) || uaddr >= TASK_SIZE_MAX)
		return;
	mutex_lock(&user_test_lock);
	pte = pgtable_walk_to(arch_test_user_pgd(), USER_PGTABLE_TOP, uaddr, 0, 0);
	if (pte && pte_present(*pte)) {
		old = *pte;
		WRITE_ONCE(*pte, 0);
		flush_tlb_page(uaddr);
		free_empty_tables(arch_test_user_pgd(), uaddr);
	}
	mutex_unlock(&user_test_lock);
	if (old)
		free_page((unsigned long)__va(PFN_PHYS(pte_pfn(old))));
}
