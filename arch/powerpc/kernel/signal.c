// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 signal frames, in Linux's ppc64 layout (struct rt_sigframe: a
 * ucontext whose sigcontext holds the 48 saved registers of pt_regs, the
 * 32 FPRs and FPSCR, and a pointer to the VMX save area: VR0-31, VSCR,
 * VRSAVE, then the low halves of VSR0-31; then the siginfo and the 512
 * bytes the ELFv2 ABI lets leaf code use below its stack pointer). The
 * handler gets r3 = signal, r4 = &info, r5 = &uc, r12 = its own address
 * (ELFv2's global entry), a 128-byte frame below the signal frame whose
 * back chain is the interrupted r1, and returns to sa_restorer when given,
 * else to the trampoline at SIGPAGE_ADDR, which every program gets in
 * place of Linux's vDSO. rt_sigreturn restores from the frame.
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
#include <asm/elf.h>
#include <asm/ptrace.h>
#include <asm/reg.h>
#include <asm/syscall.h>

#define ELF_NGREG 48
#define ELF_NFPREG 33			/* FPR0-31, FPSCR */
#define ELF_NVRREG 34			/* VR0-31, VSCR, VRSAVE */
#define PT_SOFTE_IDX 39
#define SIGNAL_FRAMESIZE 128		/* the handler's own minimum frame, below */
#define USER_REDZONE_SIZE 512

struct sigcontext_ppc64 {
	u64 _unused[4];
	s32 signal, _pad0;
	u64 handler;
	u64 oldmask;
	u64 regs;			/* points at gp_regs */
	u64 gp_regs[ELF_NGREG];
	u64 fp_regs[ELF_NFPREG];
	u64 v_regs;			/* points into vmx_reserve, 16-byte aligned */
	u64 vmx_reserve[ELF_NVRREG + ELF_NVRREG + 1 + 32];
};

struct ucontext_ppc64 {
	u64 uc_flags;
	u64 uc_link;
	struct user_stack_t uc_stack;
	u64 uc_sigmask;
	u64 sigmask_pad[15];		/* room for a 1024-bit sigset_t */
	struct sigcontext_ppc64 uc_mcontext;
};

/* The VMX and VSX area v_regs points at. */
struct vmx_area {
	u64 vr[32][2];
	u64 vscr[2];
	u32 vrsave, pad[3];
	u64 vsr_low[32];		/* doubleword 1 of VSR0-31 */
};

struct rt_sigframe {
	struct ucontext_ppc64 uc;
	u64 _unused[2];
	u32 tramp[6];
	u64 pinfo, puc;
	struct user_siginfo info;
	u8 abigap[USER_REDZONE_SIZE];
} __attribute__((__aligned__(16)));

_Static_assert(offsetof(struct ucontext_ppc64, uc_mcontext) == 168, "ucontext layout");
_Static_assert(offsetof(struct sigcontext_ppc64, gp_regs) == 64, "sigcontext layout");
_Static_assert(offsetof(struct sigcontext_ppc64, vmx_reserve) == 720, "sigcontext layout");
_Static_assert(sizeof(struct vmx_area) <= sizeof(((struct sigcontext_ppc64 *)0)->vmx_reserve) - 8,
	       "VMX area");
_Static_assert(sizeof(struct pt_regs) <= ELF_NGREG * 8, "gp_regs");
_Static_assert(sizeof(struct rt_sigframe) + SIGNAL_FRAMESIZE <= ELF_MINSIGSTKSZ, "AT_MINSIGSTKSZ");

/* The VMX area of the sigcontext at user address @usc: vmx_reserve rounded up to 16. */
static struct vmx_area __user *vmx_area(struct sigcontext_ppc64 __user *usc)
{
	return (struct vmx_area __user *)(((unsigned long)usc->vmx_reserve + 15) & ~15UL);
}

/* The user FP/vector state of @st in the frame's layout, and back. */
static void fp_to_frame(const struct user_fp_state *st, u64 *fpr, struct vmx_area *v)
{
	for (int i = 0; i < 32; i++) {
		fpr[i] = st->vsr[i][1];
		v->vsr_low[i] = st->vsr[i][0];
	}
	fpr[32] = st->fpscr;
	memcpy(v->vr, st->vsr[32], sizeof(v->vr));
	memcpy(v->vscr, st->vscr, sizeof(v->vscr));
	v->vrsave = st->vrsave;
}

static void fp_from_frame(struct user_fp_state *st, const u64 *fpr, const struct vmx_area *v)
{
	for (int i = 0; i < 32; i++) {
		st->vsr[i][1] = fpr[i];
		st->vsr[i][0] = v->vsr_low[i];
	}
	st->fpscr = fpr[32];
	memcpy(st->vsr[32], v->vr, sizeof(v->vr));
	memcpy(st->vscr, v->vscr, sizeof(v->vscr));
	st->vrsave = v->vrsave;
}

int setup_rt_frame(int sig, const struct k_sigaction *ka, const struct ksig_info *info,
		   sigset_t oldmask, struct pt_regs *regs)
{
	struct task_struct *t = current;
	unsigned long sp = (sigframe_sp(ka, regs->gpr[1]) - sizeof(struct rt_sigframe)) & ~15UL;
	struct rt_sigframe __user *uf = (struct rt_sigframe __user *)sp;
	struct sigcontext_ppc64 __user *usc = &uf->uc.uc_mcontext;
	struct vmx_area __user *uv = vmx_area(usc);
	unsigned long newsp = sp - SIGNAL_FRAMESIZE;
	struct user_siginfo si;
	struct user_stack_t st;
	struct vmx_area v = {};
	u64 fpr[ELF_NFPREG];
	struct pt_regs gp = *regs;
	u64 head[8] = { 0 };		/* _unused[4], signal, handler, oldmask, regs */

	fp_save_state(&t->thread.fp);
	fp_to_frame(&t->thread.fp, fpr, &v);
	/* The MSR saved says FP, VMX and VSX state follow (MSR_USER has them). */
	gp.softe = 1;
	head[4] = sig;
	head[5] = ka->handler;
	head[6] = oldmask;
	head[7] = (unsigned long)usc->gp_regs;
	fill_user_siginfo(&si, sig, info);
	save_altstack(&st, regs->gpr[1]);
	/* Not abigap: the interrupted code's red zone lies in it. */
	if (clear_user(uf, offsetof(struct rt_sigframe, abigap)) ||
	    copy_to_user(&uf->info, &si, sizeof(si)) ||
	    put_user((unsigned long)&uf->info, &uf->pinfo) ||
	    put_user((unsigned long)&uf->uc, &uf->puc) ||
	    copy_to_user(&uf->uc.uc_stack, &st, sizeof(st)) ||
	    put_user(oldmask, &uf->uc.uc_sigmask) ||
	    copy_to_user(usc, head, sizeof(head)) ||
	    copy_to_user(usc->gp_regs, &gp, sizeof(gp)) ||
	    copy_to_user(usc->fp_regs, fpr, sizeof(fpr)) ||
	    put_user((unsigned long)uv, &usc->v_regs) ||
	    copy_to_user(uv, &v, sizeof(v)) ||
	    put_user(regs->gpr[1], (unsigned long __user *)newsp))
		return -EFAULT;

	regs->gpr[1] = newsp;
	regs->gpr[3] = sig;
	regs->gpr[4] = (unsigned long)&uf->info;
	regs->gpr[5] = (unsigned long)&uf->uc;
	regs->gpr[6] = (unsigned long)uf;
	regs->gpr[12] = ka->handler;
	regs->link = (ka->flags & SA_RESTORER) ? ka->restorer : SIGPAGE_ADDR;
	regs->nip = ka->handler;
	regs->msr = MSR_USER;
	/* The handler starts with the FP and vector registers as they were, as on Linux. */
	return 0;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct task_struct *t = current;
	struct rt_sigframe __user *uf = (struct rt_sigframe __user *)(regs->gpr[1] + SIGNAL_FRAMESIZE);
	struct sigcontext_ppc64 __user *usc = &uf->uc.uc_mcontext;
	struct pt_regs gp;
	struct vmx_area v;
	struct user_stack_t st;
	u64 fpr[ELF_NFPREG], cur_fpr[ELF_NFPREG], mask, v_regs;

	if (copy_from_user(&gp, usc->gp_regs, sizeof(gp)) ||
	    copy_from_user(fpr, usc->fp_regs, sizeof(fpr)) ||
	    get_user(v_regs, &usc->v_regs) ||
	    get_user(mask, &uf->uc.uc_sigmask) ||
	    copy_from_user(&st, &uf->uc.uc_stack, sizeof(st)))
		goto bad;
	/* What the frame does not hold (no VMX area) keeps its current value. */
	fp_save_state(&t->thread.fp);
	fp_to_frame(&t->thread.fp, cur_fpr, &v);
	if (v_regs && (gp.msr & MSR_VEC) && (gp.msr & MSR_VSX) &&
	    copy_from_user(&v, (const void __user *)v_regs, sizeof(v)))
		goto bad;
	fp_from_frame(&t->thread.fp, fpr, &v);
	fp_load_state(&t->thread.fp);
	/* Every general register and the branch state; the MSR stays user mode's. */
	memcpy(regs->gpr, gp.gpr, sizeof(regs->gpr));
	regs->nip = gp.nip;
	regs->link = gp.link;
	regs->ctr = gp.ctr;
	regs->xer = gp.xer;
	regs->ccr = gp.ccr;
	regs->msr = MSR_USER;
	return sigreturn_finish(regs, mask, &st);
bad:
	force_sig(SIGSEGV);
	return 0;
}

/*
 * The signal return trampoline: "li r0, __NR_rt_sigreturn; sc", on a
 * read-only executable page at SIGPAGE_ADDR of every program.
 */
static const u32 sigreturn_code[] = { 0x380000ac, 0x44000002 };

int arch_setup_additional_pages(struct mm_struct *mm)
{
	return install_code_page(mm, SIGPAGE_ADDR, sigreturn_code, sizeof(sigreturn_code));
}
