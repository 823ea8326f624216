// SPDX-License-Identifier: GPL-2.0-only
/*
 * powerpc64 system call entry (the C half of an sc from user mode,
 * vector 0xc00): the number is in r0, the arguments in r3-r8; the result
 * goes back in r3, an error as a positive errno with CR0[SO] set (Linux's
 * ABI, with the numbers of asm/syscall_table.h). SRR0 already points past
 * the sc.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/stddef.h>
#include <linux/syscalls.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <asm/traps.h>

_Static_assert(offsetof(struct cpu_info, curr_task) == CPU_INFO_CURR_TASK, "asm/percpu.h");
_Static_assert(offsetof(struct cpu_info, kernel_sp) == CPU_INFO_KERNEL_SP, "asm/percpu.h");
_Static_assert(offsetof(struct cpu_info, overflow_sp) == CPU_INFO_OVERFLOW_SP, "asm/percpu.h");
_Static_assert(offsetof(struct task_struct, thread.stack_guard) == THREAD_STACK_GUARD,
	       "asm/percpu.h");
_Static_assert(offsetof(struct cpu_info, user_sp) == CPU_INFO_USER_SP, "asm/percpu.h");
_Static_assert(offsetof(struct pt_regs, result) == PT_RESULT, "asm/ptrace.h");
_Static_assert(sizeof(struct pt_regs) == PT_SIZE, "asm/ptrace.h");

void do_syscall(struct pt_regs *regs)
{
	unsigned long args[6] = { regs->gpr[3], regs->gpr[4], regs->gpr[5],
				  regs->gpr[6], regs->gpr[7], regs->gpr[8] };
	long ret;

	local_irq_enable();
	ret = invoke_syscall(regs->gpr[0], args);
	/* rt_sigreturn and execve gave the registers a whole new state. */
	if (in_syscall(regs))
		syscall_set_return_value(regs, ret);
}

int syscall_get_nr(const struct pt_regs *regs)
{
	return in_syscall(regs) ? (int)regs->gpr[0] : -1;
}
