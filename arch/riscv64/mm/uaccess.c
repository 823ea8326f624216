// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 user copies: the byte loops of uaccess.S for bulk copies, and
 * the string helpers built on __arch_get_user_8().
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>

unsigned long __asm_copy_user(void *to, const void *from, unsigned long n);
unsigned long __asm_clear_user(void *to, unsigned long n);

unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return __asm_copy_user(to, (__force const void *)from, n);
}

unsigned long raw_copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return __asm_copy_user((__force void *)to, from, n);
}

unsigned long __clear_user(void __user *to, unsigned long n)
{
	return __asm_clear_user((__force void *)to, n);
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long addr = (unsigned long)src, limit;
	long i;

	if (count <= 0)
		return 0;
	if (addr >= TASK_SIZE_MAX)
		return -EFAULT;
	limit = min_t(unsigned long, count, TASK_SIZE_MAX - addr);
	for (i = 0; i < (long)limit; i++) {
		unsigned long c;

		if (__arch_get_user_8(&c, src + i))
			return -EFAULT;
		dst[i] = (char)c;
		if (!c)
			return i;
	}
	/* Reached TASK_SIZE_MAX before @count bytes: the string leaves user space. */
	return (long)limit == count ? count : -EFAULT;
}

long strnlen_user(const char __user *src, long n)
{
	unsigned long addr = (unsigned long)src, limit;
	long i;

	if (n <= 0 || addr >= TASK_SIZE_MAX)
		return 0;
	limit = min_t(unsigned long, n, TASK_SIZE_MAX - addr);
	for (i = 0; i < (long)limit; i++) {
		unsigned long c;

		if (__arch_get_user_8(&c, src + i))
			return 0;
		if (!c)
			return i + 1;
	}
	return (long)limit == n ? n + 1 : 0;
}
