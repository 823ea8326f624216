/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User processes: the process tree, creation (kernel/fork.c), exit and
 * reaping (kernel/exit.c), signal actions (kernel/signal.c). A process is
 * a task with a parent: it has an address space (mm), a descriptor table
 * (files), a working directory (fs) and signal actions (sighand). There
 * are no threads yet, so pid == tgid.
 */
#ifndef _LINUX_PROCESS_H
#define _LINUX_PROCESS_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/refcount.h>
#include <linux/compiler_types.h>

struct task_struct;
struct pt_regs;

/* wait4() options (Linux ABI). */
#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define __WCLONE	0x80000000
#define __WALL		0x40000000

/* clone() flags (Linux ABI). */
#define CSIGNAL			0x000000ff
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_PIDFD		0x00001000
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000

/* A signal's action: sigaction(2) minus the kernel's bookkeeping. */
struct k_sigaction {
	unsigned long handler;		/* SIG_DFL, SIG_IGN or a user address */
	unsigned long flags;		/* SA_* */
	unsigned long restorer;		/* user address of the sigreturn trampoline */
	unsigned long mask;		/* blocked while the handler runs */
};

struct sighand_struct {
	refcount_t count;
	struct k_sigaction action[64];	/* action[sig - 1] */
};

/* Guards every task's parent, children, sibling and exit_state. */
extern spinlock_t tasklist_lock;

/* init (pid 1) once it is a process: orphans are given to it. */
extern struct task_struct *child_reaper;

/*
 * kernel_clone() - fork(2)/vfork(2)/clone(2) for the current process:
 * @flags are CLONE_* plus the exit signal in CSIGNAL; @newsp (0: same) and
 * @tls as clone(2). The child returns to user mode with a copy of @regs
 * and rax 0. Returns the child's pid or -errno (-ENOMEM, -EINVAL for
 * unsupported flags such as CLONE_THREAD). With CLONE_VFORK, waits until
 * the child execs or exits.
 */
long kernel_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
		  int __user *child_tid, unsigned long tls, struct pt_regs *regs);

/*
 * process_init() - make the current kernel thread the first process (init,
 * the child reaper), with empty tables, ready for kernel_execve(). 0 or
 * -ENOMEM.
 */
int process_init(void);

/*
 * kernel_wait4() - wait4(2): reap a zombie child matching @pid (>0: that
 * pid, -1: any, 0: own group, <-1: group -pid), storing its status.
 * Returns its pid, 0 (WNOHANG and none yet), -ECHILD, -ERESTARTSYS
 * (signal), -EFAULT, -EINVAL.
 */
long kernel_wait4(pid_t pid, int __user *stat_addr, int options, void __user *ru);

/*
 * find_get_task_by_pid() - the task with @pid, with a reference (drop it
 * with put_task_struct()), or NULL (also for @pid <= 0: the idle task is
 * not found). Includes zombies. Any context, does not sleep or allocate;
 * O(1) on average: it walks one bucket of a hash table by pid.
 */
struct task_struct *find_get_task_by_pid(pid_t pid);

/*
 * iterate_processes() - call @fn(p, @data) on every process (every task
 * with a parent that is not dead yet), under the task list's spinlock, so
 * @fn must not sleep; stops at, and returns, @fn's first non-zero return
 * (0 when all were called). Not Linux's for_each_process(p) loop.
 */
int iterate_processes(int (*fn)(struct task_struct *p, void *data), void *data);

/* Wake the vfork() parent of @tsk, if any (exec or exit of the child). */
void mm_release_vfork(struct task_struct *tsk);

/* Signal actions: a copy of @old (fork), reset on exec, dropped at exit. */
struct sighand_struct *sighand_alloc(const struct sighand_struct *old);
void flush_signal_handlers(struct task_struct *t);
void exit_sighand(struct task_struct *t);

#endif /* _LINUX_PROCESS_H */
