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
	pgd_t *pgd = pgtable_alloc_table(USER_PGTABLE_TOP);

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
	       (PTRS_PER_LEVEL(PGTABLE_TOP) - USER_PGD_PTRS) * sizeof(pgd_t));
}

/* Free @table, of @level, with the tables below its first @nr entries. */
static void free_tables(pgtable_entry_t *table, int level, unsigned long nr)
{
	for (unsigned long i = 0; level > 0 && i < nr; i++)
		if (pgtable_table_present(table[i]))
			free_tables(__va(pgtable_table_pa(table[i])), level - 1,
				    PTRS_PER_LEVEL(level - 1));
	pgtable_free_table(table, level);
}

void pgd_free(struct mm_struct *mm)
{
	if (!mm->pgd)
		return;
	free_tables(mm->pgd, USER_PGTABLE_TOP, USER_PGD_PTRS);
	mm->pgd = NULL;
}

pte_t *user_pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	if (addr >= TASK_SIZE_MAX)
		return NULL;
	return pgtable_walk_to(mm->pgd, USER_PGTABLE_TOP, addr, 0, PGTABLE_ALLOC);
}

pte_t *user_pte_lookup(struct mm_struct *mm, unsigned long addr)
{
	if (addr >= TASK_SIZE_MAX)
		return NULL;
	return pgtable_walk_to(mm->pgd, USER_PGTABLE_TOP, addr, 0, 0);
}

int user_pte_walk(struct mm_struct *mm, unsigned long start, unsigned long end,
		  int (*fn)(pte_t *pte, unsigned long addr, void *data), void *data)
{
	unsigned long addr = start;

	end = min(end, TASK_SIZE_MAX);
	while (addr < end) {
		int level = 0;
		pte_t *pte = pgtable_walk(mm->pgd, USER_PGTABLE_TOP, addr, &level, 0);

		if (level) {
			/* No table below: skip all that the entry maps. */
			unsigned long span = 1UL << pgtable_level_shift(level);
			unsigned long next = (addr & ~(span - 1)) + span;

			if (next <= addr)
				break;
			addr = next;
			continue;
		}
		/* The rest of this leaf table. */
		do {
			if (!pte_none(*pte)) {
				int ret = fn(pte, addr, data);

				if (ret)
					return ret;
			}
			addr += PAGE_SIZE;
			pte++;
		} while (addr < end && pgtable_index(addr, 0));
	}
	return 0;
}
