// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 kernel page tables. paging_init() replaces the boot tables
 * (head.S) with: the direct map of RAM at PAGE_OFFSET (2 MiB blocks, RW,
 * execute-never), the boot devices (UART, GIC) at their direct-map
 * addresses as device memory, and the kernel image at KIMAGE_VADDR in
 * 4 KiB pages with W^X: text R-X, read-only data R--, data and bss RW-.
 * TTBR0_EL1 then points at an empty table, so the identity map is gone and
 * NULL dereferences fault; user test pages are mapped there.
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
#include <linux/start_kernel.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define SZ_2M (1UL << 21)

extern char _head[], _etext[], _erodata[], _end[];

phys_addr_t user_pgd_phys;

static void __init map_range_4k(unsigned long start, unsigned long end, phys_addr_t pa,
				unsigned long flags)
{
	for (unsigned long va = start; va < end; va += PAGE_SIZE, pa += PAGE_SIZE) {
		pte_t *pte = kernel_pgtable_walk_create(va, 0);

		if (!pte)
			panic("paging_init: cannot map %#lx", va);
		*pte = pa | flags;
	}
}

void __init early_map_device(phys_addr_t base, u64 size)
{
	phys_addr_t start = base & PAGE_MASK, end = PAGE_ALIGN(base + size);

	if (size)
		map_range_4k((unsigned long)__va(start), (unsigned long)__va(end), start,
			     PAGE_KERNEL_NOCACHE);
}

void __init paging_init(void)
{
	phys_addr_t ram_start = memblock_start_of_DRAM() & ~(SZ_2M - 1);
	phys_addr_t ram_end = ALIGN(memblock_end_of_DRAM(), SZ_2M);
	unsigned long text = (unsigned long)_head;

	kernel_pgd_phys = __pa(pgtable_alloc_table(PGTABLE_TOP));

	/* RAM: 2 MiB blocks (level 1, L2 to the architecture: bit 1 clear makes a block). */
	for (phys_addr_t pa = ram_start; pa < ram_end && pa < MAX_PHYS_ADDR; pa += SZ_2M) {
		pgtable_entry_t *pmd = kernel_pgtable_walk_create((unsigned long)__va(pa), 1);

		if (!pmd)
			panic("paging_init: cannot map RAM at %#llx", (unsigned long long)pa);
		*pmd = pa | (PAGE_KERNEL & ~PTE_PAGE);
	}

	map_range_4k(text, (unsigned long)_etext, __pa(_head), PAGE_KERNEL_EXEC);
	map_range_4k((unsigned long)_etext, (unsigned long)_erodata, __pa(_etext), PAGE_KERNEL_RO);
	map_range_4k((unsigned long)_erodata, ALIGN((unsigned long)_end, PAGE_SIZE),
		     __pa(_erodata), PAGE_KERNEL);

	early_map_device(arm64_board.uart.base, arm64_board.uart.size);
	early_map_device(arm64_board.gicd.base, arm64_board.gicd.size);
	early_map_device(arm64_board.gicc.base, arm64_board.gicc.size);
	early_map_device(arm64_board.rtc.base, arm64_board.rtc.size);

	user_pgd_phys = __pa(pgtable_alloc_table(USER_PGTABLE_TOP));

	dsb(ishst);
	write_sysreg(kernel_pgd_phys, ttbr1_el1);
	write_sysreg(user_pgd_phys, ttbr0_el1);
	isb();
	__asm__ __volatile__("tlbi vmalle1is\n\tdsb ish\n\tisb" ::: "memory");
	pr_info("paging: direct map %lu MiB, kernel text %lu KiB R-X, rodata %lu KiB R--\n",
		(unsigned long)((ram_end - ram_start) >> 20),
		((unsigned long)_etext - text) >> 10,
		((unsigned long)_erodata - (unsigned long)_etext) >> 10);
}

