// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM kernel page tables. paging_init() replaces the boot sections
 * (head.S) with a first-level table for TTBR1 whose every mapping is a
 * 4 KiB small page: the direct map of RAM at PAGE_OFFSET (RW,
 * execute-never) with the kernel image in it under W^X (text R-X,
 * read-only data R--, data and bss RW-), the board's devices as device
 * memory, and the vectors page at 0xffff0000 (R-X, for user mode too: the
 * kuser helpers at its top, arch/arm/kernel/entry.S). TTBCR.N = 1 then gives
 * the lower 2 GiB to TTBR0, which points at an empty table: the boot
 * identity map is gone and NULL dereferences fault; user test pages are
 * mapped there.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <asm/cacheflush.h>
#include <asm/pgtable.h>
#include <asm/setup.h>

extern char _head[], _etext[], _erodata[], _end[], __vectors_start[];

phys_addr_t user_pgd_phys;

static void __init map_range(unsigned long start, unsigned long end, phys_addr_t pa,
			     unsigned long flags)
{
	for (unsigned long va = start; va < end; va += PAGE_SIZE, pa += PAGE_SIZE) {
		pte_t *pte = kernel_pgtable_walk_create(va, 0);

		if (!pte)
			panic("paging_init: cannot map %#lx", va);
		*pte = pa | flags;
	}
}

/* The protection of the direct-map page at @va: W^X for the image. */
static unsigned long __init linear_prot(unsigned long va)
{
	if (va >= (unsigned long)_head && va < (unsigned long)_etext)
		return PAGE_KERNEL_EXEC;
	if (va >= (unsigned long)_etext && va < (unsigned long)_erodata)
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

void __init paging_init(void)
{
	phys_addr_t ram_start = memblock_start_of_DRAM();
	phys_addr_t ram_end = min_t(phys_addr_t, memblock_end_of_DRAM(), VERSATILE_SYS_BASE);
	unsigned long text = (unsigned long)_head;

	kernel_pgd_phys = __pa(pgtable_alloc_table(PGTABLE_TOP));
	for (phys_addr_t pa = ram_start; pa < ram_end; pa += PAGE_SIZE) {
		unsigned long va = (unsigned long)__va(pa);

		map_range(va, va + PAGE_SIZE, pa, linear_prot(va));
	}
	map_range((unsigned long)__va(VERSATILE_SYS_BASE),
		  (unsigned long)__va(VERSATILE_SYS_BASE + VERSATILE_DEV_SIZE), VERSATILE_SYS_BASE,
		  PAGE_KERNEL_NOCACHE);
	map_range(VECTORS_BASE, VECTORS_BASE + PAGE_SIZE, __pa(__vectors_start), PAGE_VECTORS);
	user_pgd_phys = __pa(pgtable_alloc_table(PGTABLE_TOP));

	/* Clean the whole D-cache (the walker reads tables uncached), then switch. */
	clean_dcache_all();
	cpu_load_kernel_tables();
	pr_info("paging: direct map %lu MiB, kernel text %lu KiB R-X, rodata %lu KiB R--\n",
		(unsigned long)((ram_end - ram_start) >> 20),
		((unsigned long)_etext - text) >> 10,
		((unsigned long)_erodata - (unsigned long)_etext) >> 10);
}
