// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for per-CPU data, CPU masks, CPU bring-up and each CPU's
 * tick (suite "percpu"). Run with `make ARCH=riscv64 test SMP=4` to bring up several.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/cache.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>

static DEFINE_PER_CPU(unsigned long, pcpu_test_var);

/* Give every CPU's copy its own value: cpu * 7 + 1. */
static void fill_copies(void)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		per_cpu(pcpu_test_var, cpu) = cpu * 7 + 1;
}

static int copies_changed_except(int skip)
{
	int changed = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu != skip && per_cpu(pcpu_test_var, cpu) != cpu * 7 + 1)
			changed++;
	return changed;
}

static void percpu_copies_are_separate(struct kunit *test)
{
	unsigned long *mine;
	int cpu;

	fill_copies();
	KUNIT_EXPECT_EQ(test, copies_changed_except(-1), 0);

	preempt_disable();
	cpu = smp_processor_id();
	mine = this_cpu_ptr(&pcpu_test_var);
	KUNIT_EXPECT_PTR_EQ(test, mine, per_cpu_ptr(&pcpu_test_var, cpu));
	KUNIT_EXPECT_EQ(test, this_cpu_read(pcpu_test_var), cpu * 7 + 1);
	KUNIT_EXPECT_EQ(test, __this_cpu_read(pcpu_test_var), cpu * 7 + 1);
	*mine = 1000;
	KUNIT_EXPECT_EQ(test, per_cpu(pcpu_test_var, cpu), 1000);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, copies_changed_except(cpu), 0);
}

/* this_cpu_*() change this CPU's copy only. */
static void percpu_this_cpu_ops(struct kunit *test)
{
	int cpu;

	fill_copies();
	preempt_disable();
	cpu = smp_processor_id();
	this_cpu_write(pcpu_test_var, 10);
	this_cpu_add(pcpu_test_var, 5);
	this_cpu_inc(pcpu_test_var);
	this_cpu_inc(pcpu_test_var);
	this_cpu_dec(pcpu_test_var);
	this_cpu_sub(pcpu_test_var, 4);
	KUNIT_EXPECT_EQ(test, this_cpu_read(pcpu_test_var), 12);
	__this_cpu_write(pcpu_test_var, 3);
	__this_cpu_add(pcpu_test_var, 4);
	KUNIT_EXPECT_EQ(test, per_cpu(pcpu_test_var, cpu), 7);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, copies_changed_except(cpu), 0);
}

/* The interrupt-safe forms leave the interrupt state as they found it. */
static void percpu_this_cpu_ops_keep_irq_state(struct kunit *test)
{
	unsigned long flags;

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	this_cpu_add(pcpu_test_var, 1);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	this_cpu_write(pcpu_test_var, 2);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	local_irq_save(flags);
	this_cpu_add(pcpu_test_var, 1);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	this_cpu_write(pcpu_test_var, 2);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	local_irq_restore(flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

/* Each CPU's cpu_info is in its own cache lines and knows its number. */
static void percpu_cpu_info(struct kunit *test)
{
	int cpu;

	KUNIT_EXPECT_EQ(test, sizeof(struct cpu_info) % SMP_CACHE_BYTES, 0);
	KUNIT_EXPECT_EQ(test, (unsigned long)&cpu_infos[0] % SMP_CACHE_BYTES, 0);
	preempt_disable();
	KUNIT_EXPECT_PTR_EQ(test, this_cpu(), this_cpu_ptr(&cpu_infos));
	KUNIT_EXPECT_PTR_EQ(test, this_cpu()->self, this_cpu());
	preempt_enable();
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_PTR_EQ(test, per_cpu(cpu_infos, cpu).self, &cpu_infos[cpu]);
		KUNIT_EXPECT_EQ(test, per_cpu(cpu_infos, cpu).cpu, cpu);
	}
}

static void percpu_cpu_masks(struct kunit *test)
{
	cpumask_t both;
	int cpu;

	KUNIT_EXPECT_TRUE(test, cpu_active(smp_processor_id()));
	KUNIT_EXPECT_GE(test, num_active_cpus(), 1);
	KUNIT_EXPECT_LE(test, num_possible_cpus(), NR_CPUS);
	/* active is a subset of online, online of possible */
	cpumask_and(&both, cpu_online_mask, cpu_possible_mask);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&both), num_online_cpus());
	cpumask_and(&both, cpu_active_mask, cpu_online_mask);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&both), num_active_cpus());
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_TRUE(test, cpu_possible(cpu));
}

