// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the lock-order checker (suite "lockdep"): an A -> B,
 * B -> A inversion of spinlocks and of mutexes is reported, naming both
 * classes, and so is one closed through a third lock; a consistent order,
 * a trylock and a lock taken in IRQ context only with interrupts off are
 * not; a lock taken in hard IRQ context and with interrupts on is. Two
 * locks of one class taken as subclasses 0 and 1 (spin_lock_nested(),
 * mutex_lock_nested()) have their order checked; lockdep_assert_held()
 * reports a caller not holding the lock. The
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

/* @n spinlocks of one class: all initialised at the same call site. */
static spinlock_t *one_class_spinlocks(unsigned int n)
{
	spinlock_t *l = kcalloc(n, sizeof(*l), GFP_KERNEL);

	for (unsigned int i = 0; l && i < n; i++)
		spin_lock_init(&l[i]);
	return l;
}

/*
 * Parent then child (subclass 1) is an order like any other: the same
 * again is fine, and child-then-parent of another pair is an inversion
 * between "l[i]" and "l[i]/1".
 */
static void lockdep_nested_spinlock_order(struct kunit *test)
{
	spinlock_t *l = one_class_spinlocks(4);
	unsigned long before = lockdep_reports;

	KUNIT_ASSERT_NOT_NULL(test, l);
	for (int round = 0; round < 2; round++) {
		spin_lock(&l[0]);
		spin_lock_nested(&l[1], 1);
		spin_unlock(&l[1]);
		spin_unlock(&l[0]);
	}
	KUNIT_EXPECT_EQ(test, lockdep_reports, before);
	lockdep_expect_report = true;
	spin_lock_nested(&l[3], 1);
	spin_lock(&l[2]);
	lockdep_expect_report = false;
	spin_unlock(&l[2]);
	spin_unlock(&l[3]);
	expect_report(test, before, "&l[i]", "&l[i]");
	KUNIT_EXPECT_EQ(test, lockdep_last_report.held_subclass, 1U);
	KUNIT_EXPECT_EQ(test, lockdep_last_report.acquired_subclass, 0U);
	kfree(l);
}

/* The same for mutexes, the cycle closed through a lock of another class. */
static void lockdep_nested_mutex_order(struct kunit *test)
{
	struct mutex *m = kcalloc(3, sizeof(*m), GFP_KERNEL);
	struct mutex *other = kzalloc(sizeof(*other), GFP_KERNEL);
	unsigned long before = lockdep_reports;

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_NOT_NULL(test, other);
	for (int i = 0; i < 3; i++)
		mutex_init(&m[i]);
	mutex_init(other);
	/* m/0 -> m/1 -> other */
	mutex_lock(&m[0]);
	mutex_lock_nested(&m[1], 1);
	mutex_lock(other);
	mutex_unlock(other);
	mutex_unlock(&m[1]);
	mutex_unlock(&m[0]);
	/* other -> m/1 closes the cycle m/1 -> other -> m/1 */
	KUNIT_EXPECT_EQ(test, lockdep_reports, before);
	lockdep_expect_report = true;
	mutex_lock(other);
	mutex_lock_nested(&m[2], 1);
	lockdep_expect_report = false;
	mutex_unlock(&m[2]);
	mutex_unlock(other);
	expect_report(test, before, "other", "&m[i]");
	KUNIT_EXPECT_EQ(test, lockdep_last_report.acquired_subclass, 1U);
	kfree(other);
	kfree(m);
}

static void assert_held_c(void *unused)
{
	lockdep_assert_held(&lockdep_test_c);
}

/* Held by this task: quiet; released, or held in IRQ context only: reported. */
static void lockdep_assert_held_reports(struct kunit *test)
{
	unsigned long before = lockdep_reports, flags;

	spin_lock_irqsave(&lockdep_test_c, flags);
	assert_held_c(NULL);
	spin_unlock_irqrestore(&lockdep_test_c, flags);
	KUNIT_EXPECT_EQ(test, lockdep_reports, before);
	lockdep_expect_report = true;
	assert_held_c(NULL);
	lockdep_expect_report = false;
	KUNIT_EXPECT_EQ(test, lockdep_reports, before + 1);
	KUNIT_EXPECT_STREQ(test, lockdep_last_report.held, "lockdep_test_c");
	KUNIT_EXPECT_NULL(test, lockdep_last_report.acquired);
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
	KUNIT_CASE(lockdep_nested_spinlock_order),
	KUNIT_CASE(lockdep_nested_mutex_order),
	KUNIT_CASE(lockdep_assert_held_reports),
	{}
};

static struct kunit_suite lockdep_suite = {
	.name = "lockdep",
	.test_cases = lockdep_cases,
};
kunit_test_suites(&lockdep_suite);
