// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for wait queues and completions (suite "waitqueue"):
 * wait_event*() against wake_up*() from threads and from a timer (IRQ
 * context), exclusive versus shared waiters, timeouts, and the counting
 * semantics of complete() / complete_all().
 *
 * Every thread and timer a case starts is finished before the case
 * returns, since they point into the case's stack frame.
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <kunit/timer.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/preempt.h>
#include <linux/cpumask.h>
#include <asm/processor.h>

#define TICK_NS (NSEC_PER_SEC / HZ)
/*
 * Timeouts are promised in jiffies and checked exactly in jiffies; by
 * ktime they hold up to the tick's delivery jitter and the TSC calibration
 * error (up to about a millisecond under QEMU TCG on a busy host).
 */
#define CLOCK_SLACK_NS NSEC_PER_MSEC

/* Poll until atomic v reaches want, up to ms; returns its value. */
static int wait_atomic(atomic_t *v, int want, unsigned int ms)
{
	for (unsigned int i = 0; i < ms && atomic_read(v) < want; i++)
		msleep(1);
	return atomic_read(v);
}

/*
 * Start a ktime measurement just after a tick taken while idle. Under QEMU
 * TCG, jiffies can fall a few milliseconds behind while the CPU is busy and
 * then catch up in a burst, which would shorten a sleep measured by ktime.
 */
static void sync_to_tick(void)
{
	msleep(1);
}

struct waker_data {
	struct wait_queue_head wq;
	int cond;
	unsigned int delay_ms;
	int spurious;		/* wake once with the condition still false */
	int queue_was_active;
};

static int waker_fn(void *arg)
{
	struct waker_data *d = arg;

	if (d->spurious) {
		msleep(d->delay_ms);
		WRITE_ONCE(d->queue_was_active, waitqueue_active(&d->wq));
		wake_up(&d->wq);
	}
	msleep(d->delay_ms);
	WRITE_ONCE(d->cond, 1);
	wake_up(&d->wq);
	kunit_sleep_until_stop();
	return 0;
}

static struct task_struct *start_waker(struct kunit *test, struct waker_data *d,
				       unsigned int delay_ms, int spurious)
{
	struct task_struct *t;

	init_waitqueue_head(&d->wq);
	d->cond = 0;
	d->delay_ms = delay_ms;
	d->spurious = spurious;
	d->queue_was_active = -1;
	t = kthread_run(waker_fn, d, "waker");
	if (IS_ERR(t)) {
		KUNIT_FAIL(test, "kthread_run failed");
		return NULL;
	}
	return t;
}

/* wait_event() sleeps through a wake-up whose condition is still false. */
static void waitqueue_wait_event_wake_up(struct kunit *test)
{
	struct waker_data d;
	struct task_struct *t;
	u64 t0, elapsed;

	/* A true condition does not sleep at all. */
	init_waitqueue_head(&d.wq);
	wait_event(d.wq, true);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&d.wq));

	sync_to_tick();
	t0 = ktime_get_ns();	/* before the waker, which may start at once elsewhere */
	t = start_waker(test, &d, 10, 1);
	KUNIT_ASSERT_NOT_NULL(test, t);
	wait_event(d.wq, READ_ONCE(d.cond));
	elapsed = ktime_get_ns() - t0;
	kthread_stop(t);

	KUNIT_EXPECT_EQ(test, READ_ONCE(d.cond), 1);
	KUNIT_EXPECT_EQ(test, d.queue_was_active, 1);	/* we were queued */
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&d.wq));	/* and are no more */
	/* Two msleep(10)s: not released by the first, spurious, wake-up. */
	KUNIT_EXPECT_GE(test, elapsed, 20ULL * NSEC_PER_MSEC - CLOCK_SLACK_NS);
	KUNIT_EXPECT_LT(test, elapsed, 500ULL * NSEC_PER_MSEC);
	KUNIT_EXPECT_EQ(test, current->__state, (long)TASK_RUNNING);
}

