// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 kernel page tables (POWER9 radix). paging_init() builds the
 * kernel's tree (quadrant 3): the direct map of all RAM at PAGE_OFFSET
 * (2 MiB pages, RW, never executable), except the 2 MiB blocks holding
 * the kernel image, which are mapped in 4 KiB pages with W^X: text R-X,
 * read-only data (and the TOC) R--, data and bss RW-. It then registers a
 * process table with the hypervisor (H_REGISTER_PROC_TBL), whose entry 0
 * (PID 0) points at that tree, and turns translation on (MSR[IR|DR]).
 * Quadrant 0 (user space) translates through entry PIDR, the CPU's own
 * (USER_PID + CPU number), a tree of its own (mm/pgtable.c): NULL
 * dereferences fault.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/byteorder.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/hvcall.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/reg.h>
#include <asm/setup.h>

extern char _stext[], _etext[], _erodata[], _end[];

#define SZ_2M (1UL << 21)

/*
 * A process table entry: the tree's root, its size (RTS: 52-bit
 * addresses, encoded as 52 - 31 split in two fields) and the root's
 * entries (RPDS: log2 of 8192).
 */
#define PRTB_RTS ((0x2UL << 61) | (0x5UL << 5))
#define PROCESS_TABLE_SHIFT PAGE_SHIFT	/* 256 entries of 16 bytes */
#define PROCESS_TABLE_SIZE (1UL << PROCESS_TABLE_SHIFT)

struct prtb_entry {
	u64 prtb0, prtb1;		/* big-endian */
};

static struct prtb_entry *process_table;

_Static_assert(USER_PID + NR_CPUS <= PROCESS_TABLE_SIZE / sizeof(struct prtb_entry),
	       "a user PID per CPU");

void set_process_table_entry(unsigned int pid, phys_addr_t pgd_pa)
{
	WRITE_ONCE(process_table[pid].prtb0,
		   cpu_to_be64(PRTB_RTS | pgd_pa | PGTABLE_LEVEL_BITS(PGTABLE_TOP)));
	__tlbie_pid(pid);
}

static void __init map_range_4k(unsigned long start, unsigned long end, unsigned long flags)
{
	for (unsigned long va = start; va < end; va += PAGE_SIZE)
		*kernel_pgtable_walk_create(va, 0) = __pte_leaf(__pa((void *)va), flags);
}

void __init paging_init(void)
{
	phys_addr_t ram_start = ALIGN_DOWN(memblock_start_of_DRAM(), SZ_2M);
	phys_addr_t ram_end = ALIGN(memblock_end_of_DRAM(), SZ_2M);
	unsigned long image_end = ALIGN((unsigned long)_end, SZ_2M);
	phys_addr_t prtb;
	long rc;

	kernel_pgd_phys = __pa(pgtable_alloc_table(PGTABLE_TOP));

	/* Level 1 entries map 2 MiB (include/linux/pgtable.h). */
	for (phys_addr_t pa = ram_start; pa < ram_end && pa < MAX_PHYS_ADDR; pa += SZ_2M) {
		if (PAGE_OFFSET + pa < image_end && PAGE_OFFSET + pa + SZ_2M > (unsigned long)_stext)
			continue;
		*kernel_pgtable_walk_create(PAGE_OFFSET + pa, 1) = __pte_leaf(pa, PAGE_KERNEL);
	}
	map_range_4k(ALIGN_DOWN((unsigned long)_stext, SZ_2M), (unsigned long)_stext, PAGE_KERNEL);
	map_range_4k((unsigned long)_stext, (unsigned long)_etext, PAGE_KERNEL_EXEC);
	map_range_4k((unsigned long)_etext, (unsigned long)_erodata, PAGE_KERNEL_RO);
	map_range_4k((unsigned long)_erodata, image_end, PAGE_KERNEL);

	prtb = memblock_alloc(PROCESS_TABLE_SIZE, PROCESS_TABLE_SIZE);
	if (!prtb)
		panic("paging: no memory for the process table");
	process_table = __va(prtb);
	memset(process_table, 0, PROCESS_TABLE_SIZE);
	rc = plpar_hcall_norets(H_REGISTER_PROC_TBL,
				PROC_TABLE_NEW | PROC_TABLE_RADIX | PROC_TABLE_GTSE, prtb, 0,
				PROCESS_TABLE_SHIFT - 12);
	if (rc != H_SUCCESS)
		panic("paging: H_REGISTER_PROC_TBL failed: %ld", rc);
	set_process_table_entry(0, kernel_pgd_phys);
	user_pgtable_init();
	mtmsr_isync(mfmsr() | MSR_IR | MSR_DR);
	pr_info("paging: radix, direct map %lu MiB, kernel text %lu KiB R-X, rodata %lu KiB R--\n",
		(unsigned long)((ram_end - ram_start) >> 20),
		((unsigned long)_etext - (unsigned long)_stext) >> 10,
		((unsigned long)_erodata - (unsigned long)_etext) >> 10);
}
