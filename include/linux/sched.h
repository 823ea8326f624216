/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tasks and the scheduler: a preemptive round-robin scheduler over a run
 * queue per CPU. A task sleeps by setting its state and calling schedule(); a
 * waker calls wake_up_process(). Kernel code is preempted on the timer
 * tick unless preemption is disabled (spinlocks do that).
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/signal_types.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/atomic.h>
#include <linux/compiler_types.h>
#include <linux/cpumask.h>
#include <linux/rbtree.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>
#include <linux/resource.h>
#include <linux/timer.h>
#include <asm/switch_to.h>

#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_STOPPED 0x0004		/* job-control stop: only SIGCONT or SIGKILL wake it */
#define TASK_DEAD 0x0080
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define PF_EXITING 0x00000004
#define PF_KTHREAD 0x00200000
#define PF_IDLE 0x00000002

#define TASK_COMM_LEN 16
#define THREAD_SIZE (16 * 1024)

struct pt_regs;

/*
 * arch_copy_thread() - make the new task @p (stack allocated) resume in
 * user mode with a copy of @parent_regs, returning 0 from the system call;
 * @newsp, when non-zero, replaces the user stack pointer and @tls (when
 * @set_tls) the TLS base. Returns 0. Never sleeps.
 */
int arch_copy_thread(struct task_struct *p, const struct pt_regs *parent_regs,
		     unsigned long newsp, unsigned long tls, bool set_tls);

/*
 * arch_switch_to() - called by the scheduler, interrupts off, right before
 * __switch_to_asm(prev, next): saves prev's user TLS base and FP/SIMD
 * registers and loads next's (x86-64 also points the CPU's user-entry
 * stack at next's kernel stack). Never sleeps.
 */
void arch_switch_to(struct task_struct *prev, struct task_struct *next);

/*
 * arch_set_tls() - set @p's user thread pointer (x86-64: the FS base, as
 * arch_prctl(ARCH_SET_FS) does; arm64: TPIDR_EL0; arm: TPIDRURO;
 * riscv64: the tp saved in its pt_regs). Returns 0, or -EPERM for a non-user address (x86-64;
 * the others take any value, as the register does).
 */
int arch_set_tls(struct task_struct *p, unsigned long base);

#define MAX_SCHEDULE_TIMEOUT LONG_MAX

struct mm_struct;
struct files_struct;
struct fs_struct;
struct completion;
struct cred;

/* exit_state: a task that has exited but not been reaped is a zombie. */
#define EXIT_ZOMBIE 0x0020
#define EXIT_DEAD 0x0010

struct task_struct {
	struct thread_struct thread;	/* arch context; must stay first */
	volatile long __state;
	unsigned int flags;
	pid_t pid;
	char comm[TASK_COMM_LEN];
	void *stack;			/* lowest address of the kernel stack */
	atomic_t usage;			/* references; freed at zero */
	bool on_rq;			/* on its CPU's run queue (that queue's lock) */
	bool on_cpu;			/* a CPU runs it, or is switching away from it (the same) */
	unsigned int cpu;		/* the CPU it is queued on, runs or last ran on (kernel/sched/core.c) */
	unsigned int wake_cpu;		/* the CPU its last wake-up queued it on (balancing may move it) */
	struct completion *dead_done;	/* wait_task_dead()'s, woken at its last switch-away (its queue's lock) */
	int time_slice;			/* ticks left before preemption */
	struct list_head run_list;
	struct list_head tasks;		/* all tasks */
	struct hlist_node pid_chain;	/* its bucket of the pid hash table */
	int exit_code;
	void *kthread;			/* struct kthread, for kthreads */
	u64 nvcsw, nivcsw;		/* voluntary / involuntary switches */

