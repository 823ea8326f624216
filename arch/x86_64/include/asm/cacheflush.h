/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64: instruction fetch sees stores without help. */
#ifndef _ASM_X86_CACHEFLUSH_H
#define _ASM_X86_CACHEFLUSH_H

/* flush_icache_user_range() - nothing to do for written instructions here. */
static inline void flush_icache_user_range(unsigned long start, unsigned long end)
{
}

#endif /* _ASM_X86_CACHEFLUSH_H */
