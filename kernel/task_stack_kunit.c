// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the per-CPU cache of task stacks (suite "task_stack",
 * kernel/task_stack.c): a stack freed on a CPU stays mapped and is the
 * next task's on that CPU, whether its task was freed by a put in process
 * context or in the switch away from it (interrupts off); a CPU keeps at
 * most NR_CACHED_STACKS, the next one freed is vfree'd; and
 * kmem_cache_shrink_all() gives back every CPU's, so leak checks see every
 * page free again; out of memory, a stack another CPU keeps is taken. Each case pins itself to a CPU, so that "this CPU"
 * stays the same from one step to the next.
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/fault-inject.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#define STACK_PAGES (THREAD_SIZE / PAGE_SIZE)

/* Never runs: the tasks here are never woken, only made and freed. */
static int stack_test_fn(void *arg)
{
	return 0;
}

/* Make a task in @p; the function that says it ends if there is none. */
#define NEW_TASK(test, p)						\
	do {								\
		(p) = create_task(stack_test_fn, NULL, "stack_test");	\
		KUNIT_ASSERT_NOT_NULL(test, (p));			\
	} while (0)

/* True if @stack is still a mapped vmalloc area of THREAD_SIZE bytes. */
static bool stack_mapped(const void *stack)
{
	return vmalloc_size(stack) == THREAD_SIZE;
}

/* Move current to @cpu alone (at once, as set_cpus_allowed_ptr() does). */
static void move_to_cpu(struct kunit *test, unsigned int cpu)
{
	cpumask_t one = {};

	cpumask_set_cpu(cpu, &one);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, &one), 0);
	KUNIT_EXPECT_EQ(test, task_cpu(current), cpu);
}

/* A task freed by its last put keeps its stack mapped for the next task. */
static void task_stack_reused_on_same_cpu(struct kunit *test)
{
	unsigned int cpu = kunit_pin_cpu();
	struct task_struct *p, *q;
	void *stack;

	free_cached_stacks();
	KUNIT_EXPECT_EQ(test, nr_cached_stacks(cpu), 0U);
	NEW_TASK(test, p);
	stack = p->stack;
	put_task_struct(p);
	KUNIT_EXPECT_EQ(test, nr_cached_stacks(cpu), 1U);
	KUNIT_EXPECT_TRUE(test, stack_mapped(stack));

	NEW_TASK(test, q);
	KUNIT_EXPECT_PTR_EQ(test, q->stack, stack);
	KUNIT_EXPECT_EQ(test, nr_cached_stacks(cpu), 0U);
	put_task_struct(q);
	free_cached_stacks();
	KUNIT_EXPECT_FALSE(test, stack_mapped(stack));
	kunit_unpin_cpu();
}

struct exit_data {
	void *stack;
};

static int note_stack_and_exit(void *arg)
{
	struct exit_data *d = arg;

	WRITE_ONCE(d->stack, current->stack);
	return 0;
}

/*
 * A kernel thread that returns is freed in the switch away from it, with
 * interrupts off, on its CPU: its stack goes to that CPU's cache all the
 * same (vfree() there would only have queued the range for a later flush).
 */
static void task_stack_dead_task_reused(struct kunit *test)
{
	unsigned int cpu = kunit_pin_cpu();
	struct exit_data d = { NULL };
	struct task_struct *t, *q;
	int nr, i;

	free_cached_stacks();
	nr = nr_tasks();
	t = kthread_create(note_stack_and_exit, &d, "stack_exit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, cpu);
	wake_up_process(t);
	for (i = 0; i < 1000 && nr_tasks() != nr; i++)
		msleep(1);
	KUNIT_ASSERT_EQ(test, nr_tasks(), nr);
	KUNIT_ASSERT_NOT_NULL(test, READ_ONCE(d.stack));
	KUNIT_EXPECT_EQ(test, nr_cached_stacks(cpu), 1U);
	KUNIT_EXPECT_TRUE(test, stack_mapped(d.stack));

	NEW_TASK(test, q);
	KUNIT_EXPECT_PTR_EQ(test, q->stack, d.stack);
	put_task_struct(q);
	free_cached_stacks();
	kunit_unpin_cpu();
}

/*
 * A CPU keeps NR_CACHED_STACKS (2): of three stacks freed, the first two
 * stay mapped, the third is vfree'd (its pages leave vmalloc's count); the
 * next two tasks get the two kept.
 */
static void task_stack_cache_holds_two(struct kunit *test)
{
	unsigned int cpu = kunit_pin_cpu();
	struct task_struct *p[3];
	void *stack[3];
	unsigned long vm0;
	int i;

	free_cached_stacks();
	for (i = 0; i < 3; i++) {
		NEW_TASK(test, p[i]);
		stack[i] = p[i]->stack;
	}
	vm0 = vmalloc_nr_pages();
	for (i = 0; i < 3; i++)
		put_task_struct(p[i]);
	KUNIT_EXPECT_EQ(test, nr_cached_stacks(cpu), 2U);
	KUNIT_EXPECT_TRUE(test, stack_mapped(stack[0]));
	KUNIT_EXPECT_TRUE(test, stack_mapped(stack[1]));
	KUNIT_EXPECT_FALSE(test, stack_mapped(stack[2]));
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm0 - STACK_PAGES);

	for (i = 0; i < 2; i++) {
		NEW_TASK(test, p[i]);
		KUNIT_EXPECT_TRUE(test, p[i]->stack == stack[0] || p[i]->stack == stack[1]);
	}
	KUNIT_EXPECT_PTR_NE(test, p[0]->stack, p[1]->stack);
	KUNIT_EXPECT_EQ(test, nr_cached_stacks(cpu), 0U);
	put_task_struct(p[0]);
	put_task_struct(p[1]);
	free_cached_stacks();
	kunit_unpin_cpu();
}

