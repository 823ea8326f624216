/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 kernel page tables: 4 levels, 4 KiB pages, 2 MiB pages for the
 * direct map. Kernel mappings are shared by every address space.
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>

#define _PAGE_PRESENT (1UL << 0)
#define _PAGE_RW (1UL << 1)
#define _PAGE_USER (1UL << 2)
#define _PAGE_PWT (1UL << 3)
#define _PAGE_PCD (1UL << 4)
#define _PAGE_ACCESSED (1UL << 5)
#define _PAGE_DIRTY (1UL << 6)
#define _PAGE_PSE (1UL << 7)
#define _PAGE_GLOBAL (1UL << 8)
#define _PAGE_NX (1UL << 63)
#define PTE_ADDR_MASK 0x000ffffffffff000UL

/* Protections for map_kernel_page(). */
#define PAGE_KERNEL (_PAGE_PRESENT | _PAGE_RW | _PAGE_NX | _PAGE_GLOBAL)
#define PAGE_KERNEL_RO (_PAGE_PRESENT | _PAGE_NX | _PAGE_GLOBAL)
#define PAGE_KERNEL_EXEC (_PAGE_PRESENT | _PAGE_GLOBAL)
#define PAGE_KERNEL_NOCACHE (PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

/* What an entry returned by lookup_kernel_page() says. */
static inline bool pte_present(u64 pte)
{
	return pte & _PAGE_PRESENT;
}

static inline bool pte_write(u64 pte)
{
	return pte & _PAGE_RW;
}

static inline bool pte_exec(u64 pte)
{
	return !(pte & _PAGE_NX);
}

/* The page frame the entry maps (for a large page: its first frame). */
static inline unsigned long pte_pfn(u64 pte)
{
	return (pte & PTE_ADDR_MASK) >> PAGE_SHIFT;
}



static inline void flush_tlb_one(unsigned long va)
{
	__asm__ __volatile__("invlpg (%0)" :: "r"(va) : "memory");
}

/* flush_tlb_one() flushes this CPU's TLB only: other CPUs need an IPI. */
static inline bool arch_tlbi_broadcast(void)
{
	return false;
}

/* --- User page tables (mm/pgtable.c) -------------------------------- */

struct mm_struct;

typedef u64 pgtable_entry_t;	/* a page-table entry of any level */
typedef pgtable_entry_t pgd_t;	/* a top-level one */
typedef pgtable_entry_t pte_t;	/* a leaf one */
typedef u64 pgprot_t;		/* its protection bits */

static inline bool pte_none(pte_t pte) { return pte == 0; }
/* pte_present(), pte_write() and pte_pfn() are above. */
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return ((u64)pfn << PAGE_SHIFT) | prot;
}
static inline pte_t pte_wrprotect(pte_t pte) { return pte & ~_PAGE_RW; }
static inline pte_t pte_mkwrite(pte_t pte) { return pte | _PAGE_RW; }
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return (pte & PTE_ADDR_MASK) | prot;
}

/*
 * Four levels of 512 entries (include/linux/pgtable.h); the user half of a
 * top-level table (mm/pgtable.c), the rest is the kernel's.
 */
#define PGTABLE_LEVELS 4
#define PGTABLE_LEVEL_BITS(level) 9
#define USER_PGD_PTRS 256

/* An intermediate entry: present, and allows user access and writes. */
/* A next-level table (not a large page: those are only in the kernel half). */
static inline bool pgtable_table_present(pgtable_entry_t e)
{
	return (e & (_PAGE_PRESENT | _PAGE_PSE)) == _PAGE_PRESENT;
}
static inline pgtable_entry_t pgtable_mk_table(phys_addr_t pa, int level)
{
	return pa | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER;
}
static inline phys_addr_t pgtable_table_pa(pgtable_entry_t e) { return e & PTE_ADDR_MASK; }
static inline void pgtable_set_table(pgtable_entry_t *e, pgtable_entry_t v) { *e = v; }

/* Kernel page table (mm/kernel_pgtable.c): tables user mode cannot use. */
static inline pgtable_entry_t pgtable_mk_kernel_table(phys_addr_t pa, int level)
{
	return pa | _PAGE_PRESENT | _PAGE_RW;
}
static inline void set_kernel_pte(pgtable_entry_t *e, pgtable_entry_t v) { WRITE_ONCE(*e, v); }

/* Fill a new top-level table: the kernel half is shared (mm/pgtable.c). */
#define arch_pgd_init(pgd) pgd_share_kernel_half(pgd)

/* Flush @addr of the current address space, or all of it, from the TLB. */
static inline void flush_tlb_page(unsigned long addr)
{
	flush_tlb_one(addr);
}

static inline void flush_tlb_all_user(void)
{
	unsigned long cr3;

	__asm__ __volatile__("mov %%cr3, %0; mov %0, %%cr3" : "=r"(cr3) :: "memory");
}

/* Physical address of the kernel's top-level table (mm/kernel_pgtable.c). */
extern phys_addr_t kernel_pgd_phys;

#endif /* _ASM_X86_PGTABLE_H */
