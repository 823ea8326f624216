// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM exception handling. Data and prefetch aborts are decoded
 * from the CP15 fault status and address registers (DFSR/DFAR,
 * IFSR/IFAR): those from user mode, or on user addresses, are the memory
 * code's (arch/arm/mm/fault.c), which brings the page in or signals the
 * process; the kernel's own are reported, undefined instructions
 * likewise, and they end in die(), unless the faulting instruction has an
 * exception-table fixup. An undefined instruction in user mode is
 * SIGILL. Interrupts go to the VIC driver. A kernel stack
 * overflow is caught by the vector code (entry.S), which reports it here
 * from a separate stack. Reports are worded like Linux's arm ones.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kallsyms.h>
#include <linux/kconfig.h>
#include <linux/panic.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/signal.h>
#include <linux/start_kernel.h>
#include <linux/stacktrace.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/mach.h>
#include <asm/setup.h>
#include <asm/traps.h>

/* entry.S reads these at fixed offsets. */
_Static_assert(offsetof(struct cpu_info, curr_task) == CPU_INFO_CURR_TASK, "asm/percpu.h");
_Static_assert(offsetof(struct cpu_info, overflow_sp) == CPU_INFO_OVERFLOW_SP, "asm/percpu.h");
_Static_assert(offsetof(struct task_struct, thread.stack_limit) == THREAD_STACK_LIMIT,
	       "asm/percpu.h");

static const char *fsr_info(unsigned long fsr)
{
	switch (FSR_FS(fsr)) {
	case 0x01: return "alignment exception";
	case 0x05: return "section translation fault";
	case 0x07: return "page translation fault";
	case 0x09: return "section domain fault";
	case 0x0b: return "page domain fault";
	case 0x0d: return "section permission fault";
	case 0x0f: return "page permission fault";
	case 0x02: return "debug event";
	case 0x08: return "external abort";
	default: return "unknown fault";
	}
}

void __init trap_init(void)
{
	/* The vectors were mapped at 0xffff0000 and selected by paging_init(). */
}

void show_regs(struct pt_regs *r)
{
	pr_emerg("CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
		 current ? current->pid : -1, current ? current->comm : "?");
	pr_emerg("PC is at %pS\n", (void *)r->pc);
	pr_emerg("LR is at %pS\n", (void *)r->lr);
	pr_emerg("pc : [<%08lx>]    lr : [<%08lx>]    psr: %08lx\n", r->pc, r->lr, r->cpsr);
	pr_emerg("sp : %08lx  ip : %08lx  fp : %08lx\n", r->sp, r->regs[12], r->regs[11]);
	pr_emerg("r10: %08lx  r9 : %08lx  r8 : %08lx\n", r->regs[10], r->regs[9], r->regs[8]);
	pr_emerg("r7 : %08lx  r6 : %08lx  r5 : %08lx  r4 : %08lx\n", r->regs[7], r->regs[6],
		 r->regs[5], r->regs[4]);
	pr_emerg("r3 : %08lx  r2 : %08lx  r1 : %08lx  r0 : %08lx\n", r->regs[3], r->regs[2],
		 r->regs[1], r->regs[0]);
}

/*
 * Whether the function holding @pc builds LLVM's frame record (Rust: a
 * v0-mangled "_R" symbol) rather than gcc's APCS frame (C).
 */
static bool llvm_frame(unsigned long pc)
{
	unsigned long size, off;
	const char *name;

	return !kallsyms_lookup(pc, &size, &off, &name) && name[0] == '_' && name[1] == 'R';
}

/*
 * Walk the frames along fp (r11). C code, built with -mapcs-frame, leaves
 * APCS frames: fp points at the saved pc, below it the return address
 * (lr), the caller's sp and the caller's fp. Rust code (LLVM) leaves a
 * record {caller's fp, lr} that fp points at. Which one a frame is
 * depends on the function it belongs to, found from the address the walk
 * is in. A walk may cross from the overflow stack into the thread stack,
 * so the bounds follow each frame.
 */
void arch_stack_walk(stack_trace_consume_fn consume_entry, void *cookie,
		     struct pt_regs *regs)
{
	unsigned long fp = regs->regs[11], pc = regs->pc, lo, hi;
	int depth = 0;

	while (depth++ < 32) {
		unsigned long *frame = (unsigned long *)fp;
		bool llvm = llvm_frame(pc);

		if (!kernel_stack_bounds(fp, &lo, &hi) || (fp & 3) ||
		    (llvm ? fp + 8 > hi : fp < lo + 12 || fp + 4 > hi))
			break;
		pc = llvm ? frame[1] : frame[-1];
		if (!pc || !consume_entry(cookie, pc))
			break;
		fp = llvm ? frame[0] : frame[-3];
		pc -= 4;		/* inside the call, in its caller */
	}
}

