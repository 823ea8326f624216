/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ARMv6 page tables, short descriptors with SCTLR.XP set (the ARMv6
 * format: no subpages, XN, APX, nG): a 16 KiB first level of 4096 entries,
 * each a 1 MiB section or a pointer to a 1 KiB second-level table of 256
 * 4 KiB small pages. Ferrite maps everything in small pages after boot,
 * so every leaf has the small-page layout below (include/linux/pgtable.h:
 * a first-level section would stop a walk as a large page).
 *
 * Every mapping is in domain 0, a client domain: the AP bits are checked.
 * Page tables are walked uncached (TTBR's walk attributes are 0), so a
 * stored entry is cleaned from the D-cache before the walker may see it.
 */
#ifndef _ASM_ARM_PGTABLE_H
#define _ASM_ARM_PGTABLE_H

#include <asm/page.h>

/* First-level descriptors. */
#define PMD_TYPE_MASK _AC(3, UL)
#define PMD_TYPE_TABLE _AC(1, UL)
#define PMD_TYPE_SECT _AC(2, UL)
#define PMD_SECT_B (_AC(1, UL) << 2)
#define PMD_SECT_C (_AC(1, UL) << 3)
#define PMD_SECT_XN (_AC(1, UL) << 4)
#define PMD_SECT_AP_KERNEL (_AC(1, UL) << 10)	/* AP = 01: privileged RW */

/* Second-level small-page descriptors. */
#define PTE_XN (_AC(1, UL) << 0)
#define PTE_SMALL (_AC(1, UL) << 1)
#define PTE_B (_AC(1, UL) << 2)
#define PTE_C (_AC(1, UL) << 3)
#define PTE_AP_KERNEL (_AC(1, UL) << 4)		/* AP[0]: privileged access */
#define PTE_AP_USER (_AC(1, UL) << 5)		/* AP[1]: user access too */
#define PTE_APX (_AC(1, UL) << 9)		/* read-only */
#define PTE_NG (_AC(1, UL) << 11)		/* not global (per ASID) */
#define PTE_ADDR_MASK _AC(0xfffff000, UL)

/* Normal memory: outer and inner write-back (TEX 000, C, B); device: TEX 000, B. */
#define PTE_NORMAL (PTE_SMALL | PTE_C | PTE_B | PTE_AP_KERNEL)
#define PTE_DEVICE (PTE_SMALL | PTE_B | PTE_AP_KERNEL)

/* Protections for map_kernel_page(). */
#define PAGE_KERNEL (PTE_NORMAL | PTE_XN)
#define PAGE_KERNEL_RO (PTE_NORMAL | PTE_APX | PTE_XN)
#define PAGE_KERNEL_EXEC (PTE_NORMAL | PTE_APX)
#define PAGE_KERNEL_NOCACHE (PTE_DEVICE | PTE_XN)
/* The vectors page: R-X for the kernel, R-X for user mode too (AP = 10, APX). */
#define PAGE_VECTORS (PTE_SMALL | PTE_C | PTE_B | PTE_AP_USER | PTE_APX)

#ifndef __ASSEMBLER__
#include <linux/types.h>
#include <linux/compiler.h>

/* Page-table entry types: any level, and as struct mm_struct names them. */
typedef u32 pgtable_entry_t;
typedef pgtable_entry_t pgd_t;
typedef pgtable_entry_t pte_t;
typedef u32 pgprot_t;		/* a leaf entry's protection bits */

/* Data synchronization barrier and prefetch flush (ARMv6 CP15 forms). */
static inline void arm_dsb(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 4" :: "r"(0) : "memory");
}

static inline void arm_isb(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 4" :: "r"(0) : "memory");
}

/* What an entry returned by lookup_kernel_page() says (a small page). */
static inline bool pte_present(pte_t pte)
{
	return pte & PMD_TYPE_MASK;
}

static inline bool pte_write(pte_t pte)
{
	return pte_present(pte) && (pte & PTE_AP_KERNEL) && !(pte & PTE_APX);
}

static inline bool pte_exec(pte_t pte)
{
	return pte_present(pte) && !(pte & PTE_XN);
}

/* The page frame the entry maps. */
static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte & PTE_ADDR_MASK) >> PAGE_SHIFT;
}

