// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmalloc: page-granular areas in [VMALLOC_START, VMALLOC_END), each backed
 * by separately allocated pages mapped through the arch's kernel page-table
 * calls. An area's size includes the unmapped guard page after it, and
 * placement starts one page above VMALLOC_START, so every area has an
 * unmapped page on both sides. ioremap() areas live in the same range but
 * map device memory instead of pages (their pages array is NULL).
 *
 * Areas are placed lowest-first-fit and indexed twice under vmap_lock, as
 * Linux's vmap_area tree is: a red-black tree by address, augmented with
 * each subtree's largest gap below an area (subtree_gap), so placing an
 * area and finding the area of an address (vfree, vmalloc_to_page) take
 * O(log n) whatever the number of areas (a thread stack per task is one);
 * and a list by address, for the neighbour whose gap an area's arrival or
 * departure changes. With an alignment above a page, a gap large enough
 * may still not fit once aligned, so the search may visit more nodes.
 *
 * Freeing unmaps an area's pages and flushes them from this CPU's TLB;
 * where that flush does not reach other CPUs (arch_tlbi_broadcast()),
 * they may still hold translations of the range, so it is not reused
 * before flush_tlb_kernel_range() has reached every CPU: a cross-CPU call
 * the caller waits for. That needs interrupts on and no spinlock held
 * (another CPU may spin for it with interrupts off); an area freed
 * otherwise (a dead task's stack, freed in the switch away from it, when
 * its CPU's cache of stacks is full: kernel/task_stack.c) waits
 * on lazy_areas, its range still reserved, for the next vmalloc() or
 * vfree() that can flush, as Linux's lazily purged vmap areas do.
 */
#define pr_fmt(fmt) "vmalloc: " fmt

#include <linux/vmalloc.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/rbtree_augmented.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/fault-inject.h>
#include <asm/pgtable.h>
#include "internal.h"

#define VMAP_LOW	(VMALLOC_START + PAGE_SIZE)	/* the lowest area's address */

struct vm_struct {
	struct rb_node rb;		/* in vmap_root, by address */
	struct list_head list;		/* in vmap_areas, by address */
	unsigned long subtree_gap;	/* largest area_gap() in the subtree */
	unsigned long addr;		/* first mapped byte */
	unsigned long size;		/* mapped bytes + the trailing guard page */
	unsigned int nr_pages;
	struct page **pages;		/* NULL for an ioremap() area */
	const void *caller;
	struct vm_struct *lazy_next;	/* in lazy_areas, once unmapped */
	bool lazy;			/* unmapped: only the range is held */
};

static struct rb_root vmap_root = RB_ROOT;
static LIST_HEAD(vmap_areas);
static DEFINE_SPINLOCK(vmap_lock);
static atomic_long_t vmalloc_pages = ATOMIC_INIT(0);
static struct vm_struct *lazy_areas;	/* under vmap_lock */
static unsigned long search_visits;	/* under vmap_lock */

static inline unsigned long area_mapped_size(const struct vm_struct *vm)
{
	return vm->size - PAGE_SIZE;
}

/* Where the free space below @vm begins: the end of the area before it. */
static unsigned long area_gap_start(const struct vm_struct *vm)
{
	const struct vm_struct *prev;

	if (vm->list.prev == &vmap_areas)
		return VMAP_LOW;
	prev = list_prev_entry(vm, list);
	return prev->addr + prev->size;
}

static unsigned long area_gap(struct vm_struct *vm)
{
	return vm->addr - area_gap_start(vm);
}

RB_DECLARE_CALLBACKS_MAX(static, vmap_gap_callbacks, struct vm_struct, rb,
			 unsigned long, subtree_gap, area_gap);

/*
 * The lowest address in @rb's subtree where @size bytes aligned to @align
 * fit in the gap below an area, or 0. A subtree whose largest gap is too
 * small is skipped at its root. Lock held.
 */
static unsigned long lowest_fit(struct rb_node *rb, unsigned long size, unsigned long align)
{
	struct vm_struct *vm;
	unsigned long start, addr;

	search_visits++;
	if (!rb || rb_entry(rb, struct vm_struct, rb)->subtree_gap < size)
		return 0;
	vm = rb_entry(rb, struct vm_struct, rb);
	addr = lowest_fit(rb->rb_left, size, align);
	if (addr)
		return addr;
	start = area_gap_start(vm);
	addr = ALIGN(start, align);
	if (addr >= start && addr < vm->addr && vm->addr - addr >= size)
		return addr;
	return lowest_fit(rb->rb_right, size, align);
}

unsigned long vmap_search_visits(void)
{
	return READ_ONCE(search_visits);
}

/* Link @vm (addr set) into the tree and the list. Lock held. */
static void link_area(struct vm_struct *vm)
{
	struct rb_node **link = &vmap_root.rb_node, *parent = NULL;
	struct vm_struct *next = NULL;

	while (*link) {
		struct vm_struct *v = rb_entry(*link, struct vm_struct, rb);

		parent = *link;
		if (vm->addr < v->addr) {
			next = v;
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
		}
	}
	list_add_tail(&vm->list, next ? &next->list : &vmap_areas);
	rb_link_node(&vm->rb, parent, link);
	vm->subtree_gap = 0;
	vmap_gap_callbacks.propagate(&vm->rb, NULL);
	if (next)	/* its gap now ends at us */
		vmap_gap_callbacks.propagate(&next->rb, NULL);
	rb_insert_augmented(&vm->rb, &vmap_root, &vmap_gap_callbacks);
}

static void release_area(struct vm_struct *vm)
{
	struct vm_struct *next;
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	next = list_is_last(&vm->list, &vmap_areas) ? NULL : list_next_entry(vm, list);
	rb_erase_augmented(&vm->rb, &vmap_root, &vmap_gap_callbacks);
	list_del(&vm->list);
	if (next)	/* it now starts where we did */
		vmap_gap_callbacks.propagate(&next->rb, NULL);
	spin_unlock_irqrestore(&vmap_lock, flags);
}

/* The area containing addr (guard page excluded), or NULL. Lock held. */
static struct vm_struct *find_area(unsigned long addr)
{
	struct rb_node *rb = vmap_root.rb_node;

	while (rb) {
		struct vm_struct *vm = rb_entry(rb, struct vm_struct, rb);

		if (addr < vm->addr)
			rb = rb->rb_left;
		else if (addr >= vm->addr + area_mapped_size(vm))
			rb = rb->rb_right;
		else
			return vm->lazy ? NULL : vm;
	}
	return NULL;
}

/*
 * Whether this context can flush every CPU's TLB: a CPU that comes online
 * later cannot hold a translation unmapped before.
 */
static bool can_flush_everywhere(void)
{
	return arch_tlbi_broadcast() || num_online_cpus() == 1 ||
	       (!irqs_disabled() && !in_atomic());
}

/* Flush every lazy area's range from every CPU's TLB, then release them. */
static void purge_lazy_areas(void)
{
	struct vm_struct *vm, *next;
	unsigned long flags;

	if (!READ_ONCE(lazy_areas) || !can_flush_everywhere())
		return;
	spin_lock_irqsave(&vmap_lock, flags);
	vm = lazy_areas;
	lazy_areas = NULL;
	spin_unlock_irqrestore(&vmap_lock, flags);
	for (; vm; vm = next) {
		next = vm->lazy_next;
		flush_tlb_kernel_range(vm->addr, vm->addr + area_mapped_size(vm));
		release_area(vm);
		kfree(vm->pages);
		kfree(vm);
	}
}

void vm_unmap_aliases(void)
{
	purge_lazy_areas();
}

/* Free @vm, whose pages are unmapped here: at once if this context can flush. */
static void free_area_lazy(struct vm_struct *vm)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	vm->lazy = true;
	vm->lazy_next = lazy_areas;
	lazy_areas = vm;
	spin_unlock_irqrestore(&vmap_lock, flags);
	purge_lazy_areas();
}

/* Place vm (size set) in the lowest hole that fits; false if none. */
static bool reserve_area(struct vm_struct *vm, unsigned long align)
{
	unsigned long addr, start, flags;
	struct vm_struct *last;

	purge_lazy_areas();
	spin_lock_irqsave(&vmap_lock, flags);
	addr = lowest_fit(vmap_root.rb_node, vm->size, align);
	if (!addr) {
		/* Above the last area there is no area whose gap would say so. */
		start = VMAP_LOW;
		if (!list_empty(&vmap_areas)) {
			last = list_last_entry(&vmap_areas, struct vm_struct, list);
			start = last->addr + last->size;
		}
		addr = ALIGN(start, align);
		if (addr < start || addr + vm->size < addr || addr + vm->size - 1 > VMALLOC_END) {
			spin_unlock_irqrestore(&vmap_lock, flags);
			return false;
		}
	}
	vm->addr = addr;
	link_area(vm);
	spin_unlock_irqrestore(&vmap_lock, flags);
	return true;
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
	vm->lazy = false;
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
	free_area_lazy(vm);
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
	free_area_lazy(vm);
}
