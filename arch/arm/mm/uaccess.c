// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM user copies with the unprivileged accessors of
 * <asm/uaccess.h> (LDRT/STRT). When the user and kernel addresses are
 * aligned alike, the copy goes a byte at a time up to a 4-byte boundary,
 * then a word at a time, then bytes for the tail; otherwise it is bytes
 * throughout. An aligned word never straddles a page, so it faults whole
 * or not at all, and a fault stops the copy exactly after the last unit
 * transferred: the "bytes not copied" the Linux API returns.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>

/* Whether @a and @b sit at the same offset in a word. */
static inline bool same_alignment(unsigned long a, unsigned long b)
{
	return !((a ^ b) & 3);
}

unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long src = (unsigned long)from, dst = (unsigned long)to, v;
	unsigned long end = src + n;

	if (same_alignment(src, dst)) {
		for (; (src & 3) && src < end; src++, dst++) {
			if (__arch_get_user_8(&v, (const void __user *)src))
				return end - src;
			*(u8 *)dst = (u8)v;
		}
		for (; end - src >= 4; src += 4, dst += 4) {
			if (__arch_get_user_32(&v, (const void __user *)src))
				return end - src;
			*(u32 *)dst = v;
		}
	}
	for (; src < end; src++, dst++) {
		if (__arch_get_user_8(&v, (const void __user *)src))
			return end - src;
		*(u8 *)dst = (u8)v;
	}
	return 0;
}

unsigned long raw_copy_to_user(void __user *to, const void *from, unsigned long n)
{
	unsigned long src = (unsigned long)from, dst = (unsigned long)to;
	unsigned long end = dst + n;

	if (same_alignment(src, dst)) {
		for (; (dst & 3) && dst < end; src++, dst++)
			if (__arch_put_user_8(*(const u8 *)src, (void __user *)dst))
				return end - dst;
		for (; end - dst >= 4; src += 4, dst += 4)
			if (__arch_put_user_32(*(const u32 *)src, (void __user *)dst))
				return end - dst;
	}
	for (; dst < end; src++, dst++)
		if (__arch_put_user_8(*(const u8 *)src, (void __user *)dst))
			return end - dst;
	return 0;
}

unsigned long __clear_user(void __user *to, unsigned long n)
{
	unsigned long dst = (unsigned long)to, end = dst + n;

	for (; (dst & 3) && dst < end; dst++)
		if (__arch_put_user_8(0, (void __user *)dst))
			return end - dst;
	for (; end - dst >= 4; dst += 4)
		if (__arch_put_user_32(0, (void __user *)dst))
			return end - dst;
	for (; dst < end; dst++)
		if (__arch_put_user_8(0, (void __user *)dst))
			return end - dst;
	return 0;
}
