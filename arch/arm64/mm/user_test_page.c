// SPDX-License-Identifier: GPL-2.0-only
/*
 * A user page for tests, before processes exist: arch_map_user_test_page()
 * maps a zeroed page that EL0 may read and write at a user address in the
 * lower-half table that TTBR0_EL1 holds while no process's address space
 * is loaded (the in-kernel tests run before init becomes a process), which
 * nothing else maps, so a private lock suffices. Tables are allocated up front and
 * freed again when their last entry goes.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

#define PTRS 512
#define IDX(va, shift) (((va) >> (shift)) & (PTRS - 1))
#define USER_TABLE (PTE_VALID | PTE_TABLE)
#define PAGE_USER_RW (PROT_NORMAL | PTE_USER | PTE_NG | PTE_WRITE | PTE_PXN | PTE_UXN)

static DEFINE_SPINLOCK(user_pgtable_lock);

static u64 *top_table(void)
{
	return __va(user_pgd_phys);
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
	unsigned long tables[3] = { 0, 0, 0 }, page, flags;
	u64 *table;
	int ret = 0, used = 0;

	if (!IS_ALIGNED(uaddr, PAGE_SIZE) || uaddr >= TASK_SIZE_MAX)
		return -EINVAL;
	/* Allocate up front: no allocation under the spinlock. */
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	for (int i = 0; i < 3; i++) {
		tables[i] = get_zeroed_page(GFP_KERNEL);
		if (!tables[i]) {
			ret = -ENOMEM;
			goto out;
		}
	}

	spin_lock_irqsave(&user_pgtable_lock, flags);
	table = top_table();
	for (int s = 39; s > 12; s -= 9) {
		u64 *e = &table[IDX(uaddr, s)];

		if (!(*e & PTE_VALID))
			WRITE_ONCE(*e, __pa((void *)tables[used++]) | USER_TABLE);
		table = __va(*e & PTE_ADDR_MASK);
	}
	if (table[IDX(uaddr, 12)] & PTE_VALID) {
		ret = -EEXIST;
	} else {
		WRITE_ONCE(table[IDX(uaddr, 12)], __pa((void *)page) | PAGE_USER_RW);
		page = 0;
	}
	dsb(ishst);
	isb();
	spin_unlock_irqrestore(&user_pgtable_lock, flags);
out:
	for (int i = used; i < 3; i++)
		if (tables[i])
			free_page(tables[i]);
	if (page)
		free_page(page);
	return ret;
}

void arch_unmap_user_test_page(unsigned long uaddr)
{
	u64 *path[4], *table;
	unsigned long flags, freed[4];
	int level, nfreed = 0;

	if (!IS_ALIGNED(uaddr, PAGE_SIZE) || uaddr >= TASK_SIZE_MAX)
		return;
	spin_lock_irqsave(&user_pgtable_lock, flags);
	table = top_table();
	/* path[0] = L0 ... path[3] = L3 table. */
	for (level = 0; level < 4; level++) {
		u64 e;

		path[level] = table;
		if (level == 3)
			break;
		e = table[IDX(uaddr, 39 - 9 * level)];
		if (!(e & PTE_VALID))
			goto out;
		table = __va(e & PTE_ADDR_MASK);
	}
	if (!(table[IDX(uaddr, 12)] & PTE_VALID))
		goto out;
	freed[nfreed++] = (unsigned long)__va(table[IDX(uaddr, 12)] & PTE_ADDR_MASK);
	WRITE_ONCE(table[IDX(uaddr, 12)], 0);
	/* Free the tables this left empty, bottom up (never the L0 table). */
	for (level = 3; level > 0 && table_empty(path[level]); level--) {
		WRITE_ONCE(path[level - 1][IDX(uaddr, 39 - 9 * (level - 1))], 0);
		freed[nfreed++] = (unsigned long)path[level];
	}
	/* TLBI VAAE1IS drops the entry and any cached walk through the freed tables. */
	flush_tlb_one(uaddr);
out:
	spin_unlock_irqrestore(&user_pgtable_lock, flags);
	for (int i = 0; i < nfreed; i++)
		free_page(freed[i]);
}
