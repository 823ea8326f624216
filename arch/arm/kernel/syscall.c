// SPDX-License-Identifier: GPL-2.0-only
/*
 * 32-bit ARM system call entry (the C half of an SVC from user mode,
 * entry.S): Linux's EABI, the number in r7, the arguments in r0-r5, the
 * result back in r0, with the numbers of asm/syscall_table.h. The ARM
 * private call ARM_set_tls (0xf0005, above the table, as in Linux) sets
 * the thread pointer.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/stddef.h>
#include <linux/syscalls.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>

#define __ARM_NR_set_tls 0xf0005

_Static_assert(sizeof(struct pt_regs) == PT_SIZE, "asm/ptrace.h");
_Static_assert(offsetof(struct pt_regs, syscallno) == S_SYSCALLNO, "asm/ptrace.h");
_Static_assert(offsetof(struct pt_regs, orig_r0) == S_ORIG_R0, "asm/ptrace.h");

void arm_syscall_handler(struct pt_regs *regs);
void arm_syscall_handler(struct pt_regs *regs)
{
	unsigned long args[6] = { regs->regs[0], regs->regs[1], regs->regs[2],
				  regs->regs[3], regs->regs[4], regs->regs[5] };
	unsigned long nr = regs->regs[7];

	local_irq_enable();
	if (nr == __ARM_NR_set_tls)
		regs->regs[0] = arch_set_tls(current, args[0]);
	else
		regs->regs[0] = invoke_syscall(nr, args);
}

int syscall_get_nr(const struct pt_regs *regs)
{
	return (int)regs->syscallno;
}
