// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for time keeping (suite "time"): ktime_get_ns(), the jiffies
 * rate against it, msleep()/udelay()/mdelay() durations and timer_list
 * (firing time, del_timer(), mod_timer(), re-arming, ordering,
 * del_timer_sync() from another CPU waiting for a running callback), and
 * mktime64()'s calendar arithmetic.
 *
 * Sleeps are promised in jiffies, and those lower bounds are checked
 * exactly. Checked by ktime (the TSC) they hold only up to the tick's
 * delivery jitter and the TSC calibration error, which under QEMU TCG on
 * a busy host reach a good fraction of a millisecond (ticks arrive late,
 * in bursts, or coalesced): ktime lower bounds allow CLOCK_SLACK_NS, and
 * upper bounds are generous.
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <kunit/timer.h>
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/preempt.h>
#include <linux/timekeeping.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/sched.h>

#define TICK_NS (NSEC_PER_SEC / HZ)
#define MS(x) ((u64)(x) * NSEC_PER_MSEC)
#define CLOCK_SLACK_NS MS(1)

/*
 * Start a ktime measurement just after a tick taken while idle. Under QEMU
 * TCG, jiffies can fall a few milliseconds behind while the CPU is busy and
 * then catch up in a burst, which would shorten a sleep measured by ktime.
 */
static void sync_to_tick(void)
{
	msleep(1);
}

static void time_ktime_monotonic(struct kunit *test)
{
	u64 first, prev, now;
	int i, backwards = 0;

	first = prev = ktime_get_ns();
	KUNIT_EXPECT_GT(test, first, 0ULL);	/* the clock was calibrated */
	for (i = 0; i < 20000; i++) {
		now = ktime_get_ns();
		if (now < prev)
			backwards++;
		prev = now;
	}
	KUNIT_EXPECT_EQ(test, backwards, 0);
	KUNIT_EXPECT_GT(test, prev, first);
	/* ktime_get() is the same clock. */
	now = ktime_get_ns();
	KUNIT_EXPECT_GE(test, (u64)ktime_get(), now);
	KUNIT_EXPECT_LT(test, (u64)ktime_get() - now, MS(10));
}

/* jiffies advance at HZ measured against ktime (TSC versus PIT). */
static void time_jiffies_rate(struct kunit *test)
{
	unsigned long j0, jd;
	u64 t0, elapsed, expected;

	sync_to_tick();
	j0 = jiffies;
	t0 = ktime_get_ns();
	msleep(200);
	jd = jiffies - j0;
	elapsed = ktime_get_ns() - t0;

	expected = elapsed / TICK_NS;
	/* msleep() rounds up and adds a tick for the one already begun. */
	KUNIT_EXPECT_GE(test, jd, msecs_to_jiffies(200) + 1);
	KUNIT_EXPECT_GE(test, elapsed, MS(200) - MS(200) / 100 - CLOCK_SLACK_NS);
	KUNIT_EXPECT_GE(test, (u64)jd, expected - expected / 5 - 1);
	KUNIT_EXPECT_LE(test, (u64)jd, expected + expected / 5 + 1);
	KUNIT_EXPECT_EQ(test, jiffies_to_msecs(HZ), 1000U);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1000), (unsigned long)HZ);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1), 1UL);	/* rounds up */
}

/*
 * A sleep of n jiffies (msleep() adds one for the tick already begun)
 * ends in the first tick to reach its end, plus at most two more when
 * the clock then finds a little of it missing; counted in ticks, not by
 * the clock, which a host stopping CPU 0's virtual CPU moves on (a 20 ms
 * sleep took 88 ms on arm at 4 CPUs, in four ticks). On CPU 0, whose tick
 * wakes the sleeper: elsewhere the wake-up waits for that CPU's virtual
 * CPU too.
 */
static void time_msleep_ticks(struct kunit *test, unsigned int ms)
{
	unsigned long j0, t0_ticks, ticks;
	u64 t0, elapsed;

	t0 = ktime_get_ns();
	j0 = jiffies;
	t0_ticks = timer_jiffy_ticks();
	msleep(ms);
	ticks = timer_jiffy_ticks() - t0_ticks;
	elapsed = ktime_get_ns() - t0;
	KUNIT_EXPECT_GE(test, jiffies - j0, msecs_to_jiffies(ms) + 1);
	KUNIT_EXPECT_GE(test, elapsed, MS(ms) - CLOCK_SLACK_NS);
	/* + 1: a tick between reading jiffies here and in msleep(). */
	KUNIT_EXPECT_LE(test, ticks, msecs_to_jiffies(ms) + 1 + 2 + 1);
	if (elapsed > MS(ms + 60))
		kunit_info(test, "msleep(%u) took %llu ms, %lu ticks, %lu jiffies\n",
			   ms, elapsed / NSEC_PER_MSEC, ticks, jiffies - j0);
}

