/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page frames: struct page <-> pfn <-> direct-map address conversions, page
 * flags, memory totals and mm_core_init(). The allocator itself is in
 * linux/gfp.h, kmalloc in linux/slab.h, vmalloc in linux/vmalloc.h.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/mm_types.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <asm/page.h>

/*
 * One struct page per pfn in [min_low_pfn, max_pfn), from the start to the
 * end of RAM (RAM starts at 0 on x86-64, at 1 GiB on arm64's virt board);
 * built by mm_core_init().
 */
extern struct page *mem_map;
extern unsigned long min_low_pfn;
extern unsigned long max_pfn;

enum pageflags {
	PG_reserved,		/* never given to the allocator (holes, kernel, boot data) */
	PG_buddy,		/* heads a free block in the buddy lists */
	PG_slab,		/* owned by a slab cache (page->slab_cache) */
	PG_head,		/* first page of a compound page */
	PG_tail,		/* other page of a compound page */
	PG_large_kmalloc,	/* kmalloc() block too big for a slab cache */
};

#define __PAGEFLAG(name, bit)						\
static inline bool Page##name(const struct page *page)			\
{ return page->flags & (1UL << (bit)); }				\
static inline void __SetPage##name(struct page *page)			\
{ page->flags |= 1UL << (bit); }					\
static inline void __ClearPage##name(struct page *page)			\
{ page->flags &= ~(1UL << (bit)); }

__PAGEFLAG(Reserved, PG_reserved)
__PAGEFLAG(Buddy, PG_buddy)
__PAGEFLAG(Slab, PG_slab)
__PAGEFLAG(Head, PG_head)
__PAGEFLAG(Tail, PG_tail)
__PAGEFLAG(LargeKmalloc, PG_large_kmalloc)

#undef __PAGEFLAG

#define SetPageReserved __SetPageReserved
#define ClearPageReserved __ClearPageReserved

/*
 * The conversions below are plain arithmetic on mem_map and the direct
 * map: they never sleep or allocate and work in any context, but only for
 * RAM pages (pfn_valid(); virtual addresses in the direct map or the
 * kernel image, not vmalloc - see vmalloc_to_page()).
 */

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + min_low_pfn;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - min_low_pfn);
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= min_low_pfn && pfn < max_pfn;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

#define phys_to_page(pa) pfn_to_page(PFN_DOWN(pa))

/* Direct-map address of the page's memory. */
static inline void *page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

#ifndef __HAVE_ARCH_CLEAR_PAGE
/*
 * clear_page() - zero the PAGE_SIZE bytes at the page-aligned kernel
 * address @addr. Never sleeps. An architecture with a faster way than
 * memset() defines __HAVE_ARCH_CLEAR_PAGE and its own in asm/page.h.
 */
static inline void clear_page(void *addr)
{
	memset(addr, 0, PAGE_SIZE);
}
#endif

/* struct page of a direct-map (or kernel-image) address. */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PFN_DOWN(__pa(addr)));
}

static inline unsigned long virt_to_pfn(const void *addr)
{
	return PFN_DOWN(__pa(addr));
}

/* Head page of the compound page holding page (page itself if none). */
static inline struct page *compound_head(const struct page *page)
{
	if (PageTail(page))
		return page->compound_head;
	return (struct page *)page;
}

static inline struct page *virt_to_head_page(const void *addr)
{
	return compound_head(virt_to_page(addr));
}

/* Order of a compound page given its head; 0 for a single page. */
static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? (unsigned int)page->private : 0;
}

static inline int page_count(const struct page *page)
{
	return atomic_read(&compound_head(page)->_refcount);
}

/* Take one more reference to an allocated page (any context). */
static inline void get_page(struct page *page)
{
	atomic_inc(&compound_head(page)->_refcount);
}

/*
 * put_page() - drop a reference; the last one frees the page, or the whole
 * compound page it belongs to. Never sleeps; any context.
 */
void put_page(struct page *page);

/* Smallest order whose block holds size bytes (size > 0). */
static inline unsigned int get_order(unsigned long size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return (unsigned int)fls64((size - 1) >> PAGE_SHIFT);
}

#define PAGE_ALIGN(addr) ALIGN((unsigned long)(addr), PAGE_SIZE)
#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

