// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 thread state: the saved context a new task starts from, what a
 * context switch changes besides the callee-saved registers (the user's
 * TLS register and FP/SIMD state), and the registers of a fresh program.
 */
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/ptrace.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

void ret_from_kernel_thread(void);
void ret_from_fork(void);

/*
 * Every task's stack keeps room for a struct pt_regs at its top (where
 * entry from EL0 saves the registers), so a kernel thread can later
 * become a user process (kernel_execve() from init).
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	memset(&p->thread, 0, sizeof(p->thread));
	p->thread.x19 = (unsigned long)fn;
	p->thread.x20 = (unsigned long)arg;
	p->thread.sp = stack_top - sizeof(struct pt_regs);
	p->thread.pc = (unsigned long)ret_from_kernel_thread;
	/* An exception frame must fit above the guard page. */
	p->thread.stack_limit = (unsigned long)p->stack;
}

#ifdef CONFIG_USER_SPACE
void fpsimd_init(void)
{
	static const struct user_fpsimd_state zero;

	write_sysreg(read_sysreg(cpacr_el1) | CPACR_FPEN_EL0_EL1, cpacr_el1);
	isb();
	fpsimd_load_state(&zero);
}

int arch_copy_thread(struct task_struct *p, const struct pt_regs *parent_regs,
		     unsigned long newsp, unsigned long tls, bool set_tls)
{
	struct pt_regs *regs = task_pt_regs(p);

	*regs = *parent_regs;
	regs->regs[0] = 0;		/* the child's fork() returns 0 */
	regs->syscallno = -1;
	if (newsp)
		regs->sp = newsp;
	p->thread.sp = (unsigned long)regs;
	p->thread.pc = (unsigned long)ret_from_fork;
	p->thread.fp = 0;
	p->thread.tp_value = set_tls ? tls : read_sysreg(tpidr_el0);
	fpsimd_save_state(&p->thread.fpsimd);	/* the parent's live registers */
	return 0;
}

void arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm) {
		prev->thread.tp_value = read_sysreg(tpidr_el0);
		fpsimd_save_state(&prev->thread.fpsimd);
	}
	if (next->mm) {
		write_sysreg(next->thread.tp_value, tpidr_el0);
		fpsimd_load_state(&next->thread.fpsimd);
	}
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->pc = ip;
	regs->sp = sp;
	regs->pstate = PSR_MODE_EL0t;	/* interrupts on */
	regs->syscallno = -1;
	current->thread.tp_value = 0;
	write_sysreg(0, tpidr_el0);
	memset(&current->thread.fpsimd, 0, sizeof(current->thread.fpsimd));
	fpsimd_load_state(&current->thread.fpsimd);
}

int arch_set_tls(struct task_struct *p, unsigned long base)
{
	p->thread.tp_value = base;
	if (p == current)
		write_sysreg(base, tpidr_el0);
	return 0;
}
#endif
