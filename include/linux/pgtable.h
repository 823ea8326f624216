/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User page tables: the generic walker of mm/pgtable.c over the
 * architecture's entries (asm/pgtable.h). Every port has PGTABLE_LEVELS
 * levels of 512 entries (x86-64 and arm64: four, PGD at bit 39; riscv64
 * Sv39: three, PGD at bit 30) down to the leaf PTEs at bit 12; the
 * architecture says what an intermediate entry looks like
 * (pgtable_table_present(), pgtable_mk_table(), pgtable_table_pa()), what
 * a leaf holds (pfn_pte(), pte_wrprotect()...) and how to load a table
 * (switch_mm()).
 * The first USER_PGD_PTRS top-level entries belong to the address space.
 */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/types.h>
#include <asm/pgtable.h>

/* Every table has 512 entries; the top one (the PGD) maps 1 << PGDIR_SHIFT each. */
#define PTRS_PER_TABLE 512
#define PGDIR_SHIFT (PAGE_SHIFT + 9 * (PGTABLE_LEVELS - 1))

/* The index of @va's entry in a table whose entries map 1 << @shift bytes. */
static inline unsigned int pgtable_index(unsigned long va, int shift)
{
	return (va >> shift) & (PTRS_PER_TABLE - 1);
}

/*
 * kernel_pgtable_alloc() - a zeroed page for a kernel page table: from
 * memblock until kernel_pgtable_init_late() (then a failure panics), from
 * the page allocator after (NULL on -ENOMEM). May sleep after boot.
 */
u64 *kernel_pgtable_alloc(void);

/* kernel_pgtable_init_late() - the page allocator works: use it for tables. */
void kernel_pgtable_init_late(void);

/*
 * kernel_pgtable_walk_create() - the entry for kernel address @va at the
 * level whose entries map 1 << @shift bytes (PAGE_SHIFT: a 4 KiB page,
 * 21: 2 MiB), creating missing tables; NULL if a large page already
 * covers @va or a table cannot be allocated. For paging_init() (one CPU,
 * no lock) and map_kernel_page().
 */
u64 *kernel_pgtable_walk_create(unsigned long va, int shift);

/*
 * map_kernel_page() - map the 4 KiB page at kernel virtual address @va to
 * physical @pa with protection @flags (PAGE_KERNEL...). Allocates page
 * tables with GFP_KERNEL, so process context only. Returns 0, -ENOMEM, or
 * -EEXIST if @va is already mapped.
 */
int map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long flags);

/* unmap_kernel_page() - remove @va's mapping (if any), flush it. Never sleeps. */
void unmap_kernel_page(unsigned long va);

/*
 * lookup_kernel_page() - the leaf entry that maps @va (a 4 KiB page or a
 * large one), or 0 when @va is unmapped. For tests and fault reports.
 */
u64 lookup_kernel_page(unsigned long va);

#ifdef CONFIG_USER_SPACE
struct mm_struct;

/*
 * pgd_alloc()/pgd_free() - give @mm its own top-level table (0 or
 * -ENOMEM; arch_pgd_init() fills in what the kernel shares), and free it
 * with every user page table below it (the pages they mapped must already
 * be released). May sleep.
 */
int pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm);

/*
 * user_pte_alloc() - the leaf entry for user address @addr in @mm,
 * allocating missing tables (NULL on -ENOMEM or a non-user address).
 * user_pte_lookup() - the same without allocating (NULL if no table).
 * Caller holds mm->mmap_lock.
 */
pte_t *user_pte_alloc(struct mm_struct *mm, unsigned long addr);
pte_t *user_pte_lookup(struct mm_struct *mm, unsigned long addr);

/*
 * user_pte_walk() - call @fn for each non-empty leaf entry of @mm in
 * [@start, @end), skipping ranges without tables; stops at and returns the
 * first non-zero result of @fn. Caller holds mm->mmap_lock.
 */
int user_pte_walk(struct mm_struct *mm, unsigned long start, unsigned long end,
		  int (*fn)(pte_t *pte, unsigned long addr, void *data), void *data);

/*
 * pgd_share_kernel_half() - copy the kernel's top-level entries above
 * USER_PGD_PTRS into the new table @pgd: for arch_pgd_init() where one
 * table translates both halves (x86-64, riscv64). Every such entry must
 * exist from boot, so that later kernel mappings show up in every address
 * space. Never sleeps.
 */
void pgd_share_kernel_half(pgd_t *pgd);

/* Load @next's page tables on this CPU (NULL: the kernel's alone). Arch. */
void switch_mm(struct mm_struct *next);

/* Leaf protection bits for a mapping with VM_READ/VM_WRITE/VM_EXEC flags. Arch. */
pgprot_t vm_get_page_prot(unsigned long vm_flags);
#endif /* CONFIG_USER_SPACE */

#endif /* _LINUX_PGTABLE_H */
