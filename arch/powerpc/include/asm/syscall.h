/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The system call state in a task's pt_regs, for generic code (signal
 * delivery restarts interrupted calls). powerpc64: trap is 0xc00 for a
 * system call (sc) until it is forgotten, the number is in r0, the first
 * argument in orig_gpr3. The result goes back as Linux returns it: a
 * value in r3 with CR0[SO] clear, or an error as a positive errno in r3
 * with CR0[SO] set; the helpers convert to and from the kernel's -errno.
 */
#ifndef _ASM_POWERPC_SYSCALL_H
#define _ASM_POWERPC_SYSCALL_H

#include <linux/types.h>
#include <linux/err.h>
#include <asm/ptrace.h>

#define CR0_SO 0x10000000UL		/* CR0's summary overflow bit */

/* True if @regs were saved by a system call entry. */
static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->trap == 0xc00;
}

static inline long syscall_get_return_value(const struct pt_regs *regs)
{
	return regs->ccr & CR0_SO ? -(long)regs->gpr[3] : (long)regs->gpr[3];
}

static inline void syscall_set_return_value(struct pt_regs *regs, long val)
{
	if (IS_ERR_VALUE(val)) {
		regs->ccr |= CR0_SO;
		regs->gpr[3] = -val;
	} else {
		regs->ccr &= ~CR0_SO;
		regs->gpr[3] = val;
	}
}

/* Make the return to user mode execute the same system call again. */
static inline void syscall_restart(struct pt_regs *regs)
{
	regs->gpr[3] = regs->orig_gpr3;
	regs->ccr &= ~CR0_SO;
	regs->nip -= 4;			/* back to the sc */
}

/* The system call is finished: a later signal must not restart it. */
static inline void syscall_forget(struct pt_regs *regs)
{
	regs->trap = 0;
}

#endif /* _ASM_POWERPC_SYSCALL_H */
