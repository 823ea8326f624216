/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 kernel page tables: 4 KiB granule, 4 levels (L0-L3) for 48-bit
 * virtual addresses; 2 MiB blocks for the direct map of RAM. Kernel
 * mappings hang off TTBR1_EL1 and are shared by every address space.
 */
#ifndef _ASM_ARM64_PGTABLE_H
#define _ASM_ARM64_PGTABLE_H

#include <asm/page.h>

/* Descriptor bits (VMSAv8-64 stage 1). */
#define PTE_VALID (_AC(1, UL) << 0)
#define PTE_TABLE (_AC(1, UL) << 1)		/* L0-L2: next-level table */
#define PTE_PAGE (_AC(1, UL) << 1)		/* L3: page (a block at L1/L2 has it clear) */
#define PTE_TYPE_MASK _AC(3, UL)
#define PTE_ATTRINDX(i) ((i) << 2)
#define PTE_USER (_AC(1, UL) << 6)		/* AP[1]: EL0 may access */
#define PTE_RDONLY (_AC(1, UL) << 7)		/* AP[2]: read-only */
#define PTE_SHARED (_AC(3, UL) << 8)		/* inner shareable */
#define PTE_AF (_AC(1, UL) << 10)		/* access flag (no AF faults) */
#define PTE_NG (_AC(1, UL) << 11)		/* not global */
#define PTE_WRITE (_AC(1, UL) << 51)		/* software: writable (DBM is unused) */
#define PTE_PXN (_AC(1, UL) << 53)		/* privileged execute-never */
#define PTE_UXN (_AC(1, UL) << 54)		/* unprivileged execute-never */
#define PTE_ADDR_MASK _AC(0x0000fffffffff000, UL)

/* MAIR_EL1 slots (arch/arm64/kernel/head.S programs the same values). */
#define MT_DEVICE_nGnRE 0
#define MT_NORMAL 1
#define MT_NORMAL_NC 2
#define MAIR_EL1_VALUE ((_AC(0x04, UL) << (8 * MT_DEVICE_nGnRE)) | \
			(_AC(0xff, UL) << (8 * MT_NORMAL)) | (_AC(0x44, UL) << (8 * MT_NORMAL_NC)))

#define PROT_NORMAL (PTE_VALID | PTE_PAGE | PTE_AF | PTE_SHARED | PTE_ATTRINDX(MT_NORMAL))

/* Protections for map_kernel_page(). */
#define PAGE_KERNEL (PROT_NORMAL | PTE_WRITE | PTE_PXN | PTE_UXN)
#define PAGE_KERNEL_RO (PROT_NORMAL | PTE_RDONLY | PTE_PXN | PTE_UXN)
#define PAGE_KERNEL_EXEC (PROT_NORMAL | PTE_RDONLY | PTE_UXN)
#define PAGE_KERNEL_NOCACHE (PTE_VALID | PTE_PAGE | PTE_AF | PTE_ATTRINDX(MT_DEVICE_nGnRE) | \
			     PTE_WRITE | PTE_PXN | PTE_UXN)

#ifndef __ASSEMBLER__
#include <linux/types.h>
#include <linux/compiler.h>

/* Page-table entry types: any level, and as struct mm_struct names them. */
typedef u64 pgtable_entry_t;
typedef pgtable_entry_t pgd_t;
typedef pgtable_entry_t pte_t;
typedef u64 pgprot_t;		/* a leaf entry's protection bits */

/* What an entry returned by lookup_kernel_page() says. */
static inline bool pte_present(u64 pte)
{
	return pte & PTE_VALID;
}

static inline bool pte_write(u64 pte)
{
	return (pte & PTE_VALID) && !(pte & PTE_RDONLY);
}

static inline bool pte_exec(u64 pte)
{
	return (pte & PTE_VALID) && !(pte & PTE_PXN);
}

/* The page frame the entry maps (for a block: its first frame). */
static inline unsigned long pte_pfn(u64 pte)
{
	return (pte & PTE_ADDR_MASK) >> PAGE_SHIFT;
}

/* Physical address of the kernel's top-level table (mm/kernel_pgtable.c). */
extern phys_addr_t kernel_pgd_phys;

/* Physical address of the lower-half table without a process (TTBR0_EL1): user test pages. */
extern phys_addr_t user_pgd_phys;


