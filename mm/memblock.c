// SPDX-License-Identifier: GPL-2.0-only
/*
 * Boot-time physical memory bookkeeping. Two sorted tables of disjoint
 * ranges, "memory" (RAM from the boot loader's map) and "reserved" (in use).
 * Early allocations are carved bottom-up from memory that is not reserved.
 * Everything runs single-threaded before the scheduler, so there is no lock.
 */
#define pr_fmt(fmt) "memblock: " fmt

#include <linux/memblock.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/page.h>

struct memblock memblock = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory.name = "memory",
	.reserved.name = "reserved",
};

static bool memblock_buddy_ready;

static inline phys_addr_t rgn_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Clamp base + size so that the end does not wrap around. */
static phys_addr_t range_end(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;

	return end < base ? MEMBLOCK_ALLOC_ANYWHERE : end;
}

static void memblock_delete_slots(struct memblock_type *type, unsigned long idx,
				  unsigned long n)
{
	unsigned long i;

	for (i = idx; i + n < type->cnt; i++)
		type->regions[i] = type->regions[i + n];
	type->cnt -= n;
}

static int memblock_insert_slot(struct memblock_type *type, unsigned long idx,
				phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	if (type->cnt >= MEMBLOCK_MAX_REGIONS) {
		pr_err("%s table full, dropping [%#lx-%#lx)\n", type->name,
		       base, base + size);
		return -ENOMEM;
	}
	for (i = type->cnt; i > idx; i--)
		type->regions[i] = type->regions[i - 1];
	type->regions[idx].base = base;
	type->regions[idx].size = size;
	type->cnt++;
	return 0;
}

/* Add a range, merging it with every region it overlaps or touches. */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	phys_addr_t end = range_end(base, size);
	unsigned long first, last;
	struct memblock_region *r;

	if (!size)
		return 0;

	for (first = 0; first < type->cnt; first++)
		if (rgn_end(&type->regions[first]) >= base)
			break;
	for (last = first; last < type->cnt; last++)
		if (type->regions[last].base > end)
			break;

	if (first == last)
		return memblock_insert_slot(type, first, base, end - base);

	r = &type->regions[first];
	end = max(end, rgn_end(&type->regions[last - 1]));
	base = min(base, r->base);
	r->base = base;
	r->size = end - base;
	memblock_delete_slots(type, first + 1, last - first - 1);
	return 0;
}

/* Cut a range out of every region it overlaps (splitting one if needed). */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	phys_addr_t end = range_end(base, size);
	unsigned long i = 0;

	while (i < type->cnt) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rb = r->base, re = rgn_end(r);

		if (re <= base || rb >= end) {
			i++;
		} else if (rb < base && re > end) {
			r->size = base - rb;
			return memblock_insert_slot(type, i + 1, end, re - end);
		} else if (rb < base) {
			r->size = base - rb;
			i++;
		} else if (re > end) {
			r->base = end;
			r->size = re - end;
			i++;
		} else {
			memblock_delete_slots(type, i, 1);
		}
	}
	return 0;
}

/* First region of type overlapping [base, end), or NULL. */
static struct memblock_region *memblock_find_overlap(struct memblock_type *type,
						     phys_addr_t base, phys_addr_t end)
{
	unsigned long i;
	struct memblock_region *r;

	for_each_memblock_type(i, type, r) {
		if (r->base >= end)
			break;
		if (rgn_end(r) > base)
			return r;
	}
	return NULL;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/* After mm_core_init(): whole zeroed pages from the buddy allocator. */
static phys_addr_t memblock_alloc_late(phys_addr_t size, phys_addr_t align)
{
	static bool said;
	unsigned int order = get_order(max(size, align));
	unsigned long va;

	if (!said) {
		said = true;
		pr_warn("memblock_alloc() after mm_core_init(), using the page allocator\n");
	}
	if (order > MAX_ORDER)
		return 0;
	va = __get_free_pages(GFP_ATOMIC | __GFP_ZERO, order);
	return va ? __pa((void *)va) : 0;
}

phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	unsigned long i;
	struct memblock_region *mem;

	if (!align)
		align = PAGE_SIZE;
	if (!size || !is_power_of_2(align)) {
		pr_err("bad allocation request size %#lx align %#lx\n", size, align);
		return 0;
	}
	if (memblock_buddy_ready)
		return memblock_alloc_late(size, align);

	for_each_memblock_type(i, &memblock.memory, mem) {
		phys_addr_t start = max(mem->base, (phys_addr_t)MEMBLOCK_LOW_LIMIT);
		phys_addr_t end = min(rgn_end(mem), memblock.current_limit);
		phys_addr_t cand = ALIGN(start, align);

		while (cand >= start && cand < end && size <= end - cand) {
			struct memblock_region *busy;

			busy = memblock_find_overlap(&memblock.reserved, cand, cand + size);
			if (!busy) {
				if (memblock_reserve(cand, size))
					return 0;
				memset(__va(cand), 0, size);
				return cand;
			}
			cand = ALIGN(rgn_end(busy), align);
		}
	}
	pr_err("out of memory allocating %#lx bytes (align %#lx)\n", size, align);
	return 0;
}

phys_addr_t memblock_phys_mem_size(void)
{
	phys_addr_t total = 0;
	unsigned long i;
	struct memblock_region *r;

	for_each_memblock_type(i, &memblock.memory, r)
		total += r->size;
	return total;
}

phys_addr_t memblock_reserved_size(void)
{
	phys_addr_t total = 0;
	unsigned long i;
	struct memblock_region *r;

	for_each_memblock_type(i, &memblock.reserved, r)
		total += r->size;
	return total;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? rgn_end(&memblock.memory.regions[n - 1]) : 0;
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return memblock_find_overlap(&memblock.reserved, base,
				     range_end(base, size)) != NULL;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_find_overlap(&memblock.memory, addr, addr + 1) != NULL;
}

static void memblock_dump(struct memblock_type *type)
{
	unsigned long i;
	struct memblock_region *r;

	pr_info(" %s.cnt = %lu\n", type->name, type->cnt);
	for_each_memblock_type(i, type, r)
		pr_info(" %s[%lu]\t[0x%016lx-0x%016lx], %#lx bytes\n", type->name, i,
			r->base, rgn_end(r) - 1, r->size);
}

void memblock_dump_all(void)
{
	pr_info("memory size = %#lx reserved size = %#lx\n",
		memblock_phys_mem_size(), memblock_reserved_size());
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

void memblock_done(void)
{
	memblock_buddy_ready = true;
}
