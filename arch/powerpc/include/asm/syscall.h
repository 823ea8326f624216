/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The system call state in a task's pt_regs, for generic code. powerpc64
 * has no user space yet: no frame is ever a system call's.
 */
#ifndef _ASM_POWERPC_SYSCALL_H
#define _ASM_POWERPC_SYSCALL_H

#include <linux/types.h>
#include <asm/ptrace.h>

static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->trap == 0xc00;
}

static inline long syscall_get_return_value(const struct pt_regs *regs)
{
	return (long)regs->gpr[3];
}

static inline void syscall_set_return_value(struct pt_regs *regs, long val)
{
	regs->gpr[3] = val;
}

static inline void syscall_restart(struct pt_regs *regs)
{
	regs->gpr[3] = regs->orig_gpr3;
	regs->nip -= 4;			/* back to the sc */
}

static inline void syscall_forget(struct pt_regs *regs)
{
	regs->trap = 0;
}

#endif /* _ASM_POWERPC_SYSCALL_H */
