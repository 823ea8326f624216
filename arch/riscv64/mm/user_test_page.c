// SPDX-License-Identifier: GPL-2.0-only
/*
 * A user page for tests, before processes exist: arch_map_user_test_page()
 * maps a zeroed page, readable and writable with _PAGE_USER, at a user
 * address in the kernel's own page table, which satp holds while no
 * process's address space is loaded (the in-kernel tests run before init
 * becomes a process). Intermediate entries carry no permission bits (Sv39
 * reserves U on them). Only the lower (user) half of the top-level table
 * is touched, which nothing else maps (processes have their own tables),
 * so a private lock suffices.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>

#define PTRS 512
#define LEVELS 3
#define IDX(va, shift) (((va) >> (shift)) & (PTRS - 1))
#define SHIFT(level) (30 - 9 * (level))		/* level 0: the PGD */
#define USER_PAGE (_PAGE_PRESENT | _PAGE_READ | _PAGE_WRITE | _PAGE_USER | \
		   _PAGE_ACCESSED | _PAGE_DIRTY)

static DEFINE_SPINLOCK(user_pgtable_lock);

static u64 *table_at(u64 e)
{
	return __va(PFN_PHYS(pte_pfn(e)));
}

static bool table_empty(const u64 *t)
{
	for (int i = 0; i < PTRS; i++)
		if (t[i])
			return false;
	return true;
}

int arch_map_user_test_page(unsigned long uaddr)
{
	unsigned long tables[LEVELS - 1] = { 0, 0 }, page, flags;
	u64 *table;
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

	spin_lock_irqsave(&user_pgtable_lock, flags);
	table = __va(kernel_pgd_phys);
	for (int level = 0; level < LEVELS - 1; level++) {
		u64 *e = &table[IDX(uaddr, SHIFT(level))];

		if (!(*e & _PAGE_PRESENT))
			*e = __pgd_table(__pa((void *)tables[used++]));
		table = table_at(*e);
	}
	if (table[IDX(uaddr, 12)] & _PAGE_PRESENT) {
		ret = -EEXIST;
	} else {
		table[IDX(uaddr, 12)] = __pte_leaf(__pa((void *)page), USER_PAGE);
		page = 0;
		flush_tlb_one(uaddr);
	}
	spin_unlock_irqrestore(&user_pgtable_lock, flags);
out:
	for (int i = used; i < LEVELS - 1; i++)
		if (tables[i])
			free_page(tables[i]);
	if (page)
		free_page(page);
	return ret;
}

void arch_unmap_user_test_page(unsigned long uaddr)
{
	u64 *path[LEVELS], *table;
	unsigned long flags, freed[LEVELS + 1];
	int level, nfreed = 0;

	if (!IS_ALIGNED(uaddr, PAGE_SIZE) || uaddr >= TASK_SIZE_MAX)
		return;
	spin_lock_irqsave(&user_pgtable_lock, flags);
	table = __va(kernel_pgd_phys);
	/* path[0] = PGD ... path[2] = PTE table. */
	for (level = 0; level < LEVELS; level++) {
		u64 e;

		path[level] = table;
		if (level == LEVELS - 1)
			break;
		e = table[IDX(uaddr, SHIFT(level))];
		if (!(e & _PAGE_PRESENT))
			goto out;
		table = table_at(e);
	}
	if (!(table[IDX(uaddr, 12)] & _PAGE_PRESENT))
		goto out;
	freed[nfreed++] = (unsigned long)table_at(table[IDX(uaddr, 12)]);
	table[IDX(uaddr, 12)] = 0;
	/* Free the tables this left empty, bottom up (never the PGD). */
	for (level = LEVELS - 1; level > 0 && table_empty(path[level]); level--) {
		path[level - 1][IDX(uaddr, SHIFT(level - 1))] = 0;
		freed[nfreed++] = (unsigned long)path[level];
	}
	/* Drops the leaf and any cached intermediate entries of this address. */
	flush_tlb_all();
out:
	spin_unlock_irqrestore(&user_pgtable_lock, flags);
	for (int i = 0; i < nfreed; i++)
		free_page(freed[i]);
}
