// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scheduler: a run queue per CPU, FIFO round robin with a time slice,
 * kernel preemption on the tick and on wake-ups from interrupts, and a
 * little balancing between the queues. Tasks not running are either on a
 * run queue (on_rq) or asleep somewhere (a wait queue, a timer, a mutex);
 * a running task has on_cpu set. task_cpu() (p->cpu) names the queue a
 * task is on, runs on, or last ran on.
 *
 * Locking. Each queue's lock (taken with interrupts off: wake-ups come
 * from IRQs) guards its list and count, its CPU's curr_task, and the on_rq
 * and on_cpu of the tasks whose p->cpu names it. p->cpu itself changes
 * only under both the old and the new queue's locks (double_rq_lock(),
 * lower CPU first), so task_rq_lock() finds a task's queue by reading
 * p->cpu, locking that queue and reading p->cpu again. __schedule() takes
 * its CPU's lock and the next task releases it in finish_task_switch(),
 * after the switch: so a task put back on the queue by the CPU leaving it
 * cannot be taken by another CPU before its registers are saved, and a
 * dead task's stack is freed only once no CPU runs on it.
 *
 * Where tasks go. A wake-up puts the task on the CPU it last ran on if
 * that CPU is idle, else on the least loaded CPU its mask allows (staying
 * put on a tie), and sends that CPU a reschedule IPI if it is idle; a new
 * task likewise, from its parent's CPU. A sync wake-up (WF_SYNC: the
 * waker sleeps soon) queues the task on the waker's CPU if nothing else
 * waits there. A CPU about to go idle pulls a queued task from the
 * busiest queue; an idle CPU's tick looks for queued tasks elsewhere, and
 * a busy CPU's tick pulls one from a queue at least two tasks longer than
 * its own. A task whose mask no longer allows its CPU is pushed to one
 * that it allows. Tasks themselves are made, counted and freed in
 * kernel/pid.c.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/ktime.h>
#include <linux/process.h>
#include <linux/posix-timers.h>
#include <linux/pgtable.h>
#include <linux/smp.h>
#include <linux/errno.h>
#include <linux/completion.h>

#define SCHED_SLICE_TICKS 2
/* A busy CPU's tick looks for a longer queue once in this many ticks. */
#define SCHED_BALANCE_TICKS 4

struct rq {
	spinlock_t lock;		/* taken with the do_raw_spin_*() forms */
	struct list_head queue;		/* tasks waiting for this CPU, FIFO */
	unsigned int nr_queued;		/* their number (read unlocked as a hint) */
	unsigned int cpu;
	int balance_tick;		/* ticks to the next busy balance */
	struct task_struct *push_task;	/* to move elsewhere after the switch */
} ____cacheline_aligned;

static DEFINE_PER_CPU(struct rq, runqueues);

#define cpu_rq(cpu) per_cpu_ptr(&runqueues, (cpu))

static struct task_struct idle_task;

void init_idle(struct task_struct *idle, unsigned int cpu)
{
	idle->__state = TASK_RUNNING;
	idle->flags = PF_KTHREAD | PF_IDLE;
	idle->pid = 0;
	if (cpu)
		snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
	else
		strscpy(idle->comm, "swapper", sizeof(idle->comm));
	atomic_set(&idle->usage, 1);
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	spin_lock_init(&idle->alloc_lock);
	cpumask_set_cpu(cpu, &idle->cpus_mask);
	idle->on_cpu = 1;
	idle->cpu = cpu;
	per_cpu(cpu_infos, cpu).idle = idle;
	per_cpu(cpu_infos, cpu).curr_task = idle;
}

void __init sched_init(void)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct rq *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		INIT_LIST_HEAD(&rq->queue);
		rq->cpu = cpu;
	}
	init_idle(&idle_task, smp_processor_id());
	task_list_add(&idle_task);
}

static bool is_idle_task(struct task_struct *p)
{
	return p->flags & PF_IDLE;
}

/* Tasks queued on or running on @cpu, its idle task not counted; unlocked, a hint. */
static unsigned int cpu_load(unsigned int cpu)
{
	struct cpu_info *ci = &per_cpu(cpu_infos, cpu);

	return READ_ONCE(cpu_rq(cpu)->nr_queued) + (READ_ONCE(ci->curr_task) != ci->idle);
}

