// SPDX-License-Identifier: GPL-2.0-only
#include <linux/uaccess.h>

unsigned long rust_helper_copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long rust_helper_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return copy_from_user(to, from, n);
}

unsigned long rust_helper_copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long rust_helper_copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return copy_to_user(to, from, n);
}

/*
 * get_user()/put_user() of 4 and 8 bytes: one inline access with its fault
 * fixup, the fast path for small ioctl arguments. Return 0 or -EFAULT.
 */
int rust_helper_get_user_u32(u32 *val, const u32 __user *ptr);
int rust_helper_get_user_u32(u32 *val, const u32 __user *ptr)
{
	return get_user(*val, ptr);
}

int rust_helper_get_user_u64(u64 *val, const u64 __user *ptr);
int rust_helper_get_user_u64(u64 *val, const u64 __user *ptr)
{
	return get_user(*val, ptr);
}

int rust_helper_put_user_u32(u32 val, u32 __user *ptr);
int rust_helper_put_user_u32(u32 val, u32 __user *ptr)
{
	return put_user(val, ptr);
}

int rust_helper_put_user_u64(u64 val, u64 __user *ptr);
int rust_helper_put_user_u64(u64 val, u64 __user *ptr)
{
	return put_user(val, ptr);
}
