// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 thread state: the initial kernel stack of a new task, what a
 * context switch changes besides the callee-saved registers (the user's
 * F/D registers), and the registers of a fresh program. The user's
 * thread pointer (tp) is in its pt_regs like every integer register.
 */
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/ptrace.h>
#include <asm/csr.h>
#include <asm/ptrace.h>

void ret_from_kernel_thread(void);
void ret_from_fork(void);

/* The frame __switch_to_asm() pops: ra, s0..s11 (and padding to 16 bytes). */
struct switch_frame {
	unsigned long ra, s[12], pad;
};

/*
 * Every task's stack keeps room for a struct pt_regs at its top (where a
 * trap from U-mode saves the registers), so a kernel thread can later
 * become a user process (kernel_execve() from init).
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	struct switch_frame *f = (struct switch_frame *)(stack_top - sizeof(struct pt_regs)) - 1;

	memset(f, 0, sizeof(*f));	/* s0 = 0: the end of backtraces */
	f->ra = (unsigned long)ret_from_kernel_thread;
	f->s[1] = (unsigned long)fn;
	f->s[2] = (unsigned long)arg;
	p->thread.sp = (unsigned long)f;
	/* A trap frame must fit above the stack's lowest address (entry.S). */
	p->thread.stack_guard = stack_top - THREAD_SIZE + PT_SIZE;
}

#ifdef CONFIG_USER_SPACE
#define SR_FS_INITIAL _UL(0x00002000)

int arch_copy_thread(struct task_struct *p, const struct pt_regs *parent_regs,
		     unsigned long newsp, unsigned long tls, bool set_tls)
{
	struct pt_regs *regs = task_pt_regs(p);
	struct switch_frame *f = (struct switch_frame *)regs - 1;

	*regs = *parent_regs;
	regs->a0 = 0;			/* the child's fork() returns 0 */
	regs->cause = -1UL;		/* not in a system call */
	if (newsp)
		regs->sp = newsp;
	if (set_tls)
		regs->tp = tls;
	memset(f, 0, sizeof(*f));
	f->ra = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)f;
	fpu_save_state(&p->thread.fp);	/* the parent's live registers */
	return 0;
}

void arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm)
		fpu_save_state(&prev->thread.fp);
	if (next->mm)
		fpu_load_state(&next->thread.fp);
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	unsigned long status = csr_read(sstatus);

	memset(regs, 0, sizeof(*regs));
	regs->epc = ip;
	regs->sp = sp;
	/* U-mode, interrupts on, FP usable; keep the read-only fields (UXL). */
	regs->status = (status & ~(SR_SPP | SR_SIE | SR_FS | SR_SUM)) | SR_SPIE | SR_FS_INITIAL;
	regs->cause = -1UL;
	memset(&current->thread.fp, 0, sizeof(current->thread.fp));
	fpu_load_state(&current->thread.fp);
}

int arch_set_tls(struct task_struct *p, unsigned long base)
{
	task_pt_regs(p)->tp = base;
	return 0;
}
#endif
