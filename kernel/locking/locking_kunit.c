// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for spinlocks, mutexes and atomics (suite "locking").
 *
 * The counter tests run several threads doing read / delay / write on a
 * plain shared counter: without working mutual exclusion the tick preempts
 * some of them between the read and the write (or, on several CPUs, they
 * run at once) and increments get lost. The threads stop after their
 * iterations or after COUNT_MAX_NS, whichever comes first: at 4 virtual
 * CPUs on a busy 2-core host each hand-over of a fair lock may wait for a
 * waiter's virtual CPU to get host time again (the run took 30-40 s per
 * case on arm64), so the count checked is the sections they did.
 * Every thread a case starts has finished before the case returns.
 */
#include <kunit/test.h>
#include <kunit/kthread.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/irqflags.h>
#include <linux/string.h>
#include <linux/preempt.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/signal.h>

#define NR_WORKERS 4
#define SPIN_ITERS 2000
#define SPIN_DELAY_NS 5000	/* inside the critical section */
#define MUTEX_ITERS 300
#define MUTEX_SLEEP_EVERY 100	/* msleep(1) inside every 100th section */
#define ATOMIC_ITERS 2000
#define COUNT_MAX_NS (2ULL * NSEC_PER_SEC)	/* the counter workers stop by then */

enum count_mode {
	COUNT_SPIN,
	COUNT_SPIN_IRQSAVE,
	COUNT_MUTEX,
};

struct count_data {
	enum count_mode mode;
	int iters;
	spinlock_t lock;
	struct mutex mutex;
	unsigned long counter;		/* plain: protected by lock or mutex */
	u64 deadline_ns;		/* the workers stop by then */
	atomic_t done;			/* sections completed, counted outside the lock */
	atomic_t in_section;		/* holders at once: must stay <= 1 */
	int overlap;
	struct completion start;
	struct completion finished;
};

/* The critical section: a read-modify-write spread over some time. */
static void count_section(struct count_data *d, int i)
{
	unsigned long v;

	if (atomic_inc_return(&d->in_section) != 1)
		WRITE_ONCE(d->overlap, 1);
	v = READ_ONCE(d->counter);
	if (d->mode == COUNT_MUTEX && i % MUTEX_SLEEP_EVERY == MUTEX_SLEEP_EVERY / 2)
		msleep(1);
	else
		ndelay(SPIN_DELAY_NS);
	WRITE_ONCE(d->counter, v + 1);
	atomic_dec(&d->in_section);
}

static int count_worker(void *arg)
{
	struct count_data *d = arg;
	unsigned long flags;

	wait_for_completion(&d->start);
	for (int i = 0; i < d->iters && ktime_get_ns() < d->deadline_ns; i++) {
		switch (d->mode) {
		case COUNT_SPIN:
			spin_lock(&d->lock);
			count_section(d, i);
			spin_unlock(&d->lock);
			break;
		case COUNT_SPIN_IRQSAVE:
			spin_lock_irqsave(&d->lock, flags);
			count_section(d, i);
			spin_unlock_irqrestore(&d->lock, flags);
			break;
		case COUNT_MUTEX:
			mutex_lock(&d->mutex);
			count_section(d, i);
			mutex_unlock(&d->mutex);
			break;
		}
		atomic_inc(&d->done);
	}
	complete(&d->finished);
	return 0;
}

/* Run NR_WORKERS count_workers together; returns how many were started. */
static int run_counters(struct kunit *test, struct count_data *d, enum count_mode mode, int iters)
{
	int i, n = 0;

	d->mode = mode;
	d->iters = iters;
	d->counter = 0;
	d->overlap = 0;
	atomic_set(&d->in_section, 0);
	atomic_set(&d->done, 0);
	spin_lock_init(&d->lock);
	mutex_init(&d->mutex);
	init_completion(&d->start);
	init_completion(&d->finished);
	for (i = 0; i < NR_WORKERS; i++) {
		if (IS_ERR(kthread_run(count_worker, d, "count%d", i))) {
			KUNIT_FAIL(test, "kthread_run failed");
			break;
		}
		n++;
	}
	d->deadline_ns = ktime_get_ns() + COUNT_MAX_NS;
	complete_all(&d->start);
	for (i = 0; i < n; i++)
		wait_for_completion(&d->finished);
	return n;
}

