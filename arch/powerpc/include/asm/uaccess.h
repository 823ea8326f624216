/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 user-memory access primitives behind <linux/uaccess.h>.
 * User space is quadrant 0 of the radix MMU, translated through the
 * current process's tree; the kernel reaches it with plain loads and
 * stores. Every instruction here that touches user memory has an
 * exception-table entry (_ASM_EXTABLE): if it faults, the interrupt
 * handler resumes at the fixup instead of oopsing. The bulk copies are
 * lib/usercopy_words.c's (CONFIG_GENERIC_USERCOPY), in the 64-byte blocks
 * below.
 */
#ifndef _ASM_POWERPC_UACCESS_H
#define _ASM_POWERPC_UACCESS_H

#include <asm/page.h>

#define TASK_SIZE_MAX	((_AC(1, UL) << 47) - PAGE_SIZE)

#define __UACCESS_CLEAR_ERR "li %[err], 0"

/*
 * The accesses are indexed (X-form) with RA = 0: the compiler may give
 * the address in r0, which as the base of a D-form access means 0.
 */
#include <asm-generic/uaccess.h>

__UACCESS_GET_USER(8, "lbzx %[v], 0, %[src]")
__UACCESS_GET_USER(16, "lhzx %[v], 0, %[src]")
__UACCESS_GET_USER(32, "lwzx %[v], 0, %[src]")
__UACCESS_GET_USER(64, "ldx %[v], 0, %[src]")

__UACCESS_PUT_USER(8, "stbx %[v], 0, %[dst]")
__UACCESS_PUT_USER(16, "sthx %[v], 0, %[dst]")
__UACCESS_PUT_USER(32, "stwx %[v], 0, %[dst]")
__UACCESS_PUT_USER(64, "stdx %[v], 0, %[dst]")

/*
 * The 64-byte blocks of lib/usercopy_words.c's bulk copies and of
 * __clear_user() (CONFIG_GENERIC_USERCOPY): eight doubleword accesses
 * with D-form offsets (the "b" constraint keeps the base out of r0) and
 * one fixup. Both addresses 8-byte aligned. Return 0, or -EFAULT when a
 * user access faulted with part of the block done: the caller redoes the
 * block a word at a time to stop exactly at the fault. Never sleep but in
 * the fault.
 */
#define USER_COPY_BLOCK	64

#define __PPC_UACCESS_BLOCK_EXTABLE					\
	_ASM_EXTABLE(1b, 9b) _ASM_EXTABLE(2b, 9b)			\
	_ASM_EXTABLE(3b, 9b) _ASM_EXTABLE(4b, 9b)			\
	_ASM_EXTABLE(5b, 9b) _ASM_EXTABLE(6b, 9b)			\
	_ASM_EXTABLE(7b, 9b) _ASM_EXTABLE(8b, 9b)

#define __PPC_UACCESS_BLOCK_REGS					\
	[a] "=&r"(a), [b] "=&r"(b), [c] "=&r"(c), [d] "=&r"(d),		\
	[e] "=&r"(e), [f] "=&r"(f), [g] "=&r"(g), [h] "=&r"(h)

static __always_inline int __arch_copy_to_user_block(void __user *dst, const void *src)
{
	long err = -EFAULT;
	unsigned long a, b, c, d, e, f, g, h;

	__asm__ __volatile__("	ld %[a], 0(%[src])\n"
			     "	ld %[b], 8(%[src])\n"
			     "	ld %[c], 16(%[src])\n"
			     "	ld %[d], 24(%[src])\n"
			     "	ld %[e], 32(%[src])\n"
			     "	ld %[f], 40(%[src])\n"
			     "	ld %[g], 48(%[src])\n"
			     "	ld %[h], 56(%[src])\n"
			     "1:	std %[a], 0(%[dst])\n"
			     "2:	std %[b], 8(%[dst])\n"
			     "3:	std %[c], 16(%[dst])\n"
			     "4:	std %[d], 24(%[dst])\n"
			     "5:	std %[e], 32(%[dst])\n"
			     "6:	std %[f], 40(%[dst])\n"
			     "7:	std %[g], 48(%[dst])\n"
			     "8:	std %[h], 56(%[dst])\n"
			     "	li %[err], 0\n"
			     "9:\n"
			     __PPC_UACCESS_BLOCK_EXTABLE
			     : [err] "+r"(err), __PPC_UACCESS_BLOCK_REGS
			     : [dst] "b"(dst), [src] "b"(src)
			     : "memory");
	return (int)err;
}

static __always_inline int __arch_copy_from_user_block(void *dst, const void __user *src)
{
	long err = -EFAULT;
	unsigned long a, b, c, d, e, f, g, h;

	__asm__ __volatile__("1:	ld %[a], 0(%[src])\n"
			     "2:	ld %[b], 8(%[src])\n"
			     "3:	ld %[c], 16(%[src])\n"
			     "4:	ld %[d], 24(%[src])\n"
			     "5:	ld %[e], 32(%[src])\n"
			     "6:	ld %[f], 40(%[src])\n"
			     "7:	ld %[g], 48(%[src])\n"
			     "8:	ld %[h], 56(%[src])\n"
			     "	std %[a], 0(%[dst])\n"
			     "	std %[b], 8(%[dst])\n"
			     "	std %[c], 16(%[dst])\n"
			     "	std %[d], 24(%[dst])\n"
			     "	std %[e], 32(%[dst])\n"
			     "	std %[f], 40(%[dst])\n"
			     "	std %[g], 48(%[dst])\n"
			     "	std %[h], 56(%[dst])\n"
			     "	li %[err], 0\n"
			     "9:\n"
			     __PPC_UACCESS_BLOCK_EXTABLE
			     : [err] "+r"(err), __PPC_UACCESS_BLOCK_REGS
			     : [dst] "b"(dst), [src] "b"(src)
			     : "memory");
	return (int)err;
}

static __always_inline int __arch_clear_user_block(void __user *dst)
{
	long err = -EFAULT;

	__asm__ __volatile__("1:	std %[z], 0(%[dst])\n"
			     "2:	std %[z], 8(%[dst])\n"
			     "3:	std %[z], 16(%[dst])\n"
			     "4:	std %[z], 24(%[dst])\n"
			     "5:	std %[z], 32(%[dst])\n"
			     "6:	std %[z], 40(%[dst])\n"
			     "7:	std %[z], 48(%[dst])\n"
			     "8:	std %[z], 56(%[dst])\n"
			     "	li %[err], 0\n"
			     "9:\n"
			     __PPC_UACCESS_BLOCK_EXTABLE
			     : [err] "+r"(err)
			     : [dst] "b"(dst), [z] "r"(0UL)
			     : "memory");
	return (int)err;
}

#endif /* _ASM_POWERPC_UACCESS_H */
