// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 user copies. Each user access is one string instruction or one
 * mov with an exception-table entry. A copy moves 8 bytes at a time
 * ("rep movsq", then "rep movsb" for the tail): QEMU's TCG runs a string
 * instruction one element at a time, so bytes would cost eight times the
 * iterations. A fault in "rep movsq" leaves in %rcx the words not yet
 * done and %rsi/%rdi at the one that faulted, whose first bytes may
 * still be reachable: the fixup turns what is left into bytes and
 * resumes with "rep movsb", which stops exactly at the faulting byte and
 * leaves in %rcx the bytes not done, the value the Linux API returns.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>
#include <asm/extable.h>

static noinline unsigned long copy_user_generic(void *to, const void *from,
						unsigned long n)
{
	unsigned long tail = n & 7;

	n >>= 3;
	__asm__ __volatile__("1:	rep movsq\n"
			     "	movq %[tail], %%rcx\n"
			     "2:	rep movsb\n"
			     "	jmp 4f\n"
			     "3:	leaq (%[tail], %%rcx, 8), %%rcx\n"	/* fault in 1b */
			     "	jmp 2b\n"
			     "4:\n"
			     _ASM_EXTABLE(1b, 3b)
			     _ASM_EXTABLE(2b, 4b)
			     : "+c"(n), "+D"(to), "+S"(from)
			     : [tail] "r"(tail)
			     : "memory");
	return n;
}

unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return copy_user_generic(to, (__force const void *)from, n);
}

unsigned long raw_copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return copy_user_generic((__force void *)to, from, n);
}

/* As copy_user_generic(): "rep stosq", then bytes, and bytes after a fault. */
unsigned long __clear_user(void __user *to, unsigned long n)
{
	unsigned long tail = n & 7;

	n >>= 3;
	__asm__ __volatile__("1:	rep stosq\n"
			     "	movq %[tail], %%rcx\n"
			     "2:	rep stosb\n"
			     "	jmp 4f\n"
			     "3:	leaq (%[tail], %%rcx, 8), %%rcx\n"	/* fault in 1b */
			     "	jmp 2b\n"
			     "4:\n"
			     _ASM_EXTABLE(1b, 3b)
			     _ASM_EXTABLE(2b, 4b)
			     : "+c"(n), "+D"(to)
			     : "a"(0), [tail] "r"(tail)
			     : "memory");
	return n;
}
