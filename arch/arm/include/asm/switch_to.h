/* SPDX-License-Identifier: GPL-2.0-only */
/* 32-bit ARM context switch: callee-saved registers live in thread_struct. */
#ifndef _ASM_ARM_SWITCH_TO_H
#define _ASM_ARM_SWITCH_TO_H

#include <linux/types.h>

struct task_struct;

/*
 * Saved while switched out: r4-r11 (r11 is the frame pointer), the stack
 * pointer and the address to resume at (entry.S knows this layout), and
 * the lowest stack pointer the exception entry accepts before it declares
 * a kernel stack overflow (0: no check, the boot stack), and the thread's
 * TPIDRURO (the user TLS pointer __kuser_get_tls returns, read-only to
 * user mode), which __switch_to_asm saves and loads.
 */
struct thread_struct {
	unsigned long r4, r5, r6, r7, r8, r9, r10, fp;
	unsigned long sp, pc;
	unsigned long stack_limit;
	unsigned long tp_value;
};

/*
 * __switch_to_asm() - save prev's callee-saved registers, stack pointer and
 * TPIDRURO, load next's, and return prev in next's context. Interrupts
 * must be off.
 */
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);

/*
 * arch_setup_thread() - prepare a new task so that its first switch lands
 * in ret_from_kernel_thread, which calls schedule_tail(prev) then fn(arg)
 * and finally do_exit() with fn's result.
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg);

#endif /* _ASM_ARM_SWITCH_TO_H */
