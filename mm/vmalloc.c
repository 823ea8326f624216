// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmalloc: page-granular areas in [VMALLOC_START, VMALLOC_END), each backed
 * by separately allocated pages mapped through the arch's kernel page-table
 * calls. Areas are kept in a list sorted by address and placed first-fit;
 * an area's size includes the unmapped guard page after it, and the search
 * starts one page above VMALLOC_START, so every area has an unmapped page
 * on both sides. ioremap() areas live in the same range but map device
 * memory instead of pages (their pages array is NULL).
 */
#define pr_fmt(fmt) "vmalloc: " fmt

#include <linux/vmalloc.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/fault-inject.h>
#include <asm/pgtable.h>
#include "internal.h"

struct vm_struct {
	struct list_head list;		/* in vmap_areas, by address */
	unsigned long addr;		/* first mapped byte */
	unsigned long size;		/* mapped bytes + the trailing guard page */
	unsigned int nr_pages;
	struct page **pages;		/* NULL for an ioremap() area */
	const void *caller;
};

static LIST_HEAD(vmap_areas);
static DEFINE_SPINLOCK(vmap_lock);
static atomic_long_t vmalloc_pages = ATOMIC_INIT(0);

static inline unsigned long area_mapped_size(const struct vm_struct *vm)
{
	return vm->size - PAGE_SIZE;
}

/* Place vm (size set) in the first hole that fits; false if none. */
static bool reserve_area(struct vm_struct *vm, unsigned long align)
{
	unsigned long cursor = VMALLOC_START + PAGE_SIZE, addr, flags;
	struct list_head *pos;
	struct vm_struct *cur;

	spin_lock_irqsave(&vmap_lock, flags);
	list_for_each(pos, &vmap_areas) {
		cur = list_entry(pos, struct vm_struct, list);
		addr = ALIGN(cursor, align);
		if (addr >= cursor && addr + vm->size > addr && addr + vm->size <= cur->addr)
			goto found;
		cursor = cur->addr + cur->size;
	}
	addr = ALIGN(cursor, align);
	if (addr < cursor || addr + vm->size < addr || addr + vm->size - 1 > VMALLOC_END) {
		spin_unlock_irqrestore(&vmap_lock, flags);
		return false;
	}
found:
	vm->addr = addr;
	/* Insert before pos (the first area above), keeping the list sorted. */
	list_add_tail(&vm->list, pos);
	spin_unlock_irqrestore(&vmap_lock, flags);
	return true;
}

static void release_area(struct vm_struct *vm)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	list_del(&vm->list);
	spin_unlock_irqrestore(&vmap_lock, flags);
}

/* The area containing addr (guard page excluded), or NULL. Lock held. */
static struct vm_struct *find_area(unsigned long addr)
{
	struct vm_struct *vm;

	list_for_each_entry(vm, &vmap_areas, list) {
		if (addr < vm->addr)
			break;
		if (addr < vm->addr + area_mapped_size(vm))
			return vm;
	}
	return NULL;
}

/* Unmap and free the first n pages of vm. */
static void unmap_free_pages(struct vm_struct *vm, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		unmap_kernel_page(vm->addr + ((unsigned long)i << PAGE_SHIFT));
		__free_pages(vm->pages[i], 0);
	}
	atomic_long_sub(n, &vmalloc_pages);
}

void *__vmalloc_nofault(unsigned long size, unsigned long align, gfp_t gfp,
			const void *caller)
{
	gfp_t meta_gfp = (gfp & ~__GFP_ZERO) | __GFP_NOWARN;
	struct vm_struct *vm;
	unsigned int i;

	if (!align)
		align = PAGE_SIZE;
	size = PAGE_ALIGN(size);
	if (!size || (size >> PAGE_SHIFT) > totalram_pages() ||
	    !is_power_of_2(align) || align < PAGE_SIZE) {
		warn_alloc(gfp, "vmalloc(%lu, align %#lx): bad size, caller %pS",
			   size, align, caller);
		return NULL;
	}

	vm = __kmalloc_nofault(sizeof(*vm), meta_gfp);
	if (!vm)
		goto fail;
	vm->nr_pages = size >> PAGE_SHIFT;
	vm->size = size + PAGE_SIZE;
	vm->caller = caller;
	vm->pages = __kmalloc_nofault(vm->nr_pages * sizeof(struct page *), meta_gfp);
	if (!vm->pages)
		goto fail_vm;
	if (!reserve_area(vm, align))
		goto fail_pages;

	for (i = 0; i < vm->nr_pages; i++) {
		unsigned long va = vm->addr + ((unsigned long)i << PAGE_SHIFT);
		struct page *page;

		page = __alloc_pages_nofault((gfp & ~__GFP_COMP) | __GFP_NOWARN, 0);
		if (!page)
			goto fail_map;
		if (map_kernel_page(va, page_to_phys(page), PAGE_KERNEL)) {
			__free_pages(page, 0);
			goto fail_map;
		}
		vm->pages[i] = page;
		atomic_long_inc(&vmalloc_pages);
	}
	return (void *)vm->addr;

fail_map:
	unmap_free_pages(vm, i);
	release_area(vm);
fail_pages:
	kfree(vm->pages);
fail_vm:
	kfree(vm);
fail:
	warn_alloc(gfp, "vmalloc(%lu) failure, caller %pS", size, caller);
	return NULL;
}

