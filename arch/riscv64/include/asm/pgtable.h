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
#include <linux/compiler.h>

/* Page-table entry types: any level, and as struct mm_struct names them. */
typedef u64 pgtable_entry_t;
typedef pgtable_entry_t pgd_t;
typedef pgtable_entry_t pte_t;
typedef u64 pgprot_t;		/* a leaf entry's protection bits */
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

/* Protections for map_kernel_page(). A and D are preset: no A/D faults. */
#define _PAGE_KERNEL_BASE (_PAGE_PRESENT | _PAGE_GLOBAL | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL (_PAGE_KERNEL_BASE | _PAGE_READ | _PAGE_WRITE)
#define PAGE_KERNEL_RO (_PAGE_KERNEL_BASE | _PAGE_READ)
#define PAGE_KERNEL_EXEC (_PAGE_KERNEL_BASE | _PAGE_READ | _PAGE_EXEC)
#define PAGE_KERNEL_NOCACHE PAGE_KERNEL

/* What an entry returned by lookup_kernel_page() says. */
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



static inline void flush_tlb_one(unsigned long va)
{
	__asm__ __volatile__("sfence.vma %0, zero" :: "r"(va) : "memory");
}

/* flush_tlb_one() flushes this CPU's TLB only: other CPUs need an IPI. */
static inline bool arch_tlbi_broadcast(void)
{
	return false;
}

static inline void flush_tlb_all(void)
{
	__asm__ __volatile__("sfence.vma" ::: "memory");
}

/* --- User page tables (mm/pgtable.c, arch/riscv64/mm/pgtable.c) ------- */

/*
 * Sv39: three levels of 512 entries (include/linux/pgtable.h); the lower
 * half of the top level (256 GiB) is user space.
 */
#define PGTABLE_LEVELS 3
#define PGTABLE_LEVEL_BITS(level) 9
#define USER_PGD_PTRS 256

/* An intermediate entry: V with R, W, X clear (U, A, D are reserved there). */
static inline bool pgtable_table_present(pgtable_entry_t e)
{
	return (e & (_PAGE_PRESENT | _PAGE_LEAF)) == _PAGE_PRESENT;
}

static inline pgtable_entry_t pgtable_mk_table(phys_addr_t pa, int level)
{
	return __pgd_table(pa);
}

/* The physical address of the next-level table an intermediate entry holds. */
static inline phys_addr_t pgtable_table_pa(pgtable_entry_t e)
{
	return PFN_PHYS(pte_pfn(e));
}

/* The walker caches no invalid intermediate entry after sfence.vma. */
static inline void pgtable_set_table(pgtable_entry_t *e, pgtable_entry_t v)
{
	WRITE_ONCE(*e, v);
}

/* Kernel page table (mm/kernel_pgtable.c). */
static inline pgtable_entry_t pgtable_mk_kernel_table(phys_addr_t pa, int level)
{
	return __pgd_table(pa);
}
static inline void set_kernel_pte(pgtable_entry_t *e, pgtable_entry_t v) { WRITE_ONCE(*e, v); }

/* Fill a new top-level table: the kernel half is shared (mm/pgtable.c). */
#define arch_pgd_init(pgd) pgd_share_kernel_half(pgd)

/*
 * User leaf entries always have R (a leaf needs one of R/W/X), and A and
 * D preset (no A/D faults); write-protecting one for copy on write clears
 * W. pte_present(), pte_write() and pte_pfn() are above.
 */
static inline bool pte_none(pte_t pte) { return pte == 0; }
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return ((u64)pfn << _PAGE_PFN_SHIFT) | prot;
}
static inline pte_t pte_wrprotect(pte_t pte) { return pte & ~_PAGE_WRITE; }
static inline pte_t pte_mkwrite(pte_t pte) { return pte | _PAGE_WRITE; }
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return (pte & _PAGE_PFN_MASK) | prot;
}

/*
 * Flush @addr of the current address space, or all of it, from the TLB
 * (no ASIDs: every address space uses ASID 0).
 */
static inline void flush_tlb_page(unsigned long addr)
{
	flush_tlb_one(addr);
}

static inline void flush_tlb_all_user(void)
{
	flush_tlb_all();
}

/* Physical address of the kernel's top-level table (mm/kernel_pgtable.c). */
extern phys_addr_t kernel_pgd_phys;

#endif /* _ASM_RISCV_PGTABLE_H */
