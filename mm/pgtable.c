// SPDX-License-Identifier: GPL-2.0-only
/*
 * User page tables, for every architecture (include/linux/pgtable.h).
 * Each address space has its own top-level table (PGD); its first
 * USER_PGD_PTRS entries and the tables below them belong to the address
 * space and are walked and changed under its mmap_lock, the rest is the
 * architecture's (arch_pgd_init()). Intermediate entries always allow
 * everything; the leaf entry alone decides what user mode may do.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <linux/string.h>
#include <asm/uaccess.h>


int pgd_alloc(struct mm_struct *mm)
{
	u64 *pgd = (u64 *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return -ENOMEM;
	arch_pgd_init(pgd);
	mm->pgd = pgd;
	return 0;
}

void pgd_share_kernel_half(pgd_t *pgd)
{
	const pgd_t *kpgd = __va(kernel_pgd_phys);

	memcpy(pgd + USER_PGD_PTRS, kpgd + USER_PGD_PTRS,
	       (PTRS_PER_TABLE - USER_PGD_PTRS) * sizeof(pgd_t));
}

/* Free the table at @table of level @shift (PGDIR_SHIFT: PGD ... 12: PTE) and below. */
static void free_table_level(u64 *table, int shift, int nr)
{
	if (shift > PAGE_SHIFT) {
		for (int i = 0; i < nr; i++)
			if (pgtable_table_present(table[i]))
				free_table_level(__va(pgtable_table_pa(table[i])), shift - 9, PTRS_PER_TABLE);
	}
	if (shift != PGDIR_SHIFT)
		free_page((unsigned long)table);
}

void pgd_free(struct mm_struct *mm)
{
	if (!mm->pgd)
		return;
	free_table_level(mm->pgd, PGDIR_SHIFT, USER_PGD_PTRS);
	free_page((unsigned long)mm->pgd);
	mm->pgd = NULL;
}

pte_t *user_pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	u64 *table = mm->pgd;

	if (addr >= TASK_SIZE_MAX)
		return NULL;
	for (int s = PGDIR_SHIFT; s > PAGE_SHIFT; s -= 9) {
		u64 *e = &table[pgtable_index(addr, s)];

		if (!pgtable_table_present(*e)) {
			unsigned long next = get_zeroed_page(GFP_KERNEL);

			if (!next)
				return NULL;
			pgtable_set_table(e, pgtable_mk_table(__pa((void *)next)));
		}
		table = __va(pgtable_table_pa(*e));
	}
	return &table[pgtable_index(addr, PAGE_SHIFT)];
}

pte_t *user_pte_lookup(struct mm_struct *mm, unsigned long addr)
{
	u64 *table = mm->pgd;

	if (addr >= TASK_SIZE_MAX)
		return NULL;
	for (int s = PGDIR_SHIFT; s > PAGE_SHIFT; s -= 9) {
		u64 e = table[pgtable_index(addr, s)];

		if (!pgtable_table_present(e))
			return NULL;
		table = __va(pgtable_table_pa(e));
	}
	return &table[pgtable_index(addr, PAGE_SHIFT)];
}

int user_pte_walk(struct mm_struct *mm, unsigned long start, unsigned long end,
		  int (*fn)(pte_t *pte, unsigned long addr, void *data), void *data)
{
	unsigned long addr = start;

	end = min(end, TASK_SIZE_MAX);
	while (addr < end) {
		u64 *table = mm->pgd;
		int s;

		/* Descend; skip the whole range of a missing table. */
		for (s = PGDIR_SHIFT; s > PAGE_SHIFT; s -= 9) {
			u64 e = table[pgtable_index(addr, s)];

			if (!pgtable_table_present(e))
				break;
			table = __va(pgtable_table_pa(e));
		}
		if (s > PAGE_SHIFT) {
			unsigned long span = 1UL << s;
			unsigned long next = (addr & ~(span - 1)) + span;

			if (next <= addr)
				break;
			addr = next;
			continue;
		}
		for (; addr < end; addr += PAGE_SIZE) {
			pte_t *pte = &table[pgtable_index(addr, PAGE_SHIFT)];

			if (*pte) {
				int ret = fn(pte, addr, data);

				if (ret)
					return ret;
			}
			if (pgtable_index(addr, PAGE_SHIFT) == PTRS_PER_TABLE - 1) {
				addr += PAGE_SIZE;
				break;
			}
		}
	}
	return 0;
}
