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

void timer_tick(void)
{
	struct timer_list *t, *n;
	LIST_HEAD(expired);

	jiffies++;
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
	u64 end = ktime_get_ns() + (u64)msecs * NSEC_PER_MSEC;
	/* +1: the current tick is already partly gone. */
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
	/*
	 * Under a loaded host, QEMU delivers late timer ticks in a burst, so
	 * jiffies can run ahead of real time: wait until the time has passed.
	 */
	while (ktime_get_ns() < end)
		schedule_timeout_uninterruptible(1);
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
