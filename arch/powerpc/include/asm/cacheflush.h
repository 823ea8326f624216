/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 instruction-cache coherency. */
#ifndef _ASM_POWERPC_CACHEFLUSH_H
#define _ASM_POWERPC_CACHEFLUSH_H

/*
 * Make [@start, @end) visible to instruction fetch on this CPU: each
 * cache block is written back (dcbst) and its instruction copy
 * invalidated (icbi), then isync. Never sleeps.
 */
static inline void flush_icache_range(unsigned long start, unsigned long end)
{
	for (unsigned long a = start & ~127UL; a < end; a += 128)
		__asm__ __volatile__("dcbst 0,%0" :: "r"(a) : "memory");
	__asm__ __volatile__("sync" ::: "memory");
	for (unsigned long a = start & ~127UL; a < end; a += 128)
		__asm__ __volatile__("icbi 0,%0" :: "r"(a) : "memory");
	__asm__ __volatile__("sync\n\tisync" ::: "memory");
}

#endif /* _ASM_POWERPC_CACHEFLUSH_H */