static bool may_run_on(struct task_struct *p, unsigned int cpu)
{
	return cpumask_test_cpu(cpu, &p->cpus_mask) && cpu_active(cpu);
}

/*
 * Lock @p's run queue, interrupts already off. Returns it; p->cpu stays
 * until the lock is dropped.
 */
static struct rq *task_rq_lock(struct task_struct *p)
{
	for (;;) {
		struct rq *rq = cpu_rq(READ_ONCE(p->cpu));

		do_raw_spin_lock(&rq->lock);
		if (likely(rq->cpu == READ_ONCE(p->cpu)))
			return rq;
		do_raw_spin_unlock(&rq->lock);
	}
}

/* Lock two queues (or one, if the same), lower CPU first; interrupts off. */
static void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a == b) {
		do_raw_spin_lock(&a->lock);
	} else if (a->cpu < b->cpu) {
		do_raw_spin_lock(&a->lock);
		do_raw_spin_lock(&b->lock);
	} else {
		do_raw_spin_lock(&b->lock);
		do_raw_spin_lock(&a->lock);
	}
}

static void double_rq_unlock(struct rq *a, struct rq *b)
{
	if (a != b)
		do_raw_spin_unlock(&b->lock);
	do_raw_spin_unlock(&a->lock);
}

/*
 * Holding @this locked, lock @busiest too. Returns true if @this was
 * dropped on the way (to keep the lock order): what it guards may have
 * changed and the caller must look again.
 */
static bool double_lock_balance(struct rq *this, struct rq *busiest)
{
	if (do_raw_spin_trylock(&busiest->lock))
		return false;
	if (busiest->cpu > this->cpu) {
		do_raw_spin_lock(&busiest->lock);
		return false;
	}
	do_raw_spin_unlock(&this->lock);
	double_rq_lock(this, busiest);
	return true;
}

static void enqueue(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
	WRITE_ONCE(rq->nr_queued, rq->nr_queued + 1);
	p->on_rq = true;
}

static void dequeue(struct rq *rq, struct task_struct *p)
{
	list_del_init(&p->run_list);
	WRITE_ONCE(rq->nr_queued, rq->nr_queued - 1);
	p->on_rq = false;
}

/* Move queued @p from @src to @dst, both locked. */
static void move_queued_task(struct rq *src, struct rq *dst, struct task_struct *p)
{
	dequeue(src, p);
	WRITE_ONCE(p->cpu, dst->cpu);
	enqueue(dst, p);
}

/*
 * Where @p should wait for a CPU: with WF_SYNC, the waker's CPU if the
 * waker runs alone there; else its last CPU if idle; else the least
 * loaded CPU it may run on, its last one on a tie (a new task's is its
 * parent's).
 * Unlocked reads: a hint the caller checks under the locks.
 */
static unsigned int select_task_rq(struct task_struct *p, int wake_flags)
{
	unsigned int prev = READ_ONCE(p->cpu), self = smp_processor_id(), cpu, best = prev;
	bool prev_ok = may_run_on(p, prev);
	unsigned int best_load = UINT_MAX;

	if ((wake_flags & WF_SYNC) && !in_irq() && !READ_ONCE(cpu_rq(self)->nr_queued) &&
	    may_run_on(p, self))
		return self;
	if (prev_ok && cpu_load(prev) == 0)
		return prev;
	for_each_cpu(cpu, &p->cpus_mask) {
		unsigned int load;

		if (!cpu_active(cpu))
			continue;
		load = cpu_load(cpu);
		if (load < best_load) {
			best = cpu;
			best_load = load;
			if (!load)
				break;
		}
	}
	if (prev_ok && cpu_load(prev) <= best_load)
		return prev;
	return best;
}

/*
 * Get @rq's CPU to run @p, just queued there: an idle CPU by IPI (or, this
 * CPU, at once); this CPU from an interrupt, to preempt on its return;
 * else a CPU's task runs to the end of its slice, as under Linux's CFS for
 * a woken task owed no CPU time (kill() returns before its victim dies).
 * @rq locked.
 */
