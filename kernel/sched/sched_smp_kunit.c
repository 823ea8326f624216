// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for scheduling on every CPU (suite "sched_smp"): threads
 * spread over the CPUs, idle CPUs pull queued threads from a busy one,
 * a sync wake-up queues the sleeper on the waker's CPU,
 * wake-ups across CPUs are never lost, affinity masks and kthread_bind()
 * are obeyed, init may run on every CPU. Each case needs two online CPUs
 * (make test SMP=4, or the second KUnit boot) and is skipped with one.
 *
 * Every thread a case starts is stopped before the case returns, since
 * the threads point into the case's stack frame.
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/process.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/wait.h>

#define SPIN_NS (300ULL * NSEC_PER_MSEC)
/* A virtual CPU may get no host time for a while on a busy machine. */
#define SPREAD_MAX_NS (10ULL * NSEC_PER_SEC)

/* Skip the calling case (return from it) with fewer than two active CPUs. */
#define need_two_cpus(test)							\
	do {									\
		if (num_active_cpus() < 2)					\
			kunit_skip(test, "needs a second active CPU (make test SMP=4)"); \
	} while (0)

struct spinner {
	cpumask_t seen;		/* the CPUs it ran on */
	cpumask_t *all;		/* if set: the CPUs any spinner ran on... */
	int want;		/* ...and keep spinning until they are this many */
	int done;
};

/*
 * Spin for SPIN_NS (or until the spinners together ran on s->want CPUs,
 * for at most SPREAD_MAX_NS), noting each CPU run on, then wait to be
 * stopped.
 */
static int spinner_fn(void *arg)
{
	struct spinner *s = arg;
	u64 start = ktime_get_ns(), now;

	do {
		cpumask_set_cpu(smp_processor_id(), &s->seen);
		if (s->all)
			cpumask_set_cpu(smp_processor_id(), s->all);
		now = ktime_get_ns();
	} while (now < start + SPIN_NS ||
		 (s->all && cpumask_weight(s->all) < s->want && now < start + SPREAD_MAX_NS));
	WRITE_ONCE(s->done, 1);
	kunit_sleep_until_stop();
	return 0;
}

/*
 * Start @n spinners @t, one per @mask (NULL: unbound), bound when woken;
 * they note in @all (if not NULL) where they ran.
 */
static void start_spinners(struct kunit *test, struct spinner *s, struct task_struct **t, int n,
			   const cpumask_t *mask, cpumask_t *all)
{
	for (int i = 0; i < n; i++) {
		s[i] = (struct spinner){ .all = all, .want = n };
		t[i] = kthread_create(spinner_fn, &s[i], "spinner%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
		if (mask)
			KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t[i], &mask[i]), 0);
		wake_up_process(t[i]);
	}
}

/* Wait until each of start_spinners()' spinners is done, and stop it. */
static void stop_spinners(struct spinner *s, struct task_struct **t, int n)
{
	for (int i = 0; i < n; i++) {
		while (!READ_ONCE(s[i].done))
			msleep(10);
		kthread_stop(t[i]);
	}
}

/* start_spinners(), then stop_spinners(). */
static void run_spinners(struct kunit *test, struct spinner *s, int n, const cpumask_t *mask,
			 cpumask_t *all)
{
	struct task_struct *t[NR_CPUS];

	start_spinners(test, s, t, n, mask, all);
	stop_spinners(s, t, n);
}

/* As many spinning threads as CPUs run on every CPU, not just the boot CPU. */
static void sched_smp_threads_spread(struct kunit *test)
{
	static struct spinner s[NR_CPUS];
	int n = num_active_cpus();
	cpumask_t all = {};

	need_two_cpus(test);
	run_spinners(test, s, n, NULL, &all);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&all), n);
}

/*
 * Spinners all queued on one CPU (bound there when woken), then allowed
 * every CPU: the idle CPUs pull them from that CPU's queue, so between
 * them they run on every CPU (with run queues per CPU, only balancing
 * moves a queued task).
 */
