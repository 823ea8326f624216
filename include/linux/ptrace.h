/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A process's user registers (struct pt_regs, asm/ptrace.h) and the arch
 * hooks that start and enter user mode.
 */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/types.h>
#include <asm/ptrace.h>

/*
 * task_pt_regs() - the user registers of task @t, saved at the top of its
 * kernel stack on every entry from user mode (THREAD_SIZE: linux/sched.h).
 */
#define task_pt_regs(t) \
	((struct pt_regs *)((unsigned long)(t)->stack + THREAD_SIZE) - 1)
#define current_pt_regs() task_pt_regs(current)

/*
 * start_thread() - set @regs so that the return to user mode starts a new
 * program at @ip with stack @sp, other registers zero, and clears the TLS
 * base and the FP/SIMD registers (exec). Arch.
 */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

/*
 * ret_to_user_mode() - leave the kernel through @regs (the current task's
 * pt_regs), never to return: how init enters user space after
 * kernel_execve(). Arch (entry.S).
 */
__attribute__((__noreturn__)) void ret_to_user_mode(struct pt_regs *regs);

struct task_struct;

/*
 * ptrace_may_access() - whether current may look inside @task as a tracer
 * would (Linux's PTRACE_MODE_READ_FSCREDS: /proc/<pid>/exe): @task is
 * current, or current's fsuid and fsgid equal all of @task's real,
 * effective and saved uids and gids, or current has CAP_SYS_PTRACE.
 * (kernel/ptrace.c; no "dumpable" flag yet.) Never sleeps.
 */
bool ptrace_may_access(struct task_struct *task);

#endif /* _LINUX_PTRACE_H */