	/* User processes (NULL/0 for kernel threads). */
	struct mm_struct *mm;		/* the address space it runs in */
	spinlock_t alloc_lock;		/* task_lock(): mm and comm, for other tasks' readers */
	struct files_struct *files;	/* open file descriptors */
	struct fs_struct *fs;		/* root and working directory */
	pid_t tgid;			/* process id: the group leader's pid */
	struct task_struct *group_leader;	/* the thread whose pid is the tgid */
	struct signal_struct *signal;	/* what its threads share (linux/process.h) */
	struct list_head thread_node;	/* in signal->thread_head while alive */
	int exit_state;			/* EXIT_ZOMBIE once exited, until reaped */
	int exit_signal;		/* sent to the parent on exit (SIGCHLD) */
	struct task_struct *parent;	/* reaps it; init when the parent dies */
	struct list_head children;	/* its children, linked by sibling */
	struct list_head sibling;
	struct sigpending pending;	/* signals pending for this thread alone */
	sigset_t blocked;		/* blocked signals */
	struct sighand_struct *sighand;	/* signal actions */
	unsigned long sas_ss_sp, sas_ss_size;	/* sigaltstack */
	unsigned int sas_ss_flags;
	sigset_t saved_sigmask;	/* restored after a handler (sigsuspend) */
	bool restore_sigmask;
	struct tty_struct *tty;		/* controlling terminal, or NULL */
	unsigned int jobctl;		/* JOBCTL_* (linux/signal.h) */
	int stop_signal;		/* the signal that stopped it */
	int __user *clear_child_tid;	/* set_tid_address(): zeroed and woken at exit */
	void __user *robust_list;	/* set_robust_list() (kernel/futex/) */
	int __user *set_child_tid;	/* CLONE_CHILD_SETTID: written on first return */
	struct completion *vfork_done;	/* vfork parent waiting for exec or exit */
	pid_t pgrp, session;		/* process group and session ids */
	unsigned int umask;
	const struct cred *cred;	/* who it is, what it may do (linux/cred.h) */
	u64 start_time_ns;		/* ktime at fork, for /proc */
	u64 sum_exec_ns;		/* CPU time used (user and kernel together) */
	u64 exec_start_ns;		/* when it last got the CPU */
	u64 children_exec_ns;		/* CPU time of its reaped children */
	u64 stime_ns;			/* the part of sum_exec_ns in system calls (a kthread: all) */
	u64 children_stime_ns;		/* the same for its reaped children */
	struct rlimit64 rlim[RLIM_NLIMITS];	/* resource limits (linux/resource.h) */
	cpumask_t cpus_mask;		/* CPUs it may run on (sched_setaffinity) */
	struct timer_list real_timer;	/* ITIMER_REAL (kernel/time/itimer.c) */
	u64 it_real_expires_ns;		/* its deadline (ktime), 0: disarmed */
	u64 it_real_incr_ns;		/* its reload interval, 0: one-shot */
	u64 it_cpu_expires_ns[2];	/* ITIMER_VIRTUAL, ITIMER_PROF: CPU time at expiry */
	u64 it_cpu_incr_ns[2];		/* their reload intervals */
	struct rb_root posix_timers;	/* timer_create()'s, by id (kernel/time/posix-timers.c) */
	int posix_timer_id;		/* where the search for the next id starts */
#ifdef CONFIG_LOCKDEP
	struct lockdep_task lockdep;	/* locks held (kernel/locking/lockdep.c) */
#endif
};

#define current (this_cpu()->curr_task)

#define __set_current_state(s) WRITE_ONCE(current->__state, (s))
#define set_current_state(s) do { WRITE_ONCE(current->__state, (s)); smp_mb(); } while (0)
#define task_is_running(t) (READ_ONCE((t)->__state) == TASK_RUNNING)

/* Set up the scheduler with the boot thread as the idle task. */
void sched_init(void);

/*
 * task_lock()/task_unlock() - guard @p's mm and comm, which only @p
 * changes (exit, exec), against readers in other tasks (/proc,
 * get_task_mm()), as Linux's. Process context, never in an interrupt;
 * may be taken inside tasklist_lock; does not sleep.
 */
static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

/*
 * init_idle() - make @idle (zeroed, its stack set) the idle task of @cpu:
 * running, pid 0, allowed on @cpu only, and @cpu's current task. The boot
 * CPU's is in the task list (sched_init()); the others' are not. Does not
 * sleep or allocate.
 */
void init_idle(struct task_struct *idle, unsigned int cpu);

/*
 * schedule() - give up the CPU. If current's state is not TASK_RUNNING it
 * sleeps until woken. Must not be called in atomic context.
 */
void schedule(void);

/* Called from the interrupt return path when need_resched is set. */
void preempt_schedule_irq(void);

/*
 * wake_up_process() - make p runnable. Returns true if it was sleeping.
 * Any context (interrupts included); never sleeps.
 */
bool wake_up_process(struct task_struct *p);
/* Like wake_up_process() but only if p's state matches state. */
bool wake_up_state(struct task_struct *p, unsigned int state);

#define WF_SYNC 0x10	/* the waker sleeps soon: its CPU will be free */
/*
 * try_to_wake_up() - wake_up_state() with hints (WF_*): with WF_SYNC, @p
 * is queued on the waker's CPU if the waker is alone there and @p may
 * run there (Linux's wake_affine), to run once the waker blocks. Returns
 * true if @p was woken. Any context; never sleeps.
 */
bool try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
/*
 * wake_up_process() for a new process (fork): it goes to the least loaded
 * CPU (its parent's on a tie), and runs before its parent returns if that
 * is the parent's. A
 * woken task goes to its last CPU if idle, else the least loaded one its
 * mask allows, and waits there until the running task blocks or its slice
 * ends; a wake-up from an interrupt preempts. Any context; never sleeps.
 */
