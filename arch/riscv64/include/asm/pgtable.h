/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 kernel page tables: Sv39, 3 levels of 512 entries, 4 KiB pages,
 * 2 MiB pages for the direct map and 1 GiB pages for the IO window. An
 * entry with V set and R, W, X all clear points to the next level; any of
 * R/W/X makes it a leaf. Kernel mappings are shared by every address space.
 */
#ifndef _ASM_RISCV_PGTABLE_H
#define _ASM_RISCV_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>

#define _PAGE_PRESENT (1UL << 0)	/* V */
#define _PAGE_READ (1UL << 1)
#define _PAGE_WRITE (1UL << 2)
#define _PAGE_EXEC (1UL << 3)
#define _PAGE_USER (1UL << 4)
#define _PAGE_GLOBAL (1UL << 5)
#define _PAGE_ACCESSED (1UL << 6)
#define _PAGE_DIRTY (1UL << 7)
#define _PAGE_LEAF (_PAGE_READ | _PAGE_WRITE | _PAGE_EXEC)
#define _PAGE_PFN_SHIFT 10
#define _PAGE_PFN_MASK 0x003ffffffffffc00UL

/* A next-level table entry for the table at physical address pa. */
#define __pgd_table(pa) ((((pa) >> PAGE_SHIFT) << _PAGE_PFN_SHIFT) | _PAGE_PRESENT)
/* A leaf entry mapping physical pa with flags. */
#define __pte_leaf(pa, flags) ((((pa) >> PAGE_SHIFT) << _PAGE_PFN_SHIFT) | (flags))

/* Protections for arch_map_kernel_page(). A and D are preset: no A/D faults. */
#define _PAGE_KERNEL_BASE (_PAGE_PRESENT | _PAGE_GLOBAL | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL (_PAGE_KERNEL_BASE | _PAGE_READ | _PAGE_WRITE)
#define PAGE_KERNEL_RO (_PAGE_KERNEL_BASE | _PAGE_READ)
#define PAGE_KERNEL_EXEC (_PAGE_KERNEL_BASE | _PAGE_READ | _PAGE_EXEC)
#define PAGE_KERNEL_NOCACHE PAGE_KERNEL

/* What an entry returned by arch_lookup_kernel_page() says. */
static inline bool pte_present(u64 pte)
{
	return pte & _PAGE_PRESENT;
}

static inline bool pte_write(u64 pte)
{
	return pte & _PAGE_WRITE;
}

static inline bool pte_exec(u64 pte)
{
	return pte & _PAGE_EXEC;
}

/* The page frame the entry maps (for a large page: its first frame). */
static inline unsigned long pte_pfn(u64 pte)
{
	return (pte & _PAGE_PFN_MASK) >> _PAGE_PFN_SHIFT;
}

/*
 * arch_map_kernel_page() - map the 4 KiB page at kernel virtual address va
 * to physical pa with protection flags (PAGE_KERNEL...). Allocates page
 * tables with GFP_KERNEL, so process context only. Returns 0 or -ENOMEM;
 * -EEXIST if va is already mapped.
 */
int arch_map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long flags);

/* Remove the mapping of va (if any) and flush it from the TLB. Never sleeps. */
void arch_unmap_kernel_page(unsigned long va);

/*
 * arch_lookup_kernel_page() - the leaf entry that maps va (4 KiB, 2 MiB or
 * 1 GiB), or 0 when va is unmapped. For tests and fault reports.
 */
u64 arch_lookup_kernel_page(unsigned long va);

/* Physical address of the kernel's top-level page table. */
extern phys_addr_t kernel_pgd_phys;

static inline void flush_tlb_one(unsigned long va)
{
	__asm__ __volatile__("sfence.vma %0, zero" :: "r"(va) : "memory");
}

static inline void flush_tlb_all(void)
{
	__asm__ __volatile__("sfence.vma" ::: "memory");
}

#endif /* _ASM_RISCV_PGTABLE_H */
