// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the lock-order checker (suite "lockdep"): an A -> B,
 * B -> A inversion of spinlocks and of mutexes is reported, naming both
 * classes, and so is one closed through a third lock; a consistent order,
 * a trylock and a lock taken in IRQ context only with interrupts off are
 * not; a lock taken in hard IRQ context and with interrupts on is. The
 * deliberate reports print as "EXPECTED (test)" (include/kunit/lockdep.h).
 */
#include <kunit/test.h>
#include <kunit/lockdep.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

static DEFINE_SPINLOCK(lockdep_test_a);
static DEFINE_SPINLOCK(lockdep_test_b);
static DEFINE_SPINLOCK(lockdep_test_c);

/* Take @outer then @inner, and release them. */
static void nest(spinlock_t *outer, spinlock_t *inner)
{
	spin_lock(outer);
	spin_lock(inner);
	spin_unlock(inner);
	spin_unlock(outer);
}

static void expect_report(struct kunit *test, unsigned long before, const char *held,
			  const char *acquired)
{
	KUNIT_EXPECT_EQ(test, lockdep_reports, before + 1);
	if (lockdep_reports != before + 1)
		return;
	KUNIT_EXPECT_STREQ(test, lockdep_last_report.acquired, acquired);
	if (held)
		KUNIT_EXPECT_STREQ(test, lockdep_last_report.held, held);
	else
		KUNIT_EXPECT_NULL(test, lockdep_last_report.held);
}

static void lockdep_spinlock_inversion(struct kunit *test)
{
	unsigned long before = lockdep_reports;

	nest(&lockdep_test_a, &lockdep_test_b);
	nest(&lockdep_test_a, &lockdep_test_b);
	KUNIT_EXPECT_EQ(test, lockdep_reports, before);	/* one order, twice: fine */
	lockdep_expect_report = true;
	nest(&lockdep_test_b, &lockdep_test_a);
	lockdep_expect_report = false;
	expect_report(test, before, "lockdep_test_b", "lockdep_test_a");
	nest(&lockdep_test_b, &lockdep_test_a);		/* reported once only */
	KUNIT_EXPECT_EQ(test, lockdep_reports, before + 1);
}

/* X -> Y and Y -> Z recorded; Z -> X closes the cycle through Y. */
static void lockdep_three_lock_cycle(struct kunit *test)
{
	static DEFINE_SPINLOCK(lockdep_test_x);
	static DEFINE_SPINLOCK(lockdep_test_y);
	static DEFINE_SPINLOCK(lockdep_test_z);
	unsigned long before = lockdep_reports;

	nest(&lockdep_test_x, &lockdep_test_y);
	nest(&lockdep_test_y, &lockdep_test_z);
	KUNIT_EXPECT_EQ(test, lockdep_reports, before);
	lockdep_expect_report = true;
	nest(&lockdep_test_z, &lockdep_test_x);
	lockdep_expect_report = false;
	expect_report(test, before, "lockdep_test_z", "lockdep_test_x");
}

/* Two mutexes initialised at two call sites are two classes. */
static void lockdep_mutex_inversion(struct kunit *test)
{
	struct mutex *m = kzalloc(2 * sizeof(*m), GFP_KERNEL);
	unsigned long before = lockdep_reports;

	KUNIT_ASSERT_NOT_NULL(test, m);
	mutex_init(&m[0]);
	mutex_init(&m[1]);
	mutex_lock(&m[0]);
	mutex_lock(&m[1]);
	mutex_unlock(&m[1]);
	mutex_unlock(&m[0]);
	KUNIT_EXPECT_EQ(test, lockdep_reports, before);
	lockdep_expect_report = true;
	mutex_lock(&m[1]);
	mutex_lock(&m[0]);
	lockdep_expect_report = false;
	mutex_unlock(&m[0]);
	mutex_unlock(&m[1]);
	expect_report(test, before, "&m[1]", "&m[0]");
	kfree(m);
}

/* A trylock cannot wait, so it orders nothing: no report either way. */
static void lockdep_trylock_orders_nothing(struct kunit *test)
{
	static DEFINE_SPINLOCK(lockdep_test_t1);
	static DEFINE_SPINLOCK(lockdep_test_t2);
	unsigned long before = lockdep_reports;

	spin_lock(&lockdep_test_t1);
	KUNIT_ASSERT_TRUE(test, spin_trylock(&lockdep_test_t2));
	spin_unlock(&lockdep_test_t2);
	spin_unlock(&lockdep_test_t1);
	nest(&lockdep_test_t2, &lockdep_test_t1);
	KUNIT_EXPECT_EQ(test, lockdep_reports, before);
}

void lockdep_kunit_in_hardirq(void (*fn)(void *arg), void *arg)
{
	unsigned long flags;

	local_irq_save(flags);
	this_cpu()->in_irq++;
	fn(arg);
	this_cpu()->in_irq--;
	local_irq_restore(flags);
}

static void lock_unlock(void *lock)
{
	spin_lock(lock);
	spin_unlock(lock);
}

static void lockdep_irq_safety(struct kunit *test)
{
	unsigned long before = lockdep_reports, flags;

	/* In IRQ context, and elsewhere always with interrupts off: fine. */
	lockdep_kunit_in_hardirq(lock_unlock, &lockdep_test_c);
	spin_lock_irqsave(&lockdep_test_c, flags);
	spin_unlock_irqrestore(&lockdep_test_c, flags);
	KUNIT_EXPECT_EQ(test, lockdep_reports, before);
	/* With interrupts on, the IRQ could come in while it is held. */
	lockdep_expect_report = true;
	lock_unlock(&lockdep_test_c);
	lockdep_expect_report = false;
	expect_report(test, before, NULL, "lockdep_test_c");
}

static struct kunit_case lockdep_cases[] = {
	KUNIT_CASE(lockdep_spinlock_inversion),
	KUNIT_CASE(lockdep_three_lock_cycle),
	KUNIT_CASE(lockdep_mutex_inversion),
	KUNIT_CASE(lockdep_trylock_orders_nothing),
	KUNIT_CASE(lockdep_irq_safety),
	{}
};

static struct kunit_suite lockdep_suite = {
	.name = "lockdep",
	.test_cases = lockdep_cases,
};
kunit_test_suites(&lockdep_suite);