void wake_up_new_task(struct task_struct *p);

/* Yield the CPU to another runnable task, if any. May sleep. */
void yield(void);
#define cond_resched() do { if (this_cpu()->need_resched) schedule(); } while (0)

/*
 * Every CPU's tick hook: account the slice, ask for a reschedule; nothing
 * on a CPU that runs no task (not active). IRQ context.
 */
void scheduler_tick(void);

/*
 * schedule_timeout() - sleep for up to timeout jiffies in the state set by
 * the caller. Returns the jiffies left (0 if the time ran out).
 */
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_interruptible(long timeout);

/*
 * create_task() - allocate a task with a kernel stack that will run
 * fn(arg) when first woken, and the next pid; NULL without memory. May
 * sleep (kernel/pid.c). get_task_struct()/put_task_struct() take and drop
 * a reference; the last put frees the task. Any context.
 */
struct task_struct *create_task(int (*fn)(void *), void *arg, const char *name);
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);
/* __put_task_struct() - free @p, whose last reference was just dropped. May not be current. */
void __put_task_struct(struct task_struct *p);

/*
 * wait_task_dead() - wait until @p, which has called or will call
 * do_exit(), has been switched away from for the last time and the
 * scheduler has dropped its reference. The caller holds a reference, so
 * that its put_task_struct() then frees @p unless someone else still holds
 * one. Process context; sleeps.
 */
void wait_task_dead(struct task_struct *p);

/* task_list_add() - enter @p in the list of all tasks (the idle task: sched_init()). */
void task_list_add(struct task_struct *p);

/*
 * do_exit() - end the current task with @code (for a process: its wait
 * status, (status << 8) or the number of the signal that killed it).
 * Releases a process's memory and files and makes it a zombie for its
 * parent to reap. Never returns.
 */
__noreturn void do_exit(int code);

/* The last step of do_exit(): mark current dead and switch away for good. */
__noreturn void do_task_dead(int code);

/*
 * switch_mm_irqs_off() - load @next's user page tables on this CPU (NULL:
 * none, the kernel's alone) unless they already are. Interrupts off.
 */
void switch_mm_irqs_off(struct mm_struct *next);

/* The boot CPU's idle loop; never returns. */
__noreturn void cpu_idle_loop(void);

/*
 * signal_pending() - whether @p has an unblocked signal waiting, which
 * should interrupt an interruptible sleep (-EINTR/-ERESTARTSYS). Kernel
 * threads never have one. Any context.
 */
/* task_pending_signals() - @p's own pending signals and its process's. Any context. */
sigset_t task_pending_signals(struct task_struct *p);

static inline bool signal_pending(struct task_struct *p)
{
	return task_pending_signals(p) & ~READ_ONCE(p->blocked);
}

struct sighand_struct;

/*
 * task_cpu_time_ns() - CPU time @p has used so far, the running slice
 * included. Any context; does not sleep.
 */
u64 task_cpu_time_ns(struct task_struct *p);

/*
 * account_system_time() - charge @delta_ns of @p's CPU time (already in its
 * sum_exec_ns) to the system side: time in a system call or a kernel
 * thread. The rest of a task's CPU time is user time. Any context.
 */
void account_system_time(struct task_struct *p, u64 delta_ns);

/* A task's CPU time split into user and system time, in nanoseconds. */
struct task_cputime {
	u64 utime, stime;
};

/* task_cputime() - @p's CPU time so far (the running slice included). */
void task_cputime(struct task_struct *p, struct task_cputime *ct);

/*
 * Load average (kernel/sched/loadavg.c): avenrun[] holds the 1, 5 and 15
 * minute averages of nr_running() in fixed point (FIXED_1 = 1 << 11);
 * calc_global_load_tick() is the tick's part of keeping them.
 */
extern unsigned long avenrun[3];
void calc_global_load_tick(void);

/* nr_running() - tasks running or waiting for a CPU (the idle tasks not counted). */
unsigned long nr_running(void);

/*
 * set_cpus_allowed_ptr() - let @p run only on the active CPUs of @mask:
 * 0, or -EINVAL if none is active. A task running on a CPU now outside
 * its mask leaves it at its next preemption point (the caller at once,
 * unless preemption is off). Any task context; never sleeps.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const cpumask_t *mask);

/* The CPU @p is queued on, runs on, or last ran on (stable under its queue's lock). */
static inline unsigned int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}

/* last_pid() - the most recently allocated task id. */
pid_t last_pid(void);

/* Number of tasks not yet freed, idle and zombies included (sysinfo(2)'s procs; tests). */
int nr_tasks(void);

/* Called by arch code on a new task's first run (prev: the task before). */
void schedule_tail(struct task_struct *prev);

#endif /* _LINUX_SCHED_H */