static void locking_spin_lock_counter(struct kunit *test)
{
	struct count_data d;
	int n = run_counters(test, &d, COUNT_SPIN, SPIN_ITERS);

	KUNIT_EXPECT_EQ(test, n, NR_WORKERS);
	/* The sections done (all unless time ran out), none of them lost. */
	KUNIT_EXPECT_GT(test, atomic_read(&d.done), 0);
	KUNIT_EXPECT_LE(test, atomic_read(&d.done), n * SPIN_ITERS);
	KUNIT_EXPECT_EQ(test, d.counter, (unsigned long)atomic_read(&d.done));
	KUNIT_EXPECT_EQ(test, d.overlap, 0);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&d.lock));
}

static void locking_spin_lock_irqsave_counter(struct kunit *test)
{
	struct count_data d;
	int n = run_counters(test, &d, COUNT_SPIN_IRQSAVE, SPIN_ITERS);

	KUNIT_EXPECT_EQ(test, n, NR_WORKERS);
	/* The sections done (all unless time ran out), none of them lost. */
	KUNIT_EXPECT_GT(test, atomic_read(&d.done), 0);
	KUNIT_EXPECT_LE(test, atomic_read(&d.done), n * SPIN_ITERS);
	KUNIT_EXPECT_EQ(test, d.counter, (unsigned long)atomic_read(&d.done));
	KUNIT_EXPECT_EQ(test, d.overlap, 0);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&d.lock));
}

static void locking_spin_trylock(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	int pc = preempt_count();

	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
	spin_lock(&lock);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_FALSE(test, spin_trylock(&lock));
	/* A failed trylock leaves the preempt count as it was. */
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	spin_unlock(&lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));

	KUNIT_EXPECT_TRUE(test, spin_trylock(&lock));
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	KUNIT_EXPECT_FALSE(test, spin_trylock(&lock));
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	/* The ticket lock still works after all that. */
	KUNIT_EXPECT_TRUE(test, spin_trylock(&lock));
	spin_unlock(&lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
}

/*
 * The tickets are 16 bits: after more acquisitions than that, both
 * counters have wrapped and the lock still tells held from free.
 */
static void locking_spin_lock_ticket_wrap(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);

	for (int i = 0; i < 65536 + 3; i++) {
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_TRUE(test, spin_trylock(&lock));
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_FALSE(test, spin_trylock(&lock));
	spin_unlock(&lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
}

static int spin_fn(void *arg)
{
	volatile unsigned long *ctr = arg;

	while (!kthread_should_stop())
		*ctr = *ctr + 1;
	return 0;
}

/*
 * spin_lock() disables preemption: a runnable spinner makes no progress
 * while we hold the lock for several ticks, though the ticks do arrive.
 */
static void locking_spin_lock_preempt_count(struct kunit *test)
{
	static volatile unsigned long ctr;
	DEFINE_SPINLOCK(a);
	DEFINE_SPINLOCK(b);
	unsigned long c0, c1, c2, j0, j1;
	struct task_struct *t;
	int pc = preempt_count();

	KUNIT_EXPECT_EQ(test, pc, 0);	/* a case runs in a preemptible thread */
	KUNIT_EXPECT_FALSE(test, in_atomic());
	spin_lock(&a);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	KUNIT_EXPECT_TRUE(test, in_atomic());
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	spin_lock(&b);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 2);
	spin_unlock(&b);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	spin_unlock(&a);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	KUNIT_EXPECT_FALSE(test, in_atomic());

	ctr = 0;
	t = kthread_create(spin_fn, (void *)&ctr, "spinner");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, kunit_pin_cpu());	/* its only way to run is to preempt us */
	wake_up_process(t);
	msleep(10);
	spin_lock(&a);
	c0 = ctr;
	j0 = jiffies;
	mdelay(20);
	j1 = jiffies;
	c1 = ctr;
	spin_unlock(&a);
	msleep(10);
	c2 = ctr;
	kthread_stop(t);
	kunit_unpin_cpu();

	KUNIT_EXPECT_GT(test, c0, 0UL);
	KUNIT_EXPECT_GE(test, j1 - j0, 1UL);	/* the tick kept coming... */
	KUNIT_EXPECT_EQ(test, c1, c0);		/* ... but did not preempt us */
	KUNIT_EXPECT_GT(test, c2, c1);
}