/* smp_init() brought every possible CPU online, each on its own idle task. */
static void percpu_cpus_up(struct kunit *test)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct task_struct *idle = per_cpu(cpu_infos, cpu).idle;

		KUNIT_EXPECT_TRUE(test, cpu_online(cpu));
		KUNIT_ASSERT_NOT_NULL(test, idle);
		KUNIT_EXPECT_TRUE(test, idle->flags & PF_IDLE);
		KUNIT_EXPECT_EQ(test, cpumask_weight(&idle->cpus_mask), 1);
		KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(cpu, &idle->cpus_mask));
		if (cpu != 0)	/* the boot CPU's idle task runs on the boot stack */
			KUNIT_EXPECT_NOT_NULL(test, idle->stack);
	}
}

static void percpu_cpumask_ops(struct kunit *test)
{
	cpumask_t m = {};
	int cpu, seen = 0, last = -1;

	cpumask_set_cpu(0, &m);
	cpumask_set_cpu(NR_CPUS - 1, &m);
	cpumask_set_cpu(NR_CPUS / 2, &m);
	cpumask_set_cpu(NR_CPUS / 2, &m);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&m), NR_CPUS > 2 ? 3 : NR_CPUS);
	cpumask_clear_cpu(NR_CPUS / 2, &m);
	KUNIT_EXPECT_FALSE(test, NR_CPUS > 2 && cpumask_test_cpu(NR_CPUS / 2, &m));
	KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(0, &m));
	KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(NR_CPUS - 1, &m));
	for_each_cpu(cpu, &m) {
		KUNIT_EXPECT_GT(test, cpu, last);
		last = cpu;
		seen++;
	}
	KUNIT_EXPECT_EQ(test, seen, cpumask_weight(&m));
	KUNIT_EXPECT_EQ(test, last, NR_CPUS - 1);
}

/*
 * Every online CPU takes its own tick: at HZ, 50 in 200 ms. Waited for,
 * not counted over a fixed time: the host may stop a virtual CPU for
 * much of 200 ms (4 CPUs on a loaded 2-core host), and a CPU without a
 * tick never gets there (up to 10 s).
 */
static void percpu_tick_on_every_cpu(struct kunit *test)
{
	u64 before[NR_CPUS];
	int cpu, ms, behind = 0;

	for_each_online_cpu(cpu)
		before[cpu] = READ_ONCE(per_cpu(cpu_infos, cpu).irq_count);
	for (ms = 0; ms < 10000; ms += 20) {
		msleep(20);
		behind = 0;
		for_each_online_cpu(cpu)
			behind += READ_ONCE(per_cpu(cpu_infos, cpu).irq_count) - before[cpu] < 10;
		if (!behind)
			break;
	}
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_GE(test, READ_ONCE(per_cpu(cpu_infos, cpu).irq_count) - before[cpu], 10);
}

static struct kunit_case percpu_cases[] = {
	KUNIT_CASE(percpu_copies_are_separate),
	KUNIT_CASE(percpu_this_cpu_ops),
	KUNIT_CASE(percpu_this_cpu_ops_keep_irq_state),
	KUNIT_CASE(percpu_cpu_info),
	KUNIT_CASE(percpu_cpu_masks),
	KUNIT_CASE(percpu_cpus_up),
	KUNIT_CASE(percpu_cpumask_ops),
	KUNIT_CASE(percpu_tick_on_every_cpu),
	{}
};

static struct kunit_suite percpu_suite = {
	.name = "percpu",
	.test_cases = percpu_cases,
};
kunit_test_suites(&percpu_suite);
