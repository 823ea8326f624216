// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 kernel page tables. paging_init() replaces the boot tables with:
 * the direct map of all RAM at PAGE_OFFSET (2 MiB pages, RW, NX), and the
 * kernel image at KERNEL_MAP in 4 KiB pages with W^X: text R-X, read-only
 * data R--, data and bss RW-. Nothing is mapped at low addresses, so NULL
 * dereferences fault.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <linux/start_kernel.h>

extern char _stext[], _etext[], _erodata[], _end[];

static void __init map_range_4k(unsigned long start, unsigned long end, unsigned long flags)
{
	for (unsigned long va = start; va < end; va += PAGE_SIZE)
		*kernel_pgtable_walk_create(va, 0) = __pa((void *)va) | flags;
}

void __init paging_init(void)
{
	phys_addr_t ram_end = ALIGN(memblock_end_of_DRAM(), 1UL << 21);

	kernel_pgd_phys = __pa(pgtable_alloc_table(PGTABLE_TOP));

	/* Level 1 (include/linux/pgtable.h): 2 MiB pages. */
	for (phys_addr_t pa = 0; pa < ram_end && pa < MAX_PHYS_ADDR; pa += 1UL << 21)
		*kernel_pgtable_walk_create(PAGE_OFFSET + pa, 1) = pa | _PAGE_PSE | PAGE_KERNEL;

	/*
	 * Every top-level entry of the vmalloc range exists from now on, so
	 * the copies of the kernel half in user page tables see later
	 * vmalloc mappings too.
	 */
	for (unsigned long va = VMALLOC_START; va >= VMALLOC_START && va < VMALLOC_END;
	     va += 1UL << 39)
		kernel_pgtable_walk_create(va, 2);

	map_range_4k((unsigned long)_stext, (unsigned long)_etext, PAGE_KERNEL_EXEC);
	map_range_4k((unsigned long)_etext, (unsigned long)_erodata, PAGE_KERNEL_RO);
	map_range_4k((unsigned long)_erodata, ALIGN((unsigned long)_end, PAGE_SIZE), PAGE_KERNEL);

	/* CR4.PGE for global pages, CR0.WP so the kernel honours read-only. */
	__asm__ __volatile__("mov %0, %%cr4" :: "r"(read_cr4() | (1UL << 7)));
	write_cr3(kernel_pgd_phys);
	pr_info("paging: direct map %lu MiB, kernel text %lu KiB R-X, rodata %lu KiB R--\n",
		(unsigned long)(ram_end >> 20),
		((unsigned long)_etext - (unsigned long)_stext) >> 10,
		((unsigned long)_erodata - (unsigned long)_etext) >> 10);
}

