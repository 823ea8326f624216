// SPDX-License-Identifier: GPL-2.0-only
/* Tests for refcount_t: counting, last reference, and refusing to wrap. */
#include <linux/refcount.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <kunit/test.h>

static void refcount_counts(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(1);

	refcount_inc(&r);
	refcount_add(3, &r);
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 5U);
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&r));
	refcount_dec(&r);
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 3U);
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&r));
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&r));
	KUNIT_EXPECT_TRUE(test, refcount_dec_and_test(&r));
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 0U);
}

static void refcount_inc_not_zero_on_zero(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(0);

	KUNIT_EXPECT_FALSE(test, refcount_inc_not_zero(&r));
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 0U);
	refcount_set(&r, 2);
	KUNIT_EXPECT_TRUE(test, refcount_inc_not_zero(&r));
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 3U);
}

static void refcount_saturates(struct kunit *test)
{
	unsigned long warns = warn_count;
	refcount_t r = REFCOUNT_INIT(0);

	refcount_inc(&r);		/* increment from 0: a use after free */
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	/* Once saturated it stays there: never freed, never wrapped. */
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&r));
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);

	refcount_set(&r, REFCOUNT_MAX);
	refcount_inc(&r);
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);

	refcount_set(&r, 0);
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&r));	/* underflow */
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 4);
}

#define RC_THREADS 4
#define RC_ITERS 5000

struct rc_ctx {
	refcount_t r;
	struct completion done;
};

static int rc_thread(void *data)
{
	struct rc_ctx *c = data;

	for (int i = 0; i < RC_ITERS; i++) {
		refcount_inc(&c->r);
		if (i % 64 == 0)
			cond_resched();
		refcount_dec(&c->r);
		refcount_inc(&c->r);
	}
	complete(&c->done);
	return 0;
}

static void refcount_concurrent(struct kunit *test)
{
	struct rc_ctx c = { .r = REFCOUNT_INIT(1) };

	init_completion(&c.done);
	for (int i = 0; i < RC_THREADS; i++)
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(rc_thread, &c, "rc%d", i)));
	for (int i = 0; i < RC_THREADS; i++)
		wait_for_completion(&c.done);
	KUNIT_EXPECT_EQ(test, refcount_read(&c.r), 1U + RC_THREADS * RC_ITERS);
}

static struct kunit_case refcount_cases[] = {
	KUNIT_CASE(refcount_counts),
	KUNIT_CASE(refcount_inc_not_zero_on_zero),
	KUNIT_CASE(refcount_saturates),
	KUNIT_CASE(refcount_concurrent),
	{}
};

static struct kunit_suite refcount_suite = {
	.name = "refcount",
	.test_cases = refcount_cases,
};
kunit_test_suites(&refcount_suite);