static void time_msleep(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, kunit_run_on_tick_cpu(), 0);
	sync_to_tick();
	time_msleep_ticks(test, 20);
	time_msleep_ticks(test, 1);
	kunit_unpin_cpu();
}

static void time_udelay(struct kunit *test)
{
	unsigned long j0, jd;
	u64 t0, elapsed;

	t0 = ktime_get_ns();
	udelay(500);
	elapsed = ktime_get_ns() - t0;
	KUNIT_EXPECT_GE(test, elapsed, 500ULL * NSEC_PER_USEC);
	KUNIT_EXPECT_LT(test, elapsed, MS(20));

	t0 = ktime_get_ns();
	ndelay(2000);
	elapsed = ktime_get_ns() - t0;
	KUNIT_EXPECT_GE(test, elapsed, 2000ULL);

	/*
	 * mdelay() against the independent tick: 20 ms is 5 ticks, but a
	 * host stall can coalesce ticks (seen with a loaded host: one tick
	 * in 20 ms), so only gross errors count: no tick at all (a delay
	 * calibrated far too short) or more than twice too many. On CPU 0,
	 * whose tick alone advances jiffies: elsewhere CPU 0's virtual CPU
	 * may get no host time for the whole delay (jd 0 at 4 CPUs, load 6).
	 */
	KUNIT_EXPECT_EQ(test, kunit_run_on_tick_cpu(), 0);
	preempt_disable();
	j0 = jiffies;
	t0 = ktime_get_ns();
	mdelay(20);
	elapsed = ktime_get_ns() - t0;
	jd = jiffies - j0;
	preempt_enable();
	kunit_unpin_cpu();
	KUNIT_EXPECT_GE(test, elapsed, MS(20));
	KUNIT_EXPECT_GE(test, jd, 1UL);
	KUNIT_EXPECT_LE(test, jd, 10UL);
}

struct test_timer {
	struct timer_list timer;
	int count;
	int max_rearm;			/* re-arm from the callback while count < this */
	unsigned long fired_at[8];
	unsigned long tick_from[8];	/* the first jiffy of the tick that ran it */
	u64 fired_ns;
	int *order_next;		/* for the ordering test */
	int order;
};

static void test_timer_fn(struct timer_list *t)
{
	struct test_timer *tt = from_timer(tt, t, timer);

	if (tt->count < (int)ARRAY_SIZE(tt->fired_at)) {
		tt->fired_at[tt->count] = jiffies;
		tt->tick_from[tt->count] = timer_tick_first_jiffy();
	}
	tt->fired_ns = ktime_get_ns();
	if (tt->order_next)
		tt->order = (*tt->order_next)++;
	WRITE_ONCE(tt->count, tt->count + 1);
	if (tt->count < tt->max_rearm)
		mod_timer(&tt->timer, jiffies + 2);
}

static void test_timer_init(struct test_timer *tt)
{
	*tt = (struct test_timer){ .order = -1 };
	timer_setup(&tt->timer, test_timer_fn, 0);
}

/* Wait up to ms for the timer's count to reach n. */
static int wait_count(struct test_timer *tt, int n, unsigned int ms)
{
	for (unsigned int i = 0; i < ms && READ_ONCE(tt->count) < n; i++)
		msleep(1);
	return READ_ONCE(tt->count);
}