struct waiters_data {
	struct wait_queue_head wq;
	int go;
	atomic_t woken;
};

static int excl_waiter_fn(void *arg)
{
	struct waiters_data *d = arg;

	wait_event_interruptible_exclusive(d->wq, READ_ONCE(d->go));
	atomic_inc(&d->woken);
	kunit_sleep_until_stop();
	return 0;
}

static int shared_waiter_fn(void *arg)
{
	struct waiters_data *d = arg;

	wait_event(d->wq, READ_ONCE(d->go));
	atomic_inc(&d->woken);
	kunit_sleep_until_stop();
	return 0;
}

/*
 * Start nr_shared wait_event() waiters, then nr_excl exclusive ones, each
 * asleep on the queue before the next starts. Returns the number started.
 */
static int start_waiters(struct kunit *test, struct waiters_data *d, struct task_struct **t,
			 int nr_shared, int nr_excl)
{
	int i, n = 0;

	init_waitqueue_head(&d->wq);
	d->go = 0;
	atomic_set(&d->woken, 0);
	for (i = 0; i < nr_shared + nr_excl; i++) {
		bool excl = i >= nr_shared;

		t[n] = kthread_run(excl ? excl_waiter_fn : shared_waiter_fn, d, "waiter%d", i);
		if (IS_ERR(t[n])) {
			KUNIT_FAIL(test, "kthread_run failed");
			break;
		}
		KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(t[n], excl ? TASK_INTERRUPTIBLE :
							 TASK_UNINTERRUPTIBLE, 500));
		n++;
	}
	return n;
}

/* wake_up() wakes one exclusive waiter, wake_up_nr() n, wake_up_all() all. */
static void waitqueue_wake_up_exclusive(struct kunit *test)
{
	struct task_struct *t[4];
	struct waiters_data d;
	int i, n;

	n = start_waiters(test, &d, t, 0, 4);
	KUNIT_EXPECT_EQ(test, n, 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&d.woken), 0);

	WRITE_ONCE(d.go, 1);
	wake_up(&d.wq);
	KUNIT_EXPECT_EQ(test, wait_atomic(&d.woken, 1, 200), 1);
	msleep(20);	/* time for any wrongly woken waiter to show up */
	KUNIT_EXPECT_EQ(test, atomic_read(&d.woken), 1);

	wake_up_nr(&d.wq, 2);
	KUNIT_EXPECT_EQ(test, wait_atomic(&d.woken, 3, 200), 3);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&d.woken), 3);
	KUNIT_EXPECT_TRUE(test, waitqueue_active(&d.wq));

	wake_up_all(&d.wq);
	KUNIT_EXPECT_EQ(test, wait_atomic(&d.woken, 4, 200), 4);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&d.wq));
	for (i = 0; i < n; i++)
		kthread_stop(t[i]);
}

/* wake_up() wakes every non-exclusive waiter plus one exclusive one. */
static void waitqueue_wake_up_shared(struct kunit *test)
{
	struct task_struct *t[4];
	struct waiters_data d;
	int i, n;

	n = start_waiters(test, &d, t, 2, 2);
	KUNIT_EXPECT_EQ(test, n, 4);

	WRITE_ONCE(d.go, 1);
	wake_up(&d.wq);
	KUNIT_EXPECT_EQ(test, wait_atomic(&d.woken, 3, 200), 3);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&d.woken), 3);

	wake_up_all(&d.wq);
	KUNIT_EXPECT_EQ(test, wait_atomic(&d.woken, 4, 200), 4);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&d.wq));
	for (i = 0; i < n; i++)
		kthread_stop(t[i]);
}

/* Where a wait on CPU 0 that should time out began (timed_wait_start()). */
struct timed_wait {
	unsigned long j0, ticks;
	u64 t0;
};

