// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 thread state: the initial kernel stack of a new task, what a
 * context switch changes besides the registers (the stack the CPU loads on
 * entry from user mode, the user's FS base), and the register state of a
 * freshly exec'd program.
 */
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/elf.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>
#include <asm/segment.h>
#include <asm/traps.h>

void ret_from_kernel_thread(void);
void ret_from_fork(void);

/* The frame __switch_to_asm() pops: r15 r14 r13 r12 rbx rbp, then ret. */
struct switch_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp, ret;
};

/*
 * Every task's stack keeps room for a struct pt_regs at its top (where
 * entry from user mode saves the registers), so a kernel thread can later
 * become a user process (kernel_execve() from init).
 */
void arch_setup_thread(struct task_struct *p, unsigned long stack_top,
		       int (*fn)(void *), void *arg)
{
	struct switch_frame *f;

	f = (struct switch_frame *)(stack_top - sizeof(struct pt_regs) - sizeof(*f));
	memset(f, 0, sizeof(*f));
	f->rbx = (unsigned long)fn;
	f->r12 = (unsigned long)arg;
	f->ret = (unsigned long)ret_from_kernel_thread;
	p->thread.sp = (unsigned long)f;
}

int arch_copy_thread(struct task_struct *p, const struct pt_regs *parent_regs,
		     unsigned long newsp, unsigned long tls, bool set_tls)
{
	struct pt_regs *regs = task_pt_regs(p);
	struct switch_frame *f = (struct switch_frame *)regs - 1;

	*regs = *parent_regs;
	regs->rax = 0;			/* the child's fork() returns 0 */
	if (newsp)
		regs->rsp = newsp;
	memset(f, 0, sizeof(*f));
	f->ret = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)f;
	p->thread.fsbase = set_tls ? tls : current->thread.fsbase;
	fpu_save(&p->thread);		/* the parent's live registers */
	return 0;
}

void arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	unsigned long top = (unsigned long)next->stack + THREAD_SIZE;

	if (prev->mm)
		fpu_save(&prev->thread);
	if (next->mm)
		fpu_restore(&next->thread);
	/* The idle task runs on the boot stack and never enters user mode. */
	if (next->stack) {
		set_kernel_stack(top);
		this_cpu()->kernel_sp = top;
	}
	if (next->mm)
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->rip = ip;
	regs->rsp = sp;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags = X86_EFLAGS_IF | 0x2;	/* bit 1 is always set */
	current->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	fpu_reset(&current->thread);
	fpu_restore(&current->thread);
}

int arch_set_tls(struct task_struct *p, unsigned long base)
{
	if (base >= TASK_SIZE_MAX)
		return -EPERM;
	p->thread.fsbase = base;
	if (p == current)
		wrmsr(MSR_FS_BASE, base);
	return 0;
}

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	switch (option) {
	case ARCH_SET_FS:
		return arch_set_tls(current, arg2);
	case ARCH_GET_FS:
		return put_user(current->thread.fsbase, (unsigned long __user *)arg2);
	case ARCH_GET_GS:
		return put_user(0UL, (unsigned long __user *)arg2);
	case ARCH_SET_GS:
		return -EPERM;	/* the kernel owns GS; no program we run needs it */
	default:
		return -EINVAL;
	}
}

unsigned long elf_hwcap(void)
{
	u32 a, b, c, d;

	cpuid(1, 0, &a, &b, &c, &d);
	return d;
}
