/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The system call state in a task's pt_regs, for generic code (signal
 * delivery restarts interrupted calls), for an architecture whose
 * pt_regs keeps the registers in regs[] (the first argument and the
 * result in regs[0]), pc, syscallno (the call's number, -1 for any other
 * entry) and the first argument as it was on entry in the field its
 * asm/syscall.h names SYSCALL_ORIG_ARG0, and whose system call
 * instruction is the SYSCALL_INSN_SIZE(regs) bytes before the saved pc:
 * 4, unless asm/syscall.h says otherwise (32-bit ARM's Thumb state).
 */
#ifndef _ASM_GENERIC_SYSCALL_H
#define _ASM_GENERIC_SYSCALL_H

#include <linux/types.h>
#include <asm/ptrace.h>

#ifndef SYSCALL_INSN_SIZE
#define SYSCALL_INSN_SIZE(regs) 4
#endif

/* True if @regs were saved by a system call entry. */
static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->syscallno >= 0;
}

static inline long syscall_get_return_value(const struct pt_regs *regs)
{
	return (long)regs->regs[0];
}

static inline void syscall_set_return_value(struct pt_regs *regs, long val)
{
	regs->regs[0] = val;
}

/* Make the return to user mode execute the same system call again. */
static inline void syscall_restart(struct pt_regs *regs)
{
	regs->regs[0] = regs->SYSCALL_ORIG_ARG0;
	regs->pc -= SYSCALL_INSN_SIZE(regs);	/* back over the system call instruction */
}

/* The system call is finished: a later signal must not restart it. */
static inline void syscall_forget(struct pt_regs *regs)
{
	regs->syscallno = -1;
}

#endif /* _ASM_GENERIC_SYSCALL_H */
