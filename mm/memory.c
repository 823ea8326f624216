// SPDX-License-Identifier: GPL-2.0-only
/*
 * User page faults and the pages behind user mappings. A page comes in on
 * first touch: for anonymous memory, a read maps the shared zero page
 * read-only (as Linux does: reading untouched memory allocates nothing)
 * and a write a new zeroed page; for file mappings, the file's
 * own page when its ->mmap gave vm_ops (read-only in private mappings until
 * written, so programs share their text; a read maps its neighbours in
 * memory too, see fault_around()), else a private copy read from the
 * file. After
 * fork, parent and child share every private page read-only; the first
 * write copies it unless nobody else maps it any more (page_count 1).
 *
 * A mapped page holds one reference per page-table entry that maps it;
 * the zero page too, plus one of its own that is never dropped, so it is
 * never freed and never looks unshared to do_wp_page().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/pgtable.h>
#include <asm/cacheflush.h>

/* The page of zeroes behind read faults of anonymous memory; NULL: none. */
static struct page *zero_page;

static int __init zero_page_init(void)
{
	zero_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	return zero_page ? 0 : -ENOMEM;
}
core_initcall(zero_page_init);

/* A page about to be mapped in @vma: executable ones must see their code. */
static void sync_exec_page(struct vm_area_struct *vma, struct page *page)
{
	unsigned long kaddr = (unsigned long)page_address(page);

	if (vma->vm_flags & VM_EXEC)
		flush_icache_range(kaddr, kaddr + PAGE_SIZE);
}

/* Map @page (a reference the caller passes on) at @pte read-only: a write copies it. */
static void map_page_readonly(struct vm_area_struct *vma, pte_t *pte, struct page *page)
{
	sync_exec_page(vma, page);
	*pte = pte_wrprotect(pfn_pte(page_to_pfn(page), vm_get_page_prot(vma->vm_flags)));
}

/* The page offset in @vma's file of user address @addr. */
static unsigned long linear_page_index(struct vm_area_struct *vma, unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

/*
 * Fault-around (Linux's, with its default fault_around_bytes of 64 KiB):
 * a read fault on a private file mapping maps every page the file holds
 * in memory in the aligned FAULT_AROUND_PAGES window around @addr (within
 * @vma), where no entry is yet, so a program reading a file it mapped
 * faults once per window instead of once per page. The window is aligned
 * and smaller than what a leaf table maps, so its entries are @pte's
 * neighbours. True if the page at @addr itself is mapped now.
 */
#define FAULT_AROUND_PAGES 16

static bool fault_around(struct vm_area_struct *vma, unsigned long addr, pte_t *pte)
{
	unsigned long window = addr & ~(FAULT_AROUND_PAGES * PAGE_SIZE - 1);
	unsigned long start = max(vma->vm_start, window);
	unsigned long end = min(vma->vm_end, window + FAULT_AROUND_PAGES * PAGE_SIZE);
	unsigned int nr = (end - start) >> PAGE_SHIFT;
	struct page *pages[FAULT_AROUND_PAGES];
	pte_t *first = pte - ((addr - start) >> PAGE_SHIFT);

	if (!vma->vm_ops->map_pages)
		return false;
	vma->vm_ops->map_pages(vma, linear_page_index(vma, start), nr, pages);
	for (unsigned int i = 0; i < nr; i++) {
		if (!pages[i])
			continue;
		if (pte_none(first[i]))
			map_page_readonly(vma, &first[i], pages[i]);
		else
			put_page(pages[i]);
	}
	return pte_present(*pte);
}

/* A new page for @vma at @addr, filled with zeroes or file data. */
static struct page *fault_new_page(struct vm_area_struct *vma, unsigned long addr)
{
	/* File pages that can be shared come from the file; private writes copy. */
	if (vma->vm_ops && vma->vm_ops->fault) {
		struct page *cached = vma->vm_ops->fault(vma, linear_page_index(vma, addr)), *copy;

		if (cached && (vma->vm_flags & VM_SHARED))
			return cached;
		copy = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (copy && cached)
			memcpy(page_address(copy), page_address(cached), PAGE_SIZE);
		if (cached)
			put_page(cached);
		return copy;
	}

	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	loff_t pos;

	if (!page || !vma->vm_file)
		return page;
	pos = ((loff_t)vma->vm_pgoff << PAGE_SHIFT) + (addr - vma->vm_start);
	/* A short read (end of file) leaves the rest zero; errors too. */
	kernel_read(vma->vm_file, page_address(page), PAGE_SIZE, &pos);
	return page;
}

/* Write fault on a present, read-only entry of a writable private mapping. */
static int do_wp_page(struct vm_area_struct *vma, unsigned long addr, pte_t *pte)
{
	struct page *old = pfn_to_page(pte_pfn(*pte)), *copy;
	pgprot_t prot = vm_get_page_prot(vma->vm_flags);

	if (page_count(old) == 1) {
		*pte = pfn_pte(pte_pfn(*pte), prot);
		flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE);
		return 0;
	}
	if (old == zero_page) {
		copy = alloc_page(GFP_KERNEL | __GFP_ZERO);
	} else {
		copy = alloc_page(GFP_KERNEL);
		if (copy)
			memcpy(page_address(copy), page_address(old), PAGE_SIZE);
	}
	if (!copy)
		return -ENOMEM;
	sync_exec_page(vma, copy);
	*pte = pfn_pte(page_to_pfn(copy), prot);
	flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE);
	put_page(old);
	return 0;
}

