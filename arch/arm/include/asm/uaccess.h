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

/*
 * The 16-byte blocks of lib/usercopy_words.c's bulk copies and of
 * __clear_user(): four unprivileged word accesses (LDRT/STRT take only a
 * post-indexed address, so they walk a copy of the user pointer) and
 * plain ones on the kernel side, a third of the instructions of four
 * put_user()s. Both addresses word-aligned. Return 0, or -EFAULT when a
 * user access faulted with part of the block done: the caller redoes it
 * a word at a time. Never sleep but in the fault.
 */
#define USER_COPY_BLOCK	16

#define __ARM_UACCESS_BLOCK_EXTABLE					\
	_ASM_EXTABLE(1b, 5b) _ASM_EXTABLE(2b, 5b)			\
	_ASM_EXTABLE(3b, 5b) _ASM_EXTABLE(4b, 5b)

static __always_inline int __arch_copy_to_user_block(void __user *dst, const void *src)
{
	long err = -EFAULT;
	unsigned long a, b, c, d;
	void __user *p = dst;

	__asm__ __volatile__("	ldr %[a], [%[src]]\n"
			     "	ldr %[b], [%[src], #4]\n"
			     "	ldr %[c], [%[src], #8]\n"
			     "	ldr %[d], [%[src], #12]\n"
			     "1:	strt %[a], [%[p]], #4\n"
			     "2:	strt %[b], [%[p]], #4\n"
			     "3:	strt %[c], [%[p]], #4\n"
			     "4:	strt %[d], [%[p]], #4\n"
			     "	mov %[err], #0\n"
			     "5:\n"
			     __ARM_UACCESS_BLOCK_EXTABLE
			     : [err] "+r"(err), [p] "+r"(p), [a] "=&r"(a), [b] "=&r"(b),
			       [c] "=&r"(c), [d] "=&r"(d)
			     : [src] "r"(src)
			     : "memory");
	return (int)err;
}

static __always_inline int __arch_copy_from_user_block(void *dst, const void __user *src)
{
	long err = -EFAULT;
	unsigned long a, b, c, d;
	const void __user *p = src;

	__asm__ __volatile__("1:	ldrt %[a], [%[p]], #4\n"
			     "2:	ldrt %[b], [%[p]], #4\n"
			     "3:	ldrt %[c], [%[p]], #4\n"
			     "4:	ldrt %[d], [%[p]], #4\n"
			     "	str %[a], [%[dst]]\n"
			     "	str %[b], [%[dst], #4]\n"
			     "	str %[c], [%[dst], #8]\n"
			     "	str %[d], [%[dst], #12]\n"
			     "	mov %[err], #0\n"
			     "5:\n"
			     __ARM_UACCESS_BLOCK_EXTABLE
			     : [err] "+r"(err), [p] "+r"(p), [a] "=&r"(a), [b] "=&r"(b),
			       [c] "=&r"(c), [d] "=&r"(d)
			     : [dst] "r"(dst)
			     : "memory");
	return (int)err;
}

static __always_inline int __arch_clear_user_block(void __user *dst)
{
	long err = -EFAULT;
	unsigned long zero = 0;
	void __user *p = dst;

	__asm__ __volatile__("1:	strt %[z], [%[p]], #4\n"
			     "2:	strt %[z], [%[p]], #4\n"
			     "3:	strt %[z], [%[p]], #4\n"
			     "4:	strt %[z], [%[p]], #4\n"
			     "	mov %[err], #0\n"
			     "5:\n"
			     __ARM_UACCESS_BLOCK_EXTABLE
			     : [err] "+r"(err), [p] "+r"(p)
			     : [z] "r"(zero)
			     : "memory");
	return (int)err;
}

#endif /* _ASM_ARM_UACCESS_H */
