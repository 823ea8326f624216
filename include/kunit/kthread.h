/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers for tests that run kernel threads (kernel/kunit/kthread.c).
 */
#ifndef _KUNIT_KTHREAD_H
#define _KUNIT_KTHREAD_H

#include <linux/types.h>

struct task_struct;

/*
 * kunit_sleep_until_stop() - the usual loop of a stoppable kthread: sleep
 * interruptibly until kthread_stop() is called on current. Sleeps.
 */
void kunit_sleep_until_stop(void);

/*
 * kunit_wait_task_asleep() - poll, up to @ms milliseconds, until @t sleeps
 * in @state (off the run queue and off every CPU); true if it did. Sleeps.
 */
bool kunit_wait_task_asleep(struct task_struct *t, long state, unsigned int ms);

/*
 * kunit_pin_cpu() - keep current on the CPU it runs on and return that
 * CPU, for cases whose threads must share one CPU as on a uniprocessor
 * (bind them there with kthread_bind()); kunit_unpin_cpu() lets current
 * use every active CPU again. Never sleep.
 */
unsigned int kunit_pin_cpu(void);
void kunit_unpin_cpu(void);

/*
 * kunit_run_on_tick_cpu() - move current to CPU 0, whose tick alone
 * advances jiffies, for cases that compare a timeout in jiffies with the
 * clock: read on another CPU while CPU 0's virtual CPU gets no host time,
 * jiffies lag the clock by as long and a timeout seems to end early (24 ms
 * of 40 at 4 CPUs on riscv64). kunit_unpin_cpu() undoes it. Returns
 * set_cpus_allowed_ptr()'s result; may sleep (the move).
 */
int kunit_run_on_tick_cpu(void);

#endif /* _KUNIT_KTHREAD_H */