/* spin_lock_irqsave() disables interrupts and restores the saved state. */
static void locking_spin_lock_irqsave_irqs(struct kunit *test)
{
	DEFINE_SPINLOCK(a);
	DEFINE_SPINLOCK(b);
	unsigned long f1, f2;
	int pc = preempt_count();
	unsigned int cpu;
	u64 i0, i1;

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	spin_lock_irqsave(&a, f1);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	spin_lock_irqsave(&b, f2);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&b, f2);
	/* The inner restore must not turn interrupts back on. */
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 1);
	spin_unlock_irqrestore(&a, f1);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);

	spin_lock_irq(&a);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irq(&a);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	/* With interrupts off this CPU takes no tick. */
	spin_lock_irqsave(&a, f1);
	cpu = smp_processor_id();
	i0 = this_cpu()->irq_count;
	mdelay(20);
	i1 = this_cpu()->irq_count;
	spin_unlock_irqrestore(&a, f1);
	KUNIT_EXPECT_EQ(test, i1, i0);
	/*
	 * With them back on, the tick is taken. Not always at once: QEMU
	 * raises the timer's line from its own host thread, which a loaded
	 * host may not have run during the 20 ms the virtual CPU spun (no
	 * tick yet right after the restore, 1-CPU boot on arm at load 8), so
	 * the case waits for it, up to 100 ms by the clock; interrupts left
	 * off by the restore would still keep it away.
	 */
	for (int us = 0; us < 100000 && READ_ONCE(per_cpu(cpu_infos, cpu).irq_count) == i0; us += 100)
		udelay(100);
	KUNIT_EXPECT_NE(test, READ_ONCE(per_cpu(cpu_infos, cpu).irq_count), i0);
}

static void locking_mutex_counter(struct kunit *test)
{
	struct count_data d;
	int n = run_counters(test, &d, COUNT_MUTEX, MUTEX_ITERS);

	KUNIT_EXPECT_EQ(test, n, NR_WORKERS);
	/* The sections done (all unless time ran out), none of them lost. */
	KUNIT_EXPECT_GT(test, atomic_read(&d.done), 0);
	KUNIT_EXPECT_LE(test, atomic_read(&d.done), n * MUTEX_ITERS);
	KUNIT_EXPECT_EQ(test, d.counter, (unsigned long)atomic_read(&d.done));
	KUNIT_EXPECT_EQ(test, d.overlap, 0);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&d.mutex));
}

struct trylock_data {
	struct mutex *m;
	int result;
	struct completion done;
};

static int mutex_trylock_fn(void *arg)
{
	struct trylock_data *d = arg;

	d->result = mutex_trylock(d->m);
	if (d->result)
		mutex_unlock(d->m);
	complete(&d->done);
	kunit_sleep_until_stop();
	return 0;
}

/* Another thread's trylock, run to completion; returns its result. */
static int trylock_from_thread(struct kunit *test, struct mutex *m)
{
	struct trylock_data d = { .m = m, .result = -1 };
	struct task_struct *t;

	init_completion(&d.done);
	t = kthread_run(mutex_trylock_fn, &d, "trylocker");
	if (IS_ERR(t)) {
		KUNIT_FAIL(test, "kthread_run failed");
		return -1;
	}
	wait_for_completion(&d.done);
	kthread_stop(t);
	return d.result;
}

static void locking_mutex_trylock(struct kunit *test)
{
	DEFINE_MUTEX(m);

	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 1);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_EQ(test, trylock_from_thread(test, &m), 0);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m));
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	/* Free now: the other thread takes it (and gives it back). */
	KUNIT_EXPECT_EQ(test, trylock_from_thread(test, &m), 1);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));

	mutex_lock(&m);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_EQ(test, trylock_from_thread(test, &m), 0);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

