// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 system call entry (the C half of an ecall from U-mode): the
 * number is in a7, the arguments in a0-a5, the result goes back in a0
 * (Linux's ABI, with the generic numbers of asm-generic/syscall_table.h).
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

_Static_assert(offsetof(struct cpu_info, kernel_sp) == CPU_INFO_KERNEL_SP, "asm/percpu.h");
_Static_assert(offsetof(struct cpu_info, curr_task) == CPU_INFO_CURR_TASK, "asm/percpu.h");
_Static_assert(offsetof(struct task_struct, thread.stack_guard) == THREAD_STACK_GUARD,
	       "asm/percpu.h");
_Static_assert(offsetof(struct cpu_info, user_sp) == CPU_INFO_USER_SP, "asm/percpu.h");
_Static_assert(offsetof(struct cpu_info, overflow_sp) == CPU_INFO_OVERFLOW_SP, "asm/percpu.h");
_Static_assert(offsetof(struct pt_regs, orig_a0) == PT_ORIG_A0, "asm/ptrace.h");
_Static_assert(sizeof(struct pt_regs) == PT_SIZE, "asm/ptrace.h");

void do_ecall_u(struct pt_regs *regs)
{
	unsigned long args[6] = { regs->a0, regs->a1, regs->a2, regs->a3, regs->a4, regs->a5 };

	regs->epc += 4;			/* return past the ecall */
	regs->orig_a0 = regs->a0;
	local_irq_enable();
	regs->a0 = invoke_syscall(regs->a7, args);
}

int syscall_get_nr(const struct pt_regs *regs)
{
	return in_syscall(regs) ? (int)regs->a7 : -1;
}
