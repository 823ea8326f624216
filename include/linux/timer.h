/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel timers: run function(timer) from the tick interrupt once jiffies
 * reaches expires. Callbacks run in IRQ context and must not sleep.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/jiffies.h>

struct timer_list {
	struct list_head entry;
	unsigned long expires;
	void (*function)(struct timer_list *t);
};

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags);
/* Arm the timer (it must not be pending). */
void add_timer(struct timer_list *timer);
/* (Re)arm for expires; returns 1 if it was pending. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/* Disarm; returns 1 if it was pending. On one CPU this is also _sync. */
int del_timer(struct timer_list *timer);
#define del_timer_sync del_timer
#define timer_delete_sync del_timer
bool timer_pending(const struct timer_list *timer);

/* Tick hook: advance jiffies and run expired timers. IRQ context. */
void timer_tick(void);

#endif /* _LINUX_TIMER_H */