static int access_error(struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (flags & FAULT_FLAG_INSTRUCTION)
		return !(vma->vm_flags & VM_EXEC);
	return !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC));
}

int handle_user_page_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma;
	struct page *page;
	pte_t *pte;
	int ret = 0;

	addr &= PAGE_MASK;
	mutex_lock(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr) {
		ret = -EFAULT;
		goto out;
	}
	if (access_error(vma, flags)) {
		ret = -EACCES;
		goto out;
	}
	pte = user_pte_alloc(mm, addr);
	if (!pte) {
		ret = -ENOMEM;
		goto out;
	}
	if (pte_present(*pte)) {
		/* Present: a write to a shared (copy-on-write) page, or a stale TLB. */
		if ((flags & FAULT_FLAG_WRITE) && !pte_write(*pte))
			ret = do_wp_page(vma, addr, pte);
		else
			flush_tlb_page(addr);
		goto out;
	}
	/* Reading a private file mapping: map the file's page(s), read-only. */
	if (vma->vm_ops && vma->vm_ops->fault && !(vma->vm_flags & VM_SHARED) &&
	    !(flags & FAULT_FLAG_WRITE)) {
		if (fault_around(vma, addr, pte))
			goto out;
		page = vma->vm_ops->fault(vma, linear_page_index(vma, addr));
		if (page) {
			map_page_readonly(vma, pte, page);
			goto out;
		}
	}
	/* Reading anonymous memory: the zero page, until the first write. */
	if (!vma->vm_ops && !vma->vm_file && !(flags & FAULT_FLAG_WRITE) && zero_page) {
		get_page(zero_page);
		map_page_readonly(vma, pte, zero_page);
		goto out;
	}
	page = fault_new_page(vma, addr);
	if (!page) {
		ret = -ENOMEM;
		goto out;
	}
	sync_exec_page(vma, page);
	*pte = pfn_pte(page_to_pfn(page), vm_get_page_prot(vma->vm_flags));
out:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

static int zap_one(pte_t *pte, unsigned long addr, void *data)
{
	struct page *page = pfn_to_page(pte_pfn(*pte));

	*pte = 0;
	flush_tlb_mm_range(data, addr, addr + PAGE_SIZE);
	put_page(page);
	return 0;
}

void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	user_pte_walk(mm, start, end, zap_one, mm);
}

struct copy_ctx {
	struct mm_struct *dst, *src;
	bool cow;
};

static int copy_one(pte_t *pte, unsigned long addr, void *data)
{
	struct copy_ctx *c = data;
	pte_t *dpte = user_pte_alloc(c->dst, addr);

	if (!dpte)
		return -ENOMEM;
	if (c->cow && pte_write(*pte)) {
		*pte = pte_wrprotect(*pte);
		flush_tlb_mm_range(c->src, addr, addr + PAGE_SIZE);
	}
	get_page(pfn_to_page(pte_pfn(*pte)));
	*dpte = *pte;
	return 0;
}

int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	struct copy_ctx c = { .dst = dst, .src = src, .cow = !(vma->vm_flags & VM_SHARED) };

	return user_pte_walk(src, vma->vm_start, vma->vm_end, copy_one, &c);
}

static int protect_one(pte_t *pte, unsigned long addr, void *data)
{
	struct vm_area_struct *vma = data;
	pgprot_t prot = vm_get_page_prot(vma->vm_flags);
	bool was_writable = pte_write(*pte);

	*pte = pte_modify(*pte, prot);
	/* Write permission is given back by the fault path (it may be shared). */
	if (!was_writable)
		*pte = pte_wrprotect(*pte);
	flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE);
	return 0;
}

void change_protection(struct vm_area_struct *vma)
{
	user_pte_walk(vma->vm_mm, vma->vm_start, vma->vm_end, protect_one, vma);
}

int access_process_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	int done = 0;

	mutex_lock(&mm->mmap_lock);
	while (done < len) {
		unsigned long a = addr + done, off = a & ~PAGE_MASK;
		int n = min_t(int, len - done, PAGE_SIZE - off);
		pte_t *pte = user_pte_lookup(mm, a & PAGE_MASK);

		if (!pte || !pte_present(*pte))
			break;
		memcpy((char *)buf + done, (char *)page_address(pfn_to_page(pte_pfn(*pte))) + off, n);
		done += n;
	}
	mutex_unlock(&mm->mmap_lock);
	return done;
}
