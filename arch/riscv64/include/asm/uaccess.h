/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 user-memory access primitives behind <linux/uaccess.h>.
 *
 * User space is the lower half of the Sv39 address space (256 GiB);
 * TASK_SIZE_MAX stops one page short of its end. The kernel may touch
 * user pages only while sstatus.SUM is set, so every primitive sets it
 * around its accesses and clears it again, on the fault path too. Every
 * instruction here that touches user memory has an exception-table entry
 * (_ASM_EXTABLE): if it faults, the trap handler resumes at the fixup
 * instead of oopsing, and the primitive reports the failure.
 */
#ifndef _ASM_RISCV_UACCESS_H
#define _ASM_RISCV_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/compiler_types.h>
#include <linux/errno.h>
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/extable.h>

#define TASK_SIZE_MAX	((_AC(1, UL) << 38) - PAGE_SIZE)

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
#define __ARCH_GET_USER(bits, insn)					\
static __always_inline int __arch_get_user_##bits(unsigned long *val,	\
						  const void __user *src) \
{									\
	long err = -EFAULT;						\
	unsigned long v = 0;						\
									\
	__asm__ __volatile__("	csrs sstatus, %[sum]\n"			\
			     "1:	" insn " %[v], 0(%[src])\n"	\
			     "	li %[err], 0\n"				\
			     "2:	csrc sstatus, %[sum]\n"		\
			     _ASM_EXTABLE(1b, 2b)			\
			     : [err] "+r"(err), [v] "+r"(v)		\
			     : [src] "r"(src), [sum] "r"(SR_SUM)	\
			     : "memory");				\
	*val = v;							\
	return (int)err;						\
}

__ARCH_GET_USER(8, "lbu")
__ARCH_GET_USER(16, "lhu")
__ARCH_GET_USER(32, "lwu")
__ARCH_GET_USER(64, "ld")

#define __ARCH_PUT_USER(bits, insn)					\
static __always_inline int __arch_put_user_##bits(unsigned long v,	\
						  void __user *dst)	\
{									\
	long err = -EFAULT;						\
									\
	__asm__ __volatile__("	csrs sstatus, %[sum]\n"			\
			     "1:	" insn " %[v], 0(%[dst])\n"	\
			     "	li %[err], 0\n"				\
			     "2:	csrc sstatus, %[sum]\n"		\
			     _ASM_EXTABLE(1b, 2b)			\
			     : [err] "+r"(err)				\
			     : [v] "r"(v), [dst] "r"(dst), [sum] "r"(SR_SUM) \
			     : "memory");				\
	return (int)err;						\
}

__ARCH_PUT_USER(8, "sb")
__ARCH_PUT_USER(16, "sh")
__ARCH_PUT_USER(32, "sw")
__ARCH_PUT_USER(64, "sd")

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

#endif /* _ASM_RISCV_UACCESS_H */
