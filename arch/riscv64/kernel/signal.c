// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 signal frames, in Linux's layout (struct rt_sigframe: a
 * siginfo, then a ucontext whose sigcontext has the pc and x1-x31 in
 * user_regs_struct order, then the F/D registers and fcsr in a 528-byte
 * union sized for the Q extension), so that libc's handlers and ucontext
 * users work unchanged. The handler returns (ra) to the trampoline at
 * SIGPAGE_ADDR, which every program gets in place of Linux's vDSO;
 * rt_sigreturn restores from the frame.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/process.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/csr.h>
#include <asm/elf.h>
#include <asm/ptrace.h>

/* The pc, then x1-x31: struct pt_regs' first 32 words. */
#define NR_GREGS 32

struct sigcontext_riscv {
	u64 gregs[NR_GREGS];
	u64 fregs[32] __attribute__((__aligned__(16)));
	u32 fcsr;
	u32 reserved[3];
	u8 q_rest[256];			/* the Q extension's upper halves: unused */
};

struct ucontext_riscv {
	u64 uc_flags;
	u64 uc_link;
	struct user_stack_t uc_stack;
	u64 uc_sigmask;
	u8 sigmask_pad[120];		/* room for a 1024-bit sigset_t */
	struct sigcontext_riscv uc_mcontext;
};

struct rt_sigframe {
	struct user_siginfo info;
	struct ucontext_riscv uc;
};

_Static_assert(offsetof(struct ucontext_riscv, uc_mcontext) == 176, "ucontext layout");
_Static_assert(offsetof(struct sigcontext_riscv, fcsr) == 512, "sigcontext layout");
_Static_assert(sizeof(struct sigcontext_riscv) == 256 + 528, "sigcontext layout");
_Static_assert(offsetof(struct pt_regs, t6) == 8 * (NR_GREGS - 1), "pt_regs order");
_Static_assert(sizeof(struct rt_sigframe) <= ELF_MINSIGSTKSZ, "AT_MINSIGSTKSZ");

int setup_rt_frame(int sig, const struct k_sigaction *ka, const struct ksig_info *info,
		   sigset_t oldmask, struct pt_regs *regs)
{
	struct task_struct *t = current;
	unsigned long sp = (sigframe_sp(ka, regs->sp) - sizeof(struct rt_sigframe)) & ~15UL;
	struct rt_sigframe __user *uf = (struct rt_sigframe __user *)sp;
	struct sigcontext_riscv __user *usc = &uf->uc.uc_mcontext;
	struct user_siginfo si;
	struct user_stack_t st;

	fpu_save_state(&t->thread.fp);
	fill_user_siginfo(&si, sig, info);
	save_altstack(&st, regs->sp);
	if (clear_user(uf, sizeof(*uf)) ||
	    copy_to_user(&uf->info, &si, sizeof(si)) ||
	    copy_to_user(&uf->uc.uc_stack, &st, sizeof(st)) ||
	    put_user(oldmask, &uf->uc.uc_sigmask) ||
	    copy_to_user(usc->gregs, regs, sizeof(usc->gregs)) ||
	    copy_to_user(usc->fregs, t->thread.fp.f, sizeof(usc->fregs)) ||
	    put_user(t->thread.fp.fcsr, &usc->fcsr))
		return -EFAULT;

	regs->a0 = sig;
	regs->a1 = (unsigned long)&uf->info;
	regs->a2 = (unsigned long)&uf->uc;
	regs->ra = SIGPAGE_ADDR;
	regs->sp = sp;
	regs->epc = ka->handler;
	/* The handler starts with the FP registers as they were, as on Linux. */
	return 0;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct task_struct *t = current;
	struct rt_sigframe __user *uf = (struct rt_sigframe __user *)regs->sp;
	struct sigcontext_riscv __user *usc = &uf->uc.uc_mcontext;
	unsigned long gregs[NR_GREGS];
	struct user_stack_t st;
	u64 mask;
	u32 fcsr;

	if (regs->sp & 15)
		goto bad;
	if (copy_from_user(gregs, usc->gregs, sizeof(gregs)) ||
	    get_user(mask, &uf->uc.uc_sigmask) ||
	    copy_from_user(&st, &uf->uc.uc_stack, sizeof(st)) ||
	    copy_from_user(t->thread.fp.f, usc->fregs, sizeof(usc->fregs)) ||
	    get_user(fcsr, &usc->fcsr))
		goto bad;
	/* The pc and x1-x31; sstatus stays the kernel's choice for U-mode. */
	memcpy(regs, gregs, sizeof(gregs));
	t->thread.fp.fcsr = fcsr;
	fpu_load_state(&t->thread.fp);
	return sigreturn_finish(regs, mask, &st);
bad:
	force_sig(SIGSEGV);
	return 0;
}

/*
 * The signal return trampoline: "li a7, __NR_rt_sigreturn; ecall", on a
 * read-only executable page at SIGPAGE_ADDR of every program.
 */
static const u32 sigreturn_code[] = { 0x08b00893, 0x00000073 };

int arch_setup_additional_pages(struct mm_struct *mm)
{
	return install_code_page(mm, SIGPAGE_ADDR, sigreturn_code, sizeof(sigreturn_code));
}
