// SPDX-License-Identifier: GPL-2.0-only
/*
 * jiffies, kernel timers and sleeping for a time.
 *
 * Pending timers sit in a timer wheel, the shape of Linux's
 * kernel/time/timer.c: WHEEL_LEVELS levels of LVL_SIZE buckets, level n
 * holding timers due in [LVL_LIMIT(n - 1), LVL_LIMIT(n)) jiffies with a
 * granularity of LVL_GRAN(n) = 8^n jiffies. Arming and cancelling are O(1)
 * (pick a bucket, link or unlink), and a tick is O(WHEEL_LEVELS) plus the
 * timers it runs, whatever the number pending: the tick looks at one
 * bucket per level, and at level n only every LVL_GRAN(n) jiffies.
 *
 * The price is precision far out: a timer on level n is rounded up to its
 * level's granularity, so it may run late by up to 8/63 of its timeout
 * (never early), as in Linux. Level 0 is exact. Timers are never moved between
 * levels (no cascading): each bucket of level n expires at one jiffy, the
 * rounded-up expiry of every timer in it, so that is when it is run. A
 * timeout past the last level is parked at the wheel's end and re-queued
 * when that bucket expires.
 *
 * timer_lock guards the wheel and wheel_clk; callbacks run without it.
 * Every CPU has a tick, but one wheel serves them all: the boot CPU's
 * tick alone advances jiffies and runs the wheel (Linux's
 * tick_do_timer_cpu, fixed), so callbacks run on CPU 0 only and never
 * two at once. Any CPU may arm or cancel a timer under timer_lock;
 * running_timer, also under timer_lock, names the timer whose callback
 * is running, for del_timer_sync() on another CPU to wait for.
 */
#include <linux/timer.h>
#include <kunit/timer.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/processor.h>

#define TICK_DO_TIMER_CPU 0

#define LVL_CLK_SHIFT	3			/* each level 8 times coarser */
#define LVL_BITS	6
#define LVL_SIZE	(1UL << LVL_BITS)	/* buckets per level */
#define LVL_MASK	(LVL_SIZE - 1)
#define WHEEL_LEVELS	9			/* 250 Hz: up to 49 days */
#define LVL_SHIFT(n)	((n) * LVL_CLK_SHIFT)
#define LVL_GRAN(n)	(1UL << LVL_SHIFT(n))
/*
 * Level n takes timeouts below LVL_LIMIT(n): one bucket fewer than it has,
 * so that rounding up never wraps onto the bucket being run.
 */
#define LVL_LIMIT(n)	((LVL_SIZE - 1) << LVL_SHIFT(n))
#define WHEEL_TIMEOUT_MAX (LVL_LIMIT(WHEEL_LEVELS - 1) - 1)

volatile unsigned long jiffies;

static struct hlist_head timer_wheel[WHEEL_LEVELS * LVL_SIZE];
static unsigned long wheel_clk;		/* the next jiffy the tick runs */
static DEFINE_SPINLOCK(timer_lock);
static struct timer_list *running_timer;
/*
 * For tests (<kunit/timer.h>): the ticks that moved jiffies on, and the
 * first jiffy the latest of them ran (wheel_clk when it began). Written
 * by CPU 0's tick alone.
 */
static unsigned long jiffy_ticks;
static unsigned long tick_first_jiffy;

/* The bucket for a timer due at @expires. Caller holds timer_lock. */
static struct hlist_head *wheel_bucket(unsigned long expires)
{
	unsigned long delta = expires - wheel_clk;
	unsigned int lvl = 0;

	lockdep_assert_held(&timer_lock);
	if ((long)delta < 0) {
		expires = wheel_clk;
		delta = 0;
	} else if (delta > WHEEL_TIMEOUT_MAX) {
		expires = wheel_clk + WHEEL_TIMEOUT_MAX;	/* parked, see timer_tick() */
		delta = WHEEL_TIMEOUT_MAX;
	}
	while (delta >= LVL_LIMIT(lvl))
		lvl++;
	expires = (expires + LVL_GRAN(lvl) - 1) >> LVL_SHIFT(lvl);
	return &timer_wheel[lvl * LVL_SIZE + (expires & LVL_MASK)];
}

void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags)
{
	INIT_HLIST_NODE(&timer->entry);
	timer->function = fn;
	timer->expires = 0;
}

