/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * asm/syscall.h for an architecture without user space yet
 * (CONFIG_USER_SPACE unset): no pt_regs is ever a system call's, so the
 * generic signal code never restarts or rewrites one.
 */
#ifndef _ASM_GENERIC_SYSCALL_NONE_H
#define _ASM_GENERIC_SYSCALL_NONE_H

#include <linux/types.h>

struct pt_regs;

static inline bool in_syscall(const struct pt_regs *regs)
{
	return false;
}

static inline long syscall_get_return_value(const struct pt_regs *regs)
{
	return 0;
}

static inline void syscall_set_return_value(struct pt_regs *regs, long val)
{
}

static inline void syscall_restart(struct pt_regs *regs)
{
}

static inline void syscall_forget(struct pt_regs *regs)
{
}

#endif /* _ASM_GENERIC_SYSCALL_NONE_H */
