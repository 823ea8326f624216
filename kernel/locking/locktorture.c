// SPDX-License-Identifier: GPL-2.0-only
/*
 * Lock torture (suite "locktorture"), after Linux's locktorture: for each
 * lock type, NR_WRITERS kthreads take the lock over and over for a bounded
 * time, and inside it check that no one else is ("inside" flag) and bump
 * a plain, non-atomic counter in two steps with a pause between. A lock
 * that excludes nothing shows up as a writer finding the flag set or as
 * lost counter updates; the "busted" type, whose lock does nothing, must
 * be caught, which shows the test can fail. Sleeping locks sometimes
 * sleep inside, so even one CPU interleaves the writers there; spinlocks
 * are tested across CPUs once the scheduler runs tasks on all of them.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define NR_WRITERS	4
#define RUN_MS		400		/* per lock type, once every writer started */
/*
 * The longest wait for the writers to start: a virtual CPU of a busy host
 * may get no time for a while, and each writer must have the whole run.
 */
#define START_MAX_MS	10000

struct torture_ctx;

struct torture_ops {
	const char *name;
	void (*lock)(struct torture_ctx *c, unsigned long *flags);
	void (*unlock)(struct torture_ctx *c, unsigned long flags);
	bool can_sleep;			/* the holder may sleep inside */
};

struct torture_ctx {
	const struct torture_ops *ops;
	spinlock_t spin;
	struct mutex mutex;
	unsigned long counter;		/* only ever changed under the lock */
	int inside;			/* a writer is in the critical section */
	atomic_t errors;		/* times a writer found another inside */
	atomic_t started;		/* writers that have started */
	unsigned long acquired[NR_WRITERS];
};

struct torture_writer {
	struct torture_ctx *c;
	int id;
};

static void spin_lock_op(struct torture_ctx *c, unsigned long *flags)
{
	spin_lock(&c->spin);
}

static void spin_unlock_op(struct torture_ctx *c, unsigned long flags)
{
	spin_unlock(&c->spin);
}

static void spin_lock_irqsave_op(struct torture_ctx *c, unsigned long *flags)
{
	spin_lock_irqsave(&c->spin, *flags);
}

static void spin_unlock_irqrestore_op(struct torture_ctx *c, unsigned long flags)
{
	spin_unlock_irqrestore(&c->spin, flags);
}

static void mutex_lock_op(struct torture_ctx *c, unsigned long *flags)
{
	mutex_lock(&c->mutex);
}

static void mutex_unlock_op(struct torture_ctx *c, unsigned long flags)
{
	mutex_unlock(&c->mutex);
}

static void busted_lock_op(struct torture_ctx *c, unsigned long *flags)
{
}

static void busted_unlock_op(struct torture_ctx *c, unsigned long flags)
{
}

static const struct torture_ops spin_ops = { "spin_lock", spin_lock_op, spin_unlock_op };
static const struct torture_ops spin_irq_ops = {
	"spin_lock_irqsave", spin_lock_irqsave_op, spin_unlock_irqrestore_op
};
static const struct torture_ops mutex_ops = { "mutex_lock", mutex_lock_op, mutex_unlock_op, true };
static const struct torture_ops busted_ops = { "busted", busted_lock_op, busted_unlock_op, true };

static int torture_writer_fn(void *data)
{
	struct torture_writer *w = data;
	struct torture_ctx *c = w->c;
	unsigned long n = 0, flags = 0, v;

	atomic_inc(&c->started);
	while (!kthread_should_stop()) {
		c->ops->lock(c, &flags);
		if (READ_ONCE(c->inside))
			atomic_inc(&c->errors);
		WRITE_ONCE(c->inside, 1);
		v = READ_ONCE(c->counter);
		if (c->ops->can_sleep && !(n % 16))
			msleep(1);		/* let the others try to come in */
		else
			udelay(1);
		WRITE_ONCE(c->counter, v + 1);
		WRITE_ONCE(c->inside, 0);
		c->ops->unlock(c, flags);
		n++;
		if (!(n % 32))
			yield();
	}
	c->acquired[w->id] = n;
	return 0;
}

/*
 * Run the writers on @ops for RUN_MS; returns the errors seen (-ENOMEM if
 * a writer could not start), and the counter and the acquisitions the
 * writers counted in *@counter, *@total.
 */
static int torture_run(struct kunit *test, const struct torture_ops *ops,
		       unsigned long *counter, unsigned long *total)
{
	static struct torture_ctx c;
	struct torture_writer w[NR_WRITERS];
	struct task_struct *t[NR_WRITERS];

	memset(&c, 0, sizeof(c));
	c.ops = ops;
	spin_lock_init(&c.spin);
	mutex_init(&c.mutex);
	for (int i = 0; i < NR_WRITERS; i++) {
		w[i] = (struct torture_writer){ &c, i };
		t[i] = kthread_run(torture_writer_fn, &w[i], "lock_torture/%d", i);
		if (IS_ERR(t[i])) {
			KUNIT_EXPECT_FALSE(test, IS_ERR(t[i]));
			while (i--)
				kthread_stop(t[i]);
			return -ENOMEM;
		}
	}
	for (int ms = 0; atomic_read(&c.started) < NR_WRITERS && ms < START_MAX_MS; ms++)
		msleep(1);
	msleep(RUN_MS);
	*total = 0;
	for (int i = 0; i < NR_WRITERS; i++) {
		kthread_stop(t[i]);
		*total += c.acquired[i];
		KUNIT_EXPECT_GT(test, c.acquired[i], 0);	/* every writer got in */
	}
	*counter = c.counter;
	kunit_info(test, "%s: %lu acquisitions, %d errors, counter %lu\n", ops->name,
		   *total, atomic_read(&c.errors), c.counter);
	return atomic_read(&c.errors);
}

static void torture_expect_exclusion(struct kunit *test, const struct torture_ops *ops)
{
	unsigned long counter, total;

	KUNIT_EXPECT_EQ(test, torture_run(test, ops, &counter, &total), 0);
	KUNIT_EXPECT_EQ(test, counter, total);
}

static void locktorture_spin_lock(struct kunit *test)
{
	torture_expect_exclusion(test, &spin_ops);
}

static void locktorture_spin_lock_irqsave(struct kunit *test)
{
	torture_expect_exclusion(test, &spin_irq_ops);
}

static void locktorture_mutex(struct kunit *test)
{
	torture_expect_exclusion(test, &mutex_ops);
}

/* The busted lock lets writers in together: the torture must say so. */
static void locktorture_catches_busted_lock(struct kunit *test)
{
	unsigned long counter, total;
	int errors = torture_run(test, &busted_ops, &counter, &total);

	KUNIT_EXPECT_GT(test, errors, 0);
	KUNIT_EXPECT_LT(test, counter, total);
}

static struct kunit_case locktorture_cases[] = {
	KUNIT_CASE(locktorture_spin_lock),
	KUNIT_CASE(locktorture_spin_lock_irqsave),
	KUNIT_CASE(locktorture_mutex),
	KUNIT_CASE(locktorture_catches_busted_lock),
	{}
};

static struct kunit_suite locktorture_suite = {
	.name = "locktorture",
	.test_cases = locktorture_cases,
};
kunit_test_suites(&locktorture_suite);
