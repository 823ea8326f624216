// SPDX-License-Identifier: GPL-2.0-only
/*
 * raw_copy_from_user(), raw_copy_to_user() and __clear_user() for the
 * architectures that select CONFIG_GENERIC_USERCOPY (arm64, arm,
 * powerpc), built on their get_user()/put_user() accessors of
 * <asm/uaccess.h>. When the user and kernel addresses are aligned alike,
 * a copy goes a byte at a time up to a word (unsigned long) boundary,
 * then a word at a time, then bytes for the tail; otherwise it is bytes
 * throughout. An architecture that defines USER_COPY_BLOCK also gives the
 * aligned part in blocks of that many bytes (<asm/uaccess.h>:
 * __arch_copy_to_user_block(), __arch_copy_from_user_block() and
 * __arch_clear_user_block(); 64 bytes on arm64 and powerpc, 16 on arm:
 * fewer instructions a byte); a block that faults is redone a word at a
 * time. An aligned word never straddles a page, so it faults whole or not
 * at all, and a fault stops the copy exactly after the last unit
 * transferred: the "bytes not copied" the Linux API returns. Contracts in
 * <asm-generic/uaccess.h>.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>

#define WORD sizeof(unsigned long)

/* Whether @a and @b sit at the same offset in a word. */
static inline bool same_alignment(unsigned long a, unsigned long b)
{
	return !((a ^ b) & (WORD - 1));
}

unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long src = (unsigned long)from, dst = (unsigned long)to, v;
	unsigned long end = src + n;

	if (same_alignment(src, dst)) {
		for (; (src & (WORD - 1)) && src < end; src++, dst++) {
			if (__arch_get_user_8(&v, (const void __user *)src))
				return end - src;
			*(u8 *)dst = (u8)v;
		}
#ifdef USER_COPY_BLOCK
		for (; end - src >= USER_COPY_BLOCK; src += USER_COPY_BLOCK, dst += USER_COPY_BLOCK)
			if (__arch_copy_from_user_block((void *)dst, (const void __user *)src))
				break;
#endif
		for (; end - src >= WORD; src += WORD, dst += WORD) {
			if (__arch_get_user(&v, (const unsigned long __user *)src, WORD))
				return end - src;
			*(unsigned long *)dst = v;
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
		for (; (dst & (WORD - 1)) && dst < end; src++, dst++)
			if (__arch_put_user_8(*(const u8 *)src, (void __user *)dst))
				return end - dst;
#ifdef USER_COPY_BLOCK
		for (; end - dst >= USER_COPY_BLOCK; src += USER_COPY_BLOCK, dst += USER_COPY_BLOCK)
			if (__arch_copy_to_user_block((void __user *)dst, (const void *)src))
				break;
#endif
		for (; end - dst >= WORD; src += WORD, dst += WORD)
			if (__arch_put_user(*(const unsigned long *)src, (unsigned long __user *)dst,
					    WORD))
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

	for (; (dst & (WORD - 1)) && dst < end; dst++)
		if (__arch_put_user_8(0, (void __user *)dst))
			return end - dst;
#ifdef USER_COPY_BLOCK
	for (; end - dst >= USER_COPY_BLOCK; dst += USER_COPY_BLOCK)
		if (__arch_clear_user_block((void __user *)dst))
			break;
#endif
	for (; end - dst >= WORD; dst += WORD)
		if (__arch_put_user(0, (unsigned long __user *)dst, WORD))
			return end - dst;
	for (; dst < end; dst++)
		if (__arch_put_user_8(0, (void __user *)dst))
			return end - dst;
	return 0;
}