struct fifo_data {
	struct mutex m;
	atomic_t next;
	int order[NR_WORKERS];
};

struct fifo_arg {
	struct fifo_data *d;
	int id;
};

static int fifo_fn(void *arg)
{
	struct fifo_arg *a = arg;
	struct fifo_data *d = a->d;

	mutex_lock(&d->m);
	d->order[atomic_inc_return(&d->next) - 1] = a->id;
	mutex_unlock(&d->m);
	kunit_sleep_until_stop();
	return 0;
}

/* Waiters get the mutex in the order they queued, by direct handoff. */
static void locking_mutex_fifo_handoff(struct kunit *test)
{
	struct task_struct *t[NR_WORKERS];
	struct fifo_arg args[NR_WORKERS];
	struct fifo_data d;
	struct task_struct *owner;
	unsigned int cpu;
	int i, n = 0, barged;

	mutex_init(&d.m);
	/*
	 * The waiters share this CPU: with preemption off below, the first
	 * cannot run before the owner is read (on another CPU it could take
	 * the mutex, and hand it on to the second, meanwhile).
	 */
	cpu = kunit_pin_cpu();
	atomic_set(&d.next, 0);
	for (i = 0; i < NR_WORKERS; i++)
		d.order[i] = -1;

	mutex_lock(&d.m);
	for (i = 0; i < NR_WORKERS; i++) {
		args[i] = (struct fifo_arg){ .d = &d, .id = i };
		t[i] = kthread_create(fifo_fn, &args[i], "fifo%d", i);
		if (IS_ERR(t[i])) {
			KUNIT_FAIL(test, "kthread_create failed");
			break;
		}
		kthread_bind(t[i], cpu);
		wake_up_process(t[i]);
		n++;
		/* Queue them one at a time so the queue order is known. */
		KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(t[i], TASK_UNINTERRUPTIBLE, 500));
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&d.next), 0);

	preempt_disable();
	mutex_unlock(&d.m);
	/* Handed straight to the first waiter, which has not even run yet. */
	owner = __mutex_owner(&d.m);
	barged = mutex_trylock(&d.m);
	preempt_enable();
	if (n)
		KUNIT_EXPECT_PTR_EQ(test, owner, t[0]);
	KUNIT_EXPECT_EQ(test, barged, 0);

	for (i = 0; i < 100 && atomic_read(&d.next) < n; i++)
		msleep(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d.next), n);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, d.order[i], i);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&d.m));
	for (i = 0; i < n; i++)
		kthread_stop(t[i]);
	kunit_unpin_cpu();
}

struct intr_arg {
	struct mutex *m;
	bool interruptible;
	int ret;		/* what the lock call returned */
	struct task_struct *owner_after;	/* the owner once it returned */
};

static int intr_fn(void *arg)
{
	struct intr_arg *a = arg;

	if (a->interruptible) {
		a->ret = mutex_lock_interruptible(a->m);
	} else {
		mutex_lock(a->m);
		a->ret = 0;
	}
	a->owner_after = __mutex_owner(a->m);
	if (!a->ret)
		mutex_unlock(a->m);
	WRITE_ONCE(current->pending.signal, 0);	/* see interrupt_sleeper() */
	kunit_sleep_until_stop();
	return 0;
}

/*
 * Make a signal pending on kernel thread @t and wake it, as send_sig() does
 * for a user task (kernel threads take no signals through send_sig()).
 */
static void interrupt_sleeper(struct task_struct *t)
{
	unsigned long flags;

	local_irq_save(flags);
	t->pending.signal |= sigmask(SIGKILL);
	local_irq_restore(flags);
	wake_up_state(t, TASK_INTERRUPTIBLE);
}

/*
 * An interrupted waiter leaves the queue; the waiter flag in the owner word
 * stays while others wait and is cleared with the last one, so the holder
 * unlocks through the fast path again.
 */
