/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copying between kernel memory and user memory (Linux's API and meaning).
 *
 * A user pointer (__user) may be anything the caller of a system call
 * passed: NULL, a kernel address, unmapped memory, or a range running off
 * the end of a mapping. These functions check the range with access_ok()
 * (it must lie below TASK_SIZE_MAX and not wrap) and then access it with
 * instructions listed in the exception table, so a bad address ends in an
 * error return, never in an oops.
 *
 * All of them may sleep (a fault on user memory may need to page it in, once
 * user space exists), so call them from process context, without spinlocks
 * held. None allocates.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/compiler_types.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/uaccess.h>

/*
 * access_ok() - whether [@addr, @addr + @size) is entirely in the user part
 * of the address space (it may still be unmapped). Never sleeps.
 */
static inline bool __access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}
#define access_ok(addr, size) likely(__access_ok((addr), (size)))

/*
 * copy_from_user() - copy @n bytes from user @from to kernel @to.
 * Returns the number of bytes NOT copied (0 on success). Bytes that could
 * not be copied are zeroed in @to, so the kernel never sees stale data.
 */
static inline unsigned long copy_from_user(void *to, const void __user *from,
					   unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = raw_copy_from_user(to, from, n);
	if (unlikely(left))
		memset((char *)to + (n - left), 0, left);
	return left;
}

/*
 * copy_to_user() - copy @n bytes from kernel @from to user @to.
 * Returns the number of bytes NOT copied (0 on success).
 */
static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_copy_to_user(to, from, n);
}

/*
 * An 8-byte value where unsigned long has 4 bytes (32-bit CPUs) moves as
 * two 4-byte accesses, the words in memory order (through a union).
 */
#define __uaccess_split(ptr) (sizeof(*(ptr)) > sizeof(long))
#define __uaccess_words(ptr) union { __typeof__(*(ptr)) __v; unsigned long __w[2]; }

/*
 * get_user(x, ptr) - load the scalar *@ptr (1, 2, 4 or 8 bytes) from user
 * space into @x. Returns 0 or -EFAULT (then @x is 0).
 * __get_user() is the same without the access_ok() check, for a range the
 * caller has already checked.
 */
#define __get_user(x, ptr) ({						\
	int __gu_err;							\
	if (__uaccess_split(ptr)) {					\
		__uaccess_words(ptr) __gu = { .__w = { 0, 0 } };	\
		__gu_err = __arch_get_user(&__gu.__w[0], (ptr), 4) ?:	\
			__arch_get_user(&__gu.__w[1], (const char __user *)(ptr) + 4, 4); \
		if (__gu_err)						\
			__gu.__w[0] = __gu.__w[1] = 0;			\
		(x) = __gu.__v;						\
	} else {							\
		unsigned long __gu_val;					\
		__gu_err = __arch_get_user(&__gu_val, (ptr), sizeof(*(ptr))); \
		(x) = (__force __typeof__(*(ptr)))__gu_val;		\
	}								\
	__gu_err;							\
})

#define get_user(x, ptr) ({						\
	__typeof__(ptr) __gu_ptr = (ptr);				\
	int __gu_ret = -EFAULT;						\
	if (access_ok(__gu_ptr, sizeof(*__gu_ptr))) {			\
		__gu_ret = __get_user((x), __gu_ptr);			\
	} else {							\
		(x) = (__force __typeof__(*(ptr)))0;			\
	}								\
	__gu_ret;							\
})

/*
 * put_user(x, ptr) - store the scalar @x to user *@ptr (1, 2, 4 or 8
 * bytes). Returns 0 or -EFAULT. __put_user() skips the access_ok() check.
 */
#define __put_user(x, ptr) ({						\
	__uaccess_words(ptr) __pu = { .__v = (x) };			\
	__uaccess_split(ptr) ?						\
		__arch_put_user(__pu.__w[0], (ptr), 4) ?:		\
		__arch_put_user(__pu.__w[1], (char __user *)(ptr) + 4, 4) : \
		__arch_put_user((unsigned long)__pu.__v, (ptr), sizeof(*(ptr))); \
})

#define put_user(x, ptr) ({						\
	__typeof__(ptr) __pu_ptr = (ptr);				\
	access_ok(__pu_ptr, sizeof(*__pu_ptr)) ?			\
		__put_user((x), __pu_ptr) : -EFAULT;			\
})

/*
 * clear_user() - zero @n bytes of user memory at @to. Returns the number of
 * bytes NOT zeroed (0 on success).
 */
static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __clear_user(to, n);
}

/*
 * strncpy_from_user() - copy a NUL-terminated string of at most @count
 * bytes from user @src into @dst. Returns the string's length (without the
 * NUL, which is copied too), or @count if no NUL was found in @count bytes
 * (then @dst is not terminated), or -EFAULT if @src was not readable before
 * either happened. Like Linux, reading stops at TASK_SIZE_MAX.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/*
 * strnlen_user() - the size of the user string at @src including its NUL,
 * at most @n; a value greater than @n if no NUL is in the first @n bytes;
 * 0 on a fault.
 */
long strnlen_user(const char __user *src, long n);

#endif /* _LINUX_UACCESS_H */
