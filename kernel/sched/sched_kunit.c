// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the scheduler and kernel threads (suite "sched"):
 * kthread_create/run/stop, tick preemption of threads that never sleep,
 * yield(), wake_up_process() and the reaping of dead tasks.
 *
 * Every thread a case starts is stopped (or has exited) before the case
 * returns, since the threads point into the case's stack frame.
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/preempt.h>

#define NR_BUSY 4
#define BUSY_MAX_NS (10ULL * NSEC_PER_SEC)

/* Poll *flag (set by another thread) for up to ms; true if it became set. */
static bool wait_flag(const int *flag, unsigned int ms)
{
	for (unsigned int i = 0; i <= ms; i++) {
		if (READ_ONCE(*flag))
			return true;
		msleep(1);
	}
	return false;
}

struct stop_data {
	int started;
	int saw_stop;
	int magic;
};

static int stoppable_fn(void *arg)
{
	struct stop_data *d = arg;

	WRITE_ONCE(d->started, 1);
	while (!kthread_should_stop())
		msleep(1);
	WRITE_ONCE(d->saw_stop, 1);
	return d->magic;
}

/* kthread_stop() returns what the thread function returned. */
static void sched_kthread_stop_result(struct kunit *test)
{
	struct stop_data d = { .magic = 0x5eed };
	struct task_struct *t;

	t = kthread_run(stoppable_fn, &d, "kt_stop");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, wait_flag(&d.started, 500));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0x5eed);
	KUNIT_EXPECT_EQ(test, READ_ONCE(d.saw_stop), 1);

	/* A negative result (an error code) comes back unchanged too. */
	d = (struct stop_data){ .magic = -22 };
	t = kthread_run(stoppable_fn, &d, "kt_stop2");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, wait_flag(&d.started, 500));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -22);
}

struct should_stop_data {
	int before;		/* kthread_should_stop() before the stop request */
	int after;		/* ... and once woken by kthread_stop() */
	int loops;
};

static int should_stop_fn(void *arg)
{
	struct should_stop_data *d = arg;

	WRITE_ONCE(d->before, kthread_should_stop() ? 1 : 0);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		WRITE_ONCE(d->loops, d->loops + 1);
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(d->after, kthread_should_stop() ? 1 : 0);
	return 1;
}

/*
 * kthread_should_stop() is false until kthread_stop(), which must wake a
 * thread sleeping indefinitely (nothing else will) so it can see it true.
 */
static void sched_kthread_should_stop(struct kunit *test)
{
	struct should_stop_data d = { .before = -1, .after = -1 };
	struct task_struct *t;

	/* The case's own thread is a kthread nobody is stopping. */
	KUNIT_EXPECT_FALSE(test, kthread_should_stop());

	t = kthread_run(should_stop_fn, &d, "kt_should_stop");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(t, TASK_INTERRUPTIBLE, 500));
	KUNIT_EXPECT_EQ(test, READ_ONCE(d.before), 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(d.after), -1);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(d.after), 1);
	KUNIT_EXPECT_GE(test, READ_ONCE(d.loops), 1);
}

static int busy_fn(void *arg)
{
	volatile unsigned long *ctr = arg;
	u64 deadline = ktime_get_ns() + BUSY_MAX_NS;

	/*
	 * Never sleeps, never yields: only the tick can take the CPU away.
	 * The deadline only keeps a broken scheduler from hanging the run.
	 */
	while (!kthread_should_stop() && ktime_get_ns() < deadline)
		*ctr = *ctr + 1;
	kunit_sleep_until_stop();
	return 0;
}

/*
 * Threads that spin without sleeping on one CPU all make progress, again
 * and again, and a sleeper still gets the CPU back on time: tick
 * preemption works.
 */
