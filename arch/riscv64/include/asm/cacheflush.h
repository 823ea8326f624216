/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 instruction-cache coherency (one hart: FENCE.I orders it). */
#ifndef _ASM_RISCV_CACHEFLUSH_H
#define _ASM_RISCV_CACHEFLUSH_H

/* Make [@start, @end) visible to instruction fetch on this hart. Never sleeps. */
static inline void flush_icache_range(unsigned long start, unsigned long end)
{
	__asm__ __volatile__("fence.i" ::: "memory");
}

#endif /* _ASM_RISCV_CACHEFLUSH_H */
