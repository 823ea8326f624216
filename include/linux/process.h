/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User processes: the process tree, creation (kernel/fork.c), exit and
 * reaping (kernel/exit.c), signal actions (kernel/signal.c). A process is
 * a task with a parent: it has an address space (mm), a descriptor table
 * (files), a working directory (fs) and signal actions (sighand). There
 * may have several threads (clone(CLONE_THREAD)): tasks sharing the mm,
 * files, fs, signal actions and a signal_struct, whose tgid is the pid of
 * the first, the group leader. The process tree links group leaders only:
 * a child made by any thread has the leader as its parent.
 */
#ifndef _LINUX_PROCESS_H
#define _LINUX_PROCESS_H

#include <linux/types.h>
#include <linux/signal_types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/refcount.h>
#include <linux/atomic.h>
#include <linux/compiler_types.h>
#include <linux/wait.h>

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
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000

/* A signal's action: sigaction(2) minus the kernel's bookkeeping. */
struct k_sigaction {
	unsigned long handler;		/* SIG_DFL, SIG_IGN or a user address */
	unsigned long flags;		/* SA_* */
	unsigned long restorer;		/* user address of the sigreturn trampoline */
	sigset_t mask;			/* blocked while the handler runs */
};

/* Signal actions; with CLONE_SIGHAND shared by several tasks. */
struct sighand_struct {
	refcount_t count;
	spinlock_t siglock;		/* the pending masks of the tasks using it */
	struct k_sigaction action[64];	/* action[sig - 1] */
};

/*
 * What the threads of a process share (Linux's signal_struct). The thread
 * list, nr_threads, flags and group_exit_code are guarded by
 * tasklist_lock; shared_pending by the sighand's siglock. Freed with the
 * last task pointing at it (put_task_struct()).
 */
struct signal_struct {
	refcount_t count;		/* tasks pointing at it */
	atomic_t live;			/* threads that have not started exiting */
	int nr_threads;			/* threads that have not finished exiting */
	struct list_head thread_head;	/* those threads, by task->thread_node */
	struct sigpending shared_pending;	/* process-directed signals not yet taken */
	atomic_t nr_sigqueue;		/* entries queued for its threads (RLIMIT_SIGPENDING) */
	unsigned int flags;		/* SIGNAL_GROUP_EXIT */
	int group_exit_code;		/* the status exit_group() or a signal gave */
	struct task_struct *group_exec_task;	/* de_thread(): the thread that execs */
	wait_queue_head_t wait_chldexit;	/* its threads in wait4()/waitid() */
};

#define SIGNAL_GROUP_EXIT	0x1	/* every thread is on its way out */

/* thread_group_leader() - whether task @p is the first thread of its process. */
#define thread_group_leader(p) ((p) == (p)->group_leader)

/* Guards every task's parent, children, sibling and exit_state. */
extern spinlock_t tasklist_lock;

/* init (pid 1) once it is a process: orphans are given to it. */
extern struct task_struct *child_reaper;

/*
 * kernel_clone() - fork(2)/vfork(2)/clone(2) for the current process:
 * @flags are CLONE_* plus the exit signal in CSIGNAL; @newsp (0: same) and
 * @tls as clone(2). The child returns to user mode with a copy of @regs
 * and rax 0. Returns the child's pid or -errno (-ENOMEM, -EINVAL for
 * invalid combinations as Linux: CLONE_THREAD without CLONE_SIGHAND,
 * CLONE_SIGHAND without CLONE_VM, CLONE_PIDFD; -ERESTARTNOINTR when the
 * caller is being killed). With CLONE_VFORK, waits until the child
 * execs or exits. May sleep.
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
 * not found). Includes zombies, not a task whose last reference was just
 * dropped (being freed). Any context, does not sleep or allocate;
 * O(1) on average: it walks one bucket of a hash table by pid.
 */
struct task_struct *find_get_task_by_pid(pid_t pid);

/*
 * iterate_processes() - call @fn(p, @data) on every process (every group
 * leader with a parent that is not dead yet), under the task list's spinlock, so
 * @fn must not sleep; stops at, and returns, @fn's first non-zero return
 * (0 when all were called). Not Linux's for_each_process(p) loop.
 */
int iterate_processes(int (*fn)(struct task_struct *p, void *data), void *data);

/*
 * process_thread_ids() - the tids of up to @max live threads of process
 * @tgid into @ids, oldest first; returns how many (0: no such process).
 * Any context but interrupts; never sleeps.
 */
int process_thread_ids(pid_t tgid, pid_t *ids, int max);

/*
 * exchange_tids() - swap the pids of @a and @b, and their places in the
 * pid hash (de_thread(): the exec'ing thread takes its leader's pid).
 * Takes the task list's lock; not to be called with tasklist_lock held.
 */
void exchange_tids(struct task_struct *a, struct task_struct *b);

/* Wake the vfork() parent of @tsk, if any (exec or exit of the child). */
void mm_release_vfork(struct task_struct *tsk);

/*
 * signal_struct_alloc() - the shared state of a new process with @leader
 * as its only thread; NULL without memory. May sleep.
 * put_signal_struct() - drop @p's reference (the last frees it). Any context.
 */
struct signal_struct *signal_struct_alloc(struct task_struct *leader);
void put_signal_struct(struct task_struct *p);

/*
 * do_group_exit() - end every thread of the current process with wait
 * status @code (the first caller's code wins): the other threads get
 * SIGKILL, the caller exits. Never returns.
 */
__noreturn void do_group_exit(int code);

/*
 * zap_other_threads() - send SIGKILL to every thread of @p's process but
 * @p, and return how many there were. Caller holds tasklist_lock.
 */
int zap_other_threads(struct task_struct *p);

/*
 * de_thread() - exec from a thread: kill the process's other threads and
 * wait until they are gone; a thread other than the leader then takes the
 * leader's pid and place in the process tree. 0, or -EAGAIN when another
 * thread is already exiting the group (then the caller dies too). May sleep.
 */
int de_thread(struct task_struct *tsk);

/*
 * signals_init() - the slab caches of signal actions and pending signals;
 * once at boot, before sighand_alloc().
 */
void signals_init(void);

/*
 * Signal actions: a copy of @old (fork), reset on exec, dropped at exit;
 * exit_sighand() also discards the signals pending for @t alone (its
 * process's go with the signal_struct).
 */
struct sighand_struct *sighand_alloc(const struct sighand_struct *old);
void flush_signal_handlers(struct task_struct *t);
void exit_sighand(struct task_struct *t);

#endif /* _LINUX_PROCESS_H */
