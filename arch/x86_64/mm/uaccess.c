// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 user copies. Each user access is one string instruction or one
 * mov with an exception-table entry: "rep movsb" and "rep stosb" leave in
 * %rcx the bytes not yet done when they fault, which is exactly the value
 * the Linux API returns, so the fixup only has to resume after them.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>
#include <asm/extable.h>

static noinline unsigned long copy_user_generic(void *to, const void *from,
						unsigned long n)
{
	__asm__ __volatile__("1:	rep movsb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to), "+S"(from)
			     :
			     : "memory");
	return n;
}

unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return copy_user_generic(to, (__force const void *)from, n);
}

unsigned long raw_copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return copy_user_generic((__force void *)to, from, n);
}

unsigned long __clear_user(void __user *to, unsigned long n)
{
	__asm__ __volatile__("1:	rep stosb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to)
			     : "a"(0)
			     : "memory");
	return n;
}
