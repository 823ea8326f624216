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
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/start_kernel.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define PTRS 512
#define IDX(va, shift) (((va) >> (shift)) & (PTRS - 1))
#define SZ_2M (1UL << 21)

extern char _head[], _etext[], _erodata[], _end[];

phys_addr_t kernel_pgd_phys;
phys_addr_t user_pgd_phys;
static u64 *kernel_pgd;
static bool mm_ready;		/* page tables now come from the buddy allocator */
static DEFINE_SPINLOCK(pgtable_lock);

static u64 *alloc_table(void)
{
	phys_addr_t pa;

	if (mm_ready) {
		unsigned long p = get_zeroed_page(GFP_KERNEL);

		return p ? (u64 *)p : NULL;
	}
	pa = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	if (!pa)
		panic("paging_init: out of memory for page tables");
	return __va(pa);
}

/* Make a new entry visible to the table walker before it is used. */
static inline void set_entry(u64 *e, u64 v)
{
	WRITE_ONCE(*e, v);
	dsb(ishst);
	isb();
}

static bool is_table(u64 e)
{
	return (e & PTE_TYPE_MASK) == (PTE_VALID | PTE_TABLE);
}

/* The entry for va at level `shift` (12: L3, 21: L2), creating tables. */
static u64 *walk_create(unsigned long va, int shift)
{
	u64 *table = kernel_pgd;

	for (int s = 39; s > shift; s -= 9) {
		u64 *e = &table[IDX(va, s)];

		if (!(*e & PTE_VALID)) {
			u64 *next = alloc_table();

			if (!next)
				return NULL;
			set_entry(e, __pa(next) | PTE_VALID | PTE_TABLE);
		} else if (!is_table(*e)) {
			return NULL;	/* covered by a block */
		}
		table = __va(*e & PTE_ADDR_MASK);
	}
	return &table[IDX(va, shift)];
}

u64 arch_lookup_kernel_page(unsigned long va)
{
	u64 *table = kernel_pgd;

	for (int s = 39; s >= 12; s -= 9) {
		u64 e = table[IDX(va, s)];

		if (!(e & PTE_VALID))
			return 0;
		if (s == 12 || !is_table(e))
			return e;
		table = __va(e & PTE_ADDR_MASK);
	}
	return 0;
}

int arch_map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long flags)
{
	unsigned long irqflags;
	u64 *pte;
	int ret = 0;

	spin_lock_irqsave(&pgtable_lock, irqflags);
	pte = walk_create(va, 12);
	if (!pte)
		ret = -ENOMEM;
	else if (*pte & PTE_VALID)
		ret = -EEXIST;
	else
		set_entry(pte, (pa & PTE_ADDR_MASK) | flags);
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	return ret;
}

void arch_unmap_kernel_page(unsigned long va)
{
	unsigned long irqflags;
	u64 *table = kernel_pgd;

	spin_lock_irqsave(&pgtable_lock, irqflags);
	for (int s = 39; s > 12; s -= 9) {
		u64 e = table[IDX(va, s)];

		if (!(e & PTE_VALID) || !is_table(e))
			goto out;
		table = __va(e & PTE_ADDR_MASK);
	}
	WRITE_ONCE(table[IDX(va, 12)], 0);
	flush_tlb_one(va);
out:
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
}

static void __init map_range_4k(unsigned long start, unsigned long end, phys_addr_t pa,
				unsigned long flags)
{
	for (unsigned long va = start; va < end; va += PAGE_SIZE, pa += PAGE_SIZE) {
		u64 *pte = walk_create(va, 12);

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

	kernel_pgd = alloc_table();
	kernel_pgd_phys = __pa(kernel_pgd);

	/* RAM: 2 MiB blocks (an L2 entry with bit 1 clear is a block). */
	for (phys_addr_t pa = ram_start; pa < ram_end && pa < MAX_PHYS_ADDR; pa += SZ_2M) {
		u64 *pmd = walk_create((unsigned long)__va(pa), 21);

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

	user_pgd_phys = __pa(alloc_table());

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

/* The buddy allocator runs now: page tables come from it from here on. */
void __init arch_mm_init(void)
{
	mm_ready = true;
}
