// SPDX-License-Identifier: GPL-2.0-only
/*
 * A user page for tests, before processes exist: map_user_test_page()
 * maps a zeroed page, readable and writable by user mode, at a user
 * address of the table that translates user addresses while no process's
 * address space is loaded (arch_test_user_pgd(): the kernel's own table on
 * x86-64 and riscv64, the idle TTBR0 table on arm64). The in-kernel tests
 * run before init becomes a process, so that is the table in use. Entries
 * are the architecture's (asm/pgtable.h, as for mm/pgtable.c's walker);
 * only the lower half of the top-level table is touched, which nothing
 * else maps there, so a private lock suffices. Tables are allocated up
 * front and freed again when their last entry goes, so a test's page and
 * slab counts come back to where they were.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <kunit/uaccess.h>

#define LEVELS PGTABLE_LEVELS
#define IDX(va, level) pgtable_index(va, PGDIR_SHIFT - 9 * (level))	/* level 0: the PGD */

static DEFINE_SPINLOCK(user_test_lock);

static u64 *next_table(u64 e)
{
	return __va(pgtable_table_pa(e));
}

static bool table_empty(const u64 *t)
{
	for (int i = 0; i < PTRS_PER_TABLE; i++)
		if (t[i])
			return false;
	return true;
}

int map_user_test_page(unsigned long uaddr)
{
	unsigned long tables[LEVELS - 1] = {}, page, flags;
	u64 *table, *leaf;
	int ret = 0, used = 0;

	if (!IS_ALIGNED(uaddr, PAGE_SIZE) || uaddr >= TASK_SIZE_MAX)
		return -EINVAL;
	/* Allocate up front: no allocation under the spinlock. */
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	for (int i = 0; i < LEVELS - 1; i++) {
		tables[i] = get_zeroed_page(GFP_KERNEL);
		if (!tables[i]) {
			ret = -ENOMEM;
			goto out;
		}
	}

	spin_lock_irqsave(&user_test_lock, flags);
	table = (u64 *)arch_test_user_pgd();
	for (int level = 0; level < LEVELS - 1; level++) {
		u64 *e = &table[IDX(uaddr, level)];

		if (!pgtable_table_present(*e))
			pgtable_set_table(e, pgtable_mk_table(__pa((void *)tables[used++])));
		table = next_table(*e);
	}
	leaf = &table[IDX(uaddr, LEVELS - 1)];
	if (pte_present(*leaf)) {
		ret = -EEXIST;
	} else {
		WRITE_ONCE(*leaf, pfn_pte(PFN_DOWN(__pa((void *)page)),
					  vm_get_page_prot(VM_READ | VM_WRITE)));
		page = 0;
		flush_tlb_page(uaddr);
	}
	spin_unlock_irqrestore(&user_test_lock, flags);
out:
	for (int i = used; i < LEVELS - 1; i++)
		if (tables[i])
			free_page(tables[i]);
	if (page)
		free_page(page);
	return ret;
}

void unmap_user_test_page(unsigned long uaddr)
{
	u64 *path[LEVELS], *table;
	unsigned long flags, freed[LEVELS];
	int level, nfreed = 0;

	if (!IS_ALIGNED(uaddr, PAGE_SIZE) || uaddr >= TASK_SIZE_MAX)
		return;
	spin_lock_irqsave(&user_test_lock, flags);
	table = (u64 *)arch_test_user_pgd();
	/* path[0] = the PGD ... path[LEVELS - 1] = the leaf table. */
	for (level = 0; level < LEVELS; level++) {
		u64 e;

		path[level] = table;
		if (level == LEVELS - 1)
			break;
		e = table[IDX(uaddr, level)];
		if (!pgtable_table_present(e))
			goto out;
		table = next_table(e);
	}
	if (!pte_present(table[IDX(uaddr, LEVELS - 1)]))
		goto out;
	freed[nfreed++] = (unsigned long)__va(PFN_PHYS(pte_pfn(table[IDX(uaddr, LEVELS - 1)])));
	WRITE_ONCE(table[IDX(uaddr, LEVELS - 1)], 0);
	/* Free the tables this left empty, bottom up (never the PGD). */
	for (level = LEVELS - 1; level > 0 && table_empty(path[level]); level--) {
		WRITE_ONCE(path[level - 1][IDX(uaddr, level - 1)], 0);
		freed[nfreed++] = (unsigned long)path[level];
	}
	/* Drops the entry and any cached walk through the freed tables. */
	flush_tlb_page(uaddr);
out:
	spin_unlock_irqrestore(&user_test_lock, flags);
	for (int i = 0; i < nfreed; i++)
		free_page(freed[i]);
}
