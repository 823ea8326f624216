// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of workqueues: a work runs once per queueing, in order, in a
 * worker thread; pending works are not queued twice; flush waits for the
 * run in progress; cancel takes a pending work off and waits for a
 * running one; queueing from a timer (interrupt context) works; queues
 * are drained on destroy and nothing leaks.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

struct tw {
	struct work_struct work;
	atomic_t runs;
	struct task_struct *ran_on;
	struct completion started;	/* completed when the function starts */
	struct completion release;	/* the function waits for it if block */
	bool block;
	int requeue;			/* queue itself again this many times */
	char *order;			/* append id here */
	char id;
};

static void tw_func(struct work_struct *work)
{
	struct tw *t = container_of(work, struct tw, work);

	t->ran_on = current;
	complete(&t->started);
	if (t->block)
		wait_for_completion(&t->release);
	if (t->order)
		t->order[strlen(t->order)] = t->id;
	atomic_inc(&t->runs);
	if (t->requeue > 0) {
		t->requeue--;
		schedule_work(&t->work);
	}
}

static void tw_init(struct tw *t, char id)
{
	memset(t, 0, sizeof(*t));
	INIT_WORK(&t->work, tw_func);
	init_completion(&t->started);
	init_completion(&t->release);
	t->id = id;
}

/* Completes a completion later, from the timer interrupt. */
static struct timer_list release_timer;
static struct completion *release_target;

static void release_fn(struct timer_list *tl)
{
	complete(release_target);
}

static void release_later(struct completion *c)
{
	release_target = c;
	timer_setup(&release_timer, release_fn, 0);
	mod_timer(&release_timer, jiffies + HZ / 20);	/* 50 ms: flush is waiting by then */
}

static void wq_runs_once_in_a_worker(struct kunit *test)
{
	struct tw blocker, t;

	tw_init(&blocker, 'b');
	blocker.block = true;
	tw_init(&t, 'a');
	KUNIT_EXPECT_FALSE(test, flush_work(&t.work));	/* never queued */
	KUNIT_ASSERT_TRUE(test, schedule_work(&blocker.work));
	wait_for_completion(&blocker.started);
	KUNIT_EXPECT_TRUE(test, schedule_work(&t.work));
	/* t is pending behind the blocker, released later: flush waits. */
	release_later(&blocker.release);
	KUNIT_EXPECT_TRUE(test, flush_work(&t.work));
	KUNIT_EXPECT_EQ(test, atomic_read(&t.runs), 1);
	KUNIT_EXPECT_PTR_NE(test, t.ran_on, current);
	KUNIT_EXPECT_FALSE(test, flush_work(&t.work));	/* idle now */
	KUNIT_EXPECT_FALSE(test, cancel_work_sync(&t.work));
	del_timer_sync(&release_timer);
}

static void wq_pending_not_queued_twice(struct kunit *test)
{
	struct tw blocker, t;

	tw_init(&blocker, 'b');
	blocker.block = true;
	tw_init(&t, 't');
	KUNIT_ASSERT_TRUE(test, schedule_work(&blocker.work));
	wait_for_completion(&blocker.started);
	KUNIT_EXPECT_TRUE(test, schedule_work(&t.work));
	KUNIT_EXPECT_FALSE(test, schedule_work(&t.work));
	complete(&blocker.release);
	flush_work(&t.work);
	KUNIT_EXPECT_EQ(test, atomic_read(&t.runs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&blocker.runs), 1);
}

static void wq_runs_in_order(struct kunit *test)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("kunit_wq_%d", 0, 1);
	char order[8] = "";
	struct tw w[4];

	KUNIT_ASSERT_NOT_NULL(test, wq);
	for (int i = 0; i < 4; i++) {
		tw_init(&w[i], '1' + i);
		w[i].order = order;
	}
	w[0].block = true;
	for (int i = 0; i < 4; i++)
		KUNIT_EXPECT_TRUE(test, queue_work(wq, &w[i].work));
	wait_for_completion(&w[0].started);
	complete(&w[0].release);
	flush_workqueue(wq);
	KUNIT_EXPECT_STREQ(test, order, "1234");
	destroy_workqueue(wq);
}