static void locking_mutex_interrupted_waiter(struct kunit *test)
{
	struct intr_arg a = { .interruptible = true, .ret = 1 };
	struct intr_arg b = { .interruptible = false, .ret = 1 };
	struct task_struct *ta, *tb;
	struct mutex m;

	mutex_init(&m);
	a.m = b.m = &m;
	mutex_lock(&m);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&m.owner), (long)current);

	/* One interruptible waiter, killed: -EINTR, flag cleared. */
	ta = kthread_run(intr_fn, &a, "intr_a");
	KUNIT_ASSERT_FALSE(test, IS_ERR(ta));
	KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(ta, TASK_INTERRUPTIBLE, 500));
	KUNIT_EXPECT_EQ(test, atomic_long_read(&m.owner), (long)current | MUTEX_FLAG_WAITERS);
	interrupt_sleeper(ta);
	for (int i = 0; i < 500 && READ_ONCE(a.ret) == 1; i++)
		msleep(1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(a.ret), -EINTR);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&m.owner), (long)current);
	mutex_unlock(&m);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&m.owner), 0);
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 1);
	kthread_stop(ta);

	/* Two waiters, the first killed: the second still gets the hand-off. */
	a.ret = 1;
	ta = kthread_run(intr_fn, &a, "intr_a");
	KUNIT_ASSERT_FALSE(test, IS_ERR(ta));
	KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(ta, TASK_INTERRUPTIBLE, 500));
	tb = kthread_run(intr_fn, &b, "intr_b");
	KUNIT_ASSERT_FALSE(test, IS_ERR(tb));
	KUNIT_EXPECT_TRUE(test, kunit_wait_task_asleep(tb, TASK_UNINTERRUPTIBLE, 500));
	interrupt_sleeper(ta);
	for (int i = 0; i < 500 && READ_ONCE(a.ret) == 1; i++)
		msleep(1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(a.ret), -EINTR);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&m.owner), (long)current | MUTEX_FLAG_WAITERS);
	mutex_unlock(&m);
	for (int i = 0; i < 500 && READ_ONCE(b.ret) == 1; i++)
		msleep(1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(b.ret), 0);
	KUNIT_EXPECT_PTR_EQ(test, READ_ONCE(b.owner_after), tb);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	kthread_stop(ta);
	kthread_stop(tb);
}

struct atomic_data {
	atomic_t counter;
	atomic_t seq;
	u8 seen[NR_WORKERS * ATOMIC_ITERS + 1];
	int out_of_range;
	struct completion start;
	struct completion finished;
};

static int atomic_worker(void *arg)
{
	struct atomic_data *d = arg;

	wait_for_completion(&d->start);
	for (int i = 0; i < ATOMIC_ITERS; i++) {
		int v = atomic_inc_return(&d->seq);

		atomic_inc(&d->counter);
		if (v < 1 || v > NR_WORKERS * ATOMIC_ITERS)
			WRITE_ONCE(d->out_of_range, 1);
		else
			d->seen[v]++;
		ndelay(200);
	}
	complete(&d->finished);
	return 0;
}

/* atomic_inc() from several threads loses nothing; *_return values are unique. */
static void locking_atomic_inc_threads(struct kunit *test)
{
	static struct atomic_data d;
	int i, n = 0, bad = 0;

	atomic_set(&d.counter, 0);
	atomic_set(&d.seq, 0);
	memset(d.seen, 0, sizeof(d.seen));
	d.out_of_range = 0;
	init_completion(&d.start);
	init_completion(&d.finished);
	for (i = 0; i < NR_WORKERS; i++) {
		if (IS_ERR(kthread_run(atomic_worker, &d, "atomic%d", i))) {
			KUNIT_FAIL(test, "kthread_run failed");
			break;
		}
		n++;
	}
	complete_all(&d.start);
	for (i = 0; i < n; i++)
		wait_for_completion(&d.finished);

	KUNIT_EXPECT_EQ(test, atomic_read(&d.counter), n * ATOMIC_ITERS);
	KUNIT_EXPECT_EQ(test, atomic_read(&d.seq), n * ATOMIC_ITERS);
	KUNIT_EXPECT_EQ(test, d.out_of_range, 0);
	for (i = 1; i <= n * ATOMIC_ITERS; i++)
		bad += d.seen[i] != 1;
	KUNIT_EXPECT_EQ(test, bad, 0);
}

