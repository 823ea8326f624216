// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's page table, and the tables of every tree, for every
 * architecture (include/linux/pgtable.h). Tables come from
 * pgtable_alloc_table(): from memblock while the architecture's
 * paging_init() builds the kernel's table at boot (the direct map in large
 * pages, the image with W^X, through kernel_pgtable_walk_create()), from
 * the page allocator after. From then on vmalloc maps and unmaps single
 * pages through map_kernel_page() and unmap_kernel_page(), under
 * kernel_pgtable_lock, which flush this CPU's TLB; flush_tlb_kernel_range()
 * flushes every CPU's. The kernel's tables are never freed.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/smp.h>
#include <linux/spinlock.h>


phys_addr_t kernel_pgd_phys;
static bool buddy_ready;	/* tables now come from the page allocator */
static DEFINE_SPINLOCK(kernel_pgtable_lock);

static unsigned int table_order(int level)
{
	return get_order(sizeof(pgtable_entry_t) * PTRS_PER_LEVEL(level));
}

pgtable_entry_t *pgtable_alloc_table(int level)
{
	unsigned long size = PAGE_SIZE << table_order(level);
	phys_addr_t pa;

	if (buddy_ready)
		return (pgtable_entry_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
							   table_order(level));
	pa = memblock_alloc(size, size);
	if (!pa)
		panic("paging_init: out of memory for page tables");
	return __va(pa);
}

void pgtable_free_table(pgtable_entry_t *table, int level)
{
	free_pages((unsigned long)table, table_order(level));
}

void __init kernel_pgtable_init_late(void)
{
	buddy_ready = true;
}

bool __pgtable_link_table(pgtable_entry_t *e, int level, unsigned int flags)
{
	pgtable_entry_t *table = pgtable_alloc_table(level - 1);

	if (!table)
		return false;
	if (flags & PGTABLE_KERNEL)
		set_kernel_pte(e, pgtable_mk_kernel_table(__pa(table), level));
	else
		pgtable_set_table(e, pgtable_mk_table(__pa(table), level));
	return true;
}

pgtable_entry_t *kernel_pgtable_walk_create(unsigned long va, int level)
{
	return pgtable_walk_to(__va(kernel_pgd_phys), PGTABLE_TOP, va, level,
			       PGTABLE_ALLOC | PGTABLE_KERNEL);
}

pte_t lookup_kernel_page(unsigned long va)
{
	int level = 0;
	pte_t *pte = pgtable_walk(__va(kernel_pgd_phys), PGTABLE_TOP, va, &level, 0);

	return pte_present(*pte) ? *pte : 0;
}

int map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long flags)
{
	unsigned long irqflags;
	pte_t *pte;
	int ret = 0;

	spin_lock_irqsave(&kernel_pgtable_lock, irqflags);
	pte = kernel_pgtable_walk_create(va, 0);
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
	pte_t *pte;

	spin_lock_irqsave(&kernel_pgtable_lock, irqflags);
	pte = pgtable_walk_to(__va(kernel_pgd_phys), PGTABLE_TOP, va, 0, 0);
	if (pte) {
		WRITE_ONCE(*pte, 0);
		flush_tlb_one(va);
	}
	spin_unlock_irqrestore(&kernel_pgtable_lock, irqflags);
}

struct tlb_range {
	unsigned long start, end;
};

static void flush_tlb_range_here(void *info)
{
	const struct tlb_range *r = info;

	for (unsigned long va = r->start; va < r->end; va += PAGE_SIZE)
		flush_tlb_one(va);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct tlb_range r = { start & PAGE_MASK, end };

	if (arch_tlbi_broadcast())
		flush_tlb_range_here(&r);
	else
		on_each_cpu(flush_tlb_range_here, &r, true);
}