/* Start at a tick's edge, noting jiffies, the clock and the ticks so far. */
static void timed_wait_start(struct timed_wait *tw)
{
	sync_to_tick();
	tw->j0 = jiffies;
	tw->t0 = ktime_get_ns();
	tw->ticks = timer_jiffy_ticks();
}

/*
 * The wait begun at @tw timed out as @timeout jiffies promise: not before
 * @timeout jiffies, and woken by the first tick to reach the end.
 */
static void timed_wait_check_expired(struct kunit *test, struct timed_wait *tw, long timeout)
{
	unsigned long ticks = timer_jiffy_ticks() - tw->ticks;
	u64 elapsed = ktime_get_ns() - tw->t0;
	unsigned long jd = jiffies - tw->j0;

	KUNIT_EXPECT_GE(test, jd, (unsigned long)timeout);
	/*
	 * By the clock too (the first of those ticks may come right after we
	 * started), where each tick moved jiffies on by one. jiffies follow
	 * the clock at each tick, so if the host stopped CPU 0's virtual CPU
	 * around the start, jiffies were behind the clock when read, the clock
	 * shows less than their count, and the tick that caught up moved them
	 * on by more than one (fewer ticks than jiffies: 34.99 ms for 10
	 * jiffies of 4 ms on powerpc under load).
	 */
	if (ticks >= jd)
		KUNIT_EXPECT_GE(test, elapsed, (u64)(timeout - 1) * TICK_NS - CLOCK_SLACK_NS);
	/*
	 * Woken by the first tick to reach the end: counted in ticks, not by
	 * the clock, which a host stopping CPU 0's virtual CPU moves on
	 * (<kunit/timer.h>). + 1: a tick between reading jiffies here and in
	 * the wait; + 1: one more before this task runs again.
	 */
	KUNIT_EXPECT_LE(test, ticks, (unsigned long)timeout + 2);
	if (elapsed > 140ULL * NSEC_PER_MSEC)
		kunit_info(test, "the %lu-jiffy wait took %llu ms, %lu ticks\n",
			   (unsigned long)timeout, elapsed / NSEC_PER_MSEC, ticks);
}

/* A timeout returns 0, not before timeout jiffies and not much after. */
static void waitqueue_wait_event_timeout_expires(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	long timeout = msecs_to_jiffies(40);
	struct timed_wait tw;
	int never = 0;
	long ret;

	/* No time and a false condition: 0 at once; a true one: at least 1. */
	ret = wait_event_timeout(wq, READ_ONCE(never), 0);
	KUNIT_EXPECT_EQ(test, ret, 0L);
	ret = wait_event_timeout(wq, true, 0);
	KUNIT_EXPECT_EQ(test, ret, 1L);
	ret = wait_event_timeout(wq, true, 7);
	KUNIT_EXPECT_EQ(test, ret, 7L);

	KUNIT_ASSERT_EQ(test, kunit_run_on_tick_cpu(), 0);
	timed_wait_start(&tw);
	ret = wait_event_timeout(wq, READ_ONCE(never), timeout);
	KUNIT_EXPECT_EQ(test, ret, 0L);
	timed_wait_check_expired(test, &tw, timeout);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&wq));
}

/* Woken in time, wait_event_timeout() returns the jiffies left. */
static void waitqueue_wait_event_timeout_woken(struct kunit *test)
{
	struct waker_data d;
	struct task_struct *t;
	unsigned long j0, jd;
	long ret;
	u64 t0, elapsed;

	sync_to_tick();
	/* Before the waker starts: on another CPU it starts its 20 ms at once. */
	t0 = ktime_get_ns();
	t = start_waker(test, &d, 20, 0);
	KUNIT_ASSERT_NOT_NULL(test, t);
	j0 = jiffies;
	ret = wait_event_timeout(d.wq, READ_ONCE(d.cond), HZ);
	elapsed = ktime_get_ns() - t0;
	jd = jiffies - j0;
	kthread_stop(t);

	KUNIT_EXPECT_GT(test, ret, 0L);
	KUNIT_EXPECT_LE(test, ret, (long)HZ);
	/* What is left plus what passed is the timeout, give or take a tick. */
	KUNIT_EXPECT_GE(test, ret + (long)jd, (long)HZ);
	KUNIT_EXPECT_LE(test, ret + (long)jd, (long)HZ + 2);
	KUNIT_EXPECT_GE(test, elapsed, 20ULL * NSEC_PER_MSEC - CLOCK_SLACK_NS);
	KUNIT_EXPECT_LT(test, elapsed, 500ULL * NSEC_PER_MSEC);
}