static void resched_rq(struct rq *rq)
{
	struct cpu_info *ci = &per_cpu(cpu_infos, rq->cpu);

	if (rq->cpu == smp_processor_id()) {
		if (ci->curr_task == ci->idle || in_irq())
			ci->need_resched = 1;
	} else if (ci->curr_task == ci->idle && !READ_ONCE(ci->need_resched)) {
		WRITE_ONCE(ci->need_resched, 1);
		smp_send_reschedule(rq->cpu);
	}
}

/*
 * The busiest other active CPU with tasks queued, more loaded than
 * @self by two tasks or more (by one or more if @self is about to idle);
 * NULL if none. Unlocked reads: a hint.
 */
static struct rq *find_busiest(unsigned int self, bool idle)
{
	unsigned int cpu, max = idle ? 0 : cpu_load(self) + 1;
	struct rq *busiest = NULL;

	for_each_cpu(cpu, cpu_active_mask) {
		unsigned int load;

		if (cpu == self || !READ_ONCE(cpu_rq(cpu)->nr_queued))
			continue;
		load = cpu_load(cpu);
		if (load > max) {
			max = load;
			busiest = cpu_rq(cpu);
		}
	}
	return busiest;
}

/*
 * Move to @this the queued task of @busiest that has waited least and may
 * run on @this's CPU (as Linux takes from the tail). Both locked.
 * Returns whether one moved.
 */
static bool pull_one(struct rq *this, struct rq *busiest)
{
	struct task_struct *p;

	list_for_each_entry_reverse(p, &busiest->queue, run_list) {
		if (!p->on_cpu && cpumask_test_cpu(this->cpu, &p->cpus_mask)) {
			move_queued_task(busiest, this, p);
			return true;
		}
	}
	return false;
}

/*
 * This CPU (@rq locked) has nothing queued and its task stops: pull one
 * from the busiest queue. @rq's lock may be dropped and retaken on the
 * way (the caller looks at its task again).
 */
static void idle_balance(struct rq *rq)
{
	struct rq *busiest;

	if (!cpu_active(rq->cpu))
		return;		/* not yet running tasks */
	busiest = find_busiest(rq->cpu, true);
	if (!busiest)
		return;
	double_lock_balance(rq, busiest);
	if (!rq->nr_queued)
		pull_one(rq, busiest);
	do_raw_spin_unlock(&busiest->lock);
}

/* A busy CPU's tick: even out with a queue two or more tasks longer. Interrupts off. */
static void busy_balance(struct rq *rq)
{
	struct rq *busiest = find_busiest(rq->cpu, false);

	if (!busiest)
		return;
	double_rq_lock(rq, busiest);
	pull_one(rq, busiest);
	double_rq_unlock(rq, busiest);
}

/*
 * Queue @p, switched out by this CPU though runnable, on a CPU its mask
 * allows (it no longer allows this one); interrupts off, no lock held.
 * A wake-up may have queued it meanwhile (it was preempted on its way to
 * sleep), and it may even have run and ended: then nothing is left to do.
 * Drops the reference __schedule() took for it.
 */
static void push_task(struct task_struct *p)
{
	for (;;) {
		struct rq *src = cpu_rq(READ_ONCE(p->cpu));
		struct rq *dst = cpu_rq(select_task_rq(p, 0));
		bool done = false;

		double_rq_lock(src, dst);
		if (src->cpu == READ_ONCE(p->cpu) && may_run_on(p, dst->cpu)) {
			if (!p->on_rq && !p->on_cpu && READ_ONCE(p->__state) != TASK_DEAD) {
				WRITE_ONCE(p->cpu, dst->cpu);
				enqueue(dst, p);
				resched_rq(dst);
			}
			done = true;
		}
		double_rq_unlock(src, dst);
		if (done)
			break;
	}
	put_task_struct(p);
}