/* A timer fires once, at or after its expiry, never before. */
static void time_timer_fires_once(struct kunit *test)
{
	struct test_timer tt;
	unsigned long expires;
	u64 armed;

	test_timer_init(&tt);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tt.timer));
	KUNIT_ASSERT_EQ(test, kunit_run_on_tick_cpu(), 0);
	sync_to_tick();
	armed = ktime_get_ns();
	expires = jiffies + 10;
	tt.timer.expires = expires;
	add_timer(&tt.timer);
	KUNIT_EXPECT_TRUE(test, timer_pending(&tt.timer));

	/*
	 * Not before its expiry: what the timer did is read first, then
	 * jiffies, which only grow. msleep(20) usually returns well before
	 * (6 ticks at most), but a virtual CPU the host stops for 80 ms (a
	 * load of 8 on the 2-core host, 4 CPUs) wakes the sleeper after the
	 * expiry, and a fired timer is then right; the clock check below
	 * holds either way.
	 */
	msleep(20);
	{
		int count = READ_ONCE(tt.count);
		bool pending = timer_pending(&tt.timer);

		smp_rmb();
		if (time_before(jiffies, expires)) {
			KUNIT_EXPECT_EQ(test, count, 0);
			KUNIT_EXPECT_TRUE(test, pending);
		} else {
			kunit_info(test, "msleep(20) returned %u ms after the 10-jiffy expiry\n",
				   jiffies_to_msecs(jiffies - expires));
		}
	}

	KUNIT_EXPECT_EQ(test, wait_count(&tt, 1, 200), 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tt.timer));
	KUNIT_EXPECT_TRUE(test, time_after_eq(tt.fired_at[0], expires));
	/* In the first tick to reach it (level 0 of the wheel is exact). */
	KUNIT_EXPECT_FALSE(test, time_after(tt.tick_from[0], expires));
	KUNIT_EXPECT_GE(test, tt.fired_ns - armed, 9 * TICK_NS - CLOCK_SLACK_NS);

	msleep(40);		/* and only once */
	KUNIT_EXPECT_EQ(test, READ_ONCE(tt.count), 1);
	del_timer(&tt.timer);
}

static void time_del_timer(struct kunit *test)
{
	struct test_timer tt;

	test_timer_init(&tt);
	KUNIT_EXPECT_EQ(test, del_timer(&tt.timer), 0);	/* never armed */
	KUNIT_EXPECT_EQ(test, mod_timer(&tt.timer, jiffies + 5), 0);
	KUNIT_EXPECT_TRUE(test, timer_pending(&tt.timer));
	KUNIT_EXPECT_EQ(test, del_timer(&tt.timer), 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tt.timer));
	KUNIT_EXPECT_EQ(test, del_timer(&tt.timer), 0);
	msleep(60);
	KUNIT_EXPECT_EQ(test, READ_ONCE(tt.count), 0);

	/* After it fired there is nothing left to delete. */
	mod_timer(&tt.timer, jiffies + 1);
	KUNIT_EXPECT_EQ(test, wait_count(&tt, 1, 200), 1);
	KUNIT_EXPECT_EQ(test, del_timer(&tt.timer), 0);
}

struct slow_timer {
	struct timer_list timer;
	int started, finished;		/* set by the callback */
	int saw_started, saw_finished;	/* what del_sync_from_cpu() saw */
};

/* A callback that takes 20 ms, long enough to be caught running. */
static void slow_timer_fn(struct timer_list *t)
{
	struct slow_timer *st = from_timer(st, t, timer);

	WRITE_ONCE(st->started, 1);
	mdelay(20);
	WRITE_ONCE(st->finished, 1);
}

/* On a CPU that does not run the wheel: catch the callback running, delete. */
static void del_sync_from_cpu(void *info)
{
	struct slow_timer *st = info;

	for (int us = 0; us < 1000000 && !READ_ONCE(st->started); us += 10)
		udelay(10);
	st->saw_started = READ_ONCE(st->started);
	del_timer_sync(&st->timer);
	st->saw_finished = READ_ONCE(st->finished);
}

/*
 * del_timer_sync() on one CPU returns only after the callback running on
 * the wheel's CPU (CPU 0) has returned, so the timer may be freed then.
 */
static void time_del_timer_sync_waits(struct kunit *test)
{
	struct slow_timer st = {};
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (cpu != 0)
			break;
	if (cpu >= nr_cpu_ids)
		kunit_skip(test, "needs a second online CPU (make test SMP=4)");
	timer_setup(&st.timer, slow_timer_fn, 0);
	mod_timer(&st.timer, jiffies + 2);
	KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, del_sync_from_cpu, &st, 1), 0);
	KUNIT_EXPECT_EQ(test, st.saw_started, 1);
	KUNIT_EXPECT_EQ(test, st.saw_finished, 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&st.timer));
	/* Without the wait the callback would still use @st: let it end first. */
	for (int ms = 0; ms < 1000 && READ_ONCE(st.started) && !READ_ONCE(st.finished); ms++)
		mdelay(1);
}

