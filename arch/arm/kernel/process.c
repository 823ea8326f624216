// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM thread state: the saved context a new task starts from, its
 * user TLS pointer (TPIDRURO), and the registers of a fresh program.
 */
#include <linux/sched.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/ptrace.h>

/* __switch_to_asm (entry.S) finds these at fixed offsets. */
_Static_assert(offsetof(struct thread_struct, stack_limit) == 40, "thread_struct layout");
_Static_assert(offsetof(struct thread_struct, tp_value) == 44, "thread_struct layout");

void ret_from_kernel_thread(void);
void ret_from_fork(void);

/*
 * Every task's stack keeps room for a struct pt_regs at its top (where
 * entry from user mode saves the registers), so a kernel thread can later
 * become a user process (kernel_execve() from init).
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	memset(&p->thread, 0, sizeof(p->thread));
	p->thread.r4 = (unsigned long)fn;
	p->thread.r5 = (unsigned long)arg;
	p->thread.sp = stack_top - sizeof(struct pt_regs);
	p->thread.pc = (unsigned long)ret_from_kernel_thread;
	/* An exception frame must fit above the guard page. */
	p->thread.stack_limit = (unsigned long)p->stack;
}

/*
 * TPIDRURO is the TLS pointer: user mode reads it (directly, or ARMv5
 * code through __kuser_get_tls), only the kernel writes it. A new thread
 * starts with 0 (arch_setup_thread()); any value is accepted, as the
 * register takes any. Never sleeps.
 */
int arch_set_tls(struct task_struct *p, unsigned long base)
{
	p->thread.tp_value = base;
	if (p == current)
		__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" :: "r"(base));
	return 0;
}

#ifdef CONFIG_USER_SPACE
static unsigned long read_tpidruro(void)
{
	unsigned long tp;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 3" : "=r"(tp));
	return tp;
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
	p->thread.tp_value = set_tls ? tls : read_tpidruro();
	return 0;
}

/*
 * Nothing to do: __switch_to_asm switches TPIDRURO for every thread, and
 * there is no FP state (soft-float, the VFP stays off).
 */
void arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
}

/* A program starts in user mode, interrupts on, in Thumb state if its entry is odd. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->pc = ip & ~1UL;
	regs->sp = sp;
	regs->cpsr = USR_MODE | (ip & 1 ? PSR_T_BIT : 0);
	regs->syscallno = -1;
	arch_set_tls(current, 0);
}
#endif
