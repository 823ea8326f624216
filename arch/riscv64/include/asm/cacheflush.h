/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64: make instructions written by stores visible to fetch. */
#ifndef _ASM_RISCV_CACHEFLUSH_H
#define _ASM_RISCV_CACHEFLUSH_H

/*
 * flush_icache_user_range() - after the kernel wrote instructions to
 * [@start, @end): fence.i orders them before this hart's later fetches
 * (one hart only). Never sleeps.
 */
static inline void flush_icache_user_range(unsigned long start, unsigned long end)
{
	__asm__ __volatile__("fence.i" ::: "memory");
}

#endif /* _ASM_RISCV_CACHEFLUSH_H */
