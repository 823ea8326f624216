/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel timers: run function(timer) from the tick interrupt once jiffies
 * reaches expires (a timer more than 62 jiffies out may run late by up to 8/63 of
 * its timeout late, never early: kernel/time/timer.c). Callbacks run in
 * IRQ context and must not sleep.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/jiffies.h>

struct timer_list {
	struct hlist_node entry;	/* in a bucket of the wheel while pending */
	unsigned long expires;
	void (*function)(struct timer_list *t);
};

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags);
/* Arm the timer (it must not be pending). O(1), never sleeps, any context. */
void add_timer(struct timer_list *timer);
/* (Re)arm for expires; returns 1 if it was pending. O(1), any context. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/*
 * Disarm; returns 1 if it was pending. O(1), any context. The callback may
 * still be running on the CPU that runs the wheel: use del_timer_sync()
 * before freeing the timer.
 */
int del_timer(struct timer_list *timer);
/*
 * del_timer(), then wait until the callback is not running on any CPU
 * (spinning: it never sleeps). A callback that re-arms its timer is
 * disarmed after it returns. Must not be called from the timer's own
 * callback, which it would wait for forever.
 */
int del_timer_sync(struct timer_list *timer);
#define timer_delete_sync del_timer_sync
bool timer_pending(const struct timer_list *timer);

/*
 * timer_tick() - every CPU's tick hook: on the boot CPU (CPU 0), advance
 * jiffies and run expired timers; on the others, nothing (one timer
 * wheel, run by one CPU: Documentation/core-api/smp.rst). IRQ context,
 * or a test on CPU 0 with interrupts off.
 */
void timer_tick(void);

/*
 * tick_next_deadline() - the first deadline on the tick grid (@deadline
 * plus whole @period steps) after @now, in the arch's clock cycles, for a
 * tick interrupt to program. A late interrupt (QEMU did not run the vCPU
 * for a while) does not shift the grid; timer_tick() brings jiffies up to
 * the clock however many ticks it covered. Pure arithmetic, any context.
 */
static inline u64 tick_next_deadline(u64 deadline, u64 period, u64 now)
{
	do {
		deadline += period;
	} while ((s64)(deadline - now) <= 0);
	return deadline;
}

#endif /* _LINUX_TIMER_H */
