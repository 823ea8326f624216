// SPDX-License-Identifier: GPL-2.0-only
/*
 * The few libgcc routines gcc calls on RV64IMAC, which has no bit-count or
 * byte-swap instructions (no Zbb): __builtin_clzl() & co. become calls to
 * these. The kernel links no libgcc, so they are here, written without
 * the builtins (which would call themselves).
 */
#include <linux/types.h>

int __clzdi2(unsigned long x);
int __ctzdi2(unsigned long x);
int __clzsi2(unsigned int x);
int __ctzsi2(unsigned int x);
u32 __bswapsi2(u32 x);
u64 __bswapdi2(u64 x);

/* Leading zeros of a non-zero x (64 for 0, unlike the builtin's UB). */
int __clzdi2(unsigned long x)
{
	int n = 0;

	if (!x)
		return 64;
	for (int s = 32; s; s >>= 1) {
		if (!(x >> (64 - s))) {
			n += s;
			x <<= s;
		}
	}
	return n;
}

/* Trailing zeros (64 for 0). */
int __ctzdi2(unsigned long x)
{
	int n = 0;

	if (!x)
		return 64;
	for (int s = 32; s; s >>= 1) {
		if (!(x & ((1UL << s) - 1))) {
			n += s;
			x >>= s;
		}
	}
	return n;
}

int __clzsi2(unsigned int x)
{
	return __clzdi2(x) - 32;
}

int __ctzsi2(unsigned int x)
{
	return x ? __ctzdi2(x) : 32;
}

u32 __bswapsi2(u32 x)
{
	return (x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24);
}

u64 __bswapdi2(u64 x)
{
	return ((u64)__bswapsi2((u32)x) << 32) | __bswapsi2((u32)(x >> 32));
}