static void locking_atomic_ops(struct kunit *test)
{
	atomic_t v = ATOMIC_INIT(5);
	atomic64_t v64 = ATOMIC_INIT(0);
	atomic_long_t vl = ATOMIC_INIT(-1);
	int old;

	/* cmpxchg: swaps only on a match, always returns the old value. */
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&v, 5, 7), 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 7);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&v, 5, 9), 7);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 7);

	old = 3;
	KUNIT_EXPECT_FALSE(test, atomic_try_cmpxchg(&v, &old, 4));
	KUNIT_EXPECT_EQ(test, old, 7);		/* updated to the current value */
	KUNIT_EXPECT_TRUE(test, atomic_try_cmpxchg(&v, &old, 4));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 4);

	KUNIT_EXPECT_EQ(test, atomic_xchg(&v, 11), 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 11);

	/* dec_and_test: true exactly when the result is zero. */
	atomic_set(&v, 2);
	KUNIT_EXPECT_FALSE(test, atomic_dec_and_test(&v));
	KUNIT_EXPECT_TRUE(test, atomic_dec_and_test(&v));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 0);
	KUNIT_EXPECT_FALSE(test, atomic_dec_and_test(&v));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), -1);
	KUNIT_EXPECT_TRUE(test, atomic_inc_and_test(&v));

	/* add_unless: adds unless the value is u. */
	atomic_set(&v, 3);
	KUNIT_EXPECT_TRUE(test, atomic_add_unless(&v, 5, 4));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 8);
	KUNIT_EXPECT_FALSE(test, atomic_add_unless(&v, 5, 8));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 8);
	atomic_set(&v, 0);
	KUNIT_EXPECT_FALSE(test, atomic_inc_not_zero(&v));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 0);
	atomic_set(&v, 1);
	KUNIT_EXPECT_TRUE(test, atomic_inc_not_zero(&v));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 2);

	/* Return conventions of the arithmetic. */
	KUNIT_EXPECT_EQ(test, atomic_add_return(3, &v), 5);
	KUNIT_EXPECT_EQ(test, atomic_sub_return(1, &v), 4);
	KUNIT_EXPECT_EQ(test, atomic_fetch_add(6, &v), 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 10);
	KUNIT_EXPECT_EQ(test, atomic_inc_return(&v), 11);
	KUNIT_EXPECT_EQ(test, atomic_dec_return(&v), 10);

	/* Wide types keep all their bits. */
	atomic64_set(&v64, 1LL << 40);
	atomic64_add(1LL << 33, &v64);
	KUNIT_EXPECT_EQ(test, atomic64_read(&v64), (1LL << 40) + (1LL << 33));
	KUNIT_EXPECT_EQ(test, atomic64_cmpxchg(&v64, (1LL << 40) + (1LL << 33), -5),
			(1LL << 40) + (1LL << 33));
	KUNIT_EXPECT_EQ(test, atomic64_read(&v64), -5LL);
	KUNIT_EXPECT_TRUE(test, atomic_long_inc_and_test(&vl));
	KUNIT_EXPECT_EQ(test, atomic_long_xchg(&vl, LONG_MAX), 0L);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&vl), LONG_MAX);
}

/*
 * Store buffering: two CPUs each store to their own flag, smp_mb(), then
 * load the other's. A full barrier orders the store before the load, so
 * at least one of them sees the other's store; both loads reading 0 means
 * smp_mb() let a later load pass an earlier store. On QEMU the store may
 * still sit in the host's store buffer: ARMv6's CP15 DMB is a no-op there
 * (arch/arm/include/asm/barrier.h). The rounds are started together by a
 * spinning barrier on two active CPUs, and run until SB_ROUNDS or
 * SB_MAX_NS.
 */
#define SB_ROUNDS 50000
#define SB_MAX_NS (3ULL * NSEC_PER_SEC)

