// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 memcpy() and memset() with the string instructions: eight bytes a
 * step ("rep movsq"/"rep stosq"), then the last 0-7 bytes one at a time.
 * asm/string.h tells lib/string.c not to build its generic versions.
 */
#include <linux/types.h>
#include <linux/string.h>

#undef memcpy
#undef memset

/*
 * memcpy() - copy n bytes from src to dest; the areas must not overlap.
 * Returns dest. Never sleeps.
 */
void *memcpy(void *dest, const void *src, size_t n)
{
	void *d = dest;
	size_t words = n / 8, bytes = n % 8;

	asm volatile("rep movsq\n\t"
		     "mov %3, %%rcx\n\t"
		     "rep movsb"
		     : "+D"(d), "+S"(src), "+c"(words)
		     : "r"(bytes)
		     : "memory");
	return dest;
}

/*
 * memset() - fill n bytes at s with the byte (unsigned char)c.
 * Returns s. Never sleeps.
 */
void *memset(void *s, int c, size_t n)
{
	void *d = s;
	size_t words = n / 8, bytes = n % 8;
	u64 pattern = (u8)c * 0x0101010101010101ULL;

	asm volatile("rep stosq\n\t"
		     "mov %3, %%rcx\n\t"
		     "rep stosb"
		     : "+D"(d), "+c"(words)
		     : "a"(pattern), "r"(bytes)
		     : "memory");
	return s;
}
