/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tasks and the scheduler: a preemptive round-robin scheduler over one run
 * queue. A task sleeps by setting its state and calling schedule(); a
 * waker calls wake_up_process(). Kernel code is preempted on the timer
 * tick unless preemption is disabled (spinlocks do that).
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/atomic.h>
#include <asm/switch_to.h>

#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_DEAD 0x0080
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define PF_KTHREAD 0x00200000
#define PF_IDLE 0x00000002

#define TASK_COMM_LEN 16
#define THREAD_SIZE (16 * 1024)

#define MAX_SCHEDULE_TIMEOUT LONG_MAX

struct task_struct {
	struct thread_struct thread;	/* arch context; must stay first */
	volatile long __state;
	unsigned int flags;
	pid_t pid;
	char comm[TASK_COMM_LEN];
	void *stack;			/* lowest address of the kernel stack */
	atomic_t usage;			/* references; freed at zero */
	bool on_rq;
	int time_slice;			/* ticks left before preemption */
	struct list_head run_list;
	struct list_head tasks;		/* all tasks */
	int exit_code;
	void *kthread;			/* struct kthread, for kthreads */
	u64 nvcsw, nivcsw;		/* voluntary / involuntary switches */
};

#define current (this_cpu()->curr_task)

#define __set_current_state(s) WRITE_ONCE(current->__state, (s))
#define set_current_state(s) do { WRITE_ONCE(current->__state, (s)); smp_mb(); } while (0)
#define task_is_running(t) (READ_ONCE((t)->__state) == TASK_RUNNING)

/* Set up the scheduler with the boot thread as the idle task. */
void sched_init(void);

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

/* Yield the CPU to another runnable task, if any. May sleep. */
void yield(void);
#define cond_resched() do { if (this_cpu()->need_resched) schedule(); } while (0)

/* Timer tick hook: account the slice, ask for a reschedule. IRQ context. */
void scheduler_tick(void);

/*
 * schedule_timeout() - sleep for up to timeout jiffies in the state set by
 * the caller. Returns the jiffies left (0 if the time ran out).
 */
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_interruptible(long timeout);

/* Allocate a task with a kernel stack that will run fn(arg) when woken. */
struct task_struct *create_task(int (*fn)(void *), void *arg, const char *name);
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);

/* End the current task with code; never returns. */
__noreturn void do_exit(int code);

/* The boot CPU's idle loop; never returns. */
__noreturn void cpu_idle_loop(void);

/* Signals arrive with user space; kernel threads never have one pending. */
static inline bool signal_pending(struct task_struct *p)
{
	return false;
}

/* Number of live tasks (tests). */
int nr_tasks(void);

/* Called by arch code on a new task's first run (prev: the task before). */
void schedule_tail(struct task_struct *prev);

#endif /* _LINUX_SCHED_H */
