// SPDX-License-Identifier: GPL-2.0-only
/*
 * POSIX timers at size: 10,000 timers in one process, created, armed,
 * fired, half deleted, and ids given as Linux gives them (from a counter
 * per process that starts at 0 and moves on past deleted ids). Through
 * the raw system calls, so that the ids are the kernel's. The small-scale
 * behaviour (intervals, overruns, clocks) is in sys.c's posix_timers.
 */
#include <signal.h>
#include <time.h>
#include "ktest.h"

#define NR 10000

static int ids[NR];
static volatile sig_atomic_t signals;

static void count_signal(int sig)
{
	signals++;
}

static int create_timer(int value)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
	int id = -1;

	ev.sigev_value.sival_int = value;
	if (syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id))
		return -1;
	return id;
}

static int arm(int id, long long ns)
{
	struct itimerspec its = { .it_value = { ns / 1000000000, ns % 1000000000 } };

	return syscall(SYS_timer_settime, id, 0, &its, NULL);
}

/* Nanoseconds left on timer @id, or -1 if there is no such timer. */
static long long left_ns(int id)
{
	struct itimerspec cur;

	if (syscall(SYS_timer_gettime, id, &cur))
		return -1;
	return cur.it_value.tv_sec * 1000000000LL + cur.it_value.tv_nsec;
}

/* 10,000 timers: each id new, given in order from the process's counter. */
static void ten_thousand_ids(void)
{
	int bad = 0;

	for (int i = 0; i < NR; i++) {
		ids[i] = create_timer(i);
		if (ids[i] < 0 || (i && ids[i] != ids[i - 1] + 1))
			bad++;
	}
	EXPECT_EQ(bad, 0);
	/* A fresh process's first timer is id 0. */
	EXPECT_EQ(ids[0], 0);
}

/* Every timer armed goes off by itself: each reads disarmed afterwards. */
static void all_fire(void)
{
	long long t0 = 0;
	int armed = 0, unfired = NR, bad = 0;
	struct timespec ts;

	signal(SIGUSR1, count_signal);
	signals = 0;
	/* 20 ms out, then one every 50 us: they fire over half a second. */
	for (int i = 0; i < NR; i++)
		armed += arm(ids[i], 20000000L + i * 50000L) == 0;
	EXPECT_EQ(armed, NR);
	EXPECT_TRUE(left_ns(ids[NR - 1]) > 0);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	t0 = ts.tv_sec;
	while (unfired && ts.tv_sec - t0 < 10) {	/* bounded: a lost timer fails */
		usleep(100000);
		unfired = 0;
		for (int i = 0; i < NR; i++)
			unfired += left_ns(ids[i]) != 0;
		clock_gettime(CLOCK_MONOTONIC, &ts);
	}
	EXPECT_EQ(unfired, 0);
	EXPECT_TRUE(signals > 0);
	for (int i = 0; i < NR; i++)
		bad += syscall(SYS_timer_getoverrun, ids[i]) < 0;
	EXPECT_EQ(bad, 0);
	signal(SIGUSR1, SIG_DFL);
}

/*
 * Half deleted: those are gone (EINVAL, twice), the others stay, and new
 * timers take new ids, not the deleted ones (Linux reuses an id only
 * after the counter wraps at INT_MAX).
 */
static void delete_half(void)
{
	int gone = 0, kept = 0, again = 0, reused = 0, first;

	for (int i = 0; i < NR; i += 2)
		gone += syscall(SYS_timer_delete, ids[i]) == 0;
	EXPECT_EQ(gone, NR / 2);
	for (int i = 0; i < NR; i++) {
		if (i % 2 == 0) {
			errno = 0;
			again += syscall(SYS_timer_delete, ids[i]) == -1 && errno == EINVAL;
			again += left_ns(ids[i]) == -1 && errno == EINVAL;
		} else {
			kept += left_ns(ids[i]) == 0;
		}
	}
	EXPECT_EQ(again, NR);
	EXPECT_EQ(kept, NR / 2);
	first = create_timer(0);
	EXPECT_EQ(first, ids[NR - 1] + 1);
	for (int i = 0; i < NR / 2; i++) {
		int id = i ? create_timer(i) : first;

		reused += id < 0 || id != first + i;
		ids[2 * i] = id;	/* where a deleted one was */
	}
	EXPECT_EQ(reused, 0);
	/* Armed, all of them, then a fork: the child has none, and counts from 0. */
	for (int i = 0; i < NR; i++)
		arm(ids[i], 3600000000000LL);
	pid_t pid = fork();

	if (pid == 0)
		_exit(left_ns(ids[1]) != -1 || create_timer(0) != 0);
	int status = -1;

	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
}

/* A child with 10,000 armed timers exits: exit deletes them (none fire). */
static void exit_with_armed(void)
{
	pid_t pid = fork();
	int status = -1;

	if (pid == 0) {
		int made = 0;

		signal(SIGUSR1, SIG_IGN);	/* the first may fire before the last is armed */
		for (int i = 0; i < NR; i++) {
			int id = create_timer(i);

			made += id >= 0 && arm(id, 1000000000L + i * 1000L) == 0;
		}
		_exit(made == NR ? 0 : 1);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	/* Past their deadlines, the freed timers must not run. */
	usleep(1200000);
	for (int i = 0; i < NR; i++)
		syscall(SYS_timer_delete, ids[i]);
	EXPECT_EQ(left_ns(ids[1]), -1);
}

KTEST_MAIN("user_timers" KTEST_SUITE_SUFFIX, KTEST(ten_thousand_ids), KTEST(all_fire), KTEST(delete_half),
	   KTEST(exit_with_armed));
