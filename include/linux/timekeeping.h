/* SPDX-License-Identifier: GPL-2.0-only */
/* Wall-clock time (kernel/time/time.c). */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>
#include <linux/compiler_types.h>
#include <uapi/linux/time_types.h>

typedef int clockid_t;

/* A time in the kernel: seconds and a nanosecond count (0 to 999999999 once checked). */
struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

/* Nanoseconds since 1970-01-01 UTC (CLOCK_REALTIME). Any context. */
u64 ktime_get_real_ns(void);

/*
 * get_timespec64() - copy the timespec at user @uts into @ts, unchecked;
 * tv_nsec keeps what a long holds (the low word of the slot on 32-bit
 * architectures). 0 or -EFAULT. May sleep (faults).
 */
int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts);

/*
 * Linux's 32-bit time_t timespec, of the *_time32 system calls some
 * 32-bit architectures keep beside the 64-bit ones (32-bit ARM: glibc
 * calls them when the times fit in 32 bits). get_old_timespec32() reads
 * one into @ts, unchecked: 0 or -EFAULT. May sleep (faults).
 */
struct old_timespec32 {
	s32 tv_sec;
	s32 tv_nsec;
};
int get_old_timespec32(struct timespec64 *ts, const struct old_timespec32 __user *uts);

/* Linux's 32-bit time_t itimerspec (timer_settime/timer_gettime on 32-bit ARM). */
struct old_itimerspec32 {
	struct old_timespec32 it_interval;
	struct old_timespec32 it_value;
};

/*
 * timespec64_ns() - @ts as nanoseconds in @ns (huge values capped): 0, or
 * -EINVAL if negative or tv_nsec is out of range. Any context.
 */
int timespec64_ns(const struct timespec64 *ts, s64 *ns);

/*
 * get_timespec_ns() - read the timespec at user @uts into @ns: 0, -EFAULT,
 * or -EINVAL (negative, or tv_nsec out of range). May sleep (faults).
 */
int get_timespec_ns(const struct __kernel_timespec __user *uts, s64 *ns);

/* Set the wall clock: @wall_ns_now is the time since 1970 right now. Boot. */
void timekeeping_set_wall(u64 wall_ns_now);

/*
 * read_persistent_clock() - the battery-backed clock (RTC) in seconds since
 * 1970, or 0 if there is none. Arch; boot only.
 */
u64 read_persistent_clock(void);

/*
 * mktime64() - seconds since 1970-01-01 00:00:00 UTC of the Gregorian
 * date and time given (@mon 1-12, @day 1-31, years from 1970), for RTC
 * drivers. Any context.
 */
u64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
	     unsigned int min, unsigned int sec);

#endif /* _LINUX_TIMEKEEPING_H */
