// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 exception handling. Synchronous exceptions taken from the kernel
 * are decoded from ESR_EL1 (the exception class) and reported - data and
 * instruction aborts with FAR_EL1 and the kind of access, BRK, undefined
 * instructions - and panic, unless the faulting instruction has an
 * exception-table fixup. Interrupts go to the GIC driver. A kernel stack
 * overflow is caught by the vector code (entry.S), which reports it here
 * from a separate stack. Exceptions from EL0 are system calls, aborts on
 * user addresses (arch/arm64/mm/fault.c) or signals to the process.
 */
#include <linux/kernel.h>
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
#include <linux/irqchip/arm-gic.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/setup.h>
#include <asm/traps.h>

#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_IL (1UL << 25)
#define ESR_ISS(esr) ((esr) & 0x1ffffff)
#define ESR_ELx_WNR (1UL << 6)		/* data abort: a write */
#define ESR_ELx_FNV (1UL << 10)		/* FAR not valid */

#define EC_UNKNOWN 0x00
#define EC_FP_ASIMD 0x07
#define EC_SVC64 0x15
#define EC_SYS64 0x18
#define EC_IABT_LOW 0x20
#define EC_IABT_CUR 0x21
#define EC_PC_ALIGN 0x22
#define EC_DABT_LOW 0x24
#define EC_DABT_CUR 0x25
#define EC_SP_ALIGN 0x26
#define EC_SERROR 0x2f
#define EC_BRK64 0x3c

_Static_assert(offsetof(struct cpu_info, curr_task) == CPU_INFO_CURR_TASK, "asm/percpu.h");
_Static_assert(offsetof(struct cpu_info, overflow_sp) == CPU_INFO_OVERFLOW_SP, "asm/percpu.h");
_Static_assert(offsetof(struct task_struct, thread.stack_limit) == THREAD_STACK_LIMIT,
	       "asm/percpu.h");

static const char *esr_class_str(unsigned long esr)
{
	switch (ESR_EC(esr)) {
	case EC_UNKNOWN: return "Unknown/Uncategorized";
	case EC_FP_ASIMD: return "SIMD/FP";
	case EC_SVC64: return "SVC (AArch64)";
	case EC_SYS64: return "MSR/MRS (AArch64)";
	case EC_IABT_LOW: return "IABT (lower EL)";
	case EC_IABT_CUR: return "IABT (current EL)";
	case EC_PC_ALIGN: return "PC Alignment";
	case EC_DABT_LOW: return "DABT (lower EL)";
	case EC_DABT_CUR: return "DABT (current EL)";
	case EC_SP_ALIGN: return "SP Alignment";
	case EC_SERROR: return "SError";
	case EC_BRK64: return "BRK (AArch64)";
	default: return "UNRECOGNIZED EC";
	}
}

/*
 * EL0 gets what Linux gives it: SCTLR_EL1 and CPACR_EL1 are per CPU, so
 * every CPU that may run user code or FP/SIMD kernel code sets them.
 */
void cpu_el0_init(void)
{
	if (IS_ENABLED(CONFIG_USER_SPACE)) {
		write_sysreg(read_sysreg(sctlr_el1) | SCTLR_EL0_BITS, sctlr_el1);
		isb();
		fpsimd_init();
	}
}

void __init trap_init(void)
{
	/* The vectors were installed by head.S. */
	cpu_el0_init();
}

void show_regs(struct pt_regs *r)
{
	pr_emerg("CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
		 current ? current->pid : -1, current ? current->comm : "?");
	pr_emerg("pstate: %08lx\n", r->pstate);
	pr_emerg("pc : %pS\n", (void *)r->pc);
	pr_emerg("lr : %pS\n", (void *)r->regs[30]);
	pr_emerg("sp : %016lx\n", r->sp);
	for (int i = 29; i >= 0; i -= 3) {
		if (i >= 2)
			pr_emerg("x%-2d: %016lx x%-2d: %016lx x%-2d: %016lx\n", i, r->regs[i],
				 i - 1, r->regs[i - 1], i - 2, r->regs[i - 2]);
		else
			pr_emerg("x%-2d: %016lx x%-2d: %016lx\n", i, r->regs[i], i - 1,
				 r->regs[i - 1]);
	}
}

