// SPDX-License-Identifier: GPL-2.0-only
/*
 * The generic part of every return to user mode (after a system call, an
 * exception or an interrupt that came from user mode): the work that must
 * be done before user code runs again.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

void exit_to_user_mode(struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	if (unlikely(tsk->set_child_tid)) {
		/* CLONE_CHILD_SETTID: the child stores its tid before running. */
		int __user *p = tsk->set_child_tid;

		tsk->set_child_tid = NULL;
		put_user(tsk->pid, p);
	}
	for (;;) {
		local_irq_disable();
		if (READ_ONCE(this_cpu()->need_resched)) {
			local_irq_enable();
			schedule();
			continue;
		}
		if (signal_pending(tsk)) {
			local_irq_enable();
			do_signal(regs);
			continue;
		}
		return;
	}
}
