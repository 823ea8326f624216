// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 descriptor tables and exception handling. Every CPU exception is
 * reported (vector, error code, RIP with its symbol, CR2 for page faults)
 * and panics; none reboots the machine. Double faults run on their own IST
 * stack, so a kernel stack overflow that hits the guard page below a thread
 * stack is reported as such instead of triple-faulting.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kallsyms.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/apic.h>
#include <asm/traps.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/stacktrace.h>

struct idt_entry {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 zero;
} __packed;

struct tss64 {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __packed;

/* One IDT for all CPUs; a GDT and TSS per CPU (a TSS is busy once loaded). */
static struct idt_entry idt[256] __aligned(16);
static DEFINE_PER_CPU(struct tss64, cpu_tss);
static DEFINE_PER_CPU(u64[7], cpu_gdt);
static const u64 gdt_template[7] = {
	0,
	0x00af9a000000ffffULL,	/* 0x08 kernel code */
	0x00cf92000000ffffULL,	/* 0x10 kernel data */
	0x00cff2000000ffffULL,	/* 0x18 user data (0x1b) */
	0x00affa000000ffffULL,	/* 0x20 user code (0x23) */
	0, 0,			/* 0x28 TSS (two slots) */
};
static u8 df_stack[DF_STACK_SIZE] __aligned(16);

extern char isr_stubs[];

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection fault", "page fault", "reserved",
	"x87 floating point", "alignment check", "machine check",
	"SIMD floating point", "virtualization", "control protection",
};

/*
 * An interrupt gate; @dpl 3 lets user code raise the vector with an INT
 * instruction (int3, int $4 as Linux allows), 0 makes that a #GP.
 */
static void set_gate(int vec, void *handler, int ist, int dpl)
{
	unsigned long a = (unsigned long)handler;

	idt[vec].offset_low = a & 0xffff;
	idt[vec].selector = KERNEL_CS;
	idt[vec].ist = ist;
	idt[vec].type_attr = 0x8e | dpl << 5;	/* present, interrupt gate */
	idt[vec].offset_mid = (a >> 16) & 0xffff;
	idt[vec].offset_high = a >> 32;
	idt[vec].zero = 0;
}

void set_kernel_stack(unsigned long sp0)
{
	this_cpu_ptr(&cpu_tss)->rsp[0] = sp0;
}

void cpu_init_tables(unsigned long df_stack_top)
{
	struct { u16 limit; u64 base; } __packed gdtr, idtr;
	struct tss64 *tss = this_cpu_ptr(&cpu_tss);
	u64 *gdt = *this_cpu_ptr(&cpu_gdt);
	unsigned long t = (unsigned long)tss;

	tss->ist[0] = df_stack_top;
	tss->iomap_base = sizeof(*tss);
	memcpy(gdt, gdt_template, sizeof(gdt_template));
	gdt[5] = (sizeof(*tss) - 1) | ((t & 0xffffff) << 16) | (0x89ULL << 40) |
		 ((t >> 24) & 0xff) << 56;
	gdt[6] = t >> 32;
	gdtr.limit = sizeof(gdt_template) - 1;
	gdtr.base = (u64)gdt;
	__asm__ __volatile__("lgdt %0" :: "m"(gdtr));
	__asm__ __volatile__("ltr %w0" :: "r"(TSS_SEL));
	idtr.limit = sizeof(idt) - 1;
	idtr.base = (u64)idt;
	__asm__ __volatile__("lidt %0" :: "m"(idtr));
	fpu_init();
	syscall_init();
}

void __init trap_init(void)
{
	for (int v = 0; v < 256; v++)
		set_gate(v, isr_stubs + 16 * v, v == 8 ? 1 : 0, v == 3 || v == 4 ? 3 : 0);
	cpu_init_tables((unsigned long)(df_stack + sizeof(df_stack)));
}

void show_regs(struct pt_regs *r)
{
	pr_emerg("CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
		 current ? current->pid : -1, current ? current->comm : "?");
	pr_emerg("RIP: %04lx:%pS\n", r->cs, (void *)r->rip);
	pr_emerg("RSP: %04lx:%016lx EFLAGS: %08lx\n", r->ss, r->rsp, r->rflags);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n", r->rax, r->rbx, r->rcx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n", r->rdx, r->rsi, r->rdi);
	pr_emerg("RBP: %016lx R08: %016lx R09: %016lx\n", r->rbp, r->r8, r->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n", r->r10, r->r11, r->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n", r->r13, r->r14, r->r15);
	pr_emerg("CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr2(), read_cr3(), read_cr4());
}

/* True if [addr, addr+8) lies in the stack we are walking. */
static bool on_stack(unsigned long addr, unsigned long lo, unsigned long hi)
{
	return addr >= lo && addr + 16 <= hi && !(addr & 7);
}

void arch_stack_walk(stack_trace_consume_fn consume_entry, void *cookie,
		     struct pt_regs *regs)
{
	unsigned long fp = regs->rbp, lo, hi;
	struct task_struct *t = current;
	int depth = 0;