/* Physical address of the kernel's first-level table (mm/kernel_pgtable.c). */
extern phys_addr_t kernel_pgd_phys;

/* Physical address of the lower-half table without a process (TTBR0): user test pages. */
extern phys_addr_t user_pgd_phys;

/* Drop any TLB entry for va (global, or ASID 0, the only one used), and wait. */
static inline void flush_tlb_one(unsigned long va)
{
	arm_dsb();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 1" :: "r"(va & PAGE_MASK) : "memory");
	arm_dsb();
	arm_isb();
}

/*
 * ARMv6's TLB operations reach the calling CPU's TLB only (the ARM11
 * MPCore does not broadcast them): a kernel mapping changed is flushed
 * on the other CPUs by a cross-CPU call (flush_tlb_kernel_range()).
 */
static inline bool arch_tlbi_broadcast(void)
{
	return false;
}

/* --- Page-table geometry (include/linux/pgtable.h) ---------------------- */

/*
 * Two levels: 4096 first-level entries of 1 MiB, 256 second-level ones of
 * 4 KiB. With TTBCR.N = 1 a process's table is only walked for the lower
 * 2 GiB: its first 2048 entries are the address space's.
 */
#define PGTABLE_LEVELS 2
#define PGTABLE_LEVEL_BITS(level) ((level) ? 12 : 8)
#define USER_PGD_PTRS 2048

static inline bool pgtable_table_present(pgtable_entry_t e)
{
	return (e & PMD_TYPE_MASK) == PMD_TYPE_TABLE;
}

static inline pgtable_entry_t pgtable_mk_table(phys_addr_t pa, int level)
{
	return pa | PMD_TYPE_TABLE;
}

static inline phys_addr_t pgtable_table_pa(pgtable_entry_t e)
{
	return e & ~_AC(0x3ff, UL);
}

/* Write @e back from the D-cache (clean by MVA) for the uncached walker. */
static inline void pgtable_clean_entry(pgtable_entry_t *e)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 1" :: "r"(e) : "memory");
	arm_dsb();
}

/* Publish a new table entry to the table walker before it is used. */
static inline void pgtable_set_table(pgtable_entry_t *e, pgtable_entry_t v)
{
	WRITE_ONCE(*e, v);
	pgtable_clean_entry(e);
}

/* Kernel page table (mm/kernel_pgtable.c): entries visible to the walker at once. */
static inline pgtable_entry_t pgtable_mk_kernel_table(phys_addr_t pa, int level)
{
	return pa | PMD_TYPE_TABLE;
}

static inline void set_kernel_pte(pgtable_entry_t *e, pgtable_entry_t v)
{
	WRITE_ONCE(*e, v);
	pgtable_clean_entry(e);
	arm_isb();
}

static inline void arch_pgd_init(pgd_t *pgd)
{
}

/*
 * User leaf entries (arch/arm/mm/pgtable.c): writable ones have AP = 11
 * and APX clear; read-only ones AP = 10 and APX set, so write-protecting
 * one (copy on write) sets APX and clears AP[0], and a kernel entry (AP =
 * 01) only gains APX.
 */
static inline bool pte_none(pte_t pte) { return pte == 0; }
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return ((u32)pfn << PAGE_SHIFT) | prot;
}
static inline pte_t pte_wrprotect(pte_t pte)
{
	return (pte & PTE_AP_USER) ? (pte | PTE_APX) & ~PTE_AP_KERNEL : pte | PTE_APX;
}
static inline pte_t pte_mkwrite(pte_t pte) { return (pte & ~PTE_APX) | PTE_AP_KERNEL; }
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return (pte & PTE_ADDR_MASK) | prot;
}

/* Flush @addr of the current address space, or all of it, from the TLB. */
static inline void flush_tlb_page(unsigned long addr)
{
	flush_tlb_one(addr);
}

static inline void flush_tlb_all_user(void)
{
	arm_dsb();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 0" :: "r"(0) : "memory");
	arm_dsb();
	arm_isb();
}

#endif /* !__ASSEMBLER__ */

#endif /* _ASM_ARM_PGTABLE_H */