/*
 * Pages currently free: in the buddy allocator, plus the order-0 pages
 * each CPU keeps on its list (mm/page_alloc.c; Linux's NR_FREE_PAGES does
 * not count those). Any context, no lock; a sum of counters another CPU
 * may be moving pages between, so exact only while no other CPU
 * allocates or frees.
 */
unsigned long nr_free_pages(void);

/* Pages handed to the buddy allocator at boot (all usable RAM). */
unsigned long totalram_pages(void);

/*
 * Free blocks of each order in the buddy allocator, for diagnostics and
 * tests; order <= MAX_ORDER. The per-CPU lists' pages are not in them:
 * drain_all_pages() first to see every free page merged.
 */
unsigned long nr_free_blocks(unsigned int order);

/*
 * mm_core_init() - called once by start_kernel() with interrupts off, after
 * the arch has described RAM to memblock and mapped it all at PAGE_OFFSET.
 * Builds mem_map, gives every non-reserved page to the buddy allocator,
 * then sets up kmalloc. Prints "Memory: <free>K/<total>K available".
 */
void mm_core_init(void);

/* Print the free lists, one line (boot diagnostics, debugging). */
void show_free_areas(void);

/* --- User address spaces (mm/mmap.c, mm/memory.c) ------------------- */

struct file;

/* vm_flags of a mapping. */
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_GROWSDOWN	0x00000100UL	/* the stack */

/* What a page fault asks for (handle_user_page_fault() flags). */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_USER		0x02
#define FAULT_FLAG_INSTRUCTION	0x04

/* User stack size of a new program (Linux's default RLIMIT_STACK). */
#define USER_STACK_SIZE		(8UL << 20)

/*
 * mm_alloc() - an empty address space with its own page-table root and
 * one user (mm_users 1). NULL on -ENOMEM. May sleep.
 */
struct pt_regs;

struct mm_struct *mm_alloc(void);

/* mmget() - one more user of @mm. mmput() - drop one; the last frees it all. */
static inline void mmget(struct mm_struct *mm)
{
	refcount_inc(&mm->mm_users);
}
void mmput(struct mm_struct *mm);

/*
 * get_task_mm() - @p's address space with a user reference (drop it with
 * mmput()), or NULL for a task without one (a kernel thread, or one past
 * exit_mm()). Reading another task's ->mm without this races its exit or
 * exec freeing it. Process context; takes task_lock(); does not sleep.
 */
struct mm_struct *get_task_mm(struct task_struct *p);

/* The number of pages @vma spans. */
static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/*
 * find_vma() - the first mapping of @mm ending above @addr (it may start
 * above @addr too), or NULL. O(log n) in the number of mappings. Caller
 * holds mm->mmap_lock.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/*
 * shmem_zero_setup() - back the shared anonymous mapping @vma (vm_file
 * NULL, not linked yet) with a new unlinked RAM file of its size, as
 * Linux does, so that pages first touched after fork() are shared too.
 * Returns 0 (vm_file and vm_ops set, vm_pgoff 0) or -ENOMEM (also for a
 * size the RAM filesystem cannot hold). May sleep. fs/ramfs/file.c.
 */
int shmem_zero_setup(struct vm_area_struct *vma);

/*
 * do_mmap() - map [@addr, @addr + @len) in the current address space:
 * anonymous when @file is NULL, else @file from page @pgoff. @prot is
 * PROT_*, @flags MAP_* (MAP_FIXED replaces what was there; otherwise @addr
 * is a hint and the highest free range below mm->mmap_base is taken, in
 * O(log n)). The new mapping merges with neighbours that continue it
 * (same flags, file and offsets), as in Linux. Returns the address or
 * -errno (-ENOMEM: no room, outside user space or no memory, -EINVAL: bad
 * arguments, -EACCES: a shared writable mapping of a file not open for
 * writing, -EOVERFLOW: file offsets past the largest file). Caller holds
 * mm->mmap_lock. Pages come in on first touch; a shared mapping of a file
 * not open for writing can never become writable.
 */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff);

/*
 * do_munmap() - remove every mapping in [@start, @start + @len), splitting
 * mappings that straddle the ends, and free their pages. 0 or -EINVAL
 * (unaligned @start, zero @len, non-user range), -ENOMEM (split failed).
 * Caller holds mm->mmap_lock.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);

/*
 * do_mremap() - mremap(2) on @mm: shrink, grow in place or (MREMAP_MAYMOVE,
 * MREMAP_FIXED at @new_addr) move [@addr, @addr + @old_len) to a range of
 * @new_len bytes, taking its pages along. Returns the new address, or
 * -EINVAL, -EFAULT (no single mapping there) or -ENOMEM; on failure the
 * old mapping and its pages are as they were (with MREMAP_FIXED, what was
 * at @new_addr may be gone). Caller holds mm->mmap_lock.
 */
