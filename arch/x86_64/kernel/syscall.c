// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 system call entry: the SYSCALL MSRs and the C half of
 * entry_SYSCALL_64. The system call number is in pt_regs.error_code
 * (orig_ax), the arguments in rdi, rsi, rdx, r10, r8, r9 (Linux's ABI),
 * the result goes back in rax.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/stddef.h>
#include <linux/syscalls.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

#define X86_EFLAGS_TF 0x100UL
#define X86_EFLAGS_DF 0x400UL
#define X86_EFLAGS_NT 0x4000UL
#define X86_EFLAGS_RF 0x10000UL
#define X86_EFLAGS_AC 0x40000UL
#define X86_EFLAGS_IOPL 0x3000UL

_Static_assert(offsetof(struct cpu_info, kernel_sp) == CPU_INFO_KERNEL_SP, "asm/percpu.h");
_Static_assert(offsetof(struct cpu_info, user_sp) == CPU_INFO_USER_SP, "asm/percpu.h");
/* The PT_* offsets entry.S uses (asm/ptrace.h). */
#define CHECK_PT(field, off) _Static_assert(offsetof(struct pt_regs, field) == (off), "asm/ptrace.h")
CHECK_PT(r15, PT_R15);
CHECK_PT(r14, PT_R14);
CHECK_PT(r13, PT_R13);
CHECK_PT(r12, PT_R12);
CHECK_PT(rbp, PT_RBP);
CHECK_PT(rbx, PT_RBX);
CHECK_PT(r11, PT_R11);
CHECK_PT(r10, PT_R10);
CHECK_PT(r9, PT_R9);
CHECK_PT(r8, PT_R8);
CHECK_PT(rax, PT_RAX);
CHECK_PT(rcx, PT_RCX);
CHECK_PT(rdx, PT_RDX);
CHECK_PT(rsi, PT_RSI);
CHECK_PT(rdi, PT_RDI);
CHECK_PT(vector, PT_VECTOR);
CHECK_PT(error_code, PT_ERROR_CODE);
CHECK_PT(rip, PT_RIP);
CHECK_PT(cs, PT_CS);
CHECK_PT(rflags, PT_RFLAGS);
CHECK_PT(rsp, PT_RSP);
CHECK_PT(ss, PT_SS);
_Static_assert(sizeof(struct pt_regs) == PT_SIZE, "asm/ptrace.h");

void entry_SYSCALL_64(void);

void __init syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)STAR_SYSRET_BASE << 48) | ((u64)KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	/* Cleared on entry: interrupts, single step, direction, AC, NT, IOPL. */
	wrmsr(MSR_SFMASK, X86_EFLAGS_IF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_AC |
			  X86_EFLAGS_NT | X86_EFLAGS_IOPL);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

/*
 * do_syscall_64() - run system call regs->error_code and prepare the return
 * to user mode. Returns true when SYSRET can restore the state (RIP in
 * %rcx and RFLAGS in %r11, as on entry, a canonical user RIP, no trap
 * flags), false to return through IRET (after execve, signal delivery...).
 */
bool do_syscall_64(struct pt_regs *regs);
bool do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->error_code;
	unsigned long args[6] = { regs->rdi, regs->rsi, regs->rdx, regs->r10, regs->r8, regs->r9 };

	local_irq_enable();
	regs->rax = invoke_syscall(nr, args);
	x86_exit_to_user_mode(regs);
	return regs->rcx == regs->rip && regs->r11 == regs->rflags &&
	       regs->cs == USER_CS && regs->ss == USER_DS && regs->rip < TASK_SIZE_MAX &&
	       !(regs->rflags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}

/* The low 48 bits sign-extended: an address IRET may load into RIP. */
static bool canonical_address(unsigned long addr)
{
	return (unsigned long)((long)(addr << 16) >> 16) == addr;
}

void x86_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode(regs);
	/*
	 * The SIGSEGV's handler (at a new RIP) runs, or the default action
	 * kills; a handler that is itself non-canonical makes the next
	 * round's signal a blocked one, which force_sig() makes fatal.
	 */
	while (!canonical_address(regs->rip)) {
		local_irq_enable();
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);	/* as Linux's bad IRET */
		exit_to_user_mode(regs);
	}
}

int syscall_get_nr(const struct pt_regs *regs)
{
	return regs->vector == SYSCALL_VECTOR ? (int)regs->error_code : -1;
}