	if (t && t->stack && regs->rsp >= (unsigned long)t->stack &&
	    regs->rsp < (unsigned long)t->stack + THREAD_SIZE) {
		lo = (unsigned long)t->stack;
		hi = lo + THREAD_SIZE;
	} else {
		/* The boot/idle stack, or the double-fault stack. */
		lo = regs->rsp & ~(4 * PAGE_SIZE - 1);
		hi = lo + 8 * PAGE_SIZE;
		if (fp < lo || fp >= hi)
			lo = fp, hi = fp + 8 * PAGE_SIZE;
	}
	/* A jump into non-text left the caller's return address at RSP. */
	if (kallsyms_lookup(regs->rip, NULL, NULL, NULL) && on_stack(regs->rsp, lo, hi) &&
	    !consume_entry(cookie, *(unsigned long *)regs->rsp))
		return;
	while (on_stack(fp, lo, hi) && depth++ < 32) {
		unsigned long ret = ((unsigned long *)fp)[1];

		if (!ret || !consume_entry(cookie, ret))
			break;
		fp = ((unsigned long *)fp)[0];
	}
}

void show_stack_from(struct pt_regs *regs)
{
	pr_emerg("Call Trace:\n");
	pr_emerg(" [<%016lx>] %pS\n", regs->rip, (void *)regs->rip);
	arch_stack_walk(stack_trace_print_entry, NULL, regs);
}

static void do_page_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2();
	unsigned long err = regs->error_code;

	if (do_user_addr_fault(regs, addr, err))
		return;
	if (fixup_exception(regs))
		return;
	oops_in_progress++;
	if (stack_guard_hit(addr, 0))
		pr_emerg("BUG: kernel stack overflow: guard page hit at %016lx\n", addr);
	else if (addr < PAGE_SIZE)
		pr_emerg("BUG: kernel NULL pointer dereference, address: %016lx\n", addr);
	else
		pr_emerg("BUG: unable to handle page fault for address: %016lx\n", addr);
	pr_emerg("#PF: %s %s access in %s mode\n", err & 4 ? "user" : "supervisor",
		 err & 16 ? "instruction fetch" : err & 2 ? "write" : "read",
		 err & 4 ? "user" : "kernel");
	pr_emerg("#PF: error_code(0x%04lx) - %s\n", err,
		 err & 1 ? "protection violation" : "not-present page");
	die("page fault", regs, err);
}

static void do_double_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2();

	oops_in_progress++;
	if (stack_guard_hit(addr, 0) || stack_guard_hit(regs->rsp, 0))
		pr_emerg("BUG: kernel stack overflow (guard page hit at %016lx) in %s/%d\n",
			 addr, current->comm, current->pid);
	die("double fault", regs, regs->error_code);
}

static void handle_irq(struct pt_regs *regs)
{
	struct cpu_info *ci = this_cpu();
	unsigned int irq = regs->vector - IRQ_VECTOR_BASE;

	ci->in_irq++;
	ci->irq_count++;
	if (irq < IO_APIC_FIRST_IRQ) {
		if (!pic_is_spurious(irq)) {
			generic_handle_irq(irq);
			pic_eoi(irq);
		}
	} else if (regs->vector >= FIRST_SYSTEM_VECTOR) {
		if (regs->vector != SPURIOUS_APIC_VECTOR)	/* never acknowledged */
			sysvec_interrupt(regs->vector);
	} else {
		generic_handle_irq(irq);
		lapic_eoi();
	}
	ci->in_irq--;
	/* Kernel preemption: the interrupted code allowed it. */
	if (ci->need_resched && !ci->in_irq && !ci->preempt_count &&
	    (regs->rflags & 0x200))
		preempt_schedule_irq();
}

/*
 * The signal an exception raised in user mode sends, and its si_code in
 * *@code (Linux's choices: SI_KERNEL where Linux uses force_sig()).
 */
static int user_trap_signal(unsigned long v, int *code)
{
	*code = SI_KERNEL;
	switch (v) {
	case 0:		/* divide error */
		*code = FPE_INTDIV;
		return SIGFPE;
	case 16:	/* x87 */
	case 19:	/* SIMD */
		*code = 0;
		return SIGFPE;
	case 1:
	case 3:
		return SIGTRAP;
	case 6:
		*code = ILL_ILLOPN;
		return SIGILL;
	case 11:	/* segment not present */
	case 12:	/* stack segment: a non-canonical stack address */
		return SIGBUS;
	case 17:	/* alignment check */
		*code = BUS_ADRALN;
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

static void do_user_trap(struct pt_regs *regs, unsigned long v)
{
	int code, sig = user_trap_signal(v, &code);

	pr_info("traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx\n", current->comm,
		current->pid, exception_names[v] ? exception_names[v] : "reserved",
		regs->rip, regs->rsp, regs->error_code);
	force_sig_fault(sig, code, code == SI_KERNEL ? 0 : regs->rip);
}

void x86_trap_entry(struct pt_regs *regs);
void x86_trap_entry(struct pt_regs *regs)
{
	unsigned long v = regs->vector;

	if (v >= IRQ_VECTOR_BASE) {
		handle_irq(regs);
		goto out;
	}
	if (user_mode(regs) && v != 14 && v != 8) {
		do_user_trap(regs, v);
		goto out;
	}
	switch (v) {
	case 14:
		do_page_fault(regs);
		goto out;
	case 8:
		do_double_fault(regs);
		return;
	case 3:
		pr_warn("int3 at %pS\n", (void *)regs->rip);
		return;
	case 6:
		if (fixup_exception(regs))
			return;
		break;
	}
	die(exception_names[v] ? exception_names[v] : "reserved exception", regs,
	    regs->error_code);
out:
	if (user_mode(regs))
		x86_exit_to_user_mode(regs);
}
