// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for cross-CPU function calls and IPIs (suite "smp_call").
 * Every case targets all online CPUs, the caller's included, so it checks
 * the local path at one CPU and the IPIs at several: run it with
 * `make ARCH=riscv64 test SMP=4 FILTER=smp_call` (or ARCH=arm64).
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/smp.h>

/* What one call saw where it ran. */
struct call_record {
	atomic_t calls;
	int cpu;
	bool irqs_off;
	bool in_irq;
};

static void record_call(void *info)
{
	struct call_record *r = info;

	r->cpu = smp_processor_id();
	r->irqs_off = irqs_disabled();
	r->in_irq = in_irq();
	atomic_inc(&r->calls);
}

/* Calls per CPU, and calls that ran on another CPU than the one they counted for. */
static atomic_t cpu_calls[NR_CPUS];
static atomic_t wrong_cpu;

static void count_call(void *info)
{
	int cpu = (long)info;

	if (cpu != smp_processor_id())
		atomic_inc(&wrong_cpu);
	atomic_inc(&cpu_calls[cpu]);
}

static void count_mine(void *info)
{
	atomic_inc(&cpu_calls[smp_processor_id()]);
}

static void reset_counts(void)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		atomic_set(&cpu_calls[cpu], 0);
	atomic_set(&wrong_cpu, 0);
}

static int last_online_cpu(void)
{
	int cpu, last = 0;

	for_each_online_cpu(cpu)
		last = cpu;
	return last;
}

/* Each call runs exactly once, on the CPU asked, with interrupts off. */
static void smp_call_single_runs_on_target(struct kunit *test)
{
	int cpu, self;

	for_each_online_cpu(cpu) {
		struct call_record r = { .cpu = -1 };

		KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, record_call, &r, 1), 0);
		KUNIT_EXPECT_EQ(test, atomic_read(&r.calls), 1);
		KUNIT_EXPECT_EQ(test, r.cpu, cpu);
		KUNIT_EXPECT_TRUE(test, r.irqs_off);
		preempt_disable();
		self = smp_processor_id();
		preempt_enable();
		/* Another CPU runs it from its IPI. */
		KUNIT_EXPECT_EQ(test, r.in_irq, cpu != self);
	}
}

static volatile int slow_call_done;

static void slow_call(void *info)
{
	mdelay(20);
	slow_call_done = 1;
}

/* wait=1 returns only after the function has returned. */
static void smp_call_wait_waits(struct kunit *test)
{
	slow_call_done = 0;
	KUNIT_EXPECT_EQ(test, smp_call_function_single(last_online_cpu(), slow_call, NULL, 1), 0);
	KUNIT_EXPECT_EQ(test, slow_call_done, 1);
}

/* Wait up to a second for every online CPU to count @n calls. */
static bool counts_reach(int n)
{
	int cpu;

	for (int ms = 0; ms < 1000; ms++) {
		bool all = true;

		for_each_online_cpu(cpu)
			all &= atomic_read(&cpu_calls[cpu]) >= n;
		if (all)
			return true;
		mdelay(1);
	}
	return false;
}

/*
 * Calls that are not waited for all run, once each, on their CPU: 100 in
 * a row to each CPU reuse the caller's csd for it as soon as it is free.
 */
static void smp_call_nowait_runs_each_once(struct kunit *test)
{
	int cpu;

	reset_counts();
	for (int i = 0; i < 100; i++)
		for_each_online_cpu(cpu)
			KUNIT_EXPECT_EQ(test,
					smp_call_function_single(cpu, count_call, (void *)(long)cpu, 0),
					0);
	KUNIT_EXPECT_TRUE(test, counts_reach(100));
	mdelay(10);	/* a call too many would show by now */
	for_each_possible_cpu(cpu)
		KUNIT_EXPECT_EQ(test, atomic_read(&cpu_calls[cpu]), cpu_online(cpu) ? 100 : 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&wrong_cpu), 0);
}

/* on_each_cpu() runs on every online CPU once; the mask and "all but me" forms too. */
static void smp_call_on_each_cpu(struct kunit *test)
{
	cpumask_t one = {};
	int cpu, self;

	reset_counts();
	on_each_cpu(count_mine, NULL, 1);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KUNIT_EXPECT_EQ(test, atomic_read(&cpu_calls[cpu]), cpu_online(cpu));

	reset_counts();
	cpumask_set_cpu(last_online_cpu(), &one);
	on_each_cpu_mask(&one, count_mine, NULL, 1);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KUNIT_EXPECT_EQ(test, atomic_read(&cpu_calls[cpu]), cpu == last_online_cpu());

	reset_counts();
	preempt_disable();
	self = smp_processor_id();
	smp_call_function_many(cpu_online_mask, count_mine, NULL, true);
	preempt_enable();
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KUNIT_EXPECT_EQ(test, atomic_read(&cpu_calls[cpu]), cpu_online(cpu) && cpu != self);
}

/* A CPU that is not online, or no CPU at all, is refused and runs nothing. */
static void smp_call_bad_cpu(struct kunit *test)
{
	struct call_record r = {};
	int bad[] = { -1, nr_cpu_ids, NR_CPUS + 5 };

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ(test, smp_call_function_single(bad[i], record_call, &r, 1),
				-ENXIO);
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, record_call, &r, 1),
					-ENXIO);
	KUNIT_EXPECT_EQ(test, atomic_read(&r.calls), 0);
}

/* The reschedule IPI reaches each other CPU and runs scheduler_ipi() there. */
static void smp_call_reschedule_ipi(struct kunit *test)
{
	int cpu, self;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second online CPU (make test SMP=4)");
	preempt_disable();
	self = smp_processor_id();
	for_each_online_cpu(cpu) {
		u64 before;
		int ms;

		if (cpu == self)
			continue;
		before = READ_ONCE(per_cpu(cpu_infos, cpu).resched_ipi_count);
		smp_send_reschedule(cpu);
		for (ms = 0; ms < 1000 && READ_ONCE(per_cpu(cpu_infos, cpu).resched_ipi_count) == before;
		     ms++)
			mdelay(1);
		KUNIT_EXPECT_LT(test, ms, 1000);
	}
	preempt_enable();
}

static struct kunit_case smp_call_cases[] = {
	KUNIT_CASE(smp_call_single_runs_on_target),
	KUNIT_CASE(smp_call_wait_waits),
	KUNIT_CASE(smp_call_nowait_runs_each_once),
	KUNIT_CASE(smp_call_on_each_cpu),
	KUNIT_CASE(smp_call_bad_cpu),
	KUNIT_CASE(smp_call_reschedule_ipi),
	{}
};

static struct kunit_suite smp_call_suite = {
	.name = "smp_call",
	.test_cases = smp_call_cases,
};
kunit_test_suites(&smp_call_suite);
