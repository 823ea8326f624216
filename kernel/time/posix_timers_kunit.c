// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for POSIX timers (suite "posix_timers"): Linux's id rule
 * across the wrap, allocation failure, and exit freeing armed timers. The
 * cases act on the test thread's own timers and delete them all at the
 * end (exit_itimers(), as exit does). Their behaviour seen from user
 * space, at 10,000 timers, is tests/user/timers.c.
 */
#include <kunit/posix-timers.h>
#include <kunit/slab.h>
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <linux/sched.h>

#define CLOCK_MONOTONIC	1
#define SIGEV_NONE	1

static const struct sigevent_abi ev_none = { .sigev_notify = SIGEV_NONE };

/* After INT_MAX the ids start again at 0, skipping those still in use. */
static void posix_timers_id_wrap(struct kunit *test)
{
	int a, b;

	current->posix_timer_id = 0;
	a = do_timer_create(CLOCK_MONOTONIC, &ev_none);
	b = do_timer_create(CLOCK_MONOTONIC, &ev_none);
	KUNIT_EXPECT_EQ(test, a, 0);
	KUNIT_EXPECT_EQ(test, b, 1);
	KUNIT_EXPECT_EQ(test, do_timer_delete(a), 0);
	/* A deleted id is not given again before the wrap... */
	KUNIT_EXPECT_EQ(test, do_timer_create(CLOCK_MONOTONIC, &ev_none), 2);
	current->posix_timer_id = INT_MAX - 1;
	KUNIT_EXPECT_EQ(test, do_timer_create(CLOCK_MONOTONIC, &ev_none), INT_MAX - 1);
	KUNIT_EXPECT_EQ(test, do_timer_create(CLOCK_MONOTONIC, &ev_none), INT_MAX);
	/* ...but after it: 0 is free again, 1 and 2 are not. */
	KUNIT_EXPECT_EQ(test, do_timer_create(CLOCK_MONOTONIC, &ev_none), 0);
	KUNIT_EXPECT_EQ(test, do_timer_create(CLOCK_MONOTONIC, &ev_none), 3);
	exit_itimers(current);
	KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&current->posix_timers));
}

/* A failed allocation is EAGAIN, takes no id and leaves nothing behind. */
static void posix_timers_alloc_failure(struct kunit *test)
{
	unsigned long objs = kmem_cache_active_objects(posix_timers_cache);
	unsigned long injected = alloc_fail_count();
	int id;

	current->posix_timer_id = 0;
	alloc_fail_after(0);
	id = do_timer_create(CLOCK_MONOTONIC, &ev_none);
	alloc_fail_off();
	KUNIT_EXPECT_EQ(test, id, -EAGAIN);
	KUNIT_EXPECT_EQ(test, alloc_fail_count(), injected + 1);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(posix_timers_cache), objs);
	KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&current->posix_timers));
	KUNIT_EXPECT_EQ(test, do_timer_create(CLOCK_MONOTONIC, &ev_none), 0);
	exit_itimers(current);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(posix_timers_cache), objs);
}

#define NR_ARMED 2000

/* exit_itimers() stops and frees every timer, armed or not. */
static void posix_timers_exit_frees_armed(struct kunit *test)
{
	unsigned long objs = kmem_cache_active_objects(posix_timers_cache);
	struct timespec64 hour = { .tv_sec = 3600 }, none = {};
	struct __kernel_itimerspec old;
	int created = 0, armed = 0;

	for (int i = 0; i < NR_ARMED; i++) {
		int id = do_timer_create(CLOCK_MONOTONIC, &ev_none);

		if (id < 0)
			break;
		created++;
		/* Every other one armed, a second apart. */
		hour.tv_sec = 3600 + i;
		if (i % 2 == 0 && !do_timer_settime(id, 0, &hour, &none, &old))
			armed++;
	}
	KUNIT_EXPECT_EQ(test, created, NR_ARMED);
	KUNIT_EXPECT_EQ(test, armed, NR_ARMED / 2);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(posix_timers_cache), objs + created);
	exit_itimers(current);
	KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&current->posix_timers));
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(posix_timers_cache), objs);
}

static struct kunit_case posix_timers_cases[] = {
	KUNIT_CASE(posix_timers_id_wrap),
	KUNIT_CASE(posix_timers_alloc_failure),
	KUNIT_CASE(posix_timers_exit_frees_armed),
	{}
};

static struct kunit_suite posix_timers_suite = {
	.name = "posix_timers",
	.test_cases = posix_timers_cases,
};

kunit_test_suites(&posix_timers_suite);
