// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 signal frames, in Linux's layout (struct rt_sigframe: a siginfo,
 * then a ucontext whose sigcontext has x0-x30, sp, pc, pstate and a
 * 4 KiB area of records: the FP/SIMD registers, the ESR of a fault, a
 * terminator), followed by a frame record {x29, x30} that x29 points at,
 * so that libc's handlers and ucontext users work unchanged. The handler
 * returns to sa_restorer when given, else to the trampoline at
 * SIGPAGE_ADDR, which every program gets in place of Linux's vDSO.
 * rt_sigreturn restores from the frame.
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
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>

#define FPSIMD_MAGIC 0x46508001
#define ESR_MAGIC 0x45535201

struct sigcontext_arm64 {
	u64 fault_address;
	u64 regs[31];
	u64 sp, pc, pstate;
	u8 reserved[4096] __attribute__((__aligned__(16)));
};

struct fpsimd_context {
	u32 magic, size;
	u32 fpsr, fpcr;
	__uint128_t vregs[32];
};

struct esr_context {
	u32 magic, size;
	u64 esr;
};

struct ucontext_arm64 {
	u64 uc_flags;
	u64 uc_link;
	struct user_stack_t uc_stack;
	u64 uc_sigmask;
	u8 sigmask_pad[120];		/* room for a 1024-bit sigset_t */
	struct sigcontext_arm64 uc_mcontext;
};

struct rt_sigframe {
	struct user_siginfo info;
	struct ucontext_arm64 uc;
};

/* The frame, then the frame record of the interrupted code. */
struct rt_sigframe_layout {
	struct rt_sigframe frame;
	u64 fp, lr;
};

_Static_assert(offsetof(struct sigcontext_arm64, reserved) == 288, "sigcontext layout");
_Static_assert(offsetof(struct ucontext_arm64, uc_mcontext) == 176, "ucontext layout");
_Static_assert(sizeof(struct fpsimd_context) == 0x210, "fpsimd_context layout");
_Static_assert(sizeof(struct rt_sigframe_layout) <= ELF_MINSIGSTKSZ, "AT_MINSIGSTKSZ");

/* The registers sigreturn may give back: NZCV. The rest of PSTATE is EL0t's. */
#define PSTATE_USER_FLAGS 0xf0000000UL
/*
 * PSTATE bits a frame must leave clear, as Linux's valid_user_regs()
 * checks: the mode (EL0t is 0), nRW (AArch32) and the D, A, I, F masks.
 */
#define PSTATE_MUST_BE_ZERO (PSR_MODE_MASK | 0x10UL | 0x3c0UL)

