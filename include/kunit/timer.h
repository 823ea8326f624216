/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the tick did, for timing tests (kernel/time/timer.c; test builds
 * only). CPU 0's tick advances jiffies by the ticks the clock says have
 * passed: when the host stops its virtual CPU, jiffies jump at the next
 * tick and the wheel runs every jiffy up to them in that tick. A timer
 * is then right to fire many jiffies after its expiry, and a test checks
 * instead that it fired in the first tick to reach that expiry: the tick
 * whose first jiffy (timer_tick_first_jiffy() in the callback) is not
 * after the jiffy the wheel runs it at. Lockless reads, any context.
 */
#ifndef _KUNIT_TIMER_H
#define _KUNIT_TIMER_H

/*
 * The first jiffy the latest tick to move jiffies ran (the one before it
 * ended at this jiffy less one). In a timer callback: of the tick
 * running the callback.
 */
unsigned long timer_tick_first_jiffy(void);

/*
 * How many ticks have moved jiffies on since boot (one per tick however
 * far it moved them; a tick the clock finds early moves none and is not
 * counted).
 */
unsigned long timer_jiffy_ticks(void);

#endif /* _KUNIT_TIMER_H */
