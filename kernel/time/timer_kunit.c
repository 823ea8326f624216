// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the timer wheel at size (suite "timer_wheel"): 100,000
 * timers armed, re-armed, cancelled and fired, on every level of the wheel.
 * The small-scale behaviour of timers (firing time, mod_timer(), re-arming
 * from a callback) is in time_kunit.c.
 *
 * The wheel promises that a timer never runs before its expiry, and that
 * it runs at its expiry rounded up to its level's granularity (exact up to
 * 62 jiffies out, late by under 8/63 of the timeout beyond), in the first
 * tick to reach that jiffy. How late that tick is by the clock is the
 * host's: a virtual CPU the host stops makes jiffies jump at its next
 * tick, and the wheel catches up in that tick. So lateness is checked in
 * ticks, not jiffies (<kunit/timer.h>): exact, whatever the host does.
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <kunit/timer.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include <linux/timer.h>

#define NR_TIMERS	100000
#define FIRE_SPAN	700		/* jiffies: levels 0, 1 and 2 */
/* The wheel's shape, as its contract gives it (kernel/time/timer.c). */
#define LVL_CLK_SHIFT	3
#define LVL_LIMIT(n)	(63UL << ((n) * LVL_CLK_SHIFT))

struct wheel_timer {
	struct timer_list timer;
	unsigned long armed_at;		/* jiffies when armed */
	unsigned long fired_at;		/* jiffies in the callback */
	unsigned long tick_from;	/* the first jiffy of the tick that ran it */
	int seq;			/* firing order, from 0 */
	int count;
};

static atomic_t fired_seq;

static void wheel_timer_fn(struct timer_list *t)
{
	struct wheel_timer *w = from_timer(w, t, timer);

	w->fired_at = jiffies;
	w->tick_from = timer_tick_first_jiffy();
	w->seq = atomic_inc_return(&fired_seq) - 1;
	WRITE_ONCE(w->count, w->count + 1);
}

/* NR_TIMERS set-up timers, or NULL. */
static struct wheel_timer *alloc_timers(void)
{
	struct wheel_timer *w = kvcalloc(NR_TIMERS, sizeof(*w), GFP_KERNEL);

	if (!w)
		return NULL;
	for (int i = 0; i < NR_TIMERS; i++)
		timer_setup(&w[i].timer, wheel_timer_fn, 0);
	atomic_set(&fired_seq, 0);
	return w;
}

/* Cancel whatever is still pending, count it, and free the array. */
static int free_timers(struct wheel_timer *w)
{
	int pending = 0;

	for (int i = 0; i < NR_TIMERS; i++)
		pending += del_timer(&w[i].timer);
	kvfree(w);
	return pending;
}

/*
 * The jiffy the wheel runs a timer armed at @armed_at for @expires: the
 * expiry rounded up to the granularity, 8^n, of the first level n whose
 * limit the distance from the wheel's clock stays below. Armed on CPU 0
 * with interrupts off, that clock is @armed_at + 1 (every tick ends with
 * the wheel one jiffy past jiffies).
 */
static unsigned long wheel_run_at(unsigned long armed_at, unsigned long expires)
{
	unsigned long delta = expires - (armed_at + 1);
	unsigned int shift = 0;

	while (delta >= LVL_LIMIT(shift / LVL_CLK_SHIFT))
		shift += LVL_CLK_SHIFT;
	return ((expires + (1UL << shift) - 1) >> shift) << shift;
}

/*
 * 100,000 timers due over FIRE_SPAN jiffies, armed in a scrambled order
 * (every timeout from 1 to FIRE_SPAN, about 143 timers each): each fires
 * once, never early, in the first tick to reach its rounded expiry (that
 * tick began at or before it and ended at or after it), and in the order
 * of their rounded expiries.
 */
static void timer_wheel_fire_order(struct kunit *test)
{
	int *by_seq = kvmalloc_array(NR_TIMERS, sizeof(int), GFP_KERNEL);
	struct wheel_timer *w = alloc_timers();
	unsigned long run_at, latest = 0, max_jump = 0;
	unsigned long flags;
	int i, early = 0, late = 0, once = 0, out_of_order = 0;

	if (!w || !by_seq) {
		kvfree(w);
		kvfree(by_seq);
		KUNIT_FAIL(test, "out of memory for %d timers", NR_TIMERS);
		return;
	}
	/*
	 * Armed on CPU 0, whose tick runs the wheel, with interrupts off:
	 * the wheel's clock is then jiffies + 1, and wheel_run_at() knows
	 * each timer's level. Armed from another CPU while CPU 0's tick
	 * catches up after a stop of its virtual CPU (the timer lock is
	 * dropped around each callback), a timer goes to the level of its
	 * distance from the wheel's clock, not from jiffies (77,964 timers
	 * on coarser levels, at 4 CPUs on arm under load).
	 */
	if (kunit_run_on_tick_cpu()) {
		kvfree(w);
		kvfree(by_seq);
		KUNIT_FAIL(test, "cannot move to CPU 0");
		return;
	}
	for (i = 0; i < NR_TIMERS; i++) {
		local_irq_save(flags);
		w[i].armed_at = jiffies;
		mod_timer(&w[i].timer, w[i].armed_at + 1 + (i * 7919UL) % FIRE_SPAN);
		local_irq_restore(flags);
	}
	/* FIRE_SPAN is 2.8 s of ticks; wait up to a minute on a loaded host. */
	for (i = 0; i < 6000 && atomic_read(&fired_seq) < NR_TIMERS; i++)
		msleep(10);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&fired_seq), NR_TIMERS);

	for (i = 0; i < NR_TIMERS; i++)
		by_seq[i] = -1;
	for (i = 0; i < NR_TIMERS; i++) {
		if (READ_ONCE(w[i].count) != 1)
			continue;
		once++;
		by_seq[w[i].seq] = i;
		run_at = wheel_run_at(w[i].armed_at, w[i].timer.expires);
		if (time_before(w[i].fired_at, run_at))
			early++;	/* before its expiry or its bucket's jiffy */
		else if (time_after(w[i].tick_from, run_at))
			late++;		/* an earlier tick reached its jiffy */
		max_jump = max(max_jump, w[i].fired_at - w[i].tick_from);
	}
	if (early || late)
		kunit_info(test, "%d early, %d late\n", early, late);
	kunit_info(test, "the most jiffies one tick ran: %lu\n", max_jump + 1);
	KUNIT_EXPECT_EQ(test, once, NR_TIMERS);
	KUNIT_EXPECT_EQ(test, early, 0);
	KUNIT_EXPECT_EQ(test, late, 0);

	/* In firing order, the jiffies the wheel ran them at never go back. */
	for (i = 0; i < NR_TIMERS && by_seq[i] >= 0; i++) {
		struct wheel_timer *t = &w[by_seq[i]];

		run_at = wheel_run_at(t->armed_at, t->timer.expires);
		if (i && time_before(run_at, latest))
			out_of_order++;
		else
			latest = run_at;
	}
	KUNIT_EXPECT_EQ(test, i, NR_TIMERS);
	KUNIT_EXPECT_EQ(test, out_of_order, 0);
	kvfree(by_seq);
	KUNIT_EXPECT_EQ(test, free_timers(w), 0);
	kunit_unpin_cpu();
}

