/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 instruction-cache coherency: the I-cache does not snoop data
 * writes, so code written through the D-cache (a program's pages, the
 * sigreturn trampoline) is cleaned to the point of unification and the
 * I-cache invalidated for it before anything may execute it.
 */
#ifndef _ASM_ARM64_CACHEFLUSH_H
#define _ASM_ARM64_CACHEFLUSH_H

#include <asm/processor.h>

/*
 * flush_icache_range() - make the instructions in [@start, @end) (kernel
 * or current user virtual addresses, mapped) visible to instruction
 * fetch at every address they are mapped at. Never sleeps.
 */
static inline void flush_icache_range(unsigned long start, unsigned long end)
{
	u64 ctr = read_sysreg(ctr_el0);
	unsigned long dline = 4UL << ((ctr >> 16) & 0xf), iline = 4UL << (ctr & 0xf);

	for (unsigned long a = start & ~(dline - 1); a < end; a += dline)
		__asm__ __volatile__("dc cvau, %0" :: "r"(a) : "memory");
	dsb(ish);
	for (unsigned long a = start & ~(iline - 1); a < end; a += iline)
		__asm__ __volatile__("ic ivau, %0" :: "r"(a) : "memory");
	dsb(ish);
	isb();
}

#endif /* _ASM_ARM64_CACHEFLUSH_H */
