// SPDX-License-Identifier: GPL-2.0-only
/*
 * Time system calls: clock_gettime, gettimeofday, time, clock_getres,
 * nanosleep, clock_nanosleep. CLOCK_MONOTONIC (and its variants) is
 * ktime_get_ns(); CLOCK_REALTIME adds the wall time read at boot
 * (read_persistent_clock(), the RTC on x86). The CPU-time clocks give
 * the CPU time the scheduler measured (user and system together). Sleeps are timer-tick granular
 * (1/HZ) and never end early except for a signal.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7
#define TIMER_ABSTIME		0x01

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

static u64 boot_wall_ns;	/* wall time at ktime 0 */

/* Architectures without an RTC driver keep this one: the wall clock starts at 1970. */
u64 __weak read_persistent_clock(void)
{
	return 0;
}

void __init timekeeping_set_wall(u64 wall_ns_now)
{
	boot_wall_ns = wall_ns_now - ktime_get_ns();
}

u64 ktime_get_real_ns(void)
{
	return boot_wall_ns + ktime_get_ns();
}

u64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
	     unsigned int min, unsigned int sec)
{
	/* Days from 1970-01-01 (proleptic Gregorian; March starts the year). */
	unsigned int y = year - (mon <= 2);
	u64 era = y / 400, yoe = y - era * 400;
	u64 doy = (153 * (mon + (mon > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	u64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (era * 146097 + doe - 719468) * 86400 + hour * 3600 + min * 60 + sec;
}

/* Nanoseconds on @clock, or -EINVAL. */
static s64 clock_now(clockid_t clock)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		return ktime_get_real_ns();
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		return ktime_get_ns();
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		return task_cpu_time_ns(current);
	default:
		return -EINVAL;
	}
}

static int put_timespec(u64 ns, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec ts = { .tv_sec = ns / NSEC_PER_SEC, .tv_nsec = ns % NSEC_PER_SEC };

	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_gettime, clockid_t, which_clock, struct __kernel_timespec __user *, tp)
{
	s64 ns = clock_now(which_clock);

	if (ns < 0)
		return ns;
	return put_timespec(ns, tp);
}

SYSCALL_DEFINE2(clock_getres, clockid_t, which_clock, struct __kernel_timespec __user *, tp)
{
	if (clock_now(which_clock) < 0)
		return -EINVAL;
	return tp ? put_timespec(1, tp) : 0;
}

static int put_old_timespec32(u64 ns, struct old_timespec32 __user *uts)
{
	struct old_timespec32 ts = { .tv_sec = ns / NSEC_PER_SEC, .tv_nsec = ns % NSEC_PER_SEC };

	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* clock_gettime with a 32-bit time_t (32-bit ARM's clock_gettime, 263). */
SYSCALL_DEFINE2(clock_gettime32, clockid_t, which_clock, struct old_timespec32 __user *, tp)
{
	s64 ns = clock_now(which_clock);

	if (ns < 0)
		return ns;
	return put_old_timespec32(ns, tp);
}

/* clock_getres with a 32-bit time_t (32-bit ARM's clock_getres, 264). */
SYSCALL_DEFINE2(clock_getres_time32, clockid_t, which_clock, struct old_timespec32 __user *, tp)
{
	if (clock_now(which_clock) < 0)
		return -EINVAL;
	return tp ? put_old_timespec32(1, tp) : 0;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv, void __user *, tz)
{
	u64 ns = ktime_get_real_ns();
	struct __kernel_old_timeval t = { .tv_sec = ns / NSEC_PER_SEC,
					  .tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC };

	if (tv && copy_to_user(tv, &t, sizeof(t)))
		return -EFAULT;
	if (tz && clear_user(tz, 8))	/* struct timezone: UTC */
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long t = ktime_get_real_ns() / NSEC_PER_SEC;

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/*
 * Sleep until @deadline on @clock; 0, or -EINTR with the time left in
 * @rem (a struct old_timespec32 if @time32, else a __kernel_timespec).
 */
static long do_sleep_until(clockid_t clock, s64 deadline, void __user *rem, bool time32)
{
	for (;;) {
		s64 now = clock_now(clock), left = deadline - now;
		long ticks;

		if (left <= 0)
			return 0;
		if (signal_pending(current)) {
			if (rem && (time32 ? put_old_timespec32(left, rem) : put_timespec(left, rem)))
				return -EFAULT;
			return -EINTR;
		}
		ticks = DIV_ROUND_UP(left, NSEC_PER_SEC / HZ);
		schedule_timeout_interruptible(ticks);
	}
}

int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;	/* where long is 32 bits, the padding word goes */
	return 0;
}

int get_old_timespec32(struct timespec64 *ts, const struct old_timespec32 __user *uts)
{
	struct old_timespec32 kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;
	return 0;
}

int timespec64_ns(const struct timespec64 *ts, s64 *ns)
{
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ns = ts->tv_sec > LLONG_MAX / NSEC_PER_SEC - 1 ? LLONG_MAX / 2 :
	      ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
	return 0;
}

int get_timespec_ns(const struct __kernel_timespec __user *uts, s64 *ns)
{
	struct timespec64 ts;

	if (get_timespec64(&ts, uts))
		return -EFAULT;
	return timespec64_ns(&ts, ns);
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	s64 ns;
	int err = get_timespec_ns(rqtp, &ns);

	if (err)
		return err;
	return do_sleep_until(CLOCK_MONOTONIC, ktime_get_ns() + ns, rmtp, false);
}

static bool sleep_clock_valid(clockid_t clock)
{
	return clock != CLOCK_PROCESS_CPUTIME_ID && clock != CLOCK_THREAD_CPUTIME_ID &&
	       clock_now(clock) >= 0;
}

/*
 * clock_nanosleep on a valid clock with the request @rq read; @rmtp as
 * do_sleep_until()'s @rem.
 */
static long do_clock_nanosleep(clockid_t which_clock, int flags, const struct timespec64 *rq,
			       void __user *rmtp, bool time32)
{
	s64 ns;
	int err;

	err = timespec64_ns(rq, &ns);
	if (err)
		return err;
	if (flags & TIMER_ABSTIME)
		return do_sleep_until(which_clock, ns, NULL, time32);
	return do_sleep_until(which_clock, clock_now(which_clock) + ns, rmtp, time32);
}

SYSCALL_DEFINE2(nanosleep_time32, struct old_timespec32 __user *, rqtp,
		struct old_timespec32 __user *, rmtp)
{
	struct timespec64 rq;
	s64 ns;
	int err;

	if (get_old_timespec32(&rq, rqtp))
		return -EFAULT;
	err = timespec64_ns(&rq, &ns);
	if (err)
		return err;
	return do_sleep_until(CLOCK_MONOTONIC, ktime_get_ns() + ns, rmtp, true);
}

SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 rq;

	if (!sleep_clock_valid(which_clock))
		return -EINVAL;
	if (get_timespec64(&rq, rqtp))
		return -EFAULT;
	return do_clock_nanosleep(which_clock, flags, &rq, rmtp, false);
}

SYSCALL_DEFINE4(clock_nanosleep_time32, clockid_t, which_clock, int, flags,
		const struct old_timespec32 __user *, rqtp, struct old_timespec32 __user *, rmtp)
{
	struct timespec64 rq;

	if (!sleep_clock_valid(which_clock))
		return -EINVAL;
	if (get_old_timespec32(&rq, rqtp))
		return -EFAULT;
	return do_clock_nanosleep(which_clock, flags, &rq, rmtp, true);
}
