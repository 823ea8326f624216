/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * memblock: boot-time bookkeeping of physical memory, used before the buddy
 * allocator exists. The arch registers usable RAM with memblock_add() and
 * takes out what is in use (kernel image, boot data, initrd) with
 * memblock_reserve(); memblock_alloc() then carves early allocations (page
 * tables, mem_map) out of memory that is neither. mm_core_init() finally
 * hands every page that is in "memory" but not "reserved" to the buddy
 * allocator.
 *
 * Both lists are fixed arrays of MEMBLOCK_MAX_REGIONS sorted, non-overlapping
 * ranges; adjacent or overlapping additions are merged. Nothing here
 * allocates, sleeps or takes a lock: it is meant for the single-threaded
 * early boot (interrupts off).
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define MEMBLOCK_MAX_REGIONS 64

/* "No limit" for memblock_set_current_limit(). */
#define MEMBLOCK_ALLOC_ANYWHERE (~(phys_addr_t)0)

/* memblock_alloc() hands out nothing below this (real-mode/BIOS area, and 0 means failure). */
#define MEMBLOCK_LOW_LIMIT 0x100000UL

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	const char *name;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

struct memblock {
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

#define for_each_memblock_type(i, type, rgn)				\
	for (i = 0, rgn = &(type)->regions[0]; i < (type)->cnt;		\
	     i++, rgn = &(type)->regions[i])

/*
 * memblock_add() - record [base, base + size) as usable RAM.
 * Returns 0, or -ENOMEM when the region table is full (the range is then
 * ignored, with a message). Early boot only; never sleeps or allocates.
 */
int memblock_add(phys_addr_t base, phys_addr_t size);

/*
 * memblock_reserve() - mark [base, base + size) as in use, so it is neither
 * handed out by memblock_alloc() nor given to the buddy allocator. The range
 * need not lie inside added memory. Returns 0 or -ENOMEM (table full).
 * Early boot only.
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size);

/*
 * memblock_remove() - forget [base, base + size) as RAM (e.g. a range the
 * kernel must not touch). Returns 0 or -ENOMEM (table full after a split).
 */
int memblock_remove(phys_addr_t base, phys_addr_t size);

/*
 * memblock_phys_free() - undo a memblock_reserve()/memblock_alloc() of
 * exactly or partly this range before mm_core_init(). Returns 0 or -ENOMEM.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size);

/*
 * memblock_alloc() - allocate size bytes of RAM aligned to align (a power of
 * two; 0 means PAGE_SIZE), searching bottom-up from 1 MiB and staying below
 * the current limit. The memory is reserved and zeroed through __va(), so it
 * must already be covered by the (early) direct map: see
 * memblock_set_current_limit(). Returns the physical address, or 0 on
 * failure. Never sleeps. After mm_core_init() it falls back to the page
 * allocator (whole zeroed pages, GFP_ATOMIC) and says so once.
 */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align);

/* Linux's name for the same thing. */
static inline phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc(size, align);
}

/*
 * memblock_set_current_limit() - memblock_alloc() only returns memory that
 * ends at or below limit (e.g. the end of what the boot page tables map).
 * MEMBLOCK_ALLOC_ANYWHERE (the default) removes the limit.
 */
void memblock_set_current_limit(phys_addr_t limit);

/* Total bytes of RAM registered with memblock_add(). */
phys_addr_t memblock_phys_mem_size(void);

/* Total bytes reserved (including memblock_alloc() allocations). */
phys_addr_t memblock_reserved_size(void);

/* End (exclusive) of the highest RAM region, or 0 if none was added. */
phys_addr_t memblock_end_of_DRAM(void);

/* Start of the lowest RAM region, or 0 if none was added. */
phys_addr_t memblock_start_of_DRAM(void);

/* True if [base, base + size) intersects a reserved region. */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);

/* True if addr lies inside a RAM region. */
bool memblock_is_memory(phys_addr_t addr);

/* Print both tables at KERN_INFO (boot diagnostics). */
void memblock_dump_all(void);

/*
 * Called by mm_core_init() once the buddy allocator owns free memory:
 * from then on memblock_alloc() uses the page allocator.
 */
void memblock_done(void);

#endif /* _LINUX_MEMBLOCK_H */