/* True if the frame record at addr lies in [lo, hi). */
static bool on_stack(unsigned long addr, unsigned long lo, unsigned long hi)
{
	return addr >= lo && addr + 16 <= hi && !(addr & 7);
}

/*
 * Walk the frame records (x29 -> {previous x29, return address}) that
 * AAPCS64 code built with frame pointers leaves. A walk may cross from the
 * overflow stack into the thread stack, so the bounds follow each record.
 */
void arch_stack_walk(stack_trace_consume_fn consume_entry, void *cookie,
		     struct pt_regs *regs)
{
	unsigned long fp = regs->regs[29], lo, hi;
	int depth = 0;

	while (depth++ < 32) {
		unsigned long ret;

		if (!kernel_stack_bounds(fp, &lo, &hi) || !on_stack(fp, lo, hi))
			break;
		ret = ((unsigned long *)fp)[1];
		if (!ret || !consume_entry(cookie, ret))
			break;
		fp = ((unsigned long *)fp)[0];
	}
}

void show_stack_from(struct pt_regs *regs)
{
	pr_emerg("Call trace:\n");
	pr_emerg(" [<%016lx>] %pS\n", regs->pc, (void *)regs->pc);
	arch_stack_walk(stack_trace_print_entry, NULL, regs);
}

static const char *fault_kind(unsigned long esr)
{
	unsigned int fsc = esr & 0x3f;

	if ((fsc & 0x3c) == 0x04)
		return "level translation fault";
	if ((fsc & 0x3c) == 0x0c)
		return "level permission fault";
	if ((fsc & 0x3c) == 0x08)
		return "level access flag fault";
	if (fsc == 0x21)
		return "alignment fault";
	return "other fault";
}

static void do_mem_abort(struct pt_regs *regs, unsigned long esr)
{
	unsigned long addr = regs->far;
	bool exec = ESR_EC(esr) == EC_IABT_CUR;
	bool write = !exec && (esr & ESR_ELx_WNR);
	bool perm = ((esr & 0x3c) == 0x0c);

	if (IS_ENABLED(CONFIG_USER_SPACE) && !exec && do_user_abort(regs, esr, addr))
		return;
	if (!exec && fixup_exception(regs))
		return;
	oops_in_progress++;
	pr_emerg("Unable to handle kernel %s at virtual address %016lx\n",
		 kernel_fault_reason(addr, exec, write, perm), addr);
	pr_emerg("Mem abort info:\n");
	pr_emerg("  ESR = %#010lx\n", esr);
	pr_emerg("  EC = %#04lx: %s, IL = %u bits\n", ESR_EC(esr), esr_class_str(esr),
		 esr & ESR_IL ? 32 : 16);
	pr_emerg("  FSC = %#04lx: %s %lu\n", esr & 0x3f, fault_kind(esr), esr & 3);
	if (!exec)
		pr_emerg("Data abort info:\n  WnR = %d (%s access)\n", write, write ? "write" : "read");
	die(exec ? "instruction abort" : "data abort", regs, esr);
}

/* Synchronous exception from EL1 (entry.S). */
void arm64_sync_handler(struct pt_regs *regs);
void arm64_sync_handler(struct pt_regs *regs)
{
	unsigned long esr = regs->esr;

	switch (ESR_EC(esr)) {
	case EC_DABT_CUR:
	case EC_IABT_CUR:
		do_mem_abort(regs, esr);
		return;
	case EC_BRK64:
		if (fixup_exception(regs))
			return;
		die("BRK handler", regs, esr);
	case EC_UNKNOWN:
		if (fixup_exception(regs))
			return;
		die("undefined instruction", regs, esr);
	default:
		pr_emerg("Unhandled exception: EC %#lx (%s), ESR %#010lx\n", ESR_EC(esr),
			 esr_class_str(esr), esr);
		die(esr_class_str(esr), regs, esr);
	}
}

