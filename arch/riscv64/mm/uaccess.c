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
