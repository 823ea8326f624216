// SPDX-License-Identifier: GPL-2.0-only
/* riscv64 thread creation: the initial kernel stack of a new task. */
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/ptrace.h>

void ret_from_kernel_thread(void);

/* The frame __switch_to_asm() pops: ra, s0..s11 (and padding to 16 bytes). */
struct switch_frame {
	unsigned long ra, s[12], pad;
};

void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	struct switch_frame *f = (struct switch_frame *)(stack_top - sizeof(*f));

	memset(f, 0, sizeof(*f));	/* s0 = 0: the end of backtraces */
	f->ra = (unsigned long)ret_from_kernel_thread;
	f->s[1] = (unsigned long)fn;
	f->s[2] = (unsigned long)arg;
	p->thread.sp = (unsigned long)f;
	/* A trap frame must fit above the stack's lowest address (entry.S). */
	p->thread.stack_guard = stack_top - THREAD_SIZE + PT_SIZE;
}