struct timer_wake {
	struct timer_list timer;
	struct wait_queue_head wq;
	struct completion done;
	int cond;
	int in_irq;
	unsigned long fired_at;
};

static void wake_timer_fn(struct timer_list *t)
{
	struct timer_wake *w = from_timer(w, t, timer);

	WRITE_ONCE(w->in_irq, in_irq() ? 1 : 0);
	WRITE_ONCE(w->fired_at, jiffies);
	WRITE_ONCE(w->cond, 1);
	wake_up(&w->wq);
}

/* A timer callback (IRQ context) can wake a wait_event_timeout() sleeper. */
static void waitqueue_wake_from_timer(struct kunit *test)
{
	struct timer_wake w = { .in_irq = -1 };
	unsigned long expires;
	long ret;

	init_waitqueue_head(&w.wq);
	timer_setup(&w.timer, wake_timer_fn, 0);
	expires = jiffies + 5;
	mod_timer(&w.timer, expires);
	ret = wait_event_timeout(w.wq, READ_ONCE(w.cond), HZ);
	del_timer(&w.timer);

	KUNIT_EXPECT_GT(test, ret, 0L);
	KUNIT_EXPECT_EQ(test, w.cond, 1);
	KUNIT_EXPECT_EQ(test, w.in_irq, 1);
	KUNIT_EXPECT_TRUE(test, time_after_eq(w.fired_at, expires));
	KUNIT_EXPECT_TRUE(test, time_after_eq(jiffies, expires));
}

static void complete_timer_fn(struct timer_list *t)
{
	struct timer_wake *w = from_timer(w, t, timer);

	WRITE_ONCE(w->in_irq, in_irq() ? 1 : 0);
	WRITE_ONCE(w->fired_at, jiffies);
	complete(&w->done);
}

/* complete() from a timer callback releases wait_for_completion*(). */
static void completion_from_timer(struct kunit *test)
{
	struct timer_wake w = { .in_irq = -1 };
	unsigned long expires, ret;

	init_completion(&w.done);
	timer_setup(&w.timer, complete_timer_fn, 0);
	expires = jiffies + 5;
	mod_timer(&w.timer, expires);
	ret = wait_for_completion_timeout(&w.done, HZ);
	del_timer(&w.timer);

	KUNIT_EXPECT_GT(test, ret, 0UL);
	KUNIT_EXPECT_EQ(test, w.in_irq, 1);
	KUNIT_EXPECT_TRUE(test, time_after_eq(w.fired_at, expires));
	KUNIT_EXPECT_FALSE(test, completion_done(&w.done));	/* consumed */

	/* And the plain wait_for_completion(). */
	w.in_irq = -1;
	expires = jiffies + 3;
	mod_timer(&w.timer, expires);
	wait_for_completion(&w.done);
	del_timer(&w.timer);
	KUNIT_EXPECT_EQ(test, w.in_irq, 1);
	KUNIT_EXPECT_TRUE(test, time_after_eq(jiffies, expires));
}

struct compl_data {
	struct completion c;
	atomic_t woken;
};

static int compl_waiter_fn(void *arg)
{
	struct compl_data *d = arg;

	wait_for_completion(&d->c);
	atomic_inc(&d->woken);
	kunit_sleep_until_stop();
	return 0;
}

