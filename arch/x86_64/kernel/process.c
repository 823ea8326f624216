// SPDX-License-Identifier: GPL-2.0-only
/* x86-64 thread creation: the initial kernel stack of a new task. */
#include <linux/sched.h>
#include <linux/string.h>

void ret_from_kernel_thread(void);

/* The frame __switch_to_asm() pops: r15 r14 r13 r12 rbx rbp, then ret. */
struct switch_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp, ret;
};

void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	struct switch_frame *f = (struct switch_frame *)(stack_top - sizeof(*f));

	memset(f, 0, sizeof(*f));
	f->rbx = (unsigned long)fn;
	f->r12 = (unsigned long)arg;
	f->ret = (unsigned long)ret_from_kernel_thread;
	p->thread.sp = (unsigned long)f;
}