static void sched_smp_idle_cpus_pull(struct kunit *test)
{
	static struct spinner s[NR_CPUS];
	static cpumask_t one[NR_CPUS];
	struct task_struct *t[NR_CPUS];
	int n = num_active_cpus();
	unsigned int cpu, last = 0;
	cpumask_t all = {};

	need_two_cpus(test);
	for_each_cpu(cpu, cpu_active_mask)
		last = cpu;
	for (int i = 0; i < n; i++) {
		one[i] = (cpumask_t){};
		cpumask_set_cpu(last, &one[i]);
	}
	start_spinners(test, s, t, n, one, &all);
	for (int i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t[i], cpu_active_mask), 0);
	stop_spinners(s, t, n);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&all), n);
}

struct sync_sleeper {
	wait_queue_head_t wq;
	int go;
	int woke_on;
};

static int sync_sleeper_fn(void *arg)
{
	struct sync_sleeper *s = arg;

	wait_event(s->wq, READ_ONCE(s->go));
	WRITE_ONCE(s->woke_on, smp_processor_id());
	kunit_sleep_until_stop();
	return 0;
}

/*
 * A thread sleeping after running on another CPU (idle then), woken from
 * this one, where nothing else is queued: a sync wake-up (WF_SYNC, the
 * pipe writer's) queues it here, to run when the waker sleeps; a plain
 * one sends it elsewhere (back to its idle CPU). Either way it runs.
 */
static void sched_smp_sync_wakeup(struct kunit *test)
{
	need_two_cpus(test);
	for (int sync = 0; sync < 2; sync++) {
		unsigned int here = kunit_pin_cpu(), cpu, other = here;
		struct sync_sleeper s = { .woke_on = -1 };
		struct task_struct *t;
		unsigned int queued_on;

		for_each_cpu(cpu, cpu_active_mask)
			if (cpu != here)
				other = cpu;
		init_waitqueue_head(&s.wq);
		t = kthread_create(sync_sleeper_fn, &s, "sync_sleeper");
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		kthread_bind(t, other);
		wake_up_process(t);
		KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(t, TASK_UNINTERRUPTIBLE, 5000));
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, cpu_active_mask), 0);
		WRITE_ONCE(s.go, 1);
		if (sync)
			__wake_up_sync(&s.wq, TASK_NORMAL);
		else
			wake_up(&s.wq);
		/* Where the wake-up queued it; an idle CPU's tick may pull it away at once. */
		queued_on = READ_ONCE(t->wake_cpu);
		for (int i = 0; i < 500 && READ_ONCE(s.woke_on) < 0; i++)
			msleep(10);
		if (sync)
			KUNIT_EXPECT_EQ(test, queued_on, here);
		else
			KUNIT_EXPECT_NE(test, queued_on, here);
		KUNIT_EXPECT_GE(test, READ_ONCE(s.woke_on), 0);
		kthread_stop(t);
		kunit_unpin_cpu();
	}
}

/* Threads given one CPU each (the last one two) run on nothing else. */
static void sched_smp_affinity(struct kunit *test)
{
	static struct spinner s[NR_CPUS];
	static cpumask_t mask[NR_CPUS];
	unsigned int cpu;
	int n = 0;

	need_two_cpus(test);
	for_each_cpu(cpu, cpu_active_mask) {
		mask[n] = (cpumask_t){};
		cpumask_set_cpu(cpu, &mask[n++]);
	}
	cpumask_set_cpu(0, &mask[n - 1]);
	run_spinners(test, s, n, mask, NULL);
	for (int i = 0; i < n; i++) {
		KUNIT_EXPECT_GT(test, cpumask_weight(&s[i].seen), 0);
		for_each_cpu(cpu, &s[i].seen)
			KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(cpu, &mask[i]));
	}
}