/*
 * 100,000 timers spread from 20 s to 100 days out (49.7 days with a
 * 32-bit jiffies; every level, and past the wheel's 49 days): all pending
 * after arming, re-arming says they were, cancelling takes each off once,
 * and none of them ever runs.
 */
static void timer_wheel_cancel(struct kunit *test)
{
	struct wheel_timer *w = alloc_timers();
	/*
	 * A timeout must stay below LONG_MAX / 2 jiffies (Linux's
	 * MAX_JIFFY_OFFSET): further out, time_after() sees it in the past.
	 * With a 32-bit jiffies that is 49.7 days, still past the wheel.
	 */
	unsigned long far = min_t(unsigned long, 100UL * 24 * 3600 * HZ, LONG_MAX / 2 - 20 * HZ);
	unsigned long base = jiffies + 20 * HZ;
	int i, pending = 0, was_pending = 0, deleted = 0, again = 0;

	KUNIT_ASSERT_NOT_NULL(test, w);

	for (i = 0; i < NR_TIMERS; i++)
		mod_timer(&w[i].timer, base + (i * 2654435761UL) % far);
	for (i = 0; i < NR_TIMERS; i++)
		pending += timer_pending(&w[i].timer);
	KUNIT_EXPECT_EQ(test, pending, NR_TIMERS);
	for (i = 0; i < NR_TIMERS; i += 2)
		was_pending += mod_timer(&w[i].timer, base + (i * 40503UL) % far);
	KUNIT_EXPECT_EQ(test, was_pending, NR_TIMERS / 2);
	for (i = 0; i < NR_TIMERS; i++)
		deleted += del_timer(&w[i].timer);
	KUNIT_EXPECT_EQ(test, deleted, NR_TIMERS);
	for (i = 0; i < NR_TIMERS; i++)
		again += del_timer(&w[i].timer) + timer_pending(&w[i].timer);
	KUNIT_EXPECT_EQ(test, again, 0);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&fired_seq), 0);
	KUNIT_EXPECT_EQ(test, free_timers(w), 0);
}

/* The fastest of a few ticks run by hand, in ns (interrupts off, as a tick). */
static u64 min_tick_ns(void)
{
	u64 best = U64_MAX, t0, ns;
	unsigned long flags;

	for (int i = 0; i < 20; i++) {
		local_irq_save(flags);
		t0 = ktime_get_ns();
		timer_tick();
		ns = ktime_get_ns() - t0;
		local_irq_restore(flags);
		best = min(best, ns);
	}
	return best;
}

/*
 * A tick costs the same with 100,000 timers pending as with none: it looks
 * at one bucket per level, not at every timer. The bound is loose (twice,
 * plus 50 us) because it is wall time; a tick that scanned every timer
 * would take milliseconds here.
 */
static void timer_wheel_tick_cost_flat(struct kunit *test)
{
	struct wheel_timer *w = alloc_timers();
	u64 idle, loaded;

	KUNIT_ASSERT_NOT_NULL(test, w);

	idle = min_tick_ns();
	for (int i = 0; i < NR_TIMERS; i++)
		mod_timer(&w[i].timer, jiffies + 20 * HZ + i);
	loaded = min_tick_ns();
	kunit_info(test, "tick: %llu ns with no timer, %llu ns with %d pending\n",
		   idle, loaded, NR_TIMERS);
	KUNIT_EXPECT_LE(test, loaded, 2 * idle + 50 * NSEC_PER_USEC);
	KUNIT_EXPECT_EQ(test, atomic_read(&fired_seq), 0);
	KUNIT_EXPECT_EQ(test, free_timers(w), NR_TIMERS);
}

static struct kunit_case timer_wheel_cases[] = {
	KUNIT_CASE(timer_wheel_fire_order),
	KUNIT_CASE(timer_wheel_cancel),
	KUNIT_CASE(timer_wheel_tick_cost_flat),
	{}
};

static struct kunit_suite timer_wheel_suite = {
	.name = "timer_wheel",
	.test_cases = timer_wheel_cases,
};

kunit_test_suites(&timer_wheel_suite);
