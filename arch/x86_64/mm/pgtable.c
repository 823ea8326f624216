// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 user page tables. Each address space has its own top-level table
 * (PGD); its upper half is a copy of the kernel's, whose entries all exist
 * from boot (paging_init() preallocates the vmalloc area's), so kernel
 * mappings made later show up in every address space. The lower half and
 * the tables below it belong to the address space and are walked and
 * changed under its mmap_lock. Intermediate entries are always
 * present|RW|USER; the leaf entry alone decides what user mode may do.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

#define PTRS 512
#define IDX(va, shift) (((va) >> (shift)) & (PTRS - 1))
#define USER_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)
#define USER_PGD_PTRS (PTRS / 2)

int pgd_alloc(struct mm_struct *mm)
{
	u64 *pgd = (u64 *)get_zeroed_page(GFP_KERNEL);
	const u64 *kpgd = __va(kernel_pgd_phys);

	if (!pgd)
		return -ENOMEM;
	memcpy(pgd + USER_PGD_PTRS, kpgd + USER_PGD_PTRS, USER_PGD_PTRS * sizeof(u64));
	mm->pgd = pgd;
	return 0;
}

/* Free the table at @table of level @shift (39: PGD ... 12: PTE) and below. */
static void free_table_level(u64 *table, int shift, int nr)
{
	if (shift > 12) {
		for (int i = 0; i < nr; i++)
			if (table[i] & _PAGE_PRESENT)
				free_table_level(__va(table[i] & PTE_ADDR_MASK), shift - 9, PTRS);
	}
	if (shift != 39)
		free_page((unsigned long)table);
}

void pgd_free(struct mm_struct *mm)
{
	if (!mm->pgd)
		return;
	free_table_level(mm->pgd, 39, USER_PGD_PTRS);
	free_page((unsigned long)mm->pgd);
	mm->pgd = NULL;
}

pte_t *user_pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	u64 *table = mm->pgd;

	if (addr >= TASK_SIZE_MAX)
		return NULL;
	for (int s = 39; s > 12; s -= 9) {
		u64 *e = &table[IDX(addr, s)];

		if (!(*e & _PAGE_PRESENT)) {
			unsigned long next = get_zeroed_page(GFP_KERNEL);

			if (!next)
				return NULL;
			*e = __pa((void *)next) | USER_TABLE;
		}
		table = __va(*e & PTE_ADDR_MASK);
	}
	return &table[IDX(addr, 12)];
}

pte_t *user_pte_lookup(struct mm_struct *mm, unsigned long addr)
{
	u64 *table = mm->pgd;

	if (addr >= TASK_SIZE_MAX)
		return NULL;
	for (int s = 39; s > 12; s -= 9) {
		u64 e = table[IDX(addr, s)];

		if (!(e & _PAGE_PRESENT))
			return NULL;
		table = __va(e & PTE_ADDR_MASK);
	}
	return &table[IDX(addr, 12)];
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
		for (s = 39; s > 12; s -= 9) {
			u64 e = table[IDX(addr, s)];

			if (!(e & _PAGE_PRESENT))
				break;
			table = __va(e & PTE_ADDR_MASK);
		}
		if (s > 12) {
			unsigned long span = 1UL << s;
			unsigned long next = (addr & ~(span - 1)) + span;

			if (next <= addr)
				break;
			addr = next;
			continue;
		}
		for (; addr < end; addr += PAGE_SIZE) {
			pte_t *pte = &table[IDX(addr, 12)];

			if (*pte) {
				int ret = fn(pte, addr, data);

				if (ret)
					return ret;
			}
			if (IDX(addr, 12) == PTRS - 1) {
				addr += PAGE_SIZE;
				break;
			}
		}
	}
	return 0;
}

void switch_mm(struct mm_struct *next)
{
	write_cr3(next ? __pa(next->pgd) : kernel_pgd_phys);
}

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_USER;

	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return prot;
}