/* set_cpus_allowed_ptr() on the caller moves it to the CPU named, at once. */
static void sched_smp_move_self(struct kunit *test)
{
	unsigned int cpu;
	cpumask_t one;

	need_two_cpus(test);
	for_each_cpu(cpu, cpu_active_mask) {
		one = (cpumask_t){};
		cpumask_set_cpu(cpu, &one);
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, &one), 0);
		KUNIT_EXPECT_EQ(test, smp_processor_id(), cpu);
		msleep(2);
		KUNIT_EXPECT_EQ(test, smp_processor_id(), cpu);
	}
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, cpu_active_mask), 0);
	one = (cpumask_t){};
	cpumask_set_cpu(NR_CPUS - 1, &one);
	if (!cpu_active(NR_CPUS - 1))
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, &one), -EINVAL);
}

struct bound {
	cpumask_t seen;
	int rounds;
};

/* Sleep and wake many times (each wake-up a chance to move), noting the CPU. */
static int bound_fn(void *arg)
{
	struct bound *b = arg;

	for (int i = 0; i < 50; i++) {
		cpumask_set_cpu(smp_processor_id(), &b->seen);
		msleep(1);
		WRITE_ONCE(b->rounds, i + 1);
	}
	kunit_sleep_until_stop();
	return 0;
}

/* A kthread bound to the last CPU runs only there, across its sleeps. */
static void sched_smp_kthread_bind(struct kunit *test)
{
	struct bound b = {};
	struct task_struct *t;
	unsigned int cpu, last = 0;

	need_two_cpus(test);
	for_each_cpu(cpu, cpu_active_mask)
		last = cpu;
	t = kthread_create(bound_fn, &b, "bound%u", last);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, last);
	wake_up_process(t);
	while (READ_ONCE(b.rounds) < 50)
		msleep(5);
	kthread_stop(t);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&b.seen), 1);
	KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(last, &b.seen));
}

/*
 * The ping-pong runs for PING_MS, then must still move within PING_STALL_S:
 * a lost wake-up leaves both threads asleep for good, while a busy host
 * only slows the hand-offs down (each needs a halted virtual CPU woken).
 */
#define PING_MS 2000
#define PING_STALL_S 20

struct pingpong {
	struct task_struct *peer[2];
	unsigned int cpu[2];	/* where each is bound */
	int turn;		/* whose move: 0 or 1 */
	int moves[2];
	int elsewhere;		/* moves made on a CPU other than the bound one */
};

