// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 signal frames, in Linux's layout (struct rt_sigframe: the return
 * address, a ucontext with the sigcontext and the signal mask, a siginfo,
 * then the FXSAVE image), so that libc's handlers, sigreturn trampolines
 * and ucontext users work unchanged. rt_sigreturn restores from it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/process.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/fpu.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/syscall.h>

struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;		/* user address of the FXSAVE image */
	u64 reserved1[8];
};

struct ucontext_64 {
	u64 uc_flags;
	u64 uc_link;
	struct user_stack_t uc_stack;
	struct sigcontext_64 uc_mcontext;
	u64 uc_sigmask;
};

struct rt_sigframe {
	u64 pretcode;
	struct ucontext_64 uc;
	struct user_siginfo info;
};

_Static_assert(sizeof(struct sigcontext_64) == 256, "sigcontext layout");

#define FXSTATE_SIZE 512
#define X86_EFLAGS_TF 0x100UL
#define X86_EFLAGS_DF 0x400UL
#define X86_EFLAGS_RF 0x10000UL
/*
 * The flags sigreturn may change, as on Linux: CF PF AF ZF SF TF DF OF AC
 * RF; never IF, IOPL or NT.
 */
#define FIX_EFLAGS 0x00050dd5UL
#define MXCSR_MASK 0xffbfU

int setup_rt_frame(int sig, const struct k_sigaction *ka, const struct ksig_info *info,
		   sigset_t oldmask, struct pt_regs *regs)
{
	struct task_struct *t = current;
	unsigned long sp = sigframe_sp(ka, regs->rsp);
	struct rt_sigframe frame;
	unsigned long fpstate;
	struct rt_sigframe __user *uf;

	if (!(ka->flags & SA_RESTORER))
		return -EFAULT;		/* x86-64 programs must give a restorer */
	if (sp == regs->rsp)
		sp -= 128;		/* skip the red zone */
	sp = (sp - FXSTATE_SIZE) & ~63UL;
	fpstate = sp;
	sp = ((sp - sizeof(frame)) & ~15UL) - 8;	/* as after a call */
	uf = (struct rt_sigframe __user *)sp;

	memset(&frame, 0, sizeof(frame));
	frame.pretcode = ka->restorer;
	save_altstack(&frame.uc.uc_stack, regs->rsp);
	frame.uc.uc_mcontext = (struct sigcontext_64){
		.r8 = regs->r8, .r9 = regs->r9, .r10 = regs->r10, .r11 = regs->r11,
		.r12 = regs->r12, .r13 = regs->r13, .r14 = regs->r14, .r15 = regs->r15,
		.di = regs->rdi, .si = regs->rsi, .bp = regs->rbp, .bx = regs->rbx,
		.dx = regs->rdx, .ax = regs->rax, .cx = regs->rcx, .sp = regs->rsp,
		.ip = regs->rip, .flags = regs->rflags, .cs = USER_CS, .ss = USER_DS,
		.err = in_syscall(regs) ? 0 : regs->error_code,
		.trapno = in_syscall(regs) ? 0 : regs->vector,
		.oldmask = oldmask, .cr2 = info->addr, .fpstate = fpstate,
	};
	frame.uc.uc_sigmask = oldmask;
	fill_user_siginfo(&frame.info, sig, info);
	fpu_save(&t->thread);
	if (copy_to_user((void __user *)fpstate, t->thread.fxstate, FXSTATE_SIZE) ||
	    copy_to_user(uf, &frame, sizeof(frame)))
		return -EFAULT;

	regs->rdi = sig;
	regs->rsi = (unsigned long)&uf->info;
	regs->rdx = (unsigned long)&uf->uc;
	regs->rax = 0;
	regs->rsp = sp;
	regs->rip = ka->handler;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags &= ~(X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_RF);
	/* The handler starts with a fresh FPU state, as on Linux. */
	fpu_reset(&t->thread);
	fpu_restore(&t->thread);
	return 0;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe __user *uf = (struct rt_sigframe __user *)(regs->rsp - 8);
	struct task_struct *t = current;
	struct ucontext_64 uc;
	const struct sigcontext_64 *sc = &uc.uc_mcontext;

	if (copy_from_user(&uc, &uf->uc, sizeof(uc)))
		goto bad;
	if (sc->fpstate) {
		u32 mxcsr;

		if (copy_from_user(t->thread.fxstate, (const void __user *)sc->fpstate,
				   FXSTATE_SIZE))
			goto bad;
		memcpy(&mxcsr, t->thread.fxstate + 24, sizeof(mxcsr));
		mxcsr &= MXCSR_MASK;
		memcpy(t->thread.fxstate + 24, &mxcsr, sizeof(mxcsr));
		fpu_restore(&t->thread);
	}
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->rdi = sc->di;
	regs->rsi = sc->si;
	regs->rbp = sc->bp;
	regs->rbx = sc->bx;
	regs->rdx = sc->dx;
	regs->rax = sc->ax;
	regs->rcx = sc->cx;
	regs->rsp = sc->sp;
	regs->rip = sc->ip;
	regs->rflags = (regs->rflags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	return sigreturn_finish(regs, uc.uc_sigmask, &uc.uc_stack);
bad:
	force_sig(SIGSEGV);
	return 0;
}
