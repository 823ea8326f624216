/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page tables: one walker (pgtable_walk()) for every tree (each address
 * space's, the kernel's, the test pages') on every architecture.
 *
 * Geometry. Levels count up from the leaves: a level-0 table holds the
 * entries that map PAGE_SIZE pages (PTEs), level PGTABLE_TOP is the
 * top-level table (the PGD). The architecture's asm/pgtable.h gives:
 *   pgtable_entry_t		one entry, of any level (pgd_t, pte_t are it)
 *   PGTABLE_LEVELS		how many levels
 *   PGTABLE_LEVEL_BITS(l)	index bits of a level-l table (1 << bits entries)
 *   pgtable_table_present(e)	@e points to a next-level table
 *   pte_present(e)		@e is valid (a table, or a page: at level > 0 a
 *				large page, where a walk stops)
 *   pgtable_table_pa(e)	the physical address of @e's next-level table
 *   pgtable_mk_table(pa, l), pgtable_mk_kernel_table(pa, l)
 *				a level-@l entry pointing to the level-@l - 1
 *				table at @pa, that user mode may reach through
 *				(or not); pgtable_set_table() and set_kernel_pte()
 *				store them
 * and what a leaf holds (pfn_pte(), pte_wrprotect()...). The walker only
 * passes entries to these helpers, and the user-table code compares them
 * with 0 (pte_none()), so entries may be any width and byte order.
 * x86-64 and arm64: 4 levels of 9 bits (arm64's user trees: 3), riscv64
 * Sv39: 3 levels of 9 bits, all u64 entries. Two others would set:
 *   armv6 (short descriptors): u32 entries, 2 levels, bits (l ? 12 : 8):
 *	a 4096-entry first level of 1 MiB sections or table pointers
 *	(type 01 = table, 10 = section: pte_present() without
 *	pgtable_table_present(), so walks stop there), 256-entry second
 *	levels of 4 KiB pages; pgtable_table_pa(e) = e & ~0x3ff.
 *   powerpc radix, 4 KiB pages: __be64 entries (the helpers convert),
 *	4 levels, bits (l == 3 ? 13 : 9); a directory entry holds NLS, the
 *	log2 of the next table's entries, which pgtable_mk_table() computes
 *	as PGTABLE_LEVEL_BITS(l - 1).
 * Tables of other sizes than a page come from pgtable_alloc_table() as
 * naturally aligned blocks of get_order(their size) pages: armv6's 16 KiB
 * first level, powerpc's 64 KiB top level; a table smaller than a page
 * (armv6's 1 KiB second level) takes a page of its own.
 *
 * Failure. A walk that cannot allocate a table returns NULL and leaves the
 * tables it linked so far in place, empty and valid, for the next walk to
 * use. Tables are freed with their tree (pgd_free(); the kernel's never)
 * and never by a failed walk, so there is nothing half-built to undo.
 * (The test pages of mm/user_test_page.c free empty tables at once, to
 * keep tests' page counts exact.)
 *
 * User page tables (mm/pgtable.c): the first USER_PGD_PTRS top-level
 * entries and the tables below them belong to the address space; the
 * architecture fills the rest (arch_pgd_init()) and loads a table
 * (switch_mm()). Their tree may be shallower than the kernel's: an
 * architecture whose user space has its own table base register sets
 * USER_PGTABLE_LEVELS below PGTABLE_LEVELS (arm64: a 3-level, 39-bit
 * TTBR0 under a 4-level kernel), and the user tree starts at
 * USER_PGTABLE_TOP, the upper levels folded away as Linux folds p4d/pud
 * for CONFIG_PGTABLE_LEVELS. The levels below keep their geometry.
 */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/types.h>
#include <asm/pgtable.h>

#define PGTABLE_TOP (PGTABLE_LEVELS - 1)

#ifndef USER_PGTABLE_LEVELS
#define USER_PGTABLE_LEVELS PGTABLE_LEVELS
#endif
#define USER_PGTABLE_TOP (USER_PGTABLE_LEVELS - 1)

/* Entries in a table of @level. */
#define PTRS_PER_LEVEL(level) (1UL << PGTABLE_LEVEL_BITS(level))

/* log2 of the bytes an entry of @level maps. */
static __always_inline unsigned int pgtable_level_shift(int level)
{
	unsigned int shift = PAGE_SHIFT;

	for (int l = 0; l < level; l++)
		shift += PGTABLE_LEVEL_BITS(l);
	return shift;
}

/* The index of @va's entry in a table of @level. */
static __always_inline unsigned long pgtable_index(unsigned long va, int level)
{
	return (va >> pgtable_level_shift(level)) & (PTRS_PER_LEVEL(level) - 1);
}

/*
 * pgtable_alloc_table() - a zeroed table for @level: from memblock until
 * kernel_pgtable_init_late() (then a failure panics), from the page
 * allocator (GFP_KERNEL) after, NULL on -ENOMEM.
 * pgtable_free_table() gives one back (never one from memblock).
 */
pgtable_entry_t *pgtable_alloc_table(int level);
void pgtable_free_table(pgtable_entry_t *table, int level);

/* kernel_pgtable_init_late() - the page allocator works: use it for tables. */
void kernel_pgtable_init_late(void);

#define PGTABLE_ALLOC	0x1	/* make missing tables */
#define PGTABLE_KERNEL	0x2	/* ... that user mode cannot reach through */

/*
 * __pgtable_link_table() - for pgtable_walk(): link a new table below the
 * empty level-@level entry @e. False on -ENOMEM.
 */
bool __pgtable_link_table(pgtable_entry_t *e, int level, unsigned int flags);

/*
 * pgtable_walk() - descend the tree at the top-level table @pgd, a table
 * of level @top (PGTABLE_TOP for the kernel's tree, USER_PGTABLE_TOP for
 * a user one), toward @va, down to the entry that maps it at *@level.
 * @va must lie in what the tree translates (its bits above the top
 * level's are not looked at). The descent ends above *@level at an entry
 * that is no table: a large page, or an empty entry unless @flags has
 * PGTABLE_ALLOC (then a table is made there: pgtable_alloc_table(), so
 * it may sleep after boot). It returns that entry and stores its level
 * in *@level. NULL only when a table cannot be allocated (see "Failure"
 * above). The caller holds what protects the tree (mm->mmap_lock...).
 */
static __always_inline pgtable_entry_t *pgtable_walk(pgtable_entry_t *pgd, int top,
						     unsigned long va, int *level,
						     unsigned int flags)
{
	pgtable_entry_t *table = pgd, *e;
	unsigned int shift = pgtable_level_shift(top);

	for (int l = top;; l--) {
		e = &table[(va >> shift) & (PTRS_PER_LEVEL(l) - 1)];
		if (l == *level)
			return e;
		if (!pgtable_table_present(*e)) {
			if (pte_present(*e) || !(flags & PGTABLE_ALLOC)) {
				*level = l;
				return e;
			}
			if (!__pgtable_link_table(e, l, flags))
				return NULL;
		}
		table = __va(pgtable_table_pa(*e));
		shift -= PGTABLE_LEVEL_BITS(l - 1);
	}
}

/* pgtable_walk() to exactly @level: NULL where it stops above. */
static __always_inline pgtable_entry_t *pgtable_walk_to(pgtable_entry_t *pgd, int top,
							unsigned long va, int level,
							unsigned int flags)
{
	int reached = level;
	pgtable_entry_t *e = pgtable_walk(pgd, top, va, &reached, flags);

	return reached == level ? e : NULL;
}

/*
 * kernel_pgtable_walk_create() - the entry for kernel address @va at
 * @level (0: a page; 1: 2 MiB on x86-64, riscv64 and arm64), creating
 * missing tables; NULL if a large page already covers @va or a table
 * cannot be allocated. For paging_init() (one CPU, no lock) and
 * map_kernel_page().
 */
pgtable_entry_t *kernel_pgtable_walk_create(unsigned long va, int level);

/*
 * map_kernel_page() - map the 4 KiB page at kernel virtual address @va to
 * physical @pa with protection @flags (PAGE_KERNEL...). Allocates page
 * tables with GFP_KERNEL, so process context only. Returns 0, -ENOMEM, or
 * -EEXIST if @va is already mapped.
 */
int map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long flags);

/*
 * unmap_kernel_page() - remove @va's mapping (if any), flush it from this
 * CPU's TLB (every CPU's where arch_tlbi_broadcast()). Never sleeps.
 */
void unmap_kernel_page(unsigned long va);

/*
 * flush_tlb_kernel_range() - drop the kernel translations of [@start,
 * @end) from every online CPU's TLB, and return once they are gone. Needs
 * interrupts on and no spinlock held (it waits for a cross-CPU call)
 * unless arch_tlbi_broadcast(). Never sleeps or allocates.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/*
 * lookup_kernel_page() - the leaf entry that maps @va (a 4 KiB page or a
 * large one), or 0 when @va is unmapped. For tests and fault reports.
 */
pte_t lookup_kernel_page(unsigned long va);

/*
 * User page tables (mm/pgtable.c, built with CONFIG_USER_SPACE): declared
 * without it too, for code that calls them under IS_ENABLED().
 */
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

#endif /* _LINUX_PGTABLE_H */
