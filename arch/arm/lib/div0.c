// SPDX-License-Identifier: GPL-2.0-only
/*
 * What libgcc's EABI division helpers (__aeabi_uidiv, __aeabi_uldivmod...)
 * call on a division by zero, with the value the run-time ABI lets them
 * return as the quotient. Linux user space raises SIGFPE there; the kernel
 * reports it, as Linux's arm does, and the quotient is 0 (ARM has no
 * divide instruction to trap, and arm64's gives 0).
 */
#include <linux/kernel.h>
#include <linux/panic.h>

int __aeabi_idiv0(int ret);
long long __aeabi_ldiv0(long long ret);

int __aeabi_idiv0(int ret)
{
	pr_warn("Division by zero in kernel.\n");
	dump_stack();
	return 0;
}

long long __aeabi_ldiv0(long long ret)
{
	return __aeabi_idiv0(0);
}