/* Wait (asleep) for our turn, then hand it to the peer and wake it. */
static int pingpong_fn(void *arg, int me)
{
	struct pingpong *pp = arg;

	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		if (READ_ONCE(pp->turn) != me) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		if (smp_processor_id() != pp->cpu[me])
			WRITE_ONCE(pp->elsewhere, pp->elsewhere + 1);
		WRITE_ONCE(pp->moves[me], pp->moves[me] + 1);
		WRITE_ONCE(pp->turn, !me);
		wake_up_process(pp->peer[!me]);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static int ping_fn(void *arg)
{
	return pingpong_fn(arg, 0);
}

static int pong_fn(void *arg)
{
	return pingpong_fn(arg, 1);
}

/* Wait up to @ns for both threads to have moved past @moves; true if they did. */
static bool pingpong_moves_on(struct pingpong *pp, int moves, u64 ns)
{
	u64 end = ktime_get_ns() + ns;

	while (READ_ONCE(pp->moves[0]) <= moves || READ_ONCE(pp->moves[1]) <= moves) {
		if (ktime_get_ns() > end)
			return false;
		msleep(10);
	}
	return true;
}

/*
 * Two threads on two CPUs (the first and the last) hand a turn back and
 * forth, each sleeping until the other wakes it, every hand-off a
 * wake-up of a task on another CPU: a single lost wake-up stops both.
 */
static void sched_smp_pingpong(struct kunit *test)
{
	struct pingpong pp = {};
	unsigned int cpu;
	int moves;

	need_two_cpus(test);
	for_each_cpu(cpu, cpu_active_mask)
		pp.cpu[1] = cpu;
	pp.cpu[0] = 0;	/* the boot CPU */
	pp.peer[0] = kthread_create(ping_fn, &pp, "ping");
	KUNIT_ASSERT_FALSE(test, IS_ERR(pp.peer[0]));
	pp.peer[1] = kthread_create(pong_fn, &pp, "pong");
	if (IS_ERR(pp.peer[1])) {
		kthread_stop(pp.peer[0]);
		KUNIT_FAIL(test, "kthread_create failed");
		return;
	}
	kthread_bind(pp.peer[0], pp.cpu[0]);
	kthread_bind(pp.peer[1], pp.cpu[1]);
	wake_up_process(pp.peer[0]);
	wake_up_process(pp.peer[1]);
	msleep(PING_MS);
	moves = READ_ONCE(pp.moves[1]);
	if (!pingpong_moves_on(&pp, moves, PING_STALL_S * (u64)NSEC_PER_SEC))
		KUNIT_FAIL(test, "no hand-off for %d s after %d: a lost wake-up",
			   PING_STALL_S, moves);
	kthread_stop(pp.peer[0]);
	kthread_stop(pp.peer[1]);
	kunit_info(test, "%d hand-offs each way between CPU %u and CPU %u\n",
		   pp.moves[0], pp.cpu[0], pp.cpu[1]);
	/* Turns alternate: ping moves first, so it is never behind. */
	KUNIT_EXPECT_GE(test, pp.moves[0], pp.moves[1]);
	KUNIT_EXPECT_LE(test, pp.moves[0], pp.moves[1] + 1);
	KUNIT_EXPECT_EQ(test, pp.elsewhere, 0);
}

static int stop_at_once_fn(void *arg)
{
	kunit_sleep_until_stop();
	return 0;
}

#define STOP_ROUNDS 50

/*
 * kthread_stop() of a thread on another CPU returns once that CPU switched
 * away from it for good and it is freed: the task count is back at once,
 * without waiting (the other CPU would otherwise free it a little later).
 */
static void sched_smp_kthread_stop_frees(struct kunit *test)
{
	unsigned int cpu, last = 0;
	int start = nr_tasks();

	need_two_cpus(test);
	for_each_cpu(cpu, cpu_active_mask)
		last = cpu;
	for (int i = 0; i < STOP_ROUNDS; i++) {
		struct task_struct *t = kthread_create(stop_at_once_fn, NULL, "stop%d", i);

		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		kthread_bind(t, last);
		wake_up_process(t);
		KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
		KUNIT_ASSERT_EQ(test, nr_tasks(), start);
	}
}

/*
 * init (pid 1, kernel_init() until it execs) was made when only the boot
 * CPU was active and widened its mask after smp_init(): it, and so all of
 * user space, may run on every active CPU, the last one to start included.
 */
static void sched_smp_init_on_every_cpu(struct kunit *test)
{
	struct task_struct *init = find_get_task_by_pid(1);
	cpumask_t both;

	need_two_cpus(test);
	KUNIT_ASSERT_NOT_NULL(test, init);
	cpumask_and(&both, &init->cpus_mask, cpu_active_mask);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&both), num_active_cpus());
	KUNIT_EXPECT_EQ(test, cpumask_weight(&init->cpus_mask), num_active_cpus());
	put_task_struct(init);
}

static struct kunit_case sched_smp_cases[] = {
	KUNIT_CASE(sched_smp_init_on_every_cpu),
	KUNIT_CASE(sched_smp_threads_spread),
	KUNIT_CASE(sched_smp_idle_cpus_pull),
	KUNIT_CASE(sched_smp_sync_wakeup),
	KUNIT_CASE(sched_smp_affinity),
	KUNIT_CASE(sched_smp_move_self),
	KUNIT_CASE(sched_smp_kthread_bind),
	KUNIT_CASE(sched_smp_kthread_stop_frees),
	KUNIT_CASE(sched_smp_pingpong),
	{}
};

static struct kunit_suite sched_smp_suite = {
	.name = "sched_smp",
	.test_cases = sched_smp_cases,
};

kunit_test_suites(&sched_smp_suite);