static int start_compl_waiters(struct kunit *test, struct compl_data *d,
			       struct task_struct **t, int nr)
{
	int i, n = 0;

	init_completion(&d->c);
	atomic_set(&d->woken, 0);
	for (i = 0; i < nr; i++) {
		t[n] = kthread_run(compl_waiter_fn, d, "cwaiter%d", i);
		if (IS_ERR(t[n])) {
			KUNIT_FAIL(test, "kthread_run failed");
			break;
		}
		KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(t[n], TASK_UNINTERRUPTIBLE, 500));
		n++;
	}
	return n;
}

/* Each complete() releases exactly one waiter. */
static void completion_complete_one(struct kunit *test)
{
	struct task_struct *t[2];
	struct compl_data d;
	int i, n;

	n = start_compl_waiters(test, &d, t, 2);
	KUNIT_EXPECT_EQ(test, n, 2);
	msleep(10);
	KUNIT_EXPECT_EQ(test, atomic_read(&d.woken), 0);

	complete(&d.c);
	KUNIT_EXPECT_EQ(test, wait_atomic(&d.woken, 1, 200), 1);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&d.woken), 1);
	KUNIT_EXPECT_FALSE(test, completion_done(&d.c));	/* taken by the waiter */

	complete(&d.c);
	KUNIT_EXPECT_EQ(test, wait_atomic(&d.woken, 2, 200), 2);
	KUNIT_EXPECT_FALSE(test, completion_done(&d.c));
	for (i = 0; i < n; i++)
		kthread_stop(t[i]);
}

/* complete_all() releases every waiter, and every later wait passes. */
static void completion_complete_all(struct kunit *test)
{
	struct task_struct *t[3];
	struct compl_data d;
	int i, n;
	u64 t0;

	n = start_compl_waiters(test, &d, t, 3);
	KUNIT_EXPECT_EQ(test, n, 3);

	complete_all(&d.c);
	KUNIT_EXPECT_EQ(test, wait_atomic(&d.woken, 3, 200), 3);
	KUNIT_EXPECT_TRUE(test, completion_done(&d.c));

	t0 = ktime_get_ns();
	wait_for_completion(&d.c);
	wait_for_completion(&d.c);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&d.c, HZ), 0UL);
	KUNIT_EXPECT_LT(test, ktime_get_ns() - t0, 10ULL * NSEC_PER_MSEC);
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&d.c));
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&d.c));
	KUNIT_EXPECT_TRUE(test, completion_done(&d.c));

	reinit_completion(&d.c);
	KUNIT_EXPECT_FALSE(test, completion_done(&d.c));
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&d.c));
	for (i = 0; i < n; i++)
		kthread_stop(t[i]);
}

/* wait_for_completion_timeout(): 0 after the timeout, > 0 if completed. */
static void completion_wait_timeout(struct kunit *test)
{
	struct completion c;
	unsigned long timeout = msecs_to_jiffies(40), ret;
	struct timed_wait tw;
	u64 t0;

	KUNIT_ASSERT_EQ(test, kunit_run_on_tick_cpu(), 0);
	init_completion(&c);
	timed_wait_start(&tw);
	ret = wait_for_completion_timeout(&c, timeout);
	KUNIT_EXPECT_EQ(test, ret, 0UL);
	timed_wait_check_expired(test, &tw, timeout);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&c.wait));

	/* Already completed: returns at once with time left. */
	complete(&c);
	t0 = ktime_get_ns();
	ret = wait_for_completion_timeout(&c, timeout);
	KUNIT_EXPECT_GT(test, ret, 0UL);
	KUNIT_EXPECT_LT(test, ktime_get_ns() - t0, 4ULL * NSEC_PER_MSEC);
	/* That used it up: the next wait times out again. */
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 2), 0UL);
}