/* Drop any TLB entry for va (kernel or user, every ASID), and wait. */
static inline void flush_tlb_one(unsigned long va)
{
	__asm__ __volatile__("dsb ishst\n\t"
			     "tlbi vaae1is, %0\n\t"
			     "dsb ish\n\t"
			     "isb" :: "r"((va >> 12) & ((_AC(1, UL) << 44) - 1)) : "memory");
}

/* flush_tlb_one() reaches every CPU's TLB (a broadcast invalidation). */
static inline bool arch_tlbi_broadcast(void)
{
	return true;
}

/* --- User page tables (mm/pgtable.c, arch/arm64/mm/pgtable.c) --------- */

/*
 * Levels of 512 entries (include/linux/pgtable.h): four for the kernel
 * (TTBR1_EL1, 48 bits), three for user space (TTBR0_EL1, T0SZ = 25: 39
 * bits, 512 GiB, as Linux's arm64 with VA_BITS=39), whose top-level
 * table is a level-1 table and all of it the address space's.
 */
#define PGTABLE_LEVELS 4
#define USER_PGTABLE_LEVELS 3
#define PGTABLE_LEVEL_BITS(level) 9
#define USER_PGD_PTRS 512

/* An intermediate entry: a valid next-level table (no further restriction). */
static inline bool pgtable_table_present(pgtable_entry_t e)
{
	return (e & PTE_TYPE_MASK) == (PTE_VALID | PTE_TABLE);
}

static inline pgtable_entry_t pgtable_mk_table(phys_addr_t pa, int level)
{
	return pa | PTE_VALID | PTE_TABLE;
}

static inline phys_addr_t pgtable_table_pa(pgtable_entry_t e)
{
	return e & PTE_ADDR_MASK;
}

/* Publish a new table entry to the table walker before it is used. */
static inline void pgtable_set_table(pgtable_entry_t *e, pgtable_entry_t v)
{
	WRITE_ONCE(*e, v);
	__asm__ __volatile__("dsb ishst" ::: "memory");
}

/* Kernel page table (mm/kernel_pgtable.c): entries visible to the walker at once. */
static inline pgtable_entry_t pgtable_mk_kernel_table(phys_addr_t pa, int level)
{
	return pa | PTE_VALID | PTE_TABLE;
}
static inline void set_kernel_pte(pgtable_entry_t *e, pgtable_entry_t v)
{
	WRITE_ONCE(*e, v);
	__asm__ __volatile__("dsb ishst\n\tisb" ::: "memory");
}

static inline void arch_pgd_init(pgd_t *pgd)
{
}

/*
 * User leaf entries: writable ones have PTE_WRITE and no PTE_RDONLY, so
 * write-protecting one (copy on write) sets PTE_RDONLY and clears
 * PTE_WRITE. pte_present(), pte_write() and pte_pfn() are above.
 */
static inline bool pte_none(pte_t pte) { return pte == 0; }
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return ((u64)pfn << PAGE_SHIFT) | prot;
}
static inline pte_t pte_wrprotect(pte_t pte) { return (pte & ~PTE_WRITE) | PTE_RDONLY; }
static inline pte_t pte_mkwrite(pte_t pte) { return (pte | PTE_WRITE) & ~PTE_RDONLY; }
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return (pte & PTE_ADDR_MASK) | prot;
}

/* Flush @addr of the current address space from every CPU's TLB. */
static inline void flush_tlb_page(unsigned long addr)
{
	flush_tlb_one(addr);
}

/*
 * Every user entry (ASID 0) from this CPU's TLB only, as switch_mm() needs:
 * another CPU drops its own when it loads other tables, and a change to
 * an address space reaches every CPU by flush_tlb_page()'s broadcast. A
 * broadcast here (aside1is) made every context switch wait for all the
 * CPUs; under QEMU's TCG, for all of them to stop (bench.rst, "CPU
 * scaling").
 */
static inline void local_flush_tlb_all_user(void)
{
	__asm__ __volatile__("dsb nshst\n\ttlbi aside1, xzr\n\tdsb nsh\n\tisb" ::: "memory");
}

#endif /* !__ASSEMBLER__ */

#endif /* _ASM_ARM64_PGTABLE_H */
