/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bit counting. hweight_long(w): the number of bits set in @w, computed
 * in registers (the kernel links no libgcc, and not every CPU Ferrite
 * builds for has a population-count instruction).
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>

static inline unsigned int hweight64(u64 w)
{
	w -= (w >> 1) & 0x5555555555555555ULL;				/* 2-bit sums */
	w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);	/* 4-bit */
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fULL;			/* 8-bit */
	return (w * 0x0101010101010101ULL) >> 56;			/* add the bytes */
}

#define hweight_long(w) hweight64((unsigned long)(w))

#endif /* _LINUX_BITOPS_H */