int setup_rt_frame(int sig, const struct k_sigaction *ka, const struct ksig_info *info,
		   sigset_t oldmask, struct pt_regs *regs)
{
	struct task_struct *t = current;
	unsigned long sp = (sigframe_sp(ka, regs->sp) - sizeof(struct rt_sigframe_layout)) & ~15UL;
	struct rt_sigframe_layout __user *uf = (struct rt_sigframe_layout __user *)sp;
	struct sigcontext_arm64 __user *usc = &uf->frame.uc.uc_mcontext;
	struct fpsimd_context __user *ufp = (struct fpsimd_context __user *)usc->reserved;
	struct esr_context __user *uesr = (struct esr_context __user *)(ufp + 1);
	struct user_siginfo si;
	struct user_stack_t st;
	struct { u32 magic, size, fpsr, fpcr; } fphead = { FPSIMD_MAGIC, sizeof(*ufp) };
	struct esr_context esr = { ESR_MAGIC, sizeof(esr), regs->esr };
	u64 record[2] = { regs->regs[29], regs->regs[30] };
	u64 uc_head[2] = { 0, 0 };
	bool fault = !in_syscall(regs) && regs->esr && info->addr;

	fpsimd_save_state(&t->thread.fpsimd);
	fphead.fpsr = t->thread.fpsimd.fpsr;
	fphead.fpcr = t->thread.fpsimd.fpcr;
	fill_user_siginfo(&si, sig, info);
	save_altstack(&st, regs->sp);
	if (clear_user(uf, sizeof(*uf)) ||
	    copy_to_user(&uf->frame.info, &si, sizeof(si)) ||
	    copy_to_user(&uf->frame.uc, uc_head, sizeof(uc_head)) ||
	    copy_to_user(&uf->frame.uc.uc_stack, &st, sizeof(st)) ||
	    put_user(oldmask, &uf->frame.uc.uc_sigmask) ||
	    put_user(fault ? info->addr : 0, &usc->fault_address) ||
	    copy_to_user(usc->regs, regs->regs, sizeof(regs->regs)) ||
	    put_user(regs->sp, &usc->sp) || put_user(regs->pc, &usc->pc) ||
	    put_user(regs->pstate, &usc->pstate) ||
	    copy_to_user(ufp, &fphead, sizeof(fphead)) ||
	    copy_to_user(ufp->vregs, t->thread.fpsimd.vregs, sizeof(ufp->vregs)) ||
	    (fault && copy_to_user(uesr, &esr, sizeof(esr))) ||
	    copy_to_user(&uf->fp, record, sizeof(record)))
		return -EFAULT;

	regs->regs[0] = sig;
	regs->regs[1] = (unsigned long)&uf->frame.info;
	regs->regs[2] = (unsigned long)&uf->frame.uc;
	regs->regs[29] = (unsigned long)&uf->fp;
	regs->regs[30] = (ka->flags & SA_RESTORER) ? ka->restorer : SIGPAGE_ADDR;
	regs->sp = sp;
	regs->pc = ka->handler;
	regs->pstate = PSR_MODE_EL0t;
	/* The handler starts with the FP/SIMD registers as they were, as on Linux. */
	return 0;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct task_struct *t = current;
	struct rt_sigframe __user *uf = (struct rt_sigframe __user *)regs->sp;
	struct sigcontext_arm64 __user *usc = &uf->uc.uc_mcontext;
	struct fpsimd_context __user *ufp = (struct fpsimd_context __user *)usc->reserved;
	struct { u32 magic, size, fpsr, fpcr; } fphead;
	struct user_stack_t st;
	u64 sp, pc, pstate, mask;

	if (regs->sp & 15)
		goto bad;
	if (copy_from_user(regs->regs, usc->regs, sizeof(regs->regs)) ||
	    get_user(sp, &usc->sp) || get_user(pc, &usc->pc) || get_user(pstate, &usc->pstate) ||
	    get_user(mask, &uf->uc.uc_sigmask) ||
	    copy_from_user(&st, &uf->uc.uc_stack, sizeof(st)) ||
	    copy_from_user(&fphead, ufp, sizeof(fphead)))
		goto bad;
	if (fphead.magic == FPSIMD_MAGIC && fphead.size == sizeof(*ufp)) {
		if (copy_from_user(t->thread.fpsimd.vregs, ufp->vregs, sizeof(ufp->vregs)))
			goto bad;
		t->thread.fpsimd.fpsr = fphead.fpsr;
		t->thread.fpsimd.fpcr = fphead.fpcr;
		fpsimd_load_state(&t->thread.fpsimd);
	}
	if (pstate & PSTATE_MUST_BE_ZERO)
		goto bad;
	regs->sp = sp;
	regs->pc = pc;
	regs->pstate = (pstate & PSTATE_USER_FLAGS) | PSR_MODE_EL0t;
	return sigreturn_finish(regs, mask, &st);
bad:
	force_sig(SIGSEGV);
	return 0;
}

/*
 * The signal return trampoline: "mov x8, #__NR_rt_sigreturn; svc #0",
 * on a read-only executable page at SIGPAGE_ADDR of every program.
 */
static const u32 sigreturn_code[] = { 0xd2801168, 0xd4000001 };

int arch_setup_additional_pages(struct mm_struct *mm)
{
	return install_code_page(mm, SIGPAGE_ADDR, sigreturn_code, sizeof(sigreturn_code));
}
