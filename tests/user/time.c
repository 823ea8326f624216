// SPDX-License-Identifier: GPL-2.0-only
/* Time: clocks move forward, sleeps last, bad arguments are refused. */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include "ktest.h"

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static void clocks_advance(void)
{
	struct timespec a, b;
	struct timeval tv;

	EXPECT_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0);
	EXPECT_EQ(clock_gettime(CLOCK_MONOTONIC, &b), 0);
	EXPECT_TRUE(ns(&b) >= ns(&a));
	EXPECT_EQ(clock_gettime(CLOCK_REALTIME, &a), 0);
	EXPECT_TRUE(a.tv_sec > 1600000000);	/* the RTC gave a date after 2020 */
	EXPECT_EQ(gettimeofday(&tv, NULL), 0);
	EXPECT_TRUE(tv.tv_sec >= a.tv_sec);
	EXPECT_TRUE(time(NULL) >= a.tv_sec);
	EXPECT_EQ(clock_getres(CLOCK_MONOTONIC, &a), 0);
	EXPECT_ERRNO(syscall(SYS_clock_gettime, 42, &a), EINVAL);
	EXPECT_ERRNO(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, BAD_KERNEL), EFAULT);
	EXPECT_ERRNO(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, BAD_NULL), EFAULT);
	EXPECT_ERRNO(syscall(SYS_gettimeofday, BAD_UNMAPPED, NULL), EFAULT);
}

static void sleeps_last(void)
{
	struct timespec a, b, req = { 0, 30 * 1000000 };

	clock_gettime(CLOCK_MONOTONIC, &a);
	EXPECT_EQ(nanosleep(&req, NULL), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	EXPECT_TRUE(ns(&b) - ns(&a) >= 30000000);
	EXPECT_TRUE(ns(&b) - ns(&a) < 500000000);
	clock_gettime(CLOCK_MONOTONIC, &a);
	req.tv_sec = a.tv_sec;
	req.tv_nsec = a.tv_nsec;
	req.tv_nsec += 10000000;
	if (req.tv_nsec >= 1000000000) {
		req.tv_sec++;
		req.tv_nsec -= 1000000000;
	}
	EXPECT_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	EXPECT_TRUE(ns(&b) >= ns(&req));
	req.tv_nsec = 2000000000;
	EXPECT_ERRNO(nanosleep(&req, NULL), EINVAL);
	EXPECT_ERRNO(nanosleep(BAD_KERNEL, NULL), EFAULT);
	EXPECT_EQ(usleep(1000), 0);
}

KTEST_MAIN("user_time", KTEST(clocks_advance), KTEST(sleeps_last))
