/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ARMv6 instruction-cache coherency: the I-cache does not snoop data
 * writes, so code written through the D-cache (a program's pages) is
 * cleaned from the D-cache and the I-cache and branch predictor are
 * invalidated before anything may execute it.
 */
#ifndef _ASM_ARM_CACHEFLUSH_H
#define _ASM_ARM_CACHEFLUSH_H

#include <asm/pgtable.h>

#define L1_CACHE_BYTES 32	/* ARM1176 line size */

/*
 * flush_icache_range() - make the instructions in [@start, @end) (kernel
 * or current user virtual addresses, mapped) visible to instruction
 * fetch at every address they are mapped at. Never sleeps.
 */
static inline void flush_icache_range(unsigned long start, unsigned long end)
{
	for (unsigned long a = start & ~(L1_CACHE_BYTES - 1); a < end; a += L1_CACHE_BYTES)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 1" :: "r"(a) : "memory");
	arm_dsb();
	__asm__ __volatile__("mcr p15, 0, %0, c7, c5, 0\n\t"
			     "mcr p15, 0, %0, c7, c5, 6" :: "r"(0) : "memory");
	arm_dsb();
	arm_isb();
}

/*
 * clean_dcache_all() - write every dirty D-cache line back to memory, for
 * a reader with its caches off (the MMU's table walks, a CPU starting)
 * and wait. Never sleeps.
 */
static inline void clean_dcache_all(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 0" :: "r"(0) : "memory");
	arm_dsb();
}

#endif /* _ASM_ARM_CACHEFLUSH_H */
