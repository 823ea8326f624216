// SPDX-License-Identifier: GPL-2.0-only
/*
 * Faults on user addresses, for every architecture: the arch's fault
 * handler decodes the exception into FAULT_FLAG_* flags and calls
 * do_user_fault(), which resolves it through mm/memory.c (demand paging,
 * copy on write). A fault it cannot resolve sends SIGSEGV when it came
 * from user mode; from the kernel (a copy_to_user() on a bad pointer) it
 * goes back to the arch, whose exception table turns it into -EFAULT.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/uaccess.h>

bool user_fault_signal(struct pt_regs *regs, unsigned long addr, int ret, unsigned long err)
{
	struct task_struct *tsk = current;

	if (!user_mode(regs))
		return false;
	if (ret == -ENOMEM) {
		pr_err("Out of memory: killed process %d (%s)\n", tsk->pid, tsk->comm);
		force_sig(SIGKILL);
		return true;
	}
	pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n", tsk->comm, tsk->pid,
		addr, instruction_pointer(regs), user_stack_pointer(regs), err);
	force_sig_fault(SIGSEGV, ret == -EACCES ? SEGV_ACCERR : SEGV_MAPERR, addr);
	return true;
}

bool do_user_fault(struct pt_regs *regs, unsigned long addr, unsigned int flags,
		   unsigned long err)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk ? tsk->mm : NULL;
	int ret;

	if (!mm)
		return user_fault_signal(regs, addr, -EFAULT, err);
	/* Only sleep if the interrupted code could have. */
	if (!user_mode(regs) && (regs_irqs_disabled(regs) || preempt_count()))
		return false;
	if (addr >= TASK_SIZE_MAX)
		return user_fault_signal(regs, addr, -EFAULT, err);
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	local_irq_enable();
	ret = handle_user_page_fault(mm, addr, flags);
	local_irq_disable();
	return ret ? user_fault_signal(regs, addr, ret, err) : true;
}
