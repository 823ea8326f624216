// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for powerpc CPU bring-up (suite "powerpc_smp",
 * kernel/smp.c): every thread of the device tree came online through
 * RTAS start-cpu, CPU 0 on the boot thread and no two on one server
 * number, RTAS refuses to start a thread that runs or does not
 * exist (the status __cpu_up() reports), each CPU loads user tables
 * without changing another's, and each CPU has an overflow stack of its
 * own that backtraces know. Run with `make ARCH=powerpc test SMP=4`
 * to bring up several (the second KUnit boot of `make test` does).
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/byteorder.h>
#include <linux/libfdt.h>
#include <linux/atomic.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <kunit/uaccess.h>
#include <linux/sched/task_stack.h>
#include <linux/smp.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/smp.h>

#define RTAS_HARDWARE_ERROR -1
#define RTAS_PARAMETER_ERROR -3

extern char secondary_entry[];

/* Threads listed under /cpus (a node without the property: one), counted apart. */
static int dt_threads(void)
{
	const void *fdt = initial_boot_params;
	int cpus = fdt_path_offset(fdt, "/cpus"), n = 0, node, len;

	if (cpus < 0)
		return 0;
	fdt_for_each_subnode(node, fdt, cpus)
		if (fdt_cpu_node_available(fdt, node))
			n += fdt_getprop(fdt, node, "ibm,ppc-interrupt-server#s", &len) ?
			     len / 4 : 1;
	return n;
}

static void powerpc_smp_dt_threads_online(struct kunit *test)
{
	int threads = dt_threads();

	KUNIT_ASSERT_GT(test, threads, 0);
	KUNIT_EXPECT_EQ(test, num_online_cpus(), (unsigned int)min(threads, NR_CPUS));
}

/*
 * CPU 0 is the thread the tree's header names, and no two CPUs share a
 * server number (that each IPI reaches the CPU it names is smp_call's
 * smp_call_single_runs_on_target: QEMU's PIR reads 0 on every thread).
 */
static void powerpc_smp_servers(struct kunit *test)
{
	const struct fdt_header *h = initial_boot_params;
	unsigned int a, b;

	KUNIT_EXPECT_EQ(test, get_hard_smp_processor_id(0), be32_to_cpu(h->boot_cpuid_phys));
	for_each_online_cpu(a)
		for_each_online_cpu(b)
			if (a < b)
				KUNIT_EXPECT_NE(test, get_hard_smp_processor_id(a),
						get_hard_smp_processor_id(b));
}

static void powerpc_rtas_start_cpu_errors(struct kunit *test)
{
	u32 token = pseries_platform.rtas_start_cpu, entry = __pa(secondary_entry);
	int running;

	KUNIT_ASSERT_NE(test, token, 0u);
	/* The caller's own thread: surely running (an idle one may be ceded). */
	preempt_disable();
	running = rtas_call(token, 3, 1, NULL, get_hard_smp_processor_id(smp_processor_id()),
			    entry, 0);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, running, RTAS_HARDWARE_ERROR);
	KUNIT_EXPECT_EQ(test, rtas_call(token, 3, 1, NULL, 0xffffu, entry, 0),
			RTAS_PARAMETER_ERROR);
}

#define UBASE 0x0000000046000000UL	/* this suite's user test page */

struct other_tables {
	struct mm_struct *mm;
	int loaded, done, left;
};

/*
 * On another CPU: load @mm's tables there until the caller is done, then
 * its own again, and say so: the caller's frame and @mm must outlive this.
 */
static void hold_other_tables(void *info)
{
	struct other_tables *o = info;
	struct mm_struct *own = this_cpu()->loaded_mm;

	switch_mm(o->mm);
	smp_store_release(&o->loaded, 1);
	while (!smp_load_acquire(&o->done))
		cpu_relax();
	switch_mm(own);
	smp_store_release(&o->left, 1);
}

/*
 * Another CPU loading other user tables leaves this CPU's alone: each CPU
 * has its own process table entry (a shared one would make the read
 * below go through the other, empty, tree and fault).
 */
static void powerpc_smp_user_tables_per_cpu(struct kunit *test)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);
	struct other_tables o = { .mm = mm };
	int cpu, other = -1, val = 0, err;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	if (num_online_cpus() < 2) {
		kfree(mm);
		kunit_skip(test, "needs a second online CPU (make test SMP=4)");
	}
	KUNIT_ASSERT_EQ(test, pgd_alloc(mm), 0);
	KUNIT_ASSERT_EQ(test, map_user_test_page(UBASE), 0);
	KUNIT_EXPECT_EQ(test, put_user(42, (int __user *)UBASE), 0);
	preempt_disable();
	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id() && other < 0)
			other = cpu;
	smp_call_function_single(other, hold_other_tables, &o, 0);
	while (!smp_load_acquire(&o.loaded))
		cpu_relax();
	err = get_user(val, (int __user *)UBASE);
	smp_store_release(&o.done, 1);
	while (!smp_load_acquire(&o.left))
		cpu_relax();
	preempt_enable();
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, val, 42);
	unmap_user_test_page(UBASE);
	pgd_free(mm);
	kfree(mm);
}

struct overflow_seen {
	unsigned long top[NR_CPUS];
	bool bounds_ok[NR_CPUS];
};

/* On each CPU: the overflow stack the entry code would use, and whether backtraces know it. */
static void note_overflow_stack(void *info)
{
	struct overflow_seen *s = info;
	unsigned int cpu = smp_processor_id();
	unsigned long top = this_cpu()->overflow_sp ?: (unsigned long)overflow_stack_top;
	unsigned long lo, hi;

	s->top[cpu] = top;
	s->bounds_ok[cpu] = kernel_stack_bounds(top - 1, &lo, &hi) && hi == top &&
			    hi - lo == (unsigned long)(overflow_stack_top - overflow_stack);
}

/* Each CPU has an overflow stack of its own, of the boot CPU's size. */
static void powerpc_smp_overflow_stacks(struct kunit *test)
{
	struct overflow_seen s = {};
	unsigned int a, b;

	on_each_cpu(note_overflow_stack, &s, 1);
	for_each_online_cpu(a) {
		KUNIT_EXPECT_TRUE(test, s.bounds_ok[a]);
		for_each_online_cpu(b)
			if (a < b)
				KUNIT_EXPECT_NE(test, s.top[a], s.top[b]);
	}
}

static struct kunit_case powerpc_smp_cases[] = {
	KUNIT_CASE(powerpc_smp_dt_threads_online),
	KUNIT_CASE(powerpc_smp_servers),
	KUNIT_CASE(powerpc_rtas_start_cpu_errors),
	KUNIT_CASE(powerpc_smp_user_tables_per_cpu),
	KUNIT_CASE(powerpc_smp_overflow_stacks),
	{}
};

static struct kunit_suite powerpc_smp_suite = {
	.name = "powerpc_smp",
	.test_cases = powerpc_smp_cases,
};
kunit_test_suites(&powerpc_smp_suite);
