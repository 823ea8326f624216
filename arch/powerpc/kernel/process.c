// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 thread state: the initial kernel stack of a new task. (User
 * processes, fork and their registers come with user space.)
 */
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/ptrace.h>
#include <asm/ptrace.h>

void ret_from_kernel_thread(void);

/*
 * The frame __switch_to_asm() pops (entry.S): a minimum frame, r14..r31,
 * CR and padding, then the caller's minimum frame, where the return
 * address sits at offset 16.
 */
struct switch_frame {
	unsigned long min[4];
	unsigned long gpr[18];		/* r14..r31 */
	unsigned long cr, pad;
	unsigned long caller_backchain, caller_cr, caller_lr, caller_toc;
};

/*
 * Every task's stack keeps room for a struct pt_regs at its top (where an
 * interrupt from user mode will save the registers).
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	struct switch_frame *f = (struct switch_frame *)(stack_top - sizeof(struct pt_regs)) - 1;

	memset(f, 0, sizeof(*f));	/* caller_backchain = 0: the end of backtraces */
	f->caller_lr = (unsigned long)ret_from_kernel_thread;
	f->gpr[0] = (unsigned long)fn;	/* r14 */
	f->gpr[1] = (unsigned long)arg;	/* r15 */
	p->thread.sp = (unsigned long)f;
	p->thread.stack_guard = stack_top - THREAD_SIZE;
}