void show_stack_from(struct pt_regs *regs)
{
	pr_emerg("Call trace:\n");
	pr_emerg(" [<%08lx>] %pS\n", regs->pc, (void *)regs->pc);
	arch_stack_walk(stack_trace_print_entry, NULL, regs);
}

static void do_kernel_abort(struct pt_regs *regs, bool exec)
{
	unsigned long addr = regs->far, fsr = regs->fsr;
	bool write = !exec && (fsr & FSR_WRITE);
	bool perm = (FSR_FS(fsr) & 0xd) == 0xd;

	if (IS_ENABLED(CONFIG_USER_SPACE) && do_user_abort(regs, exec))
		return;
	if (!exec && fixup_exception(regs))
		return;
	oops_in_progress++;
	pr_emerg("Unable to handle kernel %s at virtual address %08lx\n",
		 kernel_fault_reason(addr, exec, write, perm), addr);
	pr_emerg("%s: FSR = %#05lx: %s (%s access)\n", exec ? "Prefetch abort" : "Data abort",
		 fsr, fsr_info(fsr), exec ? "execute" : write ? "write" : "read");
	pr_emerg("[%08lx] *pte=%08x\n", addr, lookup_kernel_page(addr));
	die(exec ? "prefetch abort" : "data abort", regs, fsr);
}

/* Data abort (entry.S): DFAR and DFSR say where and why. */
void arm_dabt_handler(struct pt_regs *regs);
void arm_dabt_handler(struct pt_regs *regs)
{
	__asm__ __volatile__("mrc p15, 0, %0, c6, c0, 0" : "=r"(regs->far));
	__asm__ __volatile__("mrc p15, 0, %0, c5, c0, 0" : "=r"(regs->fsr));
	do_kernel_abort(regs, false);
}

/* Prefetch abort (entry.S): IFAR and IFSR. */
void arm_pabt_handler(struct pt_regs *regs);
void arm_pabt_handler(struct pt_regs *regs)
{
	__asm__ __volatile__("mrc p15, 0, %0, c6, c0, 2" : "=r"(regs->far));
	__asm__ __volatile__("mrc p15, 0, %0, c5, c0, 1" : "=r"(regs->fsr));
	do_kernel_abort(regs, true);
}

/* Undefined instruction (entry.S): __builtin_trap() and BUG() land here. */
void arm_und_handler(struct pt_regs *regs);
void arm_und_handler(struct pt_regs *regs)
{
	if (IS_ENABLED(CONFIG_USER_SPACE) && user_mode(regs)) {
		pr_info("traps: %s[%d] undefined instruction ip:%lx sp:%lx\n", current->comm,
			current->pid, regs->pc, regs->sp);
		force_sig_fault(SIGILL, ILL_ILLOPC, regs->pc);
		return;
	}
	if (fixup_exception(regs))
		return;
	oops_in_progress++;
	pr_emerg("Internal error: undefined instruction %08lx at %08lx\n",
		 *(unsigned long *)regs->pc, regs->pc);
	die("undefined instruction", regs, 0);
}

/* Interrupt (entry.S). */
void arm_irq_handler(struct pt_regs *regs);
void arm_irq_handler(struct pt_regs *regs)
{
	struct cpu_info *ci = this_cpu();

	ci->in_irq++;
	ci->irq_count++;
	machine_desc->handle_irq();
	ci->in_irq--;
	/*
	 * Kernel preemption: the interrupted code allowed it. From user mode
	 * exit_to_user_mode() reschedules (entry.S).
	 */
	if (!user_mode(regs) && ci->need_resched && !ci->in_irq && !ci->preempt_count &&
	    !(regs->cpsr & PSR_I_BIT))
		preempt_schedule_irq();
}

/* An exception the kernel never expects: FIQ, reset, SVC (entry.S). */
void arm_bad_mode(struct pt_regs *regs);
void arm_bad_mode(struct pt_regs *regs)
{
	oops_in_progress++;
	pr_emerg("Bad mode: unexpected exception vector\n");
	die("Oops - bad mode", regs, 0);
}

/* The exception frame would not fit on the thread stack (entry.S). */
void arm_bad_stack(struct pt_regs *regs);
void arm_bad_stack(struct pt_regs *regs)
{
	struct task_struct *t = current;

	oops_in_progress++;
	if (t)
		t->thread.stack_limit = 0;	/* the overflow stack is in use now */
	pr_emerg("Insufficient stack space to handle exception!\n");
	if (t && t->stack)
		pr_emerg("Task stack: [%08lx..%08lx]\n", (unsigned long)t->stack,
			 (unsigned long)t->stack + THREAD_SIZE);
	pr_emerg("BUG: kernel stack overflow (SP %08lx) in %s/%d\n", regs->sp,
		 t ? t->comm : "?", t ? t->pid : -1);
	die("kernel stack overflow", regs, 0);
}
