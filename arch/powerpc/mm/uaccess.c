// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 user copies, a byte at a time through the single accesses of
 * asm/uaccess.h (each with its exception-table entry): simple, and user
 * space is not ported yet.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>

unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		unsigned long v;

		if (__arch_get_user_8(&v, (const u8 __user *)from + i))
			return n - i;
		((u8 *)to)[i] = v;
	}
	return 0;
}

unsigned long raw_copy_to_user(void __user *to, const void *from, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		if (__arch_put_user_8(((const u8 *)from)[i], (u8 __user *)to + i))
			return n - i;
	return 0;
}

unsigned long __clear_user(void __user *to, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		if (__arch_put_user_8(0, (u8 __user *)to + i))
			return n - i;
	return 0;
}
