/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64 instruction fetch sees every data write: nothing to flush. */
#ifndef _ASM_X86_CACHEFLUSH_H
#define _ASM_X86_CACHEFLUSH_H

/* Make [@start, @end) visible to instruction fetch: a no-op here. */
static inline void flush_icache_range(unsigned long start, unsigned long end)
{
}

#endif /* _ASM_X86_CACHEFLUSH_H */
