// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM thread state: the saved context a new task starts from, and
 * its user TLS pointer (TPIDRURO).
 */
#include <linux/sched.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/ptrace.h>

/* __switch_to_asm (entry.S) finds these at fixed offsets. */
_Static_assert(offsetof(struct thread_struct, stack_limit) == 40, "thread_struct layout");
_Static_assert(offsetof(struct thread_struct, tp_value) == 44, "thread_struct layout");

void ret_from_kernel_thread(void);

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