/*
 * Finish a switch in the new task: drop the run-queue lock, and the
 * scheduler's reference to a dead task, whose stack is no longer in use:
 * to wait_task_dead()'s caller if one waits, else here (freeing it if it
 * was the last). The reference is dropped under the queue's lock, where
 * wait_task_dead() looks, so that once it finds the task switched away,
 * only references others hold keep it. A task to push elsewhere is
 * pushed now that its registers are saved.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = cpu_rq(smp_processor_id());
	bool dead = READ_ONCE(prev->__state) == TASK_DEAD, last = false;
	struct task_struct *push = rq->push_task;
	struct completion *done = NULL;

	if (dead) {
		done = prev->dead_done;
		if (!done)
			last = atomic_dec_and_test(&prev->usage);
	}
	rq->push_task = NULL;
	do_raw_spin_unlock(&rq->lock);
	if (push)
		push_task(push);
	if (done)
		complete(done);
	else if (last)
		__put_task_struct(prev);
}

void wait_task_dead(struct task_struct *p)
{
	DECLARE_COMPLETION(done);
	unsigned long flags;
	struct rq *rq;
	bool gone;

	local_irq_save(flags);
	rq = task_rq_lock(p);
	gone = READ_ONCE(p->__state) == TASK_DEAD && !p->on_cpu;
	if (!gone)
		p->dead_done = &done;
	do_raw_spin_unlock(&rq->lock);
	local_irq_restore(flags);
	if (!gone) {
		wait_for_completion(&done);
		put_task_struct(p);	/* the scheduler's, handed over: the caller holds another */
	}
}

/* Whether @prev, switched out, still wants a CPU (the idle task never queues). */
static bool prev_runnable(struct task_struct *prev, bool preempt)
{
	return !is_idle_task(prev) && !prev->on_rq &&
	       (preempt || READ_ONCE(prev->__state) == TASK_RUNNING);
}

/* Pick and switch; called with interrupts off and preemption disabled once. */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	unsigned int cpu = smp_processor_id();
	struct rq *rq = cpu_rq(cpu);

	do_raw_spin_lock(&rq->lock);
	this_cpu()->need_resched = 0;
	if (!rq->nr_queued && !(prev_runnable(prev, preempt) &&
				cpumask_test_cpu(cpu, &prev->cpus_mask)))
		idle_balance(rq);
	if (prev_runnable(prev, preempt)) {
		if (cpumask_test_cpu(cpu, &prev->cpus_mask)) {
			enqueue(rq, prev);
		} else {
			get_task_struct(prev);	/* push_task()'s: a waker may run it meanwhile */
			rq->push_task = prev;	/* its mask no longer allows this CPU */
		}
	}
	if (rq->nr_queued) {
		next = list_first_entry(&rq->queue, struct task_struct, run_list);
		dequeue(rq, next);
	} else {
		next = this_cpu()->idle;
	}
	if (next == prev) {
		do_raw_spin_unlock(&rq->lock);
		return;
	}
	if (preempt)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	next->time_slice = SCHED_SLICE_TICKS;
	{
		u64 now = ktime_get_ns(), delta = now - prev->exec_start_ns;

		prev->sum_exec_ns += delta;
		if ((prev->flags & PF_KTHREAD) && !is_idle_task(prev))
			account_system_time(prev, delta);
		next->exec_start_ns = now;
	}
	this_cpu()->ctxsw_count++;
	WRITE_ONCE(this_cpu()->curr_task, next);
	prev->on_cpu = 0;
	next->on_cpu = 1;
#ifdef CONFIG_USER_SPACE
	arch_switch_to(prev, next);
	/*
	 * Kernel threads load the kernel's tables: a CPU must not keep an
	 * address space loaded that another CPU may free meanwhile (Linux's
	 * lazy TLB mode would hold a reference on it instead).
	 */
	switch_mm_irqs_off(next->mm);
#endif
	prev = __switch_to_asm(prev, next);
	finish_task_switch(prev);
}

void schedule(void)
{
	unsigned long flags;

	if (unlikely(preempt_count() || in_irq())) {
		pr_err("BUG: scheduling while atomic: %s/%d, preempt_count %d\n",
		       current->comm, current->pid, preempt_count());
		dump_stack();
	}
	local_irq_save(flags);
	preempt_disable();
	__schedule(false);
	preempt_enable_no_resched();
	local_irq_restore(flags);
}

void preempt_schedule(void)
{
	unsigned long flags;

	if (in_irq() || irqs_disabled())
		return;
	local_irq_save(flags);
	preempt_disable();
	do {
		__schedule(true);
	} while (READ_ONCE(this_cpu()->need_resched));
	preempt_enable_no_resched();
	local_irq_restore(flags);
}

