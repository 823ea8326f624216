/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64: make instructions written through the data side visible to fetch. */
#ifndef _ASM_ARM64_CACHEFLUSH_H
#define _ASM_ARM64_CACHEFLUSH_H

/*
 * flush_icache_user_range() - after the kernel wrote instructions to the
 * current address space's [@start, @end): clean each data cache line to
 * the point of unification and invalidate the instruction cache for it.
 * User addresses must be mapped. Never sleeps.
 */
static inline void flush_icache_user_range(unsigned long start, unsigned long end)
{
	for (unsigned long a = start & ~63UL; a < end; a += 64)
		__asm__ __volatile__("dc cvau, %0" :: "r"(a) : "memory");
	__asm__ __volatile__("dsb ish" ::: "memory");
	for (unsigned long a = start & ~63UL; a < end; a += 64)
		__asm__ __volatile__("ic ivau, %0" :: "r"(a) : "memory");
	__asm__ __volatile__("dsb ish\n\tisb" ::: "memory");
}

#endif /* _ASM_ARM64_CACHEFLUSH_H */
