// SPDX-License-Identifier: GPL-2.0-only
/*
 * stack_trace_save() on x86-64: the kernel keeps frame pointers, so each
 * frame holds the caller's %rbp at [%rbp] and the return address above
 * it. The walk stays inside the current task's stack (or, on the boot
 * stack, within THREAD_SIZE of where it starts) and needs each frame to
 * be above the last, so a corrupt chain ends it instead of faulting.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/stacktrace.h>

unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr)
{
	unsigned long fp = (unsigned long)__builtin_frame_address(0);
	unsigned long lo = fp, hi = fp + THREAD_SIZE;
	struct task_struct *t = current;
	unsigned int n = 0, depth = 0;

	if (t && t->stack && fp >= (unsigned long)t->stack &&
	    fp < (unsigned long)t->stack + THREAD_SIZE)
		hi = (unsigned long)t->stack + THREAD_SIZE;
	while (n < size && fp >= lo && fp + 16 <= hi && !(fp & 7)) {
		unsigned long ret = ((unsigned long *)fp)[1];

		if (!ret)
			break;
		if (++depth > skipnr)
			store[n++] = ret;
		lo = fp + 16;
		fp = ((unsigned long *)fp)[0];
	}
	return n;
}
