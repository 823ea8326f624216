// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the futex hash (suite "futex"): keys spread over the
 * buckets and always land in the same one; a wake takes only waiters of
 * its key whose bitset meets its own, oldest first, up to its count; a
 * requeue wakes some and moves the next to the other key, or does nothing
 * when the compared word differs; a woken waiter is off its bucket.
 * The waiters are futex_q's of the test's own task, never put to sleep.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/string.h>
#include "futex.h"

static int dummy_mm[2];		/* two distinct "address spaces" for keys */

static void futex_hash_spreads(struct kunit *test)
{
	static int count[FUTEX_HASH_SIZE];
	int max = 0;

	memset(count, 0, sizeof(count));
	for (unsigned long i = 0; i < 16 * FUTEX_HASH_SIZE; i++) {
		struct futex_key key = { &dummy_mm[0], 0x10000 + 4 * i };
		unsigned int index = futex_hash_index(&key);

		KUNIT_EXPECT_EQ(test, futex_hash_index(&key), index);
		KUNIT_ASSERT_LT(test, index, FUTEX_HASH_SIZE);
		count[index]++;
	}
	for (int b = 0; b < FUTEX_HASH_SIZE; b++)
		max = max(max, count[b]);
	/* 16 per bucket on average: no bucket holds more than four times that. */
	KUNIT_EXPECT_LE(test, max, 64);
}

static void queue(struct futex_q *q, const struct futex_key *key, u32 bitset)
{
	struct futex_hash_bucket *hb = futex_hash(key);

	q->task = current;
	q->key = *key;
	q->bitset = bitset;
	spin_lock(&hb->lock);
	futex_queue(q, hb);
	spin_unlock(&hb->lock);
}

static void futex_wake_matches_key_and_bitset(struct kunit *test)
{
	struct futex_key a = { &dummy_mm[0], 0x1000 }, b = { &dummy_mm[1], 0x1000 };
	struct futex_q q1, q2, q3;

	queue(&q1, &a, 1);
	queue(&q2, &a, 2);
	queue(&q3, &b, ~0U);
	KUNIT_EXPECT_EQ(test, futex_wake_key(&a, 10, 2), 1);
	KUNIT_EXPECT_NULL(test, q2.hb);
	KUNIT_EXPECT_NOT_NULL(test, q1.hb);
	KUNIT_EXPECT_EQ(test, futex_wake_key(&b, 0, ~0U), 0);	/* a count of 0 wakes none */
	KUNIT_EXPECT_EQ(test, futex_wake_key(&a, 10, ~0U), 1);
	KUNIT_EXPECT_FALSE(test, futex_unqueue(&q1));		/* already woken */
	KUNIT_EXPECT_TRUE(test, futex_unqueue(&q3));		/* still queued */
	KUNIT_EXPECT_EQ(test, futex_wake_key(&b, 10, ~0U), 0);
}

static void futex_requeue_wakes_then_moves(struct kunit *test)
{
	struct futex_key a = { &dummy_mm[0], 0x2000 }, b = { &dummy_mm[0], 0x3000 };
	struct futex_q q[3];
	u32 word = 7;

	for (int i = 0; i < 3; i++)
		queue(&q[i], &a, ~0U);
	KUNIT_EXPECT_EQ(test, futex_requeue_key(&a, &b, 1, 1, &word, 8), -EAGAIN);
	KUNIT_EXPECT_NOT_NULL(test, q[0].hb);
	KUNIT_EXPECT_EQ(test, futex_requeue_key(&a, &b, 1, 1, &word, 7), 2);
	KUNIT_EXPECT_NULL(test, q[0].hb);		/* the oldest woken */
	KUNIT_EXPECT_PTR_EQ(test, q[1].hb, futex_hash(&b));	/* the next moved */
	KUNIT_EXPECT_PTR_EQ(test, q[2].hb, futex_hash(&a));	/* the last left */
	KUNIT_EXPECT_EQ(test, futex_wake_key(&b, 10, ~0U), 1);
	KUNIT_EXPECT_NULL(test, q[1].hb);
	KUNIT_EXPECT_EQ(test, futex_wake_key(&a, 10, ~0U), 1);
	KUNIT_EXPECT_NULL(test, q[2].hb);
}

static struct kunit_case futex_cases[] = {
	KUNIT_CASE(futex_hash_spreads),
	KUNIT_CASE(futex_wake_matches_key_and_bitset),
	KUNIT_CASE(futex_requeue_wakes_then_moves),
	{}
};

static struct kunit_suite futex_suite = {
	.name = "futex",
	.test_cases = futex_cases,
};

kunit_test_suites(&futex_suite);