static void wq_flush_waits_for_running(struct kunit *test)
{
	struct tw t;

	tw_init(&t, 'r');
	t.block = true;
	schedule_work(&t.work);
	wait_for_completion(&t.started);
	/* Running, not pending. */
	KUNIT_EXPECT_FALSE(test, t.work.pending);
	release_later(&t.release);
	KUNIT_EXPECT_TRUE(test, flush_work(&t.work));
	KUNIT_EXPECT_EQ(test, atomic_read(&t.runs), 1);
	del_timer_sync(&release_timer);
}

static void wq_cancel(struct kunit *test)
{
	struct tw blocker, t, self;

	/* A pending work is taken off and never runs. */
	tw_init(&blocker, 'b');
	blocker.block = true;
	tw_init(&t, 't');
	schedule_work(&blocker.work);
	wait_for_completion(&blocker.started);
	schedule_work(&t.work);
	KUNIT_EXPECT_TRUE(test, cancel_work_sync(&t.work));
	KUNIT_EXPECT_FALSE(test, cancel_work_sync(&t.work));
	complete(&blocker.release);
	/* A running work is waited for. */
	KUNIT_EXPECT_FALSE(test, cancel_work_sync(&blocker.work));
	KUNIT_EXPECT_EQ(test, atomic_read(&blocker.runs), 1);
	flush_scheduled_work();
	KUNIT_EXPECT_EQ(test, atomic_read(&t.runs), 0);

	/* A work that queues itself stops when cancelled. */
	tw_init(&self, 's');
	self.requeue = 1000000;
	schedule_work(&self.work);
	/*
	 * Until it ran (at most a second): with several CPUs the worker may
	 * wake on a virtual CPU the host runs only later.
	 */
	for (int ms = 0; ms < 1000 && !atomic_read(&self.runs); ms++)
		msleep(1);
	msleep(2);
	cancel_work_sync(&self.work);
	{
		int runs = atomic_read(&self.runs);

		KUNIT_EXPECT_GT(test, runs, 0);
		msleep(2);
		KUNIT_EXPECT_EQ(test, atomic_read(&self.runs), runs);
		KUNIT_EXPECT_FALSE(test, self.work.pending);
	}
}

static struct tw timer_tw;
static struct timer_list timer;

static void timer_fn(struct timer_list *tl)
{
	schedule_work(&timer_tw.work);
}

static void wq_queue_from_interrupt(struct kunit *test)
{
	tw_init(&timer_tw, 'i');
	timer_setup(&timer, timer_fn, 0);
	mod_timer(&timer, jiffies + 1);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&timer_tw.started, HZ), 0UL);
	flush_work(&timer_tw.work);
	KUNIT_EXPECT_EQ(test, atomic_read(&timer_tw.runs), 1);
	del_timer_sync(&timer);
}

static void wq_destroy_drains_and_no_leak(struct kunit *test)
{
	unsigned long slab = 0;
	struct tw w[3];

	for (int round = 0; round < 2; round++) {
		int tasks = nr_tasks();
		struct workqueue_struct *wq;

		slab = slab_allocated_bytes();
		wq = alloc_workqueue("kunit_leak", 0, 0);
		KUNIT_ASSERT_NOT_NULL(test, wq);
		for (int i = 0; i < 3; i++) {
			tw_init(&w[i], 'x');
			queue_work(wq, &w[i].work);
		}
		destroy_workqueue(wq);
		for (int i = 0; i < 3; i++)
			KUNIT_EXPECT_EQ(test, atomic_read(&w[i].runs), 1);
		/* The worker's task is freed once it is switched away from. */
		for (int i = 0; i < 100 && nr_tasks() != tasks; i++)
			msleep(1);
		KUNIT_EXPECT_EQ(test, nr_tasks(), tasks);
	}
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
}

static struct kunit_case workqueue_cases[] = {
	KUNIT_CASE(wq_runs_once_in_a_worker),
	KUNIT_CASE(wq_pending_not_queued_twice),
	KUNIT_CASE(wq_runs_in_order),
	KUNIT_CASE(wq_flush_waits_for_running),
	KUNIT_CASE(wq_cancel),
	KUNIT_CASE(wq_queue_from_interrupt),
	KUNIT_CASE(wq_destroy_drains_and_no_leak),
	{}
};

static struct kunit_suite workqueue_suite = {
	.name = "workqueue",
	.test_cases = workqueue_cases,
};
kunit_test_suites(&workqueue_suite);
