// SPDX-License-Identifier: GPL-2.0-only
/*
 * jiffies, kernel timers and sleeping for a time. Pending timers sit on one
 * list scanned each tick: simple, and fast enough for the handful of timers
 * a small kernel has.
 */
#include <linux/timer.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/kernel.h>
#include <asm/processor.h>

volatile unsigned long jiffies;

static LIST_HEAD(timer_list_head);
static DEFINE_SPINLOCK(timer_lock);

void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = fn;
	timer->expires = 0;
}

bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		list_del_init(&timer->entry);
	timer->expires = expires;
	list_add_tail(&timer->entry, &timer_list_head);
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
	if (was_pending)
		list_del_init(&timer->entry);
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

void timer_tick(void)
{
	struct timer_list *t, *n;
	LIST_HEAD(expired);

	update_jiffies();
	spin_lock(&timer_lock);
	list_for_each_entry_safe(t, n, &timer_list_head, entry)
		if (time_after_eq(jiffies, t->expires))
			list_move_tail(&t->entry, &expired);
	while (!list_empty(&expired)) {
		t = list_first_entry(&expired, struct timer_list, entry);
		list_del_init(&t->entry);
		spin_unlock(&timer_lock);
		t->function(t);
		spin_lock(&timer_lock);
	}
	spin_unlock(&timer_lock);
}

unsigned int timer_ticks_due(u64 now, u64 *next_tick, u64 period)
{
	unsigned int ticks = 0;

	while ((s64)(now - *next_tick) >= 0 && ticks < HZ) {
		*next_tick += period;
		ticks++;
	}
	if ((s64)(now - *next_tick) >= 0)
		*next_tick = now + period;
	return ticks;
}

void timer_ticks_run(unsigned int ticks)
{
	if (!ticks)
		return;
	while (ticks--)
		timer_tick();
	scheduler_tick();
}

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
	del_timer(&s.timer);
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
