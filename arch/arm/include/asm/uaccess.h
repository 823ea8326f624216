/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM user-memory access primitives behind <linux/uaccess.h>.
 *
 * User space is the lower 2 GiB (TTBR0, TTBCR.N = 1). Every user access
 * is an unprivileged load or store (LDRT/STRT): the MMU checks it with
 * user permissions, so even a kernel address that slipped past
 * access_ok() faults instead of being read. Each such instruction has an
 * exception-table entry: on a fault the abort handler resumes at the fixup
 * and the primitive reports the failure.
 */
#ifndef _ASM_ARM_UACCESS_H
#define _ASM_ARM_UACCESS_H

#include <asm/page.h>

#define TASK_SIZE_MAX	(_AC(0x80000000, UL) - PAGE_SIZE)

#define __UACCESS_CLEAR_ERR "mov %[err], #0"

#include <asm-generic/uaccess.h>

__UACCESS_GET_USER(8, "ldrbt %[v], [%[src]]")
__UACCESS_GET_USER(32, "ldrt %[v], [%[src]]")

__UACCESS_PUT_USER(8, "strbt %[v], [%[dst]]")
__UACCESS_PUT_USER(32, "strt %[v], [%[dst]]")

/* Halfwords: LDRHT/STRHT are ARMv6T2, so two byte accesses (one page: aligned). */
static __always_inline int __arch_get_user_16(unsigned long *val, const void __user *src)
{
	unsigned long hi = 0;
	int err = __arch_get_user_8(val, src) ?: __arch_get_user_8(&hi, (const char __user *)src + 1);

	*val |= hi << 8;
	return err;
}

static __always_inline int __arch_put_user_16(unsigned long v, void __user *dst)
{
	return __arch_put_user_8(v & 0xff, dst) ?: __arch_put_user_8(v >> 8, (char __user *)dst + 1);
}

/*
 * <linux/uaccess.h> moves an 8-byte value as two words on 32-bit CPUs, so
 * these only complete __arch_get_user()'s size dispatch: one word.
 */
static __always_inline int __arch_get_user_64(unsigned long *val, const void __user *src)
{
	return __arch_get_user_32(val, src);
}

static __always_inline int __arch_put_user_64(unsigned long v, void __user *dst)
{
	return __arch_put_user_32(v, dst);
}

#endif /* _ASM_ARM_UACCESS_H */
