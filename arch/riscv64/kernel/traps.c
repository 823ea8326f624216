// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 trap handling. riscv_trap_entry() (called by entry.S with the
 * saved registers) dispatches interrupts (timer, PLIC, IPIs); traps from U-mode
 * are system calls, page faults (resolved or signalled) or signals for
 * the process, and end with the work due before the return to user mode.
 * Any other kernel exception is reported (scause, stval, epc with its
 * symbol, registers, backtrace) and panics; none reboots the machine.
 * Page faults on user addresses from the kernel's user accesses are
 * resolved like U-mode ones; exception-table fixups let the rest return
 * errors instead. A kernel stack overflow into the guard
 * page below a thread stack arrives on the overflow stack (entry.S) and is
 * reported as such.
 */
#include <linux/kernel.h>
#include <linux/pgtable.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kallsyms.h>
#include <linux/kconfig.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/signal.h>
#include <linux/start_kernel.h>
#include <linux/syscalls.h>
#include <linux/stacktrace.h>
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

/* The current task's lowest safe trap-time sp (set by __switch_to_asm). */
unsigned long riscv_stack_guard;
extern char boot_stack_bottom[], boot_stack_top[];

static const char *const exception_names[16] = {
	[EXC_INST_MISALIGNED] = "instruction address misaligned",
	[EXC_INST_ACCESS] = "instruction access fault",
	[EXC_ILLEGAL_INSN] = "illegal instruction",
	[EXC_BREAKPOINT] = "breakpoint (ebreak)",
	[EXC_LOAD_MISALIGNED] = "load address misaligned",
	[EXC_LOAD_ACCESS] = "load access fault",
	[EXC_STORE_MISALIGNED] = "store address misaligned",
	[EXC_STORE_ACCESS] = "store access fault",
	[EXC_ECALL_U] = "environment call from U-mode",
	[EXC_ECALL_S] = "environment call from S-mode",
	[EXC_INST_PAGE_FAULT] = "instruction page fault",
	[EXC_LOAD_PAGE_FAULT] = "load page fault",
	[EXC_STORE_PAGE_FAULT] = "store page fault",
};

static const char *exception_name(unsigned long cause)
{
	if (cause < ARRAY_SIZE(exception_names) && exception_names[cause])
		return exception_names[cause];
	return "reserved exception";
}

void __init trap_init(void)
{
	csr_write(stvec, (unsigned long)handle_exception);
	csr_write(sscratch, 0);
	csr_write(sie, SIE_SSIE);	/* IPIs; the timer and the PLIC enable their own */
}

void show_regs(struct pt_regs *r)
{
	pr_emerg("CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
		 current ? current->pid : -1, current ? current->comm : "?");
	pr_emerg("epc : %pS\n", (void *)r->epc);
	pr_emerg(" ra : %pS\n", (void *)r->ra);
	pr_emerg("epc : %016lx ra : %016lx sp : %016lx\n", r->epc, r->ra, r->sp);
	pr_emerg(" gp : %016lx tp : %016lx t0 : %016lx\n", r->gp, r->tp, r->t0);
	pr_emerg(" t1 : %016lx t2 : %016lx s0 : %016lx\n", r->t1, r->t2, r->s0);
	pr_emerg(" s1 : %016lx a0 : %016lx a1 : %016lx\n", r->s1, r->a0, r->a1);
	pr_emerg(" a2 : %016lx a3 : %016lx a4 : %016lx\n", r->a2, r->a3, r->a4);
	pr_emerg(" a5 : %016lx a6 : %016lx a7 : %016lx\n", r->a5, r->a6, r->a7);
	pr_emerg(" s2 : %016lx s3 : %016lx s4 : %016lx\n", r->s2, r->s3, r->s4);
	pr_emerg(" s5 : %016lx s6 : %016lx s7 : %016lx\n", r->s5, r->s6, r->s7);
	pr_emerg(" s8 : %016lx s9 : %016lx s10: %016lx\n", r->s8, r->s9, r->s10);
	pr_emerg(" s11: %016lx t3 : %016lx t4 : %016lx\n", r->s11, r->t3, r->t4);
	pr_emerg(" t5 : %016lx t6 : %016lx\n", r->t5, r->t6);
	pr_emerg("status: %016lx badaddr: %016lx cause: %016lx\n", r->status, r->badaddr,
		 r->cause);
}

