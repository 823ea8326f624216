// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 system call entry (the C half of an SVC from EL0, entry.S): the
 * number is in x8, the arguments in x0-x5, the result goes back in x0
 * (Linux's ABI, with the generic numbers of asm-generic/syscall_table.h).
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/syscalls.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

void do_el0_svc(struct pt_regs *regs)
{
	unsigned long args[6] = { regs->regs[0], regs->regs[1], regs->regs[2],
				  regs->regs[3], regs->regs[4], regs->regs[5] };

	regs->syscallno = (long)regs->regs[8];
	local_irq_enable();
	regs->regs[0] = invoke_syscall(regs->regs[8], args);
}

int syscall_get_nr(const struct pt_regs *regs)
{
	return (int)regs->syscallno;
}
