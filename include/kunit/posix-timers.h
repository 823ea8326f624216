/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * POSIX timers as their tests drive them (kernel/time/posix-timers.c,
 * test builds only): the bodies of the system calls, on kernel copies of
 * their arguments, acting on current's timers. Each may sleep.
 */
#ifndef _KUNIT_POSIX_TIMERS_H
#define _KUNIT_POSIX_TIMERS_H

#include <linux/posix-timers.h>
#include <linux/timekeeping.h>
#include <uapi/linux/time_types.h>

struct kmem_cache;

/* The cache every struct k_itimer comes from (count its objects for leaks). */
extern struct kmem_cache *posix_timers_cache;

/*
 * timer_create(2) with the event @sevp (NULL: SIGALRM whose si_value is
 * the timer's id, as Linux): the new timer's id, or -EINVAL, or -EAGAIN
 * (out of memory or ids). May sleep.
 */
int do_timer_create(clockid_t which_clock, const struct sigevent_abi *sevp);

/*
 * timer_settime(2): arm timer @timer_id to @val (0: disarm; absolute on its
 * clock with TIMER_ABSTIME in @flags), reloading every @interval, and fill
 * @old with its previous setting. 0 or -EINVAL.
 */
int do_timer_settime(int timer_id, int flags, const struct timespec64 *val,
		     const struct timespec64 *interval, struct __kernel_itimerspec *old);

/* timer_delete(2): 0 or -EINVAL. */
int do_timer_delete(int timer_id);

#endif /* _KUNIT_POSIX_TIMERS_H */