struct sb_data {
	struct {
		int flag;
	} __aligned(64) f[2];	/* each in a cache line of its own, the host's too */
	int seen[2];		/* what each loaded in this round */
	atomic_t arrived;	/* arrivals at the barrier, never reset */
	bool stop;		/* set by thread 0 before an odd barrier */
	u64 deadline_ns;
	int rounds, both_zero;	/* thread 0's */
	struct completion finished;
};

static struct sb_arg {
	struct sb_data *d;
	int id;
} sb_args[2];

/* Wait until both threads have arrived @k times. */
static void sb_barrier(struct sb_data *d, int k)
{
	atomic_inc(&d->arrived);
	while (atomic_read(&d->arrived) < 2 * k)
		cpu_relax();
}

static int sb_worker(void *arg)
{
	struct sb_arg *a = arg;
	struct sb_data *d = a->d;
	int me = a->id, k = 0, i;

	for (;;) {
		sb_barrier(d, ++k);
		if (READ_ONCE(d->stop))
			break;
		/* Thread 1 starts later by 0 to 15 steps: one skew or another lines them up. */
		for (i = me ? k / 2 % 16 : 0; i > 0; i--)
			barrier();
		WRITE_ONCE(d->f[me].flag, 1);
		smp_mb();
		d->seen[me] = READ_ONCE(d->f[!me].flag);
		sb_barrier(d, ++k);
		if (me)
			continue;
		d->rounds++;
		d->both_zero += !d->seen[0] && !d->seen[1];
		WRITE_ONCE(d->f[0].flag, 0);
		WRITE_ONCE(d->f[1].flag, 0);
		if (d->rounds >= SB_ROUNDS || ktime_get_ns() > d->deadline_ns)
			WRITE_ONCE(d->stop, true);
	}
	complete(&d->finished);
	return 0;
}

static void locking_smp_mb_store_load(struct kunit *test)
{
	static struct sb_data d;
	struct task_struct *t[2];
	unsigned int cpu, cpus[2], n = 0;
	int i;

	for_each_cpu(cpu, cpu_active_mask)
		if (n < 2)
			cpus[n++] = cpu;
	if (n < 2)
		kunit_skip(test, "needs a second active CPU (make test SMP=4)");
	memset(&d, 0, sizeof(d));
	atomic_set(&d.arrived, 0);
	init_completion(&d.finished);
	d.deadline_ns = ktime_get_ns() + SB_MAX_NS;
	for (i = 0; i < 2; i++) {
		sb_args[i] = (struct sb_arg){ .d = &d, .id = i };
		t[i] = kthread_create(sb_worker, &sb_args[i], "sb%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
		kthread_bind(t[i], cpus[i]);
	}
	wake_up_process(t[0]);
	wake_up_process(t[1]);
	wait_for_completion(&d.finished);
	wait_for_completion(&d.finished);
	kunit_info(test, "%d rounds on CPUs %u and %u, both loads 0 in %d\n", d.rounds,
		   cpus[0], cpus[1], d.both_zero);
	KUNIT_EXPECT_GT(test, d.rounds, 0);
	KUNIT_EXPECT_EQ(test, d.both_zero, 0);
}

static struct kunit_case locking_cases[] = {
	KUNIT_CASE(locking_spin_lock_counter),
	KUNIT_CASE(locking_spin_lock_irqsave_counter),
	KUNIT_CASE(locking_spin_trylock),
	KUNIT_CASE(locking_spin_lock_ticket_wrap),
	KUNIT_CASE(locking_spin_lock_preempt_count),
	KUNIT_CASE(locking_spin_lock_irqsave_irqs),
	KUNIT_CASE(locking_mutex_counter),
	KUNIT_CASE(locking_mutex_trylock),
	KUNIT_CASE(locking_mutex_fifo_handoff),
	KUNIT_CASE(locking_mutex_interrupted_waiter),
	KUNIT_CASE(locking_atomic_inc_threads),
	KUNIT_CASE(locking_atomic_ops),
	KUNIT_CASE(locking_smp_mb_store_load),
	{}
};

static struct kunit_suite locking_suite = {
	.name = "locking",
	.test_cases = locking_cases,
};

kunit_test_suites(&locking_suite);
