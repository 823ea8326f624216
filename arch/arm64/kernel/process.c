// SPDX-License-Identifier: GPL-2.0-only
/* arm64 thread creation: the saved context a new task starts from. */
#include <linux/sched.h>
#include <linux/string.h>

void ret_from_kernel_thread(void);

void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	memset(&p->thread, 0, sizeof(p->thread));
	p->thread.x19 = (unsigned long)fn;
	p->thread.x20 = (unsigned long)arg;
	p->thread.sp = stack_top;
	p->thread.pc = (unsigned long)ret_from_kernel_thread;
	/* An exception frame must fit above the guard page. */
	p->thread.stack_limit = (unsigned long)p->stack;
}
