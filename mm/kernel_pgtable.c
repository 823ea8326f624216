// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's page table, for every architecture (include/linux/pgtable.h).
 * The architecture's paging_init() builds it at boot with
 * kernel_pgtable_alloc() and kernel_pgtable_walk_create() (the direct map
 * in large pages, the image with W^X) and loads it; from then on vmalloc
 * maps and unmaps single pages through map_kernel_page() and
 * unmap_kernel_page(). Entries are the architecture's (asm/pgtable.h:
 * pte_present(), pgtable_table_present(), pgtable_mk_kernel_table(),
 * pgtable_table_pa(), pfn_pte(), set_kernel_pte(), flush_tlb_one()), with
 * PGTABLE_LEVELS levels of 512 entries.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/spinlock.h>


phys_addr_t kernel_pgd_phys;
static bool buddy_ready;	/* tables now come from the page allocator */
static DEFINE_SPINLOCK(kernel_pgtable_lock);

u64 *kernel_pgtable_alloc(void)
{
	phys_addr_t pa;

	if (buddy_ready) {
		unsigned long p = get_zeroed_page(GFP_KERNEL);

		return p ? (u64 *)p : NULL;
	}
	pa = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	if (!pa)
		panic("paging_init: out of memory for page tables");
	return __va(pa);
}

void __init kernel_pgtable_init_late(void)
{
	buddy_ready = true;
}

u64 *kernel_pgtable_walk_create(unsigned long va, int shift)
{
	u64 *table = __va(kernel_pgd_phys);

	for (int s = PGDIR_SHIFT; s > shift; s -= 9) {
		u64 *e = &table[pgtable_index(va, s)];

		if (!pte_present(*e)) {
			u64 *next = kernel_pgtable_alloc();

			if (!next)
				return NULL;
			set_kernel_pte(e, pgtable_mk_kernel_table(__pa(next)));
		} else if (!pgtable_table_present(*e)) {
			return NULL;	/* covered by a large page */
		}
		table = __va(pgtable_table_pa(*e));
	}
	return &table[pgtable_index(va, shift)];
}

u64 lookup_kernel_page(unsigned long va)
{
	u64 *table = __va(kernel_pgd_phys);

	for (int s = PGDIR_SHIFT; s >= PAGE_SHIFT; s -= 9) {
		u64 e = table[pgtable_index(va, s)];

		if (!pte_present(e))
			return 0;
		if (s == PAGE_SHIFT || !pgtable_table_present(e))
			return e;
		table = __va(pgtable_table_pa(e));
	}
	return 0;
}

int map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long flags)
{
	unsigned long irqflags;
	u64 *pte;
	int ret = 0;

	spin_lock_irqsave(&kernel_pgtable_lock, irqflags);
	pte = kernel_pgtable_walk_create(va, PAGE_SHIFT);
	if (!pte)
		ret = -ENOMEM;
	else if (pte_present(*pte))
		ret = -EEXIST;
	else
		set_kernel_pte(pte, pfn_pte(PFN_DOWN(pa), flags));
	spin_unlock_irqrestore(&kernel_pgtable_lock, irqflags);
	/* Some MMUs (RISC-V) may cache an invalid entry: drop it. */
	if (!ret)
		flush_tlb_one(va);
	return ret;
}

void unmap_kernel_page(unsigned long va)
{
	unsigned long irqflags;
	u64 *table = __va(kernel_pgd_phys);

	spin_lock_irqsave(&kernel_pgtable_lock, irqflags);
	for (int s = PGDIR_SHIFT; s > PAGE_SHIFT; s -= 9) {
		u64 e = table[pgtable_index(va, s)];

		if (!pgtable_table_present(e))
			goto out;
		table = __va(pgtable_table_pa(e));
	}
	WRITE_ONCE(table[pgtable_index(va, PAGE_SHIFT)], 0);
	flush_tlb_one(va);
out:
	spin_unlock_irqrestore(&kernel_pgtable_lock, irqflags);
}
