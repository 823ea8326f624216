// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 interrupt handling. powerpc_interrupt() (called by entry.S
 * with the saved registers) dispatches by vector: the decrementer, the
 * external interrupt (XICS), storage faults, program checks. Any other
 * kernel exception is reported (vector, faulting address, nip with its
 * symbol, registers, backtrace) and panics; none reboots the machine.
 * Exception-table fixups let the user accesses return errors instead. A
 * kernel stack overflow into the guard page below a thread stack arrives
 * on the overflow stack (entry.S) and is reported as such. From user mode
 * the system call (0xc00), interrupts and faults are served, exceptions
 * become signals, and the return to user mode does its pending work.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kallsyms.h>
#include <linux/panic.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/signal.h>
#include <linux/start_kernel.h>
#include <linux/syscalls.h>
#include <linux/stacktrace.h>
#include <asm/hvcall.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/reg.h>
#include <asm/traps.h>

static const char *vector_name(unsigned long trap)
{
	switch (trap) {
	case 0x200: return "machine check";
	case 0x300: return "data storage";
	case 0x380: return "data segment";
	case 0x400: return "instruction storage";
	case 0x480: return "instruction segment";
	case 0x600: return "alignment";
	case 0x700: return "program check";
	case 0x800: return "floating point unavailable";
	case 0xc00: return "system call";
	case 0xd00: return "trace";
	case 0xf20: return "vector unavailable";
	case 0xf40: return "VSX unavailable";
	default: return "unexpected interrupt";
	}
}

void __init trap_init(void)
{
}

/* H_CEDE returns with MSR[EE] set: the interrupt that ended it is taken then. */
void arch_cpu_idle(void)
{
	plpar_hcall_norets(H_CEDE);
	arch_local_irq_enable();
}

void show_regs(struct pt_regs *r)
{
	pr_emerg("CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
		 current ? current->pid : -1, current ? current->comm : "?");
	pr_emerg("NIP: %pS\n", (void *)r->nip);
	pr_emerg(" LR: %pS\n", (void *)r->link);
	pr_emerg("NIP:  %016lx LR: %016lx CTR: %016lx\n", r->nip, r->link, r->ctr);
	pr_emerg("MSR:  %016lx CR: %08lx XER: %08lx\n", r->msr, r->ccr, r->xer);
	pr_emerg("DAR:  %016lx DSISR: %08lx TRAP: %lx\n", r->dar, r->dsisr, r->trap);
	for (int i = 0; i < 32; i += 4)
		pr_emerg("GPR%02d: %016lx %016lx %016lx %016lx\n", i, r->gpr[i], r->gpr[i + 1],
			 r->gpr[i + 2], r->gpr[i + 3]);
}

/*
 * The stack sp lies on: the current task's, the boot or this CPU's
 * overflow stack (sp may be its top: the byte below is on it).
 */
static bool stack_bounds(unsigned long sp, unsigned long *lo, unsigned long *hi)
{
	return kernel_stack_bounds(sp - 1, lo, hi);
}

/*
 * The ELFv2 back chain: 0(sp) is the caller's sp, and a function saves
 * its return address at 16(its caller's sp). The interrupted function may
 * not have saved its LR yet (a leaf never does), so the trace starts with
 * nip and the saved LR, then follows the chain from the caller's frame.
 */
void arch_stack_walk(stack_trace_consume_fn consume_entry, void *cookie,
		     struct pt_regs *regs)
{
	unsigned long sp = regs->gpr[1], lo, hi;
	int depth = 0;

	/* arch_capture_regs() sets both; a trap may be before LR was saved. */
	if (regs->link != regs->nip && !consume_entry(cookie, regs->link))
		return;
	if (!stack_bounds(sp, &lo, &hi))
		return;
	sp = *(unsigned long *)sp;
	while (sp >= lo + 32 && sp <= hi - 24 && !(sp & 7) && depth++ < 32) {
		unsigned long next = *(unsigned long *)sp;
		unsigned long ret = ((unsigned long *)sp)[2];

		if (!next)
			break;
		if (ret && !consume_entry(cookie, ret))
			break;
		if (next <= sp)
			break;
		sp = next;
	}
}

void show_stack_from(struct pt_regs *regs)
{
	pr_emerg("Call Trace:\n");
	pr_emerg(" [<%016lx>] %pS\n", regs->nip, (void *)regs->nip);
	arch_stack_walk(stack_trace_print_entry, NULL, regs);
}