#ifdef CONFIG_USER_SPACE
static void do_el0_trap(struct pt_regs *regs, int sig, int code)
{
	pr_info("traps: %s[%d] trap %s ip:%lx sp:%lx esr:%lx\n", current->comm, current->pid,
		esr_class_str(regs->esr), regs->pc, regs->sp, regs->esr);
	force_sig_fault(sig, code, regs->pc);
}

/* Synchronous exception from EL0 (entry.S), then the return to user mode. */
void arm64_el0_sync_handler(struct pt_regs *regs);
void arm64_el0_sync_handler(struct pt_regs *regs)
{
	unsigned long esr = regs->esr;

	switch (ESR_EC(esr)) {
	case EC_SVC64:
		do_el0_svc(regs);
		break;
	case EC_DABT_LOW:
	case EC_IABT_LOW:
		do_user_abort(regs, esr, regs->far);
		break;
	case EC_PC_ALIGN:
	case EC_SP_ALIGN:
		do_el0_trap(regs, SIGBUS, BUS_ADRALN);
		break;
	case EC_BRK64:
		do_el0_trap(regs, SIGTRAP, TRAP_BRKPT);
		break;
	default:
		do_el0_trap(regs, SIGILL, ILL_ILLOPC);
		break;
	}
	exit_to_user_mode(regs);
}

#endif

/* Run the pending interrupt's handler, counted as interrupt context. */
static void handle_irq(void)
{
	struct cpu_info *ci = this_cpu();

	ci->in_irq++;
	ci->irq_count++;
	gic_handle_irq();
	ci->in_irq--;
}

#ifdef CONFIG_USER_SPACE
/* Interrupt from EL0 (entry.S), then the return to user mode. */
void arm64_el0_irq_handler(struct pt_regs *regs);
void arm64_el0_irq_handler(struct pt_regs *regs)
{
	handle_irq();
	exit_to_user_mode(regs);
}
#endif

/* Interrupt from EL1 (entry.S). */
void arm64_irq_handler(struct pt_regs *regs);
void arm64_irq_handler(struct pt_regs *regs)
{
	struct cpu_info *ci = this_cpu();

	handle_irq();
	/* Kernel preemption: the interrupted code allowed it. */
	if (ci->need_resched && !ci->in_irq && !ci->preempt_count &&
	    !(regs->pstate & PSR_I_BIT))
		preempt_schedule_irq();
}

/* An exception through a vector the kernel never expects (entry.S). */
void arm64_bad_mode(struct pt_regs *regs);
void arm64_bad_mode(struct pt_regs *regs)
{
	oops_in_progress++;
	pr_emerg("Bad mode: unexpected exception vector, ESR %#010lx (%s)\n", regs->esr,
		 esr_class_str(regs->esr));
	die("Oops - bad mode", regs, regs->esr);
}

/* The exception frame would not fit on the thread stack (entry.S). */
void arm64_bad_stack(struct pt_regs *regs);
void arm64_bad_stack(struct pt_regs *regs)
{
	struct task_struct *t = current;

	oops_in_progress++;
	if (t)
		t->thread.stack_limit = 0;	/* the overflow stack is in use now */
	pr_emerg("Insufficient stack space to handle exception!\n");
	pr_emerg("ESR: %#010lx -- %s\n", regs->esr, esr_class_str(regs->esr));
	pr_emerg("FAR: %016lx\n", regs->far);
	if (t && t->stack)
		pr_emerg("Task stack: [%016lx..%016lx]\n", (unsigned long)t->stack,
			 (unsigned long)t->stack + THREAD_SIZE);
	pr_emerg("BUG: kernel stack overflow (guard page hit at %016lx) in %s/%d\n",
		 regs->far, t ? t->comm : "?", t ? t->pid : -1);
	die("kernel stack overflow", regs, regs->esr);
}