/* Fill @cpu's cache: two tasks made and freed there. */
static void fill_cache_on(struct kunit *test, unsigned int cpu)
{
	struct task_struct *a, *b;

	move_to_cpu(test, cpu);
	NEW_TASK(test, a);
	NEW_TASK(test, b);
	put_task_struct(a);
	put_task_struct(b);
	KUNIT_EXPECT_EQ(test, nr_cached_stacks(cpu), (unsigned int)NR_CACHED_STACKS);
}

/*
 * Every active CPU's cache filled, the pages they hold are not free;
 * kmem_cache_shrink_all() (what leak checks call first) empties them all,
 * other CPUs' included, and the free-page count is back where it was.
 */
static void task_stack_drain_returns_pages(struct kunit *test)
{
	unsigned int home = kunit_pin_cpu(), cpu, ncpus = 0;
	unsigned long free0;

	/* Warm up: the page tables of the stacks' range stay once made. */
	for_each_cpu(cpu, cpu_active_mask)
		fill_cache_on(test, cpu);
	move_to_cpu(test, home);
	kmem_cache_shrink_all();
	free0 = nr_free_pages();

	for_each_cpu(cpu, cpu_active_mask) {
		fill_cache_on(test, cpu);
		ncpus++;
	}
	move_to_cpu(test, home);
	for_each_cpu(cpu, cpu_active_mask)
		KUNIT_EXPECT_EQ(test, nr_cached_stacks(cpu), (unsigned int)NR_CACHED_STACKS);
	KUNIT_EXPECT_LE(test, nr_free_pages() + ncpus * NR_CACHED_STACKS * STACK_PAGES, free0);

	kmem_cache_shrink_all();
	for_each_cpu(cpu, cpu_active_mask)
		KUNIT_EXPECT_EQ(test, nr_cached_stacks(cpu), 0U);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free0);
	kunit_unpin_cpu();
}

/*
 * When the stack's vmalloc() finds no memory (injected), a stack another
 * CPU keeps is taken rather than none (with more than one CPU); with every
 * cache empty, there is none.
 */
static void task_stack_no_memory_takes_another_cpus(struct kunit *test)
{
	unsigned int home = kunit_pin_cpu(), cpu, last = home;
	struct task_struct *p;
	void *stack;

	for_each_cpu(cpu, cpu_active_mask)
		last = cpu;
	free_cached_stacks();
	if (last != home) {
		move_to_cpu(test, last);
		NEW_TASK(test, p);
		stack = p->stack;
		put_task_struct(p);
		move_to_cpu(test, home);
		KUNIT_EXPECT_EQ(test, nr_cached_stacks(last), 1U);
		KUNIT_EXPECT_EQ(test, nr_cached_stacks(home), 0U);
		alloc_fail_after(0);
		KUNIT_EXPECT_PTR_EQ(test, alloc_thread_stack(), stack);
		KUNIT_EXPECT_FALSE(test, alloc_fail_armed());
		alloc_fail_off();
		KUNIT_EXPECT_EQ(test, nr_cached_stacks(last), 0U);
		free_thread_stack(stack);
		free_cached_stacks();
	}
	alloc_fail_after(0);
	KUNIT_EXPECT_NULL(test, alloc_thread_stack());
	KUNIT_EXPECT_FALSE(test, alloc_fail_armed());
	alloc_fail_off();
	kunit_unpin_cpu();
}

static struct kunit_case task_stack_cases[] = {
	KUNIT_CASE(task_stack_reused_on_same_cpu),
	KUNIT_CASE(task_stack_dead_task_reused),
	KUNIT_CASE(task_stack_cache_holds_two),
	KUNIT_CASE(task_stack_drain_returns_pages),
	KUNIT_CASE(task_stack_no_memory_takes_another_cpus),
	{}
};

static struct kunit_suite task_stack_suite = {
	.name = "task_stack",
	.test_cases = task_stack_cases,
};
kunit_test_suites(&task_stack_suite);