unsigned long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
			unsigned long new_len, unsigned long flags, unsigned long new_addr);

/*
 * handle_user_page_fault() - resolve a fault at user @addr of @mm with
 * FAULT_FLAG_* @flags: bring in the page (zero, file data) or copy it on
 * write. Returns 0, -EFAULT (no mapping there), -EACCES (the mapping
 * forbids the access), -ENOMEM. Takes mm->mmap_lock; may sleep.
 */
int handle_user_page_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags);

/*
 * do_user_fault() - a fault at user or kernel-mode @addr with
 * FAULT_FLAG_WRITE/INSTRUCTION @flags (@err: the arch's fault code, for
 * the report), called by the arch's fault handler with interrupts off:
 * resolves it in the current address space or, from user mode, signals
 * the task (user_fault_signal()). Returns false when the fault is the
 * kernel's to handle (exception table or oops). Sleeps only if the
 * interrupted code could. mm/fault.c.
 */
bool do_user_fault(struct pt_regs *regs, unsigned long addr, unsigned int flags,
		   unsigned long err);

/*
 * user_fault_signal() - a user-mode fault at @addr that cannot be resolved
 * (@ret: -EFAULT no mapping, -EACCES forbidden, -ENOMEM): report it and
 * send SIGSEGV (SIGKILL for -ENOMEM). Returns false, doing nothing, when
 * @regs are kernel-mode.
 */
bool user_fault_signal(struct pt_regs *regs, unsigned long addr, int ret, unsigned long err);

/*
 * zap_page_range() - release the pages mapped in [@start, @end) of @mm's
 * page tables and clear the entries (the mapping itself stays). Caller
 * holds mm->mmap_lock.
 */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);

/*
 * flush_tlb_mm_range() - drop the translations of [@start, @end) of @mm
 * from every CPU's TLB that may hold them (this CPU's and mm_cpumask()'s),
 * and return once they are gone: call it after changing or clearing the
 * entries and before freeing what they pointed to. Task context with
 * interrupts on and no spinlock held (it waits for other CPUs); never
 * sleeps or allocates.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);

/*
 * copy_page_range() - fork: map in @dst every page @src maps in @vma,
 * sharing them; private pages become read-only in both (copy on write).
 * 0 or -ENOMEM. Caller holds both mmap_locks.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);

/* Re-apply @vma's vm_flags to the pages it maps (mprotect). mmap_lock held. */
void change_protection(struct vm_area_struct *vma);

/* A copy of @old (with its own file reference), not linked; NULL on -ENOMEM. */
struct vm_area_struct *vma_dup(const struct vm_area_struct *old);

/* Split mappings so that @start and @end are boundaries. 0 or -ENOMEM. */
int vma_split_range(struct mm_struct *mm, unsigned long start, unsigned long end);

/*
 * mm_brk() - brk(2): move the end of @mm's heap to @brk, mapping or
 * unmapping whole pages. Returns the new break, or the old one when it
 * cannot move. Caller holds mm->mmap_lock.
 */
unsigned long mm_brk(struct mm_struct *mm, unsigned long brk);

/*
 * mm_mprotect() - mprotect(2) on @mm: give [@start, @end) (page aligned)
 * the PROT_* protection @prot, splitting mappings at the ends and merging
 * the result with neighbours that match. 0, or -ENOMEM when part of the
 * range is unmapped (nothing changed) or a split fails. Caller holds
 * mm->mmap_lock.
 */
int mm_mprotect(struct mm_struct *mm, unsigned long start, unsigned long end,
		unsigned long prot);

/*
 * access_process_vm() - copy up to @len bytes at user @addr of @mm into
 * @buf, stopping at the first page not present (nothing is faulted in).
 * Returns the bytes copied. Takes mm->mmap_lock; may sleep.
 */
int access_process_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len);

/*
 * vma_link() - add @vma to @mm's mappings (the range must be free) and
 * count its pages. O(log n). mmap_lock held.
 */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);

#endif /* _LINUX_MM_H */
