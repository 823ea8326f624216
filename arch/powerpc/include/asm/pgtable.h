/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 radix page tables (Power ISA 3.0), 4 KiB pages: a 52-bit
 * quadrant is translated by 4 levels of 13, 9, 9 and 9 index bits (the
 * top table has 8192 entries, 64 KiB). Entries are big-endian
 * doublewords whatever the CPU's byte order: pgtable_entry_t holds one
 * as stored, and the helpers below convert (include/linux/pgtable.h).
 *
 * A directory entry is V | NLB (the next table's physical address) |
 * NLS (log2 of its entries); a leaf entry is V | L | RPN | R | C | ATT |
 * EAA, whose EAA bits are privileged, read, write and execute. Kernel
 * mappings are privileged (no user access); R and C are preset, so no
 * reference or change fault ever happens.
 */
#ifndef _ASM_POWERPC_PGTABLE_H
#define _ASM_POWERPC_PGTABLE_H

#include <linux/types.h>
#include <linux/byteorder.h>
#include <linux/compiler.h>

/* Page-table entry types: any level, and as struct mm_struct names them. */
typedef u64 pgtable_entry_t;	/* big-endian */
typedef pgtable_entry_t pgd_t;
typedef pgtable_entry_t pte_t;
typedef u64 pgprot_t;		/* a leaf entry's bits, CPU order */
#include <asm/mmu.h>
#include <asm/page.h>

#define _PAGE_PRESENT (1UL << 63)	/* V */
#define _PAGE_PTE (1UL << 62)		/* L: a leaf */
#define _PAGE_ACCESSED (1UL << 8)	/* R */
#define _PAGE_DIRTY (1UL << 7)		/* C */
#define _PAGE_NON_IDEMPOTENT (2UL << 4)	/* ATT: guarded, uncached I/O */
#define _PAGE_PRIVILEGED (1UL << 3)
#define _PAGE_READ (1UL << 2)
#define _PAGE_WRITE (1UL << 1)
#define _PAGE_EXEC (1UL << 0)
#define _PAGE_RPN_MASK 0x01fffffffffff000UL
#define _PAGE_NLB_MASK 0x0fffffffffffff00UL
#define _PAGE_NLS_MASK 0x1fUL

/* A leaf entry mapping physical pa with flags (CPU order bits). */
#define __pte_leaf(pa, flags) cpu_to_be64(((pa) & _PAGE_RPN_MASK) | (flags))

/* Protections for map_kernel_page(). */
#define _PAGE_KERNEL_BASE (_PAGE_PRESENT | _PAGE_PTE | _PAGE_PRIVILEGED | \
			   _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL (_PAGE_KERNEL_BASE | _PAGE_READ | _PAGE_WRITE)
#define PAGE_KERNEL_RO (_PAGE_KERNEL_BASE | _PAGE_READ)
#define PAGE_KERNEL_EXEC (_PAGE_KERNEL_BASE | _PAGE_READ | _PAGE_EXEC)
#define PAGE_KERNEL_NOCACHE (PAGE_KERNEL | _PAGE_NON_IDEMPOTENT)

/* What an entry returned by lookup_kernel_page() says. */
static inline bool pte_present(pgtable_entry_t pte)
{
	return be64_to_cpu(pte) & _PAGE_PRESENT;
}

static inline bool pte_write(pgtable_entry_t pte)
{
	return be64_to_cpu(pte) & _PAGE_WRITE;
}

static inline bool pte_exec(pgtable_entry_t pte)
{
	return be64_to_cpu(pte) & _PAGE_EXEC;
}

/* The page frame the entry maps (for a large page: its first frame). */
static inline unsigned long pte_pfn(pgtable_entry_t pte)
{
	return (be64_to_cpu(pte) & _PAGE_RPN_MASK) >> PAGE_SHIFT;
}

/*
 * TLB invalidation of process-scoped radix translations (tlbie with
 * PRS=1, R=1), then eieio; tlbsync; ptesync to wait for it: one page of
 * PID @pid (RIC=0, IS=0; AP=0: 4 KiB), or all of a PID (RIC=2: the page
 * walk cache too; IS=1). The kernel's quadrant is PID 0, user space
 * USER_PID (asm/mmu.h).
 */
static inline void __tlbie_page(unsigned long va, unsigned long pid)
{
	__asm__ __volatile__("ptesync\n\ttlbie %0,%1,0,1,1\n\teieio\n\ttlbsync\n\tptesync"
			     :: "r"(va & PAGE_MASK), "r"(pid << 32) : "memory");
}

static inline void __tlbie_pid(unsigned long pid)
{
	__asm__ __volatile__("ptesync\n\ttlbie %0,%1,2,1,1\n\teieio\n\ttlbsync\n\tptesync"
			     :: "r"(1UL << 10), "r"(pid << 32) : "memory");
}

static inline void flush_tlb_one(unsigned long va)
{
	__tlbie_page(va, 0);
}

/* flush_tlb_one() reaches every CPU's TLB (a broadcast invalidation). */
static inline bool arch_tlbi_broadcast(void)
{
	return true;
}

static inline void flush_tlb_all(void)
{
	__tlbie_pid(0);
}

/*
 * The translations of @addr, or all of them, in the address space loaded
 * on this CPU (its own PID: another CPU's loaded tree is its own).
 */
static inline void flush_tlb_page(unsigned long addr)
{
	__tlbie_page(addr, user_pid());
}

static inline void flush_tlb_all_user(void)
{
	__tlbie_pid(user_pid());
}

/* --- The one walker's geometry (include/linux/pgtable.h) ------------- */

#define PGTABLE_LEVELS 4
#define PGTABLE_LEVEL_BITS(level) ((level) == 3 ? 13 : 9)
/* Top-level entries of user space: 128 TiB (Linux's default) / 2^39 each. */
#define USER_PGD_PTRS 256

/* A user tree holds only user space: the kernel's quadrant has its own (PID 0). */
static inline void arch_pgd_init(pgd_t *pgd)
{
}

/* A directory entry: V without L. */
static inline bool pgtable_table_present(pgtable_entry_t e)
{
	return (be64_to_cpu(e) & (_PAGE_PRESENT | _PAGE_PTE)) == _PAGE_PRESENT;
}

/* A level-@level directory entry for the level-(@level - 1) table at @pa. */
static inline pgtable_entry_t pgtable_mk_table(phys_addr_t pa, int level)
{
	return cpu_to_be64(_PAGE_PRESENT | (pa & _PAGE_NLB_MASK) | PGTABLE_LEVEL_BITS(level - 1));
}

static inline phys_addr_t pgtable_table_pa(pgtable_entry_t e)
{
	return be64_to_cpu(e) & _PAGE_NLB_MASK;
}

/*
 * The MMU may cache a directory entry it found invalid until a ptesync
 * (Power ISA 3.0, 5.10.1): order the store before later translations.
 */
static inline void pgtable_set_table(pgtable_entry_t *e, pgtable_entry_t v)
{
	WRITE_ONCE(*e, v);
	__asm__ __volatile__("ptesync" ::: "memory");
}

/* Kernel page table (mm/kernel_pgtable.c): quadrant 3, its own tree. */
static inline pgtable_entry_t pgtable_mk_kernel_table(phys_addr_t pa, int level)
{
	return pgtable_mk_table(pa, level);
}

static inline void set_kernel_pte(pgtable_entry_t *e, pgtable_entry_t v)
{
	WRITE_ONCE(*e, v);
	__asm__ __volatile__("ptesync" ::: "memory");
}

/* Leaf entries in CPU terms, for generic code. */
static inline bool pte_none(pte_t pte) { return pte == 0; }
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return cpu_to_be64(((u64)pfn << PAGE_SHIFT) | prot);
}
static inline pte_t pte_wrprotect(pte_t pte) { return pte & ~cpu_to_be64(_PAGE_WRITE); }
static inline pte_t pte_mkwrite(pte_t pte) { return pte | cpu_to_be64(_PAGE_WRITE); }
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return cpu_to_be64((be64_to_cpu(pte) & _PAGE_RPN_MASK) | prot);
}

/* Physical address of the kernel's top-level table (mm/kernel_pgtable.c). */
extern phys_addr_t kernel_pgd_phys;

#endif /* _ASM_POWERPC_PGTABLE_H */
