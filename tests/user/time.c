// SPDX-License-Identifier: GPL-2.0-only
/* Time: clocks move forward, sleeps last, bad arguments are refused. */
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
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
#if defined(__arm__)
	/* glibc reads a 64-bit time_t request itself (for the 32-bit call): the raw call. */
	EXPECT_ERRNO(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, BAD_KERNEL, NULL), EFAULT);
#else
	EXPECT_ERRNO(nanosleep(BAD_KERNEL, NULL), EFAULT);
#endif
	EXPECT_EQ(usleep(1000), 0);
}

static volatile unsigned long spin;

static void busy(long want)
{
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	do {
		for (int i = 0; i < 1000; i++)
			spin++;
		clock_gettime(CLOCK_MONOTONIC, &b);
	} while (ns(&b) - ns(&a) < want);
}

/* CPU time: the process clock, getrusage and times count what was run. */
static void cpu_time_is_counted(void)
{
	struct timespec c0, c1;
	struct rusage ru;
	struct tms t;
	pid_t pid;

	EXPECT_EQ(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0), 0);
	busy(30000000);
	EXPECT_EQ(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1), 0);
	EXPECT_TRUE(ns(&c1) - ns(&c0) >= 20000000);
	pid = fork();
	if (pid == 0) {
		busy(50000000);
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, NULL, 0), pid);
	/* The loop's clock_gettime calls are system time (no vDSO): count both. */
	EXPECT_EQ(getrusage(RUSAGE_CHILDREN, &ru), 0);
	EXPECT_TRUE((ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000 + ru.ru_utime.tv_usec +
		    ru.ru_stime.tv_usec >= 40000);
	EXPECT_TRUE(times(&t) != (clock_t)-1);
	EXPECT_TRUE(t.tms_cutime + t.tms_cstime >= 4);
	EXPECT_ERRNO(getrusage(42, &ru), EINVAL);
	EXPECT_ERRNO(syscall(SYS_getrusage, RUSAGE_SELF, BAD_KERNEL), EFAULT);
	EXPECT_ERRNO(syscall(SYS_times, BAD_UNMAPPED), EFAULT);
}

#if defined(__arm__)
/* 32-bit ARM's calls with a 32-bit time_t, which glibc no longer makes: raw. */
struct ts32 {
	int32_t tv_sec, tv_nsec;
};

struct its32 {
	struct ts32 it_interval, it_value;
};

static long long ns32(const struct ts32 *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

/* clock_gettime/getres (263/264), timer_settime/gettime (258/259), pselect6/ppoll (335/336). */
static void time32_calls(void)
{
	struct sigevent sev = { .sigev_notify = SIGEV_NONE };
	struct its32 set = { { 0, 0 }, { 100, 0 } }, got, old;
	struct ts32 a, t = { 0, 20 * 1000000 };
	struct timespec b, c;
	int kid;

	EXPECT_EQ(syscall(263, CLOCK_MONOTONIC, &a), 0);
	EXPECT_EQ(clock_gettime(CLOCK_MONOTONIC, &b), 0);
	EXPECT_TRUE(a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
	EXPECT_TRUE(ns(&b) >= ns32(&a) && ns(&b) - ns32(&a) < 5000000000LL);
	EXPECT_EQ(syscall(263, CLOCK_REALTIME, &a), 0);
	EXPECT_TRUE(a.tv_sec > 1600000000);
	EXPECT_ERRNO(syscall(263, 42, &a), EINVAL);
	EXPECT_ERRNO(syscall(263, CLOCK_MONOTONIC, BAD_KERNEL), EFAULT);
	EXPECT_EQ(syscall(264, CLOCK_MONOTONIC, &a), 0);
	EXPECT_TRUE(a.tv_sec == 0 && a.tv_nsec > 0);

	EXPECT_EQ(syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &kid), 0);
	EXPECT_EQ(syscall(258, kid, 0, &set, NULL), 0);
	EXPECT_EQ(syscall(259, kid, &got), 0);
	EXPECT_TRUE(got.it_value.tv_sec >= 95 && ns32(&got.it_value) <= 100000000000LL);
	set.it_value.tv_sec = 0;
	EXPECT_EQ(syscall(258, kid, 0, &set, &old), 0);
	EXPECT_TRUE(old.it_value.tv_sec >= 95 && ns32(&old.it_value) <= 100000000000LL);
	EXPECT_EQ(syscall(259, kid, &got), 0);
	EXPECT_EQ(ns32(&got.it_value), 0);
	set.it_value.tv_nsec = 2000000000;
	EXPECT_ERRNO(syscall(258, kid, 0, &set, NULL), EINVAL);
	EXPECT_ERRNO(syscall(259, kid, BAD_KERNEL), EFAULT);
	EXPECT_ERRNO(syscall(259, kid + 1000, &got), EINVAL);
	EXPECT_EQ(syscall(SYS_timer_delete, kid), 0);

	/* 20 ms of nothing, twice: the timeouts are read as 32-bit fields. */
	clock_gettime(CLOCK_MONOTONIC, &b);
	EXPECT_EQ(syscall(336, NULL, 0, &t, NULL, 8), 0);
	EXPECT_EQ(syscall(335, 0, NULL, NULL, NULL, &t, NULL), 0);
	clock_gettime(CLOCK_MONOTONIC, &c);
	EXPECT_TRUE(ns(&c) - ns(&b) >= 40000000);
	t.tv_nsec = -1;
	EXPECT_ERRNO(syscall(336, NULL, 0, &t, NULL, 8), EINVAL);
	EXPECT_ERRNO(syscall(335, 0, NULL, NULL, NULL, BAD_KERNEL, NULL), EFAULT);
}
#define TIME32_CASES , KTEST(time32_calls)
#else
#define TIME32_CASES
#endif

KTEST_MAIN("user_time", KTEST(clocks_advance), KTEST(sleeps_last), KTEST(cpu_time_is_counted)
	   TIME32_CASES)
