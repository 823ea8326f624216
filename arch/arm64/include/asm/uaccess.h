/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 user-memory access primitives behind <linux/uaccess.h>.
 *
 * User space is what TTBR0_EL1 translates, 2^USER_VA_BITS (39 bits,
 * 512 GiB); TASK_SIZE_MAX stops a page short of it, as on x86-64.
 * Every user access is an unprivileged load or store (LDTR/STTR): the MMU
 * checks it with EL0's permissions, so even a kernel address that slipped
 * past access_ok() faults instead of being read. Each such instruction
 * has an exception-table entry: on a fault the abort handler resumes at the
 * fixup and the primitive reports the failure.
 */
#ifndef _ASM_ARM64_UACCESS_H
#define _ASM_ARM64_UACCESS_H

#include <asm/page.h>

#define TASK_SIZE_MAX	((_AC(1, UL) << USER_VA_BITS) - PAGE_SIZE)

#define __UACCESS_CLEAR_ERR "mov %w[err], #0"

#include <asm-generic/uaccess.h>

__UACCESS_GET_USER(8, "ldtrb %w[v], [%[src]]")
__UACCESS_GET_USER(16, "ldtrh %w[v], [%[src]]")
__UACCESS_GET_USER(32, "ldtr %w[v], [%[src]]")
__UACCESS_GET_USER(64, "ldtr %x[v], [%[src]]")

__UACCESS_PUT_USER(8, "sttrb %w[v], [%[dst]]")
__UACCESS_PUT_USER(16, "sttrh %w[v], [%[dst]]")
__UACCESS_PUT_USER(32, "sttr %w[v], [%[dst]]")
__UACCESS_PUT_USER(64, "sttr %x[v], [%[dst]]")

/*
 * The 64-byte blocks of lib/usercopy_words.c's bulk copies (and of
 * __clear_user()): eight
 * unprivileged 8-byte accesses on the user side, pairs on the kernel
 * side, a quarter of the instructions of eight put_user()s (which counts
 * under QEMU's TCG, where a guest instruction costs the same whatever it
 * moves; Linux's copy_to_user() unrolls the same way). Both addresses
 * must be 8-byte aligned. Return 0, or -EFAULT when a user access
 * faulted, with some of the block copied: the caller redoes the block
 * with single words to stop exactly at the fault. Never sleep but in the
 * fault.
 */
#define USER_COPY_BLOCK	64

#define __ARM64_UACCESS_BLOCK_EXTABLE					\
	_ASM_EXTABLE(1b, 9b) _ASM_EXTABLE(2b, 9b)			\
	_ASM_EXTABLE(3b, 9b) _ASM_EXTABLE(4b, 9b)			\
	_ASM_EXTABLE(5b, 9b) _ASM_EXTABLE(6b, 9b)			\
	_ASM_EXTABLE(7b, 9b) _ASM_EXTABLE(8b, 9b)

#define __ARM64_UACCESS_BLOCK_REGS					\
	[a] "=&r"(a), [b] "=&r"(b), [c] "=&r"(c), [d] "=&r"(d),		\
	[e] "=&r"(e), [f] "=&r"(f), [g] "=&r"(g), [h] "=&r"(h)

static __always_inline int __arch_copy_to_user_block(void __user *dst, const void *src)
{
	long err = -EFAULT;
	unsigned long a, b, c, d, e, f, g, h;

	__asm__ __volatile__("	ldp %[a], %[b], [%[src]]\n"
			     "	ldp %[c], %[d], [%[src], #16]\n"
			     "	ldp %[e], %[f], [%[src], #32]\n"
			     "	ldp %[g], %[h], [%[src], #48]\n"
			     "1:	sttr %[a], [%[dst]]\n"
			     "2:	sttr %[b], [%[dst], #8]\n"
			     "3:	sttr %[c], [%[dst], #16]\n"
			     "4:	sttr %[d], [%[dst], #24]\n"
			     "5:	sttr %[e], [%[dst], #32]\n"
			     "6:	sttr %[f], [%[dst], #40]\n"
			     "7:	sttr %[g], [%[dst], #48]\n"
			     "8:	sttr %[h], [%[dst], #56]\n"
			     "	mov %[err], #0\n"
			     "9:\n"
			     __ARM64_UACCESS_BLOCK_EXTABLE
			     : [err] "+r"(err), __ARM64_UACCESS_BLOCK_REGS
			     : [dst] "r"(dst), [src] "r"(src)
			     : "memory");
	return (int)err;
}

static __always_inline int __arch_clear_user_block(void __user *dst)
{
	long err = -EFAULT;

	__asm__ __volatile__("1:	sttr xzr, [%[dst]]\n"
			     "2:	sttr xzr, [%[dst], #8]\n"
			     "3:	sttr xzr, [%[dst], #16]\n"
			     "4:	sttr xzr, [%[dst], #24]\n"
			     "5:	sttr xzr, [%[dst], #32]\n"
			     "6:	sttr xzr, [%[dst], #40]\n"
			     "7:	sttr xzr, [%[dst], #48]\n"
			     "8:	sttr xzr, [%[dst], #56]\n"
			     "	mov %[err], #0\n"
			     "9:\n"
			     __ARM64_UACCESS_BLOCK_EXTABLE
			     : [err] "+r"(err)
			     : [dst] "r"(dst)
			     : "memory");
	return (int)err;
}

static __always_inline int __arch_copy_from_user_block(void *dst, const void __user *src)
{
	long err = -EFAULT;
	unsigned long a, b, c, d, e, f, g, h;

	__asm__ __volatile__("1:	ldtr %[a], [%[src]]\n"
			     "2:	ldtr %[b], [%[src], #8]\n"
			     "3:	ldtr %[c], [%[src], #16]\n"
			     "4:	ldtr %[d], [%[src], #24]\n"
			     "5:	ldtr %[e], [%[src], #32]\n"
			     "6:	ldtr %[f], [%[src], #40]\n"
			     "7:	ldtr %[g], [%[src], #48]\n"
			     "8:	ldtr %[h], [%[src], #56]\n"
			     "	stp %[a], %[b], [%[dst]]\n"
			     "	stp %[c], %[d], [%[dst], #16]\n"
			     "	stp %[e], %[f], [%[dst], #32]\n"
			     "	stp %[g], %[h], [%[dst], #48]\n"
			     "	mov %[err], #0\n"
			     "9:\n"
			     __ARM64_UACCESS_BLOCK_EXTABLE
			     : [err] "+r"(err), __ARM64_UACCESS_BLOCK_REGS
			     : [dst] "r"(dst), [src] "r"(src)
			     : "memory");
	return (int)err;
}

#endif /* _ASM_ARM64_UACCESS_H */
