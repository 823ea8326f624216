// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 user copies, one byte at a time with the unprivileged accessors of
 * <asm/uaccess.h>: a fault stops the copy at the first byte that could not
 * be transferred, which gives exactly the "bytes not copied" the Linux API
 * returns. Simple rather than fast; user space does not exist yet.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>

unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned char *d = to;
	unsigned long i, c;

	for (i = 0; i < n; i++) {
		if (__arch_get_user_8(&c, (const char __user *)from + i))
			break;
		d[i] = (unsigned char)c;
	}
	return n - i;
}

unsigned long raw_copy_to_user(void __user *to, const void *from, unsigned long n)
{
	const unsigned char *s = from;
	unsigned long i;

	for (i = 0; i < n; i++)
		if (__arch_put_user_8(s[i], (char __user *)to + i))
			break;
	return n - i;
}

unsigned long __clear_user(void __user *to, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		if (__arch_put_user_8(0, (char __user *)to + i))
			break;
	return n - i;
}