static void time_mod_timer(struct kunit *test)
{
	struct test_timer tt;
	unsigned long expires;

	KUNIT_ASSERT_EQ(test, kunit_run_on_tick_cpu(), 0);
	test_timer_init(&tt);
	KUNIT_EXPECT_EQ(test, mod_timer(&tt.timer, jiffies + 5), 0);
	/* Pushed back before it fired: the first expiry no longer counts. */
	expires = jiffies + 25;
	KUNIT_EXPECT_EQ(test, mod_timer(&tt.timer, expires), 1);
	msleep(40);		/* past the first expiry, 11 ticks at most */
	/* Unless a stopped virtual CPU let jiffies pass the second too. */
	if (time_before(jiffies, expires))
		KUNIT_EXPECT_EQ(test, READ_ONCE(tt.count), 0);
	KUNIT_EXPECT_EQ(test, wait_count(&tt, 1, 300), 1);
	KUNIT_EXPECT_TRUE(test, time_after_eq(tt.fired_at[0], expires));
	KUNIT_EXPECT_FALSE(test, time_after(tt.tick_from[0], expires));

	/* Brought forward: it fires at the new, earlier time. */
	KUNIT_EXPECT_EQ(test, mod_timer(&tt.timer, jiffies + 200), 0);
	expires = jiffies + 3;
	KUNIT_EXPECT_EQ(test, mod_timer(&tt.timer, expires), 1);
	KUNIT_EXPECT_EQ(test, wait_count(&tt, 2, 100), 2);
	KUNIT_EXPECT_TRUE(test, time_after_eq(tt.fired_at[1], expires));
	KUNIT_EXPECT_FALSE(test, time_after(tt.tick_from[1], expires));

	/* An expiry already past fires on the next tick. */
	KUNIT_EXPECT_EQ(test, mod_timer(&tt.timer, jiffies - 10), 0);
	KUNIT_EXPECT_EQ(test, wait_count(&tt, 3, 100), 3);
	msleep(20);
	KUNIT_EXPECT_EQ(test, READ_ONCE(tt.count), 3);
	del_timer(&tt.timer);
}

/* A callback may re-arm its own timer (a periodic timer). */
static void time_timer_rearm_from_callback(struct kunit *test)
{
	struct test_timer tt;
	int i;

	test_timer_init(&tt);
	tt.max_rearm = 5;
	mod_timer(&tt.timer, jiffies + 2);
	KUNIT_EXPECT_EQ(test, wait_count(&tt, 5, 300), 5);
	msleep(30);
	KUNIT_EXPECT_EQ(test, READ_ONCE(tt.count), 5);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tt.timer));
	for (i = 1; i < 5; i++)
		KUNIT_EXPECT_GE(test, tt.fired_at[i] - tt.fired_at[i - 1], 2UL);
	del_timer(&tt.timer);
}

/* Timers fire in expiry order, whatever order they were armed in. */
static void time_timer_order(struct kunit *test)
{
	static const int delay[] = { 6, 2, 4 };
	struct test_timer tt[3];
	unsigned long base;
	int next = 0, i;

	for (i = 0; i < 3; i++) {
		test_timer_init(&tt[i]);
		tt[i].order_next = &next;
	}
	base = jiffies;
	for (i = 0; i < 3; i++)
		mod_timer(&tt[i].timer, base + delay[i]);
	for (i = 0; i < 3; i++)
		wait_count(&tt[i], 1, 200);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, tt[i].count, 1);
		KUNIT_EXPECT_TRUE(test, time_after_eq(tt[i].fired_at[0], base + delay[i]));
		del_timer(&tt[i].timer);
	}
	KUNIT_EXPECT_EQ(test, tt[1].order, 0);
	KUNIT_EXPECT_EQ(test, tt[2].order, 1);
	KUNIT_EXPECT_EQ(test, tt[0].order, 2);
}

/* mktime64() against dates whose Unix time is known (leap days, century). */
static void time_mktime64(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, mktime64(1970, 1, 1, 0, 0, 0), 0ULL);
	KUNIT_EXPECT_EQ(test, mktime64(2000, 3, 1, 0, 0, 0), 951868800ULL);
	KUNIT_EXPECT_EQ(test, mktime64(2024, 2, 29, 12, 34, 56), 1709210096ULL);
	KUNIT_EXPECT_EQ(test, mktime64(2026, 12, 31, 23, 59, 59), 1798761599ULL);
}

static struct kunit_case time_cases[] = {
	KUNIT_CASE(time_ktime_monotonic),
	KUNIT_CASE(time_mktime64),
	KUNIT_CASE(time_jiffies_rate),
	KUNIT_CASE(time_msleep),
	KUNIT_CASE(time_udelay),
	KUNIT_CASE(time_timer_fires_once),
	KUNIT_CASE(time_del_timer),
	KUNIT_CASE(time_del_timer_sync_waits),
	KUNIT_CASE(time_mod_timer),
	KUNIT_CASE(time_timer_rearm_from_callback),
	KUNIT_CASE(time_timer_order),
	{}
};

static struct kunit_suite time_suite = {
	.name = "time",
	.test_cases = time_cases,
};

kunit_test_suites(&time_suite);
