// SPDX-License-Identifier: GPL-2.0-only
/*
 * User-string helpers shared by every architecture: built on the arch's
 * one-byte accessor __arch_get_user_8() (an exception-table-protected load)
 * and its TASK_SIZE_MAX, so a port only writes the primitives of
 * <asm/uaccess.h>. Contracts in <linux/uaccess.h>.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>

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