/* The stack fp lies on: the current task's, or the boot stack. */
static bool stack_bounds(unsigned long fp, unsigned long *lo, unsigned long *hi)
{
	struct task_struct *t = current;

	if (t && t->stack && fp > (unsigned long)t->stack &&
	    fp <= (unsigned long)t->stack + THREAD_SIZE) {
		*lo = (unsigned long)t->stack;
		*hi = *lo + THREAD_SIZE;
		return true;
	}
	if (fp > (unsigned long)boot_stack_bottom && fp <= (unsigned long)boot_stack_top) {
		*lo = (unsigned long)boot_stack_bottom;
		*hi = (unsigned long)boot_stack_top;
		return true;
	}
	return false;
}

/*
 * Frame pointers: s0 is the caller's sp at entry (the CFA); the return
 * address is at s0 - 8 and the caller's s0 at s0 - 16. A leaf function
 * (gcc) saves only s0, at s0 - 8: in the trapping frame, a value there
 * that points into the stack is the caller's s0, and the return address is
 * still in ra.
 */
void arch_stack_walk(stack_trace_consume_fn consume_entry, void *cookie,
		     struct pt_regs *regs)
{
	unsigned long fp = regs->s0, lo, hi;
	bool in_text = !kallsyms_lookup(regs->epc, NULL, NULL, NULL);
	int depth = 0;

	/* A jump into non-text: ra holds the caller's return address. */
	if (!in_text && !consume_entry(cookie, regs->ra))
		return;
	if (!stack_bounds(fp, &lo, &hi))
		return;
	while (fp >= lo + 16 && fp <= hi && !(fp & 7) && depth++ < 32) {
		unsigned long *frame = (unsigned long *)fp - 2;	/* [0] = s0, [1] = ra */
		unsigned long ret = frame[1], next = frame[0];

		if (depth == 1 && in_text && ret > fp && ret <= hi) {
			next = ret;	/* leaf: frame[1] is the caller's s0 */
			ret = regs->ra;
		}
		if (!ret || !consume_entry(cookie, ret))
			break;
		if (next <= fp)
			break;
		fp = next;
	}
}

void show_stack_from(struct pt_regs *regs)
{
	pr_emerg("Call Trace:\n");
	pr_emerg(" [<%016lx>] %pS\n", regs->epc, (void *)regs->epc);
	arch_stack_walk(stack_trace_print_entry, NULL, regs);
}

static void do_page_fault(struct pt_regs *regs)
{
	unsigned long addr = regs->badaddr, cause = regs->cause;
	const char *access;
	u64 pte;

	if (IS_ENABLED(CONFIG_USER_SPACE) && do_user_page_fault(regs))
		return;
	if (fixup_exception(regs))
		return;
	oops_in_progress++;
	if (stack_guard_hit(regs->sp, PT_SIZE)) {
		pr_emerg("BUG: kernel stack overflow: guard page hit at %016lx in %s/%d\n",
			 addr, current->comm, current->pid);
		die("kernel stack overflow", regs, cause);
	}
	if (addr < PAGE_SIZE)
		pr_emerg("BUG: kernel NULL pointer dereference, address: %016lx\n", addr);
	else
		pr_emerg("BUG: unable to handle page fault for address: %016lx\n", addr);
	access = cause == EXC_INST_PAGE_FAULT ? "instruction fetch" :
		 cause == EXC_STORE_PAGE_FAULT ? "write" : "read";
	pte = lookup_kernel_page(addr);
	pr_emerg("Page fault: supervisor %s access in %s mode, %s\n", access,
		 user_mode(regs) ? "user" : "kernel",
		 pte_present(pte) ? "protection violation" : "not-present page");
	die(exception_name(cause), regs, cause);
}

