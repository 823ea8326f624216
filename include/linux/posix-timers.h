/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interval timers (alarm, setitimer: kernel/time/itimer.c) and POSIX
 * timers (timer_create...: kernel/time/posix-timers.c). A process's timers
 * live in its task_struct (each thread's its own: where Linux shares them
 * among the threads of a process, Ferrite does not yet); fork gives the
 * child none and restarts its POSIX timer ids at 0, exec keeps the
 * interval timers and the id counter and deletes the POSIX timers, exit
 * deletes both.
 */
#ifndef _LINUX_POSIX_TIMERS_H
#define _LINUX_POSIX_TIMERS_H

#include <linux/types.h>

struct task_struct;
struct timer_list;

/* struct sigevent as timer_create(2) takes it (the parts Ferrite reads). */
struct sigevent_abi {
	unsigned long sigev_value;	/* union sigval: a pointer's size */
	int sigev_signo;
	int sigev_notify;
	int sigev_tid;
	int __pad[11];
};

/* itimers_init() - give a new process @p its (disarmed) interval timers. */
void itimers_init(struct task_struct *p);

/* itimers_exit() - disarm @p's interval timers (do_exit). Never sleeps. */
void itimers_exit(struct task_struct *p);

/*
 * run_posix_cpu_timers() - the tick's check of current's CPU-time interval
 * timers (ITIMER_VIRTUAL, ITIMER_PROF): send SIGVTALRM / SIGPROF when due.
 * Interrupt context, never sleeps.
 */
void run_posix_cpu_timers(struct task_struct *p);

/*
 * arm_timer_at() - (re)arm @t to run at the first tick after the monotonic
 * clock reaches @deadline_ns; its function must check the clock and arm
 * again if it runs early (jiffies can lag the clock, then catch up). Any
 * context.
 */
void arm_timer_at(struct timer_list *t, u64 deadline_ns);

/* exit_itimers() - delete all of @p's POSIX timers (exec, exit). May sleep. */
void exit_itimers(struct task_struct *p);

#endif /* _LINUX_POSIX_TIMERS_H */
