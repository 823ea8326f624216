/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 user-memory access primitives behind <linux/uaccess.h>.
 *
 * User space is the lower half (TTBR0_EL1); TASK_SIZE_MAX stops at 2^47
 * minus a page, as on x86-64, so that one limit serves every 48-bit port.
 * Every user access is an unprivileged load or store (LDTR/STTR): the MMU
 * checks it with EL0's permissions, so even a kernel address that slipped
 * past access_ok() faults instead of being read. Each such instruction
 * has an exception-table entry: on a fault the abort handler resumes at the
 * fixup and the primitive reports the failure.
 */
#ifndef _ASM_ARM64_UACCESS_H
#define _ASM_ARM64_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/compiler_types.h>
#include <linux/errno.h>
#include <asm/page.h>
#include <asm/extable.h>

#define TASK_SIZE_MAX	((_AC(1, UL) << 47) - PAGE_SIZE)

/*
 * raw_copy_from_user()/raw_copy_to_user() - copy @n bytes with no range
 * check. Return the number of bytes NOT copied (0 on success); on a fault
 * the bytes before the faulting one are copied. Never sleep except in the
 * fault itself.
 */
unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long raw_copy_to_user(void __user *to, const void *from, unsigned long n);

/* Zero @n user bytes with no range check; returns the bytes NOT zeroed. */
unsigned long __clear_user(void __user *to, unsigned long n);

/*
 * One load or store of 1, 2, 4 or 8 bytes. The error starts as -EFAULT and
 * is cleared by the instruction after the access, which the fixup skips.
 * A faulting load leaves the value 0.
 */
#define __ARCH_GET_USER(bits, load)					\
static __always_inline int __arch_get_user_##bits(unsigned long *val,	\
						  const void __user *src) \
{									\
	int err = -EFAULT;						\
	unsigned long v = 0;						\
									\
	__asm__ __volatile__("1:	" load "\n"			\
			     "	mov %w[err], #0\n"			\
			     "2:\n"					\
			     _ASM_EXTABLE(1b, 2b)			\
			     : [err] "+r"(err), [v] "+r"(v)		\
			     : [src] "r"(src)				\
			     : "memory");				\
	*val = v;							\
	return err;							\
}

__ARCH_GET_USER(8, "ldtrb %w[v], [%[src]]")
__ARCH_GET_USER(16, "ldtrh %w[v], [%[src]]")
__ARCH_GET_USER(32, "ldtr %w[v], [%[src]]")
__ARCH_GET_USER(64, "ldtr %x[v], [%[src]]")

#define __ARCH_PUT_USER(bits, store)					\
static __always_inline int __arch_put_user_##bits(unsigned long v,	\
						  void __user *dst)	\
{									\
	int err = -EFAULT;						\
									\
	__asm__ __volatile__("1:	" store "\n"			\
			     "	mov %w[err], #0\n"			\
			     "2:\n"					\
			     _ASM_EXTABLE(1b, 2b)			\
			     : [err] "+r"(err)				\
			     : [v] "r"(v), [dst] "r"(dst)		\
			     : "memory");				\
	return err;							\
}

__ARCH_PUT_USER(8, "sttrb %w[v], [%[dst]]")
__ARCH_PUT_USER(16, "sttrh %w[v], [%[dst]]")
__ARCH_PUT_USER(32, "sttr %w[v], [%[dst]]")
__ARCH_PUT_USER(64, "sttr %x[v], [%[dst]]")

#undef __ARCH_GET_USER
#undef __ARCH_PUT_USER

/* Called for a get_user()/put_user() of an unsupported size: never defined. */
extern int __uaccess_bad_size(void);

#define __arch_get_user(val, ptr, size)					\
	((size) == 1 ? __arch_get_user_8(val, ptr) :			\
	 (size) == 2 ? __arch_get_user_16(val, ptr) :			\
	 (size) == 4 ? __arch_get_user_32(val, ptr) :			\
	 (size) == 8 ? __arch_get_user_64(val, ptr) :			\
	 __uaccess_bad_size())

#define __arch_put_user(val, ptr, size)					\
	((size) == 1 ? __arch_put_user_8(val, ptr) :			\
	 (size) == 2 ? __arch_put_user_16(val, ptr) :			\
	 (size) == 4 ? __arch_put_user_32(val, ptr) :			\
	 (size) == 8 ? __arch_put_user_64(val, ptr) :			\
	 __uaccess_bad_size())

#endif /* _ASM_ARM64_UACCESS_H */