void preempt_schedule_irq(void)
{
	preempt_disable();
	do {
		__schedule(true);
	} while (READ_ONCE(this_cpu()->need_resched));
	preempt_enable_no_resched();
}

/* A new task's first code: what __schedule() would have done after the switch. */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable_no_resched();
	local_irq_enable();
}

/*
 * Wake @p if its state is in @state: set it running, and queue it if it
 * is neither queued nor on a CPU, on the CPU select_task_rq() names (the
 * old and the new queue locked together, as p->cpu changes). The sleeper
 * sets its state before it tests its condition, the waker changes the
 * condition before it reads the state here, under the lock of the
 * sleeper's queue, which the sleeper's schedule() takes too (Linux's
 * try_to_wake_up() ordering): either the waker sees the sleeping state,
 * or the sleeper sees the condition. A task still on a CPU (on_cpu:
 * running, or being switched out under its queue's lock) only has its
 * state set; __schedule() then keeps it. Sets *@queued_on to the CPU it
 * queued @p on, if it did.
 */
static bool ttwu(struct task_struct *p, unsigned int state, int wake_flags, int *queued_on)
{
	unsigned long flags;
	bool woken = false;

	local_irq_save(flags);
	for (;;) {
		struct rq *rq = task_rq_lock(p), *dst;

		/* The waker's condition store before the state load (Linux's smp_mb__after_spinlock()). */
		smp_mb();
		if (!(READ_ONCE(p->__state) & state)) {
			do_raw_spin_unlock(&rq->lock);
			break;
		}
		woken = true;
		if (p->on_rq || p->on_cpu) {
			WRITE_ONCE(p->__state, TASK_RUNNING);
			do_raw_spin_unlock(&rq->lock);
			break;
		}
		dst = cpu_rq(select_task_rq(p, wake_flags));
		/* If rq was dropped to lock dst, another waker may have come: look again. */
		if (dst == rq || !double_lock_balance(rq, dst) ||
		    (READ_ONCE(p->cpu) == rq->cpu && (READ_ONCE(p->__state) & state) &&
		     !p->on_rq && !p->on_cpu && may_run_on(p, dst->cpu))) {
			WRITE_ONCE(p->__state, TASK_RUNNING);
			WRITE_ONCE(p->cpu, dst->cpu);
			enqueue(dst, p);
			resched_rq(dst);
			*queued_on = dst->cpu;
			WRITE_ONCE(p->wake_cpu, dst->cpu);
			double_rq_unlock(rq, dst);
			break;
		}
		double_rq_unlock(rq, dst);
		woken = false;
	}
	local_irq_restore(flags);
	return woken;
}

bool try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	int cpu;

	return ttwu(p, state, wake_flags, &cpu);
}

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state, 0);
}

bool wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

/* A new task goes to the least loaded CPU, its parent's on a tie; on this one, it runs first. */
void wake_up_new_task(struct task_struct *p)
{
	int cpu = -1;

	/*
	 * The CPU it was queued on, not p->cpu read afterwards: a new thread
	 * (no parent's reference) may have run, ended and been freed by then.
	 */
	preempt_disable();
	ttwu(p, TASK_NORMAL, 0, &cpu);
	if (cpu == smp_processor_id())
		this_cpu()->need_resched = 1;
	preempt_enable_no_resched();
}

void yield(void)
{
	this_cpu()->need_resched = 1;
	schedule();
}

void scheduler_ipi(void)
{
	this_cpu()->resched_ipi_count++;
	this_cpu()->need_resched = 1;
}

void scheduler_tick(void)
{
	struct task_struct *p = current;
	unsigned int cpu = smp_processor_id();
	struct rq *rq = cpu_rq(cpu);

	if (!cpu_active(cpu))
		return;
	calc_global_load_tick();
	if (is_idle_task(p)) {
		if (READ_ONCE(rq->nr_queued) || find_busiest(cpu, true))
			this_cpu()->need_resched = 1;
		return;
	}
	if (p->it_cpu_expires_ns[0] | p->it_cpu_expires_ns[1])
		run_posix_cpu_timers(p);
	if (--rq->balance_tick <= 0) {
		rq->balance_tick = SCHED_BALANCE_TICKS;
		busy_balance(rq);
	}
	if (--p->time_slice <= 0 && READ_ONCE(rq->nr_queued))
		this_cpu()->need_resched = 1;
}

