// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 page faults on user addresses: decode the error code and hand the
 * fault to the generic memory code (mm/memory.c). A fault it cannot
 * resolve sends SIGSEGV when it came from user mode; from the kernel (a
 * copy_to_user() on a bad pointer) it goes back to traps.c, whose
 * exception table turns it into -EFAULT.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

#define PF_PROT (1UL << 0)
#define PF_WRITE (1UL << 1)
#define PF_USER (1UL << 2)
#define PF_RSVD (1UL << 3)
#define PF_INSTR (1UL << 4)

static void report_segfault(struct pt_regs *regs, unsigned long addr, unsigned long err)
{
	pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n", current->comm,
		current->pid, addr, regs->rip, regs->rsp, err);
}

bool do_user_addr_fault(struct pt_regs *regs, unsigned long addr, unsigned long err)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk ? tsk->mm : NULL;
	unsigned int flags = 0;
	int ret = -EFAULT;

	if (!mm) {
		if (!user_mode(regs))
			return false;
		goto bad;
	}
	/* Only sleep if the interrupted code could have. */
	if (!user_mode(regs) && (!(regs->rflags & X86_EFLAGS_IF) || preempt_count()))
		return false;
	if (addr >= TASK_SIZE_MAX || (err & PF_RSVD))
		goto bad;
	if (err & PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (err & PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	local_irq_enable();
	ret = handle_user_page_fault(mm, addr, flags);
	local_irq_disable();
	if (!ret)
		return true;
bad:
	if (!user_mode(regs))
		return false;
	if (ret == -ENOMEM) {
		pr_err("Out of memory: killed process %d (%s)\n", tsk->pid, tsk->comm);
		force_sig(SIGKILL);
		return true;
	}
	report_segfault(regs, addr, err);
	force_sig_fault(SIGSEGV, ret == -EACCES ? SEGV_ACCERR : SEGV_MAPERR, addr);
	return true;
}
