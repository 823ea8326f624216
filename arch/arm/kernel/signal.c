// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM signal frames, in Linux's EABI layout, so that glibc's
 * handlers and ucontext users work unchanged: struct sigframe is a
 * ucontext (uc_flags, uc_link, uc_stack, a sigcontext with r0-r15, cpsr
 * and the fault's status and address, the 64-bit signal mask, then a
 * register space for coprocessor records, left empty: there is no VFP
 * state) and four words Linux keeps for its return code; struct
 * rt_sigframe is a siginfo followed by a sigframe. A handler with
 * SA_SIGINFO gets an rt_sigframe and returns through rt_sigreturn, one
 * without gets a sigframe and returns through sigreturn (glibc's restorer
 * for it calls that one). The handler returns to sa_restorer when given,
 * else to the trampolines at SIGPAGE_ADDR, which every program gets in
 * place of Linux's sigpage.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/process.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/elf.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>

struct sigcontext_arm {
	u32 trap_no, error_code, oldmask;
	u32 regs[16];			/* r0-r10, fp, ip, sp, lr, pc */
	u32 cpsr, fault_address;
};

struct ucontext_arm {
	u32 uc_flags;
	u32 uc_link;
	struct user_stack_t uc_stack;
	struct sigcontext_arm uc_mcontext;
	sigset_t uc_sigmask;
	u32 sigmask_pad[30];		/* room for a 1024-bit sigset_t */
	u32 uc_regspace[128] __attribute__((__aligned__(8)));
};

struct sigframe {
	struct ucontext_arm uc;
	u32 retcode[4];
};

struct rt_sigframe {
	struct user_siginfo info;
	struct sigframe sig;
};

_Static_assert(offsetof(struct ucontext_arm, uc_mcontext) == 20, "ucontext layout");
_Static_assert(offsetof(struct ucontext_arm, uc_sigmask) == 104, "ucontext layout");
_Static_assert(offsetof(struct ucontext_arm, uc_regspace) == 232, "ucontext layout");
_Static_assert(sizeof(struct rt_sigframe) <= ELF_MINSIGSTKSZ, "AT_MINSIGSTKSZ");

/* CPSR bits sigreturn gives back: N, Z, C, V, Q, GE[3:0] and Thumb state. */
#define CPSR_USER_BITS (0xf80f0000UL | PSR_T_BIT)
/*
 * A frame's CPSR must be user mode with IRQs, FIQs and aborts unmasked
 * (as Linux's valid_user_regs() checks), or the frame is bad.
 */
#define CPSR_MUST_BE_CLEAR (PSR_I_BIT_ | PSR_F_BIT | PSR_A_BIT)

/* The trampolines at SIGPAGE_ADDR: "mov r7, #nr; svc #0" for each return. */
#define SIGRETURN_TRAMP SIGPAGE_ADDR
#define RT_SIGRETURN_TRAMP (SIGPAGE_ADDR + 8)
static const u32 sigreturn_code[] = {
	0xe3a07077, 0xef000000,		/* sigreturn (119) */
	0xe3a070ad, 0xef000000,		/* rt_sigreturn (173) */
};

int arch_setup_additional_pages(struct mm_struct *mm)
{
	return install_code_page(mm, SIGPAGE_ADDR, sigreturn_code, sizeof(sigreturn_code));
}

static int save_sigframe(struct sigframe __user *uf, sigset_t oldmask, struct pt_regs *regs,
			 bool fault)
{
	struct sigcontext_arm sc;
	struct user_stack_t st;
	u32 uc_head[2] = { 0, 0 };

	memset(&sc, 0, sizeof(sc));
	sc.error_code = fault ? regs->fsr : 0;
	sc.oldmask = (u32)oldmask;
	for (int i = 0; i < 13; i++)
		sc.regs[i] = regs->regs[i];
	sc.regs[13] = regs->sp;
	sc.regs[14] = regs->lr;
	sc.regs[15] = regs->pc;
	sc.cpsr = regs->cpsr;
	sc.fault_address = fault ? regs->far : 0;
	save_altstack(&st, regs->sp);
	if (clear_user(uf, sizeof(*uf)) ||
	    copy_to_user(&uf->uc, uc_head, sizeof(uc_head)) ||
	    copy_to_user(&uf->uc.uc_stack, &st, sizeof(st)) ||
	    copy_to_user(&uf->uc.uc_mcontext, &sc, sizeof(sc)) ||
	    put_user(oldmask, &uf->uc.uc_sigmask))
		return -EFAULT;
	return 0;
}

int setup_rt_frame(int sig, const struct k_sigaction *ka, const struct ksig_info *info,
		   sigset_t oldmask, struct pt_regs *regs)
{
	bool rt = ka->flags & SA_SIGINFO;
	size_t size = rt ? sizeof(struct rt_sigframe) : sizeof(struct sigframe);
	unsigned long sp = (sigframe_sp(ka, regs->sp) - size) & ~7UL;
	struct rt_sigframe __user *urt = (struct rt_sigframe __user *)sp;
	struct sigframe __user *uf = rt ? &urt->sig : (struct sigframe __user *)sp;
	bool fault = !in_syscall(regs) && regs->fsr && info->addr;
	struct user_siginfo si;

	if (save_sigframe(uf, oldmask, regs, fault))
		return -EFAULT;
	if (rt) {
		fill_user_siginfo(&si, sig, info);
		if (copy_to_user(&urt->info, &si, sizeof(si)))
			return -EFAULT;
		regs->regs[1] = (unsigned long)&urt->info;
		regs->regs[2] = (unsigned long)&uf->uc;
	}
	regs->regs[0] = sig;
	regs->sp = sp;
	regs->lr = (ka->flags & SA_RESTORER) ? ka->restorer :
		   rt ? RT_SIGRETURN_TRAMP : SIGRETURN_TRAMP;
	regs->pc = ka->handler & ~1UL;
	/* A handler at an odd address is Thumb code, as for a program's entry. */
	regs->cpsr = (regs->cpsr & ~PSR_T_BIT) | (ka->handler & 1 ? PSR_T_BIT : 0);
	return 0;
}

/* Restore @regs from the frame @uf; the result register, or SIGSEGV for a bad frame. */
static long restore_sigframe(struct pt_regs *regs, struct sigframe __user *uf)
{
	struct sigcontext_arm sc;
	struct user_stack_t st;
	sigset_t mask;

	if (((unsigned long)uf & 7) ||
	    copy_from_user(&sc, &uf->uc.uc_mcontext, sizeof(sc)) ||
	    get_user(mask, &uf->uc.uc_sigmask) ||
	    copy_from_user(&st, &uf->uc.uc_stack, sizeof(st)) ||
	    (sc.cpsr & MODE_MASK) != USR_MODE || (sc.cpsr & CPSR_MUST_BE_CLEAR)) {
		force_sig(SIGSEGV);
		return 0;
	}
	for (int i = 0; i < 13; i++)
		regs->regs[i] = sc.regs[i];
	regs->sp = sc.regs[13];
	regs->lr = sc.regs[14];
	regs->pc = sc.regs[15];
	regs->cpsr = (sc.cpsr & CPSR_USER_BITS) | USR_MODE;
	return sigreturn_finish(regs, mask, &st);
}

SYSCALL_DEFINE0(sigreturn)
{
	struct pt_regs *regs = current_pt_regs();

	return restore_sigframe(regs, (struct sigframe __user *)regs->sp);
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe __user *urt = (struct rt_sigframe __user *)regs->sp;

	return restore_sigframe(regs, &urt->sig);
}