bool timer_pending(const struct timer_list *timer)
{
	return !hlist_unhashed(&timer->entry);
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	hlist_del_init(&timer->entry);
	timer->expires = expires;
	hlist_add_head(&timer->entry, wheel_bucket(expires));
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

int del_timer_sync(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending = 0;

	for (;;) {
		spin_lock_irqsave(&timer_lock, flags);
		was_pending |= timer_pending(timer);
		hlist_del_init(&timer->entry);
		if (running_timer != timer)
			break;
		spin_unlock_irqrestore(&timer_lock, flags);
		cpu_relax();
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	WARN_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	hlist_del_init(&timer->entry);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/*
 * Advance jiffies by the ticks the clock says have passed, not by one per
 * interrupt (Linux's tick_do_update_jiffies64() does the same). Under
 * emulation a stalled vCPU gets its tick interrupts late, coalesced or in a
 * burst; counting interrupts would let jiffies fall behind and then race
 * ahead of real time, ending sleeps early. A jiffy is never counted before
 * its time on the clock, so a sleep of n jiffies lasts at least n - 1 full
 * ticks of real time; a tick interrupt arriving a little early only
 * postpones its jiffy to the next one.
 */
static void update_jiffies(void)
{
	static u64 next_ns;
	u64 now = ktime_get_ns();

	if (!next_ns)
		next_ns = now;
	while (now >= next_ns) {
		jiffies++;
		next_ns += TICK_NSEC;
	}
}

/*
 * Run the buckets due at each jiffy from wheel_clk to jiffies: level 0's
 * every jiffy, level n's when the jiffy is a multiple of LVL_GRAN(n).
 * wheel_clk moves past the jiffy first, so a timer armed by a callback
 * lands in a later bucket, never in the one being emptied.
 */
void timer_tick(void)
{
	struct hlist_head *bucket;
	struct timer_list *t;
	unsigned long clk;
	unsigned int lvl;

	if (smp_processor_id() != TICK_DO_TIMER_CPU)
		return;
	update_jiffies();
	spin_lock(&timer_lock);
	if (time_after_eq(jiffies, wheel_clk)) {
		WRITE_ONCE(tick_first_jiffy, wheel_clk);
		WRITE_ONCE(jiffy_ticks, jiffy_ticks + 1);
	}
	while (time_after_eq(jiffies, wheel_clk)) {
		clk = wheel_clk++;
		for (lvl = 0; lvl < WHEEL_LEVELS; lvl++) {
			bucket = &timer_wheel[lvl * LVL_SIZE + ((clk >> LVL_SHIFT(lvl)) & LVL_MASK)];
			while (bucket->first) {
				t = container_of(bucket->first, struct timer_list, entry);
				hlist_del_init(&t->entry);
				if (time_after(t->expires, clk)) {	/* parked */
					hlist_add_head(&t->entry, wheel_bucket(t->expires));
					continue;
				}
				running_timer = t;
				spin_unlock(&timer_lock);
				t->function(t);
				spin_lock(&timer_lock);
				running_timer = NULL;
			}
			if (clk & (LVL_GRAN(lvl + 1) - 1))
				break;
		}
	}
	spin_unlock(&timer_lock);
}

/* The tick's records, for tests (<kunit/timer.h>). */
#ifdef CONFIG_KUNIT
unsigned long timer_tick_first_jiffy(void)
{
	return READ_ONCE(tick_first_jiffy);
}

unsigned long timer_jiffy_ticks(void)
{
	return READ_ONCE(jiffy_ticks);
}
#endif

struct sleeper {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct sleeper *s = from_timer(s, t, timer);

	wake_up_process(s->task);
}

long schedule_timeout(long timeout)
{
	struct sleeper s;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + timeout;
	s.task = current;
	timer_setup(&s.timer, process_timeout, 0);
	mod_timer(&s.timer, expire);
	schedule();
	/* Woken early, on another CPU than the callback's: it may be reading s. */
	del_timer_sync(&s.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void ndelay(unsigned long nsecs)
{
	u64 end = ktime_get_ns() + nsecs;

	while (ktime_get_ns() < end)
		cpu_relax();
}

void udelay(unsigned long usecs)
{
	ndelay(usecs * NSEC_PER_USEC);
}

void mdelay(unsigned long msecs)
{
	ndelay(msecs * NSEC_PER_MSEC);
}

void msleep(unsigned int msecs)
{
	/*
	 * Sleep in jiffies, +1 because the current tick is already partly
	 * gone; then check the clock: jiffies are counted at tick interrupts,
	 * whose delivery jitters under emulation, so a few microseconds may
	 * be missing. The promise is "at least msecs" on ktime_get_ns().
	 */
	u64 end = ktime_get_ns() + (u64)msecs * NSEC_PER_MSEC;
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;
	u64 now;

	for (;;) {
		while (timeout)
			timeout = schedule_timeout_uninterruptible(timeout);
		now = ktime_get_ns();
		if (now >= end)
			break;
		timeout = usecs_to_jiffies((unsigned int)((end - now) / NSEC_PER_USEC) + 1);
	}
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}

void usleep_range(unsigned long min, unsigned long max)
{
	if (min < 1000 * 1000 / HZ)
		udelay(min);
	else
		msleep(DIV_ROUND_UP(min, 1000));
}