static void handle_irq(struct pt_regs *regs, unsigned long irq)
{
	struct cpu_info *ci = this_cpu();

	ci->in_irq++;
	ci->irq_count++;
	switch (irq) {
	case IRQ_S_TIMER:
		riscv_timer_interrupt();
		break;
	case IRQ_S_EXT:
		plic_handle_irq();
		break;
	case IRQ_S_SOFT:
		riscv_ipi_interrupt();
		break;
	default:
		pr_warn("unexpected interrupt %lu\n", irq);
		csr_clear(sie, 1UL << irq);
		break;
	}
	ci->in_irq--;
	/*
	 * Kernel preemption: the interrupted kernel code allowed it (user
	 * mode reschedules in exit_to_user_mode()).
	 */
	if (ci->need_resched && !ci->in_irq && !ci->preempt_count && !user_mode(regs) &&
	    (regs->status & SR_SPIE))
		preempt_schedule_irq();
}

#ifdef CONFIG_USER_SPACE
static void do_user_trap(struct pt_regs *regs, int sig, int code, unsigned long addr)
{
	pr_info("traps: %s[%d] trap %s epc:%lx sp:%lx badaddr:%lx\n", current->comm,
		current->pid, exception_name(regs->cause), regs->epc, regs->sp, regs->badaddr);
	force_sig_fault(sig, code, addr);
}

/* A trap from U-mode: a system call, a fault or an interrupt. */
static void user_trap(struct pt_regs *regs)
{
	unsigned long cause = regs->cause;

	if (cause & CAUSE_IRQ_FLAG) {
		handle_irq(regs, cause & ~CAUSE_IRQ_FLAG);
		return;
	}
	switch (cause) {
	case EXC_ECALL_U:
		do_ecall_u(regs);
		break;
	case EXC_INST_PAGE_FAULT:
	case EXC_LOAD_PAGE_FAULT:
	case EXC_STORE_PAGE_FAULT:
		do_user_page_fault(regs);
		break;
	case EXC_INST_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		do_user_trap(regs, SIGBUS, BUS_ADRALN, regs->badaddr);
		break;
	case EXC_INST_ACCESS:
	case EXC_LOAD_ACCESS:
	case EXC_STORE_ACCESS:
		do_user_trap(regs, SIGSEGV, SEGV_ACCERR, regs->badaddr);
		break;
	case EXC_BREAKPOINT:
		do_user_trap(regs, SIGTRAP, TRAP_BRKPT, regs->epc);
		break;
	default:
		do_user_trap(regs, SIGILL, ILL_ILLOPC, regs->epc);
		break;
	}
}
#endif

void riscv_trap_entry(struct pt_regs *regs);
void riscv_trap_entry(struct pt_regs *regs)
{
	unsigned long cause = regs->cause;

#ifdef CONFIG_USER_SPACE
	if (user_mode(regs)) {
		user_trap(regs);
		exit_to_user_mode(regs);
		return;
	}
#endif
	if (cause & CAUSE_IRQ_FLAG) {
		handle_irq(regs, cause & ~CAUSE_IRQ_FLAG);
		return;
	}
	switch (cause) {
	case EXC_INST_PAGE_FAULT:
	case EXC_LOAD_PAGE_FAULT:
	case EXC_STORE_PAGE_FAULT:
		do_page_fault(regs);
		return;
	case EXC_LOAD_ACCESS:
	case EXC_STORE_ACCESS:
	case EXC_ILLEGAL_INSN:
		if (fixup_exception(regs))
			return;
		break;
	}
	oops_in_progress++;
	if (stack_guard_hit(regs->sp, PT_SIZE))
		pr_emerg("BUG: kernel stack overflow in %s/%d\n", current->comm, current->pid);
	die(exception_name(cause), regs, cause);
}