static void sched_preempt_busy_threads(struct kunit *test)
{
	static volatile unsigned long ctr[NR_BUSY];
	unsigned long mid[NR_BUSY], end[NR_BUSY];
	struct task_struct *t[NR_BUSY];
	u64 nivcsw[NR_BUSY];
	unsigned int cpu = kunit_pin_cpu();
	int i, n = 0;
	u64 t0, slept;

	for (i = 0; i < NR_BUSY; i++)
		ctr[i] = 0;
	for (i = 0; i < NR_BUSY; i++) {
		t[i] = kthread_create(busy_fn, (void *)&ctr[i], "busy%d", i);
		if (IS_ERR(t[i])) {
			KUNIT_FAIL(test, "kthread_create failed for busy%d", i);
			break;
		}
		kthread_bind(t[i], cpu);
		wake_up_process(t[i]);
		n++;
	}

	msleep(100);
	for (i = 0; i < n; i++)
		mid[i] = ctr[i];
	t0 = ktime_get_ns();
	msleep(100);
	slept = ktime_get_ns() - t0;
	for (i = 0; i < n; i++) {
		end[i] = ctr[i];
		nivcsw[i] = READ_ONCE(t[i]->nivcsw);
	}
	for (i = 0; i < n; i++)
		kthread_stop(t[i]);
	kunit_unpin_cpu();

	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_GT(test, mid[i], 0UL);
		/* Still running in the second window, not just once at start. */
		KUNIT_EXPECT_GT(test, end[i], mid[i]);
		/* Taken off the CPU by the tick, not by sleeping. */
		KUNIT_EXPECT_GT(test, nivcsw[i], 0ULL);
	}
	/*
	 * The sleeper still got the CPU back while the spinners spun (they
	 * would hog it for BUSY_MAX_NS each otherwise); generous, as a busy
	 * host gives an emulated CPU its ticks late.
	 */
	KUNIT_EXPECT_LT(test, slept, BUSY_MAX_NS / 2);
}

struct yield_data {
	int ran;
};

static int yield_peer_fn(void *arg)
{
	struct yield_data *d = arg;

	WRITE_ONCE(d->ran, 1);
	kunit_sleep_until_stop();
	return 0;
}

/* yield() runs another runnable thread of its CPU before returning. */
static void sched_yield_runs_other(struct kunit *test)
{
	struct yield_data d = { 0 };
	struct task_struct *t;
	int before, after;
	u64 switches;

	t = kthread_create(yield_peer_fn, &d, "yield_peer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, kunit_pin_cpu());

	preempt_disable();
	wake_up_process(t);		/* runnable, but cannot preempt us */
	before = READ_ONCE(d.ran);
	switches = current->nvcsw + current->nivcsw;
	preempt_enable_no_resched();
	yield();
	after = READ_ONCE(d.ran);

	KUNIT_EXPECT_EQ(test, before, 0);
	KUNIT_EXPECT_EQ(test, after, 1);
	/* We were switched out (by yield, or by a tick that beat it to it). */
	KUNIT_EXPECT_GT(test, current->nvcsw + current->nivcsw, switches);
	kthread_stop(t);
	kunit_unpin_cpu();
}

struct sleeper_data {
	int asleep;
	int woken;
};

static int sleeper_fn(void *arg)
{
	struct sleeper_data *d = arg;

	set_current_state(TASK_UNINTERRUPTIBLE);
	WRITE_ONCE(d->asleep, 1);
	schedule();		/* only wake_up_process() from the test ends this */
	WRITE_ONCE(d->woken, 1);
	kunit_sleep_until_stop();
	return 0;
}

/* wake_up_process() wakes a sleeping thread and reports that it did. */
static void sched_wake_up_process(struct kunit *test)
{
	struct sleeper_data d = { 0 };
	struct task_struct *t;

	/* The running task is not asleep: nothing to wake. */
	KUNIT_EXPECT_FALSE(test, wake_up_process(current));

	t = kthread_run(sleeper_fn, &d, "sleeper");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(t, TASK_UNINTERRUPTIBLE, 500));
	KUNIT_EXPECT_EQ(test, READ_ONCE(d.asleep), 1);
	/* It stays asleep while no one wakes it. */
	msleep(20);
	KUNIT_EXPECT_EQ(test, READ_ONCE(d.woken), 0);
	/* An interruptible-only wake-up does not touch an uninterruptible sleep. */
	KUNIT_EXPECT_FALSE(test, wake_up_state(t, TASK_INTERRUPTIBLE));
	msleep(10);
	KUNIT_EXPECT_EQ(test, READ_ONCE(d.woken), 0);

	KUNIT_EXPECT_TRUE(test, wake_up_process(t));
	KUNIT_EXPECT_TRUE(test, wait_flag(&d.woken, 500));
	kthread_stop(t);
}