unsigned long nr_running(void)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		n += cpu_load(cpu);
	return n;
}

int set_cpus_allowed_ptr(struct task_struct *p, const cpumask_t *mask)
{
	unsigned long flags;
	cpumask_t allowed;
	struct rq *rq;
	int cpu = -1;

	if (!cpumask_and(&allowed, mask, cpu_active_mask))
		return -EINVAL;
	local_irq_save(flags);
	rq = task_rq_lock(p);
	p->cpus_mask = allowed;
	/* Queued where it may no longer run: move it (a balance may beat us to it). */
	while (p->on_rq && !cpumask_test_cpu(rq->cpu, &p->cpus_mask)) {
		struct rq *dst = cpu_rq(select_task_rq(p, 0));

		if (!double_lock_balance(rq, dst)) {
			move_queued_task(rq, dst, p);
			resched_rq(dst);
			do_raw_spin_unlock(&dst->lock);
			break;
		}
		double_rq_unlock(rq, dst);
		rq = task_rq_lock(p);
	}
	/* Running there: its CPU pushes it away at its next switch. */
	if (p->on_cpu && !cpumask_test_cpu(rq->cpu, &p->cpus_mask))
		cpu = rq->cpu;
	do_raw_spin_unlock(&rq->lock);
	if (cpu == (int)smp_processor_id())
		this_cpu()->need_resched = 1;
	else if (cpu >= 0)
		smp_send_reschedule(cpu);
	local_irq_restore(flags);
	/* Moving the caller: leave this CPU now (the next preemption point would too). */
	if (p == current && cpu >= 0 && !preempt_count())
		schedule();
	return 0;
}

#ifdef CONFIG_USER_SPACE
/*
 * A CPU joins mm_cpumask() before it loads the tables and leaves it after
 * loading others (which drops the old translations where the TLB is not
 * flushed by broadcast: mm/tlbflush.c).
 */
void switch_mm_irqs_off(struct mm_struct *next)
{
	struct mm_struct *prev = this_cpu()->loaded_mm;
	unsigned int cpu = smp_processor_id();

	if (prev == next)
		return;
	if (next) {
		cpumask_set_cpu(cpu, mm_cpumask(next));
		smp_mb();	/* the bit before the walks: pairs with flush_tlb_mm_range() */
	}
	switch_mm(next);
	if (prev)
		cpumask_clear_cpu(cpu, mm_cpumask(prev));
	this_cpu()->loaded_mm = next;
}
#endif

void do_task_dead(int code)
{
	struct task_struct *p = current;
	struct rq *rq;

	p->exit_code = code;
	local_irq_disable();
	preempt_disable();
	/*
	 * Under the queue's lock, where a waker reads the state and sets it
	 * running (Linux's set_special_state()): a waker that saw an earlier
	 * sleeping state must not turn TASK_DEAD back into TASK_RUNNING.
	 */
	rq = cpu_rq(smp_processor_id());
	do_raw_spin_lock(&rq->lock);
	WRITE_ONCE(p->__state, TASK_DEAD);
	do_raw_spin_unlock(&rq->lock);
	__schedule(false);
	BUG();	/* a dead task is never scheduled again */
}

void cpu_idle_loop(void)
{
	for (;;) {
		local_irq_disable();
		if (!READ_ONCE(this_cpu()->need_resched))
			arch_cpu_idle();	/* enables interrupts and halts, atomically */
		local_irq_enable();
		schedule();
	}
}

u64 task_cpu_time_ns(struct task_struct *p)
{
	u64 t;

	/*
	 * A switch between reading sum_exec_ns and exec_start_ns would pair
	 * the sum before it with the start after it and lose the slice run
	 * between (the caller's user time, charged as system time).
	 */
	preempt_disable();
	t = READ_ONCE(p->sum_exec_ns);
	if (READ_ONCE(p->on_cpu))
		t += ktime_get_ns() - p->exec_start_ns;
	preempt_enable();
	return t;
}
