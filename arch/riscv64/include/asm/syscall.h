/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The system call state in a task's pt_regs, for generic code (signal
 * delivery restarts interrupted calls). riscv64: the number is in a7,
 * the first argument in orig_a0, the result in a0; cause is EXC_ECALL_U
 * while the call runs, and the saved pc is already past the 4-byte ecall.
 */
#ifndef _ASM_RISCV_SYSCALL_H
#define _ASM_RISCV_SYSCALL_H

#include <linux/types.h>
#include <asm/csr.h>
#include <asm/ptrace.h>

/* True if @regs were saved by a system call entry. */
static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->cause == EXC_ECALL_U;
}

static inline long syscall_get_return_value(const struct pt_regs *regs)
{
	return (long)regs->a0;
}

static inline void syscall_set_return_value(struct pt_regs *regs, long val)
{
	regs->a0 = val;
}

/* Make the return to user mode execute the same system call again. */
static inline void syscall_restart(struct pt_regs *regs)
{
	regs->a0 = regs->orig_a0;
	regs->epc -= 4;			/* back to the ecall */
}

/* The system call is finished: a later signal must not restart it. */
static inline void syscall_forget(struct pt_regs *regs)
{
	regs->cause = -1UL;
}

#endif /* _ASM_RISCV_SYSCALL_H */
