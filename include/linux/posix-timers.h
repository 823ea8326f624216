/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interval timers (alarm, setitimer: kernel/time/itimer.c) and POSIX
 * timers (timer_create...: kernel/time/posix-timers.c). A process's timers
 * live in its task_struct; fork gives the child none, exec keeps the
 * interval timers and deletes the POSIX timers, exit deletes both.
 */
#ifndef _LINUX_POSIX_TIMERS_H
#define _LINUX_POSIX_TIMERS_H

#include <linux/types.h>

struct task_struct;
struct timer_list;

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
