// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for CPU time accounting (suite "cputime"): a task's CPU
 * time read while the tick preempts it, as invoke_syscall() reads it at
 * both ends of every system call to measure system time.
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/cpumask.h>
#include <linux/ktime.h>
#include <asm/processor.h>

#define NR_SPINNERS 8
#define PREEMPTIONS 20
#define SPIN_MAX_NS (5000ULL * NSEC_PER_MSEC)

/* Keep a CPU busy until stopped (or the deadline, should the test hang). */
static int spin_fn(void *arg)
{
	u64 deadline = ktime_get_ns() + SPIN_MAX_NS;

	while (!kthread_should_stop() && ktime_get_ns() < deadline)
		cpu_relax();
	kunit_sleep_until_stop();
	return 0;
}

/*
 * task_cpu_time_ns(current) never goes back, however often the tick takes
 * the CPU away while it reads. Each CPU gets a spinner, so the reading
 * thread is preempted PREEMPTIONS times, mostly inside the call: the loop
 * does little else.
 */
static void cputime_read_under_preemption(struct kunit *test)
{
	struct task_struct *t[NR_SPINNERS];
	int i, n = 0, spinners = min(num_online_cpus(), NR_SPINNERS);
	u64 nivcsw = current->nivcsw, deadline, prev, now, back = 0, worst = 0;

	for (i = 0; i < spinners; i++) {
		t[i] = kthread_run(spin_fn, NULL, "cputime_spin%d", i);
		if (IS_ERR(t[i])) {
			KUNIT_FAIL(test, "kthread_run failed for spinner %d", i);
			break;
		}
		n++;
	}
	deadline = ktime_get_ns() + SPIN_MAX_NS / 2;
	prev = task_cpu_time_ns(current);
	while (current->nivcsw - nivcsw < PREEMPTIONS && ktime_get_ns() < deadline) {
		now = task_cpu_time_ns(current);
		if (now < prev) {
			back++;
			worst = max(worst, prev - now);
		}
		prev = now;
	}
	nivcsw = current->nivcsw - nivcsw;
	for (i = 0; i < n; i++)
		kthread_stop(t[i]);

	KUNIT_EXPECT_GE(test, nivcsw, (u64)PREEMPTIONS);
	if (back)
		KUNIT_FAIL(test, "went back %llu times, by up to %llu ns", back, worst);
}

static struct kunit_case cputime_cases[] = {
	KUNIT_CASE(cputime_read_under_preemption),
	{}
};

static struct kunit_suite cputime_suite = {
	.name = "cputime",
	.test_cases = cputime_cases,
};
kunit_test_suites(&cputime_suite);