struct exit_data {
	struct completion go;
	atomic_t started;
};

static int exit_fn(void *arg)
{
	struct exit_data *d = arg;

	atomic_inc(&d->started);
	wait_for_completion(&d->go);
	return 0;		/* exits on its own: reaped by the scheduler */
}

/* Dead tasks are freed: nr_tasks() returns to where it started. */
static void sched_nr_tasks_reaped(struct kunit *test)
{
	struct task_struct *t[6];
	struct exit_data d;
	int start, i, n = 0;

	init_completion(&d.go);
	atomic_set(&d.started, 0);
	start = nr_tasks();

	/* Four that return by themselves... */
	for (i = 0; i < 4; i++) {
		t[i] = kthread_run(exit_fn, &d, "exiter%d", i);
		if (IS_ERR(t[i])) {
			KUNIT_FAIL(test, "kthread_run failed");
			break;
		}
		n++;
	}
	/* ... and two ended by kthread_stop(). */
	t[4] = kthread_run(stoppable_fn, &(struct stop_data){ 0 }, "stopped0");
	t[5] = kthread_run(stoppable_fn, &(struct stop_data){ 0 }, "stopped1");
	KUNIT_EXPECT_FALSE(test, IS_ERR(t[4]));
	KUNIT_EXPECT_FALSE(test, IS_ERR(t[5]));
	for (i = 0; i < 100 && atomic_read(&d.started) < n; i++)
		msleep(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d.started), n);
	KUNIT_EXPECT_EQ(test, nr_tasks(), start + n + 2);

	complete_all(&d.go);
	for (i = 4; i < 6; i++)
		if (!IS_ERR(t[i]))
			kthread_stop(t[i]);
	/* Give the dead a moment to be switched away from and freed. */
	for (i = 0; i < 100 && nr_tasks() != start; i++)
		msleep(1);
	KUNIT_EXPECT_EQ(test, nr_tasks(), start);
}

struct create_data {
	int ran;
};

static int create_fn(void *arg)
{
	struct create_data *d = arg;

	WRITE_ONCE(d->ran, 1);
	kunit_sleep_until_stop();
	return 3;
}

/* kthread_create() leaves the thread stopped until it is woken. */
static void sched_kthread_create_not_running(struct kunit *test)
{
	struct create_data d = { 0 };
	struct task_struct *t;

	t = kthread_create(create_fn, &d, "created%d", 7);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_STREQ(test, t->comm, "created7");
	KUNIT_EXPECT_TRUE(test, t->flags & PF_KTHREAD);
	msleep(20);
	KUNIT_EXPECT_EQ(test, READ_ONCE(d.ran), 0);
	KUNIT_EXPECT_FALSE(test, task_is_running(t));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(t->on_rq));

	KUNIT_EXPECT_TRUE(test, wake_up_process(t));
	KUNIT_EXPECT_TRUE(test, wait_flag(&d.ran, 500));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 3);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(sched_kthread_stop_result),
	KUNIT_CASE(sched_kthread_should_stop),
	KUNIT_CASE(sched_preempt_busy_threads),
	KUNIT_CASE(sched_yield_runs_other),
	KUNIT_CASE(sched_wake_up_process),
	KUNIT_CASE(sched_nr_tasks_reaped),
	KUNIT_CASE(sched_kthread_create_not_running),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};

kunit_test_suites(&sched_suite);
