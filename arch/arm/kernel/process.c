// SPDX-License-Identifier: GPL-2.0-only
/* 32-bit ARM thread state: the saved context a new task starts from. */
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/ptrace.h>

void ret_from_kernel_thread(void);

/*
 * Every task's stack keeps room for a struct pt_regs at its top (where
 * entry from user mode saves the registers), so a kernel thread can later
 * become a user process (kernel_execve() from init).
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	memset(&p->thread, 0, sizeof(p->thread));
	p->thread.r4 = (unsigned long)fn;
	p->thread.r5 = (unsigned long)arg;
	p->thread.sp = stack_top - sizeof(struct pt_regs);
	p->thread.pc = (unsigned long)ret_from_kernel_thread;
	/* An exception frame must fit above the guard page. */
	p->thread.stack_limit = (unsigned long)p->stack;
}