void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp,
		     int node, const void *caller)
{
	if (!caller)
		caller = __builtin_return_address(0);
	if (should_fail_alloc(gfp)) {
		warn_alloc(gfp, "vmalloc(%lu) failure (injected), caller %pS", size, caller);
		return NULL;
	}
	return __vmalloc_nofault(size, align, gfp, caller);
}

void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return __vmalloc_node(size, PAGE_SIZE, gfp, NUMA_NO_NODE,
			      __builtin_return_address(0));
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_node(size, PAGE_SIZE, GFP_KERNEL, NUMA_NO_NODE,
			      __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, PAGE_SIZE, GFP_KERNEL | __GFP_ZERO, NUMA_NO_NODE,
			      __builtin_return_address(0));
}

void vfree(const void *addr)
{
	struct vm_struct *vm;
	unsigned long flags;

	if (!addr)
		return;
	spin_lock_irqsave(&vmap_lock, flags);
	vm = find_area((unsigned long)addr);
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (!vm || vm->addr != (unsigned long)addr || !vm->pages) {
		WARN(1, "vfree(%p): not a vmalloc area\n", addr);
		return;
	}
	/* Unmap while the range is still reserved, then let it be reused. */
	unmap_free_pages(vm, vm->nr_pages);
	release_area(vm);
	kfree(vm->pages);
	kfree(vm);
}

struct page *vmalloc_to_page(const void *addr)
{
	struct page *page = NULL;
	struct vm_struct *vm;
	unsigned long flags;

	if (!is_vmalloc_addr(addr))
		return NULL;
	spin_lock_irqsave(&vmap_lock, flags);
	vm = find_area((unsigned long)addr);
	if (vm && vm->pages)
		page = vm->pages[((unsigned long)addr - vm->addr) >> PAGE_SHIFT];
	spin_unlock_irqrestore(&vmap_lock, flags);
	return page;
}

unsigned long vmalloc_to_pfn(const void *addr)
{
	struct page *page = vmalloc_to_page(addr);

	return page ? page_to_pfn(page) : 0;
}

unsigned long vmalloc_size(const void *addr)
{
	unsigned long flags, size = 0;
	struct vm_struct *vm;

	spin_lock_irqsave(&vmap_lock, flags);
	vm = find_area((unsigned long)addr);
	if (vm && vm->addr == (unsigned long)addr)
		size = area_mapped_size(vm);
	spin_unlock_irqrestore(&vmap_lock, flags);
	return size;
}

unsigned long vmalloc_nr_pages(void)
{
	return atomic_long_read(&vmalloc_pages);
}

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t start = phys & PAGE_MASK;
	unsigned long offset = phys - start, va;
	struct vm_struct *vm;
	unsigned int i;

	if (!size || phys + size - 1 < phys)
		return NULL;
	vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	if (!vm)
		return NULL;
	vm->nr_pages = PAGE_ALIGN(offset + size) >> PAGE_SHIFT;
	vm->size = ((unsigned long)vm->nr_pages << PAGE_SHIFT) + PAGE_SIZE;
	vm->caller = __builtin_return_address(0);
	if (!reserve_area(vm, PAGE_SIZE)) {
		kfree(vm);
		return NULL;
	}
	for (i = 0; i < vm->nr_pages; i++) {
		va = vm->addr + ((unsigned long)i << PAGE_SHIFT);
		if (map_kernel_page(va, start + ((phys_addr_t)i << PAGE_SHIFT),
				    PAGE_KERNEL_NOCACHE))
			break;
	}
	if (i < vm->nr_pages) {
		while (i--)
			unmap_kernel_page(vm->addr + ((unsigned long)i << PAGE_SHIFT));
		release_area(vm);
		kfree(vm);
		return NULL;
	}
	return (void __iomem *)(vm->addr + offset);
}

void iounmap(volatile void __iomem *addr)
{
	unsigned long a = (unsigned long)addr, flags;
	struct vm_struct *vm;

	if (!addr)
		return;
	spin_lock_irqsave(&vmap_lock, flags);
	vm = find_area(a);
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (!vm || vm->pages || (a & PAGE_MASK) != vm->addr) {
		WARN(1, "iounmap(%p): not an ioremap area\n", addr);
		return;
	}
	for (unsigned int i = 0; i < vm->nr_pages; i++)
		unmap_kernel_page(vm->addr + ((unsigned long)i << PAGE_SHIFT));
	release_area(vm);
	kfree(vm);
}
