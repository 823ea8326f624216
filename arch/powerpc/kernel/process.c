// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 thread state: the initial kernel stack of a new task or
 * forked process, what a context switch changes besides the callee-saved
 * registers (the user's FP, VMX and VSX registers), and the registers of a
 * freshly exec'd program. The user's thread pointer is r13, saved in
 * pt_regs on every entry like the other general registers.
 */
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/ptrace.h>
#include <asm/ptrace.h>
#include <asm/reg.h>
#include <asm/syscall.h>

void ret_from_kernel_thread(void);
void ret_from_fork(void);

/*
 * The frame __switch_to_asm() pops (entry.S): a minimum frame, r14..r31,
 * CR and padding, then the caller's minimum frame, where the return
 * address sits at offset 16. It lies right below the pt_regs at the
 * stack's top, so the caller's frame is also the frame entry.S pushes on
 * entry from user mode.
 */
struct switch_frame {
	unsigned long min[4];
	unsigned long gpr[18];		/* r14..r31 */
	unsigned long cr, pad;
	unsigned long caller_backchain, caller_cr, caller_lr, caller_toc;
};

static struct switch_frame *new_switch_frame(struct task_struct *p, unsigned long stack_top,
					     void (*resume)(void))
{
	struct switch_frame *f = (struct switch_frame *)(stack_top - sizeof(struct pt_regs)) - 1;

	memset(f, 0, sizeof(*f));	/* caller_backchain = 0: the end of backtraces */
	f->caller_lr = (unsigned long)resume;
	p->thread.sp = (unsigned long)f;
	p->thread.stack_guard = stack_top - THREAD_SIZE;
	return f;
}

/*
 * Every task's stack keeps room for a struct pt_regs at its top (where an
 * interrupt from user mode saves the registers), so a kernel thread can
 * later become a user process (kernel_execve() from init).
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	struct switch_frame *f = new_switch_frame(p, stack_top, ret_from_kernel_thread);

	f->gpr[0] = (unsigned long)fn;	/* r14 */
	f->gpr[1] = (unsigned long)arg;	/* r15 */
}

int arch_copy_thread(struct task_struct *p, const struct pt_regs *parent_regs,
		     unsigned long newsp, unsigned long tls, bool set_tls)
{
	struct pt_regs *regs = task_pt_regs(p);

	*regs = *parent_regs;
	syscall_set_return_value(regs, 0);	/* the child's fork() returns 0 */
	syscall_forget(regs);
	if (newsp)
		regs->gpr[1] = newsp;
	if (set_tls)
		regs->gpr[13] = tls;
	new_switch_frame(p, (unsigned long)p->stack + THREAD_SIZE, ret_from_fork);
	fp_save_state(&p->thread.fp);	/* the parent's live registers */
	return 0;
}

void arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm)
		fp_save_state(&prev->thread.fp);
	if (next->mm)
		fp_load_state(&next->thread.fp);
}

/*
 * The ELFv2 process start: r1 at argc (16-byte aligned), r12 at the entry
 * point (its global entry computes the TOC from it), the rest zero.
 */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->nip = ip;
	regs->gpr[12] = ip;
	regs->gpr[1] = sp;
	regs->msr = MSR_USER;
	memset(&current->thread.fp, 0, sizeof(current->thread.fp));
	fp_load_state(&current->thread.fp);
}

int arch_set_tls(struct task_struct *p, unsigned long base)
{
	task_pt_regs(p)->gpr[13] = base;
	return 0;
}
