// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 kernel page tables (Sv39). paging_init() replaces the boot table
 * with: the direct map of all RAM at PAGE_OFFSET (2 MiB pages, RW, never
 * executable), the IO window (1 GiB pages, RW), and the kernel image at
 * KERNEL_MAP in 4 KiB pages with W^X: text R-X, read-only data R--, data
 * and bss RW-. Nothing is mapped in the lower half, so NULL dereferences
 * fault.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/spinlock.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/csr.h>
#include <asm/pgtable.h>
#include <asm/setup.h>

extern char _stext[], _etext[], _erodata[], _end[];

static void __init map_range_4k(unsigned long start, unsigned long end, unsigned long flags)
{
	for (unsigned long va = start; va < end; va += PAGE_SIZE)
		*kernel_pgtable_walk_create(va, 0) = __pte_leaf(__pa((void *)va), flags);
}

void __init paging_init(void)
{
	phys_addr_t ram_start = ALIGN_DOWN(memblock_start_of_DRAM(), 1UL << 21);
	phys_addr_t ram_end = ALIGN(memblock_end_of_DRAM(), 1UL << 21);

	kernel_pgd_phys = __pa(pgtable_alloc_table(PGTABLE_TOP));

	/* Levels (include/linux/pgtable.h): 1 maps 2 MiB, 2 (the top) 1 GiB. */
	for (phys_addr_t pa = ram_start; pa < ram_end && pa < MAX_PHYS_ADDR; pa += 1UL << 21)
		*kernel_pgtable_walk_create(PAGE_OFFSET + pa, 1) = __pte_leaf(pa, PAGE_KERNEL);
	for (unsigned long off = 0; off < IO_WINDOW_SIZE; off += 1UL << 30)
		*kernel_pgtable_walk_create(IO_WINDOW + off, 2) = __pte_leaf(off, PAGE_KERNEL);

	/*
	 * Every top-level entry of the vmalloc range exists from now on, so
	 * the copies of the kernel half in each address space
	 * (pgd_share_kernel_half()) see later vmalloc mappings too.
	 */
	for (unsigned long va = VMALLOC_START; va >= VMALLOC_START && va < VMALLOC_END;
	     va += 1UL << 30)
		kernel_pgtable_walk_create(va, 1);

	map_range_4k((unsigned long)_stext, (unsigned long)_etext, PAGE_KERNEL_EXEC);
	map_range_4k((unsigned long)_etext, (unsigned long)_erodata, PAGE_KERNEL_RO);
	map_range_4k((unsigned long)_erodata, ALIGN((unsigned long)_end, PAGE_SIZE), PAGE_KERNEL);

	csr_write(satp, SATP_MODE_SV39 | (kernel_pgd_phys >> PAGE_SHIFT));
	flush_tlb_all();
	pr_info("paging: Sv39, direct map %lu MiB, kernel text %lu KiB R-X, rodata %lu KiB R--\n",
		(unsigned long)((ram_end - ram_start) >> 20),
		((unsigned long)_etext - (unsigned long)_stext) >> 10,
		((unsigned long)_erodata - (unsigned long)_etext) >> 10);
}