/* try_wait_for_completion() consumes one count, completion_done() peeks. */
static void completion_try_wait_and_done(struct kunit *test)
{
	DECLARE_COMPLETION(c);

	KUNIT_EXPECT_FALSE(test, completion_done(&c));
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c));

	complete(&c);
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	KUNIT_EXPECT_TRUE(test, completion_done(&c));	/* peeking takes nothing */
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_FALSE(test, completion_done(&c));
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c));

	/* Completions count. */
	complete(&c);
	complete(&c);
	complete(&c);
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_FALSE(test, completion_done(&c));
}

struct lifetime_data {
	struct completion c;
	struct task_struct *bystander;
	struct wait_queue_entry canary;
	int late_wakes;
};

static int canary_wake_fn(struct wait_queue_entry *wq_entry, unsigned int mode, int wake_flags)
{
	struct lifetime_data *d = wq_entry->private;

	d->late_wakes++;
	return 0;
}

static int lifetime_completer_fn(void *arg)
{
	struct lifetime_data *d = arg;

	/*
	 * Have a reschedule pending, so that we are switched out the moment
	 * complete() first lets preemption back on.
	 */
	preempt_disable();
	wake_up_process(d->bystander);
	preempt_enable_no_resched();
	complete(&d->c);
	kunit_sleep_until_stop();
	return 0;
}

static int bystander_fn(void *arg)
{
	kunit_sleep_until_stop();
	return 0;
}

/*
 * Once a waiter has seen the completion done it may free it (completions
 * often live on the waiter's stack), so complete() must not touch it
 * after that. The waiter here hangs a canary entry on the wait queue as
 * soon as it sees done: a wake-up that reaches the canary came too late.
 */
static void completion_no_touch_after_done(struct kunit *test)
{
	struct lifetime_data d = { 0 };
	struct task_struct *t;
	int round;

	d.bystander = kthread_run(bystander_fn, NULL, "bystander");
	KUNIT_ASSERT_FALSE(test, IS_ERR(d.bystander));
	KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(d.bystander, TASK_INTERRUPTIBLE, 500));
	for (round = 0; round < 20; round++) {
		init_completion(&d.c);
		t = kthread_run(lifetime_completer_fn, &d, "completer");
		if (IS_ERR(t)) {
			KUNIT_FAIL(test, "kthread_run failed");
			break;
		}
		/* Poll (stay runnable) rather than sleep on the queue. */
		while (!try_wait_for_completion(&d.c))
			cpu_relax();
		d.canary = (struct wait_queue_entry){ .private = &d, .func = canary_wake_fn };
		INIT_LIST_HEAD(&d.canary.entry);
		add_wait_queue(&d.c.wait, &d.canary);
		kthread_stop(t);	/* lets the completer finish complete() */
		remove_wait_queue(&d.c.wait, &d.canary);
	}
	kthread_stop(d.bystander);
	KUNIT_EXPECT_EQ(test, d.late_wakes, 0);
}

static struct kunit_case wait_cases[] = {
	KUNIT_CASE(waitqueue_wait_event_wake_up),
	KUNIT_CASE(waitqueue_wake_up_exclusive),
	KUNIT_CASE(waitqueue_wake_up_shared),
	KUNIT_CASE(waitqueue_wait_event_timeout_expires),
	KUNIT_CASE(waitqueue_wait_event_timeout_woken),
	KUNIT_CASE(waitqueue_wake_from_timer),
	KUNIT_CASE(completion_complete_one),
	KUNIT_CASE(completion_complete_all),
	KUNIT_CASE(completion_wait_timeout),
	KUNIT_CASE(completion_try_wait_and_done),
	KUNIT_CASE(completion_from_timer),
	KUNIT_CASE(completion_no_touch_after_done),
	{}
};

static struct kunit_suite wait_suite = {
	.name = "waitqueue",
	.test_cases = wait_cases,
};

kunit_test_suites(&wait_suite);
