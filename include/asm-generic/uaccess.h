/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The part of every architecture's <asm/uaccess.h> that does not depend on
 * its instructions: the user-copy entry points each one implements, and
 * get_user()/put_user()'s single accesses built from one load or store
 * instruction per size.
 *
 * An architecture's <asm/uaccess.h> defines TASK_SIZE_MAX and, before
 * including this file:
 *   __UACCESS_CLEAR_ERR	asm that sets %[err] to 0 (runs only when the
 *				access did not fault);
 * and may define
 *   __UACCESS_BEGIN, __UACCESS_END
 *				asm around the access, e.g. to open user
 *				access (END also runs after a fault);
 *   __UACCESS_INPUTS	extra asm input operands they use, each
 *				starting with a comma.
 * It then instantiates __UACCESS_GET_USER(bits, load) and
 * __UACCESS_PUT_USER(bits, store) for 8, 16, 32 and 64 bits, where load
 * reads %[src] into %[v] (zero-extended) and store writes %[v] to %[dst].
 */
#ifndef _ASM_GENERIC_UACCESS_H
#define _ASM_GENERIC_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/compiler_types.h>
#include <linux/errno.h>
#include <asm/extable.h>

#ifndef __UACCESS_BEGIN
#define __UACCESS_BEGIN ""
#endif
#ifndef __UACCESS_END
#define __UACCESS_END ""
#endif
#ifndef __UACCESS_INPUTS
#define __UACCESS_INPUTS
#endif

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
 * One load or store of 1, 2, 4 or 8 bytes, with an exception-table entry:
 * the error starts as -EFAULT and is cleared by the instruction after the
 * access, which the fixup skips. A faulting load leaves the value 0.
 * Returns 0 or -EFAULT; no range check (access_ok() is the caller's).
 */
#define __UACCESS_GET_USER(bits, load)					\
static __always_inline int __arch_get_user_##bits(unsigned long *val,	\
						  const void __user *src) \
{									\
	long err = -EFAULT;						\
	unsigned long v = 0;						\
									\
	__asm__ __volatile__(__UACCESS_BEGIN				\
			     "1:	" load "\n"			\
			     "	" __UACCESS_CLEAR_ERR "\n"		\
			     "2:	" __UACCESS_END "\n"		\
			     _ASM_EXTABLE(1b, 2b)			\
			     : [err] "+r"(err), [v] "+r"(v)		\
			     : [src] "r"(src) __UACCESS_INPUTS		\
			     : "memory");				\
	*val = v;							\
	return (int)err;						\
}

#define __UACCESS_PUT_USER(bits, store)					\
static __always_inline int __arch_put_user_##bits(unsigned long v,	\
						  void __user *dst)	\
{									\
	long err = -EFAULT;						\
									\
	__asm__ __volatile__(__UACCESS_BEGIN				\
			     "1:	" store "\n"			\
			     "	" __UACCESS_CLEAR_ERR "\n"		\
			     "2:	" __UACCESS_END "\n"		\
			     _ASM_EXTABLE(1b, 2b)			\
			     : [err] "+r"(err)				\
			     : [v] "r"(v), [dst] "r"(dst) __UACCESS_INPUTS \
			     : "memory");				\
	return (int)err;						\
}

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

#endif /* _ASM_GENERIC_UACCESS_H */
