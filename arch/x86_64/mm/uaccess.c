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

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long addr = (unsigned long)src;
	long max, i;

	if (count <= 0)
		return 0;
	if (addr >= TASK_SIZE_MAX)
		return -EFAULT;
	max = min_t(unsigned long, count, TASK_SIZE_MAX - addr);
	for (i = 0; i < max; i++) {
		unsigned long c;

		if (__arch_get_user_8(&c, src + i))
			return -EFAULT;
		dst[i] = (char)c;
		if (!c)
			return i;
	}
	/* Stopped at TASK_SIZE_MAX before @count: the string runs off user space. */
	return max == count ? count : -EFAULT;
}

long strnlen_user(const char __user *src, long n)
{
	unsigned long addr = (unsigned long)src;
	long max, i;

	if (n <= 0 || addr >= TASK_SIZE_MAX)
		return 0;
	max = min_t(unsigned long, n, TASK_SIZE_MAX - addr);
	for (i = 0; i < max; i++) {
		unsigned long c;

		if (__arch_get_user_8(&c, src + i))
			return 0;
		if (!c)
			return i + 1;
	}
	return max == n ? n + 1 : 0;
}
