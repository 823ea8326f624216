// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for arm64 CPU bring-up (suite "arm64_smp"): every CPU of the
 * device tree came online through PSCI CPU_ON with its own MPIDR, and
 * CPU_ON refuses a CPU already on or absent with a clear errno; each CPU
 * sets up EL0 and FP/SIMD for itself and has an overflow stack of its own, which the backtrace code knows. Run with
 * `make ARCH=arm64 test SMP=4` to bring up several.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/libfdt.h>
#include <linux/of_fdt.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/sched/task_stack.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/psci.h>
#include <asm/setup.h>
#include <asm/traps.h>

extern char secondary_entry[];

/* The /cpus nodes of device_type "cpu", counted apart from the bring-up code. */
static int dt_cpu_nodes(void)
{
	const void *fdt = initial_boot_params;
	int cpus = fdt_path_offset(fdt, "/cpus"), n = 0, node;

	if (cpus < 0)
		return 0;
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		n += type && !strcmp(type, "cpu");
	}
	return n;
}

static void arm64_smp_dt_cpus_online(struct kunit *test)
{
	int nodes = dt_cpu_nodes();

	KUNIT_ASSERT_GT(test, nodes, 0);
	KUNIT_EXPECT_EQ(test, num_online_cpus(), (unsigned int)min(nodes, NR_CPUS));
}

/* Each online CPU has its own MPIDR; the running CPU's is what it reads. */
static void arm64_smp_mpidrs(struct kunit *test)
{
	unsigned int a, b;

	preempt_disable();	/* the case may run on any active CPU */
	KUNIT_EXPECT_EQ(test, cpu_logical_map(smp_processor_id()),
			read_sysreg(mpidr_el1) & MPIDR_HWID_MASK);
	preempt_enable();
	for_each_online_cpu(a)
		for_each_online_cpu(b)
			if (a < b)
				KUNIT_EXPECT_NE(test, cpu_logical_map(a), cpu_logical_map(b));
}

static u64 el0_sctlr[NR_CPUS], el0_cpacr[NR_CPUS];

static void record_el0_setup(void *info)
{
	el0_sctlr[smp_processor_id()] = read_sysreg(sctlr_el1);
	el0_cpacr[smp_processor_id()] = read_sysreg(cpacr_el1);
}

/*
 * Every online CPU, not just the boot CPU, lets EL0 use what Linux lets it
 * (SCTLR_EL1) and lets EL0 and EL1 use FP/SIMD (CPACR_EL1): both are per
 * CPU, and a task moved to a secondary CPU that lacked them trapped on its
 * first FP/SIMD register load.
 */
static void arm64_smp_el0_setup_every_cpu(struct kunit *test)
{
	unsigned int cpu;

	memset(el0_sctlr, 0, sizeof(el0_sctlr));
	memset(el0_cpacr, 0, sizeof(el0_cpacr));
	on_each_cpu(record_el0_setup, NULL, 1);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, el0_sctlr[cpu] & SCTLR_EL0_BITS, SCTLR_EL0_BITS);
		KUNIT_EXPECT_EQ(test, el0_cpacr[cpu] & CPACR_FPEN_EL0_EL1, CPACR_FPEN_EL0_EL1);
	}
}

static void arm64_psci_cpu_on_errors(struct kunit *test)
{
	u64 entry = __pa(secondary_entry);

	KUNIT_ASSERT_GE(test, arm64_board.psci_use_hvc, 0);
	KUNIT_EXPECT_EQ(test, psci_to_errno(psci_call(PSCI_0_2_FN64_CPU_ON,
						      cpu_logical_map(0), entry, 0)), -EBUSY);
	KUNIT_EXPECT_EQ(test, psci_to_errno(psci_call(PSCI_0_2_FN64_CPU_ON,
						      MPIDR_HWID_MASK, entry, 0)), -EINVAL);
}

struct overflow_seen {
	unsigned long top[NR_CPUS];
	bool bounds_ok[NR_CPUS];
};

/* On each CPU: its overflow stack's top, and whether kernel_stack_bounds() knows it. */
static void record_overflow_stack(void *info)
{
	struct overflow_seen *s = info;
	unsigned int cpu = smp_processor_id();
	unsigned long top = this_cpu()->overflow_sp ?: (unsigned long)overflow_stack_top;
	unsigned long lo, hi;

	s->top[cpu] = top;
	s->bounds_ok[cpu] = kernel_stack_bounds(top - 16, &lo, &hi) && hi == top &&
			    hi - lo == (unsigned long)(overflow_stack_top - overflow_stack);
}

/* No two CPUs share an overflow stack, and each is its full size. */
static void arm64_smp_overflow_stacks(struct kunit *test)
{
	struct overflow_seen s = {};
	unsigned int a, b;

	on_each_cpu(record_overflow_stack, &s, 1);
	for_each_online_cpu(a) {
		KUNIT_EXPECT_TRUE(test, s.bounds_ok[a]);
		for_each_online_cpu(b)
			if (a < b)
				KUNIT_EXPECT_NE(test, s.top[a], s.top[b]);
	}
}

static struct kunit_case arm64_smp_cases[] = {
	KUNIT_CASE(arm64_smp_dt_cpus_online),
	KUNIT_CASE(arm64_smp_mpidrs),
	KUNIT_CASE(arm64_smp_el0_setup_every_cpu),
	KUNIT_CASE(arm64_psci_cpu_on_errors),
	KUNIT_CASE(arm64_smp_overflow_stacks),
	{}
};

static struct kunit_suite arm64_smp_suite = {
	.name = "arm64_smp",
	.test_cases = arm64_smp_cases,
};
kunit_test_suites(&arm64_smp_suite);