static void do_page_fault(struct pt_regs *regs)
{
	bool exec = regs->trap == 0x400 || regs->trap == 0x480;
	unsigned long addr = exec ? regs->nip : regs->dar;
	bool prot = exec ? regs->msr & SRR1_ISI_PROT : regs->dsisr & DSISR_PROTFAULT;
	const char *access;
	pte_t pte;

	/* A user access: demand paging, copy on write, else the fixup. */
	if (do_user_page_fault(regs) || fixup_exception(regs))
		return;
	oops_in_progress++;
	if (stack_guard_hit(regs->gpr[1], INT_FRAME_SIZE)) {
		pr_emerg("BUG: kernel stack overflow: guard page hit at %016lx in %s/%d\n",
			 addr, current->comm, current->pid);
		die("kernel stack overflow", regs, regs->trap);
	}
	if (addr < PAGE_SIZE)
		pr_emerg("BUG: kernel NULL pointer dereference, address: %016lx\n", addr);
	else
		pr_emerg("BUG: unable to handle page fault for address: %016lx\n", addr);
	access = exec ? "instruction fetch" : regs->dsisr & DSISR_ISSTORE ? "write" : "read";
	/* The kernel's tree translates only its own quadrant. */
	pte = addr >= PAGE_OFFSET ? lookup_kernel_page(addr) : 0;
	pr_emerg("Page fault: supervisor %s access in %s mode, %s\n", access,
		 user_mode(regs) ? "user" : "kernel",
		 prot || pte_present(pte) ? "protection violation" : "not-present page");
	die(vector_name(regs->trap), regs, regs->trap);
}

static void handle_irq(struct pt_regs *regs)
{
	struct cpu_info *ci = this_cpu();

	ci->in_irq++;
	ci->irq_count++;
	if (regs->trap == 0x900)
		timer_interrupt();
	else
		xics_handle_irq();
	ci->in_irq--;
	/* Kernel preemption: the interrupted kernel code allowed it. */
	if (ci->need_resched && !ci->in_irq && !ci->preempt_count && !user_mode(regs) &&
	    (regs->msr & MSR_EE))
		preempt_schedule_irq();
}

/*
 * A program check from user mode: a trap instruction, an illegal or a
 * privileged one (FP exceptions never trap: user mode runs with MSR[FE0|FE1] clear).
 */
static void do_user_program_check(struct pt_regs *regs)
{
	if (regs->msr & SRR1_PROGTRAP)
		force_sig_fault(SIGTRAP, TRAP_BRKPT, regs->nip);
	else if (regs->msr & SRR1_PROGPRIV)
		force_sig_fault(SIGILL, ILL_PRVOPC, regs->nip);
	else
		force_sig_fault(SIGILL, ILL_ILLOPC, regs->nip);
}

/* An interrupt from user mode, then the return to user mode's work. */
static void user_interrupt(struct pt_regs *regs)
{
	switch (regs->trap) {
	case 0xc00:
		do_syscall(regs);
		break;
	case 0x500:
	case 0x900:
		handle_irq(regs);
		break;
	case 0x300:
	case 0x380:
	case 0x400:
	case 0x480:
		do_user_page_fault(regs);
		break;
	case 0x600:
		force_sig_fault(SIGBUS, BUS_ADRALN, regs->dar);
		break;
	case 0x700:
		do_user_program_check(regs);
		break;
	default:
		force_sig_fault(SIGILL, ILL_ILLOPC, regs->nip);
		break;
	}
	exit_to_user_mode(regs);
}

void powerpc_interrupt(struct pt_regs *regs);
void powerpc_interrupt(struct pt_regs *regs)
{
	unsigned long trap = regs->trap;

	if (user_mode(regs)) {
		user_interrupt(regs);
		return;
	}
	switch (trap) {
	case 0x500:
	case 0x900:
		handle_irq(regs);
		return;
	case 0x300:
	case 0x380:
	case 0x400:
	case 0x480:
		do_page_fault(regs);
		return;
	case 0x600:
	case 0x700:
		if (fixup_exception(regs))
			return;
		break;
	}
	oops_in_progress++;
	if (stack_guard_hit(regs->gpr[1], INT_FRAME_SIZE))
		pr_emerg("BUG: kernel stack overflow in %s/%d\n", current->comm, current->pid);
	if (trap == 0x700)
		pr_emerg("program check: %s at %016lx\n",
			 regs->msr & SRR1_PROGTRAP ? "trap" :
			 regs->msr & SRR1_PROGPRIV ? "privileged instruction" :
			 regs->msr & SRR1_PROGILL ? "illegal instruction" : "floating point",
			 regs->nip);
	die(vector_name(trap), regs, trap);
}
