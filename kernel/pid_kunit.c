// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of finding tasks by pid (suite "pid"): a few hundred tasks
 * made with create_task() are each found by their pid, those freed by
 * put_task_struct() are no longer found while the rest still are, pids
 * that name no task give NULL, and nothing is left allocated; a task whose
 * last reference is gone but which is not yet unhashed is not found.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/process.h>
#include <linux/sched.h>
#include <linux/slab.h>

#define NR_PID_TASKS 300

/* Never runs: the tasks are never woken, only looked up and freed. */
static int pid_test_fn(void *arg)
{
	return 0;
}

/* True if looking @pid up gives @want (NULL: no task). */
static bool lookup_is(pid_t pid, struct task_struct *want)
{
	struct task_struct *p = find_get_task_by_pid(pid);

	if (p)
		put_task_struct(p);
	return p == want;
}

static void pid_lookup_many(struct kunit *test)
{
	unsigned long slab = slab_allocated_bytes();
	int nr = nr_tasks();
	struct task_struct **tasks;
	pid_t pids[NR_PID_TASKS];
	int i;

	tasks = kcalloc(NR_PID_TASKS, sizeof(*tasks), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tasks);
	for (i = 0; i < NR_PID_TASKS; i++) {
		tasks[i] = create_task(pid_test_fn, NULL, "pid_test");
		KUNIT_ASSERT_NOT_NULL(test, tasks[i]);
		pids[i] = tasks[i]->pid;
	}
	KUNIT_EXPECT_EQ(test, nr_tasks(), nr + NR_PID_TASKS);
	for (i = 0; i < NR_PID_TASKS; i++)
		KUNIT_EXPECT_TRUE(test, lookup_is(pids[i], tasks[i]));

	/* Free every other one: only those disappear. */
	for (i = 0; i < NR_PID_TASKS; i += 2) {
		put_task_struct(tasks[i]);
		tasks[i] = NULL;
	}
	for (i = 0; i < NR_PID_TASKS; i++)
		KUNIT_EXPECT_TRUE(test, lookup_is(pids[i], tasks[i]));

	KUNIT_EXPECT_TRUE(test, lookup_is(0, NULL));
	KUNIT_EXPECT_TRUE(test, lookup_is(-1, NULL));
	KUNIT_EXPECT_TRUE(test, lookup_is(INT_MIN, NULL));
	KUNIT_EXPECT_TRUE(test, lookup_is(last_pid() + 1, NULL));
	KUNIT_EXPECT_TRUE(test, lookup_is(INT_MAX, NULL));

	for (i = 1; i < NR_PID_TASKS; i += 2)
		put_task_struct(tasks[i]);
	for (i = 0; i < NR_PID_TASKS; i++)
		KUNIT_EXPECT_TRUE(test, lookup_is(pids[i], NULL));
	kfree(tasks);
	KUNIT_EXPECT_EQ(test, nr_tasks(), nr);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
}

/*
 * The last put_task_struct() drops the count to 0 before __put_task_struct()
 * unhashes the task: a lookup in between must not take a reference, or its
 * put would free the task a second time (a kill(2) of a child just reaped,
 * racing the scheduler's last put on another CPU: seen on powerpc at 4 CPUs).
 */
static void pid_lookup_skips_dying(struct kunit *test)
{
	unsigned long slab = slab_allocated_bytes();
	struct task_struct *p = create_task(pid_test_fn, NULL, "pid_test"), *found;
	int nr = nr_tasks();

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_TRUE(test, atomic_dec_and_test(&p->usage));	/* as the last put does */
	found = find_get_task_by_pid(p->pid);
	KUNIT_EXPECT_NULL(test, found);
	if (found)	/* undo the wrong reference without freeing twice */
		atomic_dec(&p->usage);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->usage), 0);
	__put_task_struct(p);
	KUNIT_EXPECT_EQ(test, nr_tasks(), nr - 1);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
}

static struct kunit_case pid_cases[] = {
	KUNIT_CASE(pid_lookup_many),
	KUNIT_CASE(pid_lookup_skips_dying),
	{}
};

static struct kunit_suite pid_suite = {
	.name = "pid",
	.test_cases = pid_cases,
};
kunit_test_suites(&pid_suite);
