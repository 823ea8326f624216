// SPDX-License-Identifier: GPL-2.0-only
/* panic(), BUG() and WARN() reporting. */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/panic.h>
#include <linux/reboot.h>
#include <linux/sched/task_stack.h>
#include <asm/ptrace.h>

unsigned long warn_count;

void panic(const char *fmt, ...)
{
	static char buf[256];
	struct pt_regs regs;
	va_list args;

	local_irq_disable();
	if (oops_in_progress > 2)	/* panicking inside panic: just stop */
		machine_exit(EXIT_PANIC_CODE);
	oops_in_progress++;
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	arch_capture_regs(&regs);
	show_regs(&regs);
	show_stack_from(&regs);
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_exit(EXIT_PANIC_CODE);
}

void __bug(const char *file, int line, const char *cond)
{
	struct pt_regs regs;

	local_irq_disable();
	oops_in_progress++;
	pr_emerg("------------[ cut here ]------------\n");
	if (cond)
		pr_emerg("kernel BUG at %s:%d! (%s)\n", file, line, cond);
	else
		pr_emerg("kernel BUG at %s:%d!\n", file, line);
	arch_capture_regs(&regs);
	show_regs(&regs);
	show_stack_from(&regs);
	panic("BUG at %s:%d", file, line);
}

void __warn(const char *file, int line, const char *cond)
{
	struct pt_regs regs;

	warn_count++;
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: at %s:%d: %s\n", file, line, cond);
	arch_capture_regs(&regs);
	show_regs(&regs);
	show_stack_from(&regs);
	pr_warn("---[ end trace ]---\n");
}

void die(const char *str, struct pt_regs *regs, unsigned long err)
{
	local_irq_disable();
	oops_in_progress++;
	pr_emerg("Oops: %s: %04lx [#1]\n", str, err);
	show_regs(regs);
	show_stack_from(regs);
	panic("Fatal exception: %s", str);
}

const char *kernel_fault_reason(unsigned long addr, bool exec, bool write, bool perm)
{
	if (stack_guard_hit(addr, 0))
		return "kernel stack overflow: guard page hit";
	if (addr < PAGE_SIZE)
		return "NULL pointer dereference";
	if (exec && perm)
		return "execute from non-executable memory";
	if (write && perm)
		return "write to read-only memory";
	return "paging request";
}

void dump_stack(void)
{
	struct pt_regs regs;

	arch_capture_regs(&regs);
	show_stack_from(&regs);
}
