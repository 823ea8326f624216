/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The system call state in a task's pt_regs, for generic code (signal
 * delivery restarts interrupted calls). x86-64: the number is in orig_ax
 * (our error_code slot), the result in rax; SYSCALL is 2 bytes long.
 */
#ifndef _ASM_X86_SYSCALL_H
#define _ASM_X86_SYSCALL_H

#include <asm/ptrace.h>

/* True if @regs were saved by a system call entry. */
static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->vector == SYSCALL_VECTOR;
}

static inline long syscall_get_return_value(const struct pt_regs *regs)
{
	return (long)regs->rax;
}

static inline void syscall_set_return_value(struct pt_regs *regs, long val)
{
	regs->rax = val;
}

/* Make the return to user mode execute the same system call again. */
static inline void syscall_restart(struct pt_regs *regs)
{
	regs->rax = regs->error_code;	/* orig_ax */
	regs->rip -= 2;			/* back over the SYSCALL instruction */
}

/* The system call is finished: a later signal must not restart it. */
static inline void syscall_forget(struct pt_regs *regs)
{
	regs->vector = 0;
}

#endif /* _ASM_X86_SYSCALL_H */
