// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scheduler: one run queue shared by every active CPU, FIFO round
 * robin with a time slice, and kernel preemption on the tick and on
 * wake-ups from interrupts. Tasks not running are either on the run queue
 * (on_rq) or asleep somewhere (a wait queue, a timer, a mutex); a running
 * task has on_cpu set, and task_cpu() says where.
 *
 * rq.lock (taken with interrupts off: wake-ups come from IRQs) guards the
 * queue, on_rq, on_cpu and every CPU's curr_task. __schedule() takes it
 * and the next task releases it in finish_task_switch(), after the switch:
 * so a task put back on the queue by the CPU leaving it cannot be picked
 * by another CPU before its registers are saved, and a dead task's stack
 * is freed only once no CPU runs on it.
 *
 * A CPU picks the first queued task whose cpus_mask allows it. A wake-up
 * (or a task queued on a CPU its mask forbids) asks an idle CPU that may
 * run it to reschedule, by IPI; idle CPUs also look at the queue on their
 * tick. Tasks themselves are made, counted and freed in kernel/pid.c.
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

static struct {
	spinlock_t lock;
	struct list_head queue;
} rq = {
	.lock = __SPIN_LOCK_UNLOCKED(rq.lock),
	.queue = LIST_HEAD_INIT(rq.queue),
};

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
	cpumask_set_cpu(cpu, &idle->cpus_mask);
	idle->on_cpu = 1;
	idle->cpu = cpu;
	per_cpu(cpu_infos, cpu).idle = idle;
	per_cpu(cpu_infos, cpu).curr_task = idle;
}

void __init sched_init(void)
{
	init_idle(&idle_task, smp_processor_id());
	task_list_add(&idle_task);
}

static bool is_idle_task(struct task_struct *p)
{
	return p->flags & PF_IDLE;
}

/*
 * Ask a CPU to come and run @p, queued: an idle CPU its mask allows (this
 * one first) not already asked, by IPI; else, from an interrupt, preempt
 * this CPU if @p may run here; else the tick will (the running tasks'
 * slices end, idle CPUs look at the queue). rq.lock held.
 */
static void resched_for(struct task_struct *p)
{
	unsigned int self = smp_processor_id(), cpu;

	if (cpumask_test_cpu(self, &p->cpus_mask) && current == this_cpu()->idle &&
	    !this_cpu()->need_resched) {
		this_cpu()->need_resched = 1;
		return;
	}
	for_each_cpu(cpu, &p->cpus_mask) {
		struct cpu_info *ci = &per_cpu(cpu_infos, cpu);

		if (cpu != self && cpu_active(cpu) && ci->curr_task == ci->idle &&
		    !READ_ONCE(ci->need_resched)) {
			WRITE_ONCE(ci->need_resched, 1);
			smp_send_reschedule(cpu);
			return;
		}
	}
	if (in_irq() && cpumask_test_cpu(self, &p->cpus_mask))
		this_cpu()->need_resched = 1;
}

static void enqueue(struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq.queue);
	p->on_rq = true;
}

/* The first queued task @cpu may run, taken off the queue; else its idle task. */
static struct task_struct *pick_next(unsigned int cpu)
{
	struct task_struct *p;

	list_for_each_entry(p, &rq.queue, run_list) {
		if (cpumask_test_cpu(cpu, &p->cpus_mask)) {
			list_del_init(&p->run_list);
			p->on_rq = false;
			return p;
		}
	}
	return this_cpu()->idle;
}

/*
 * Finish a switch in the new task: drop the run-queue lock, and the
 * scheduler's reference to a dead task, whose stack is no longer in use:
 * to wait_task_dead()'s caller if one waits, else here (freeing it if it
 * was the last). The reference is dropped under rq.lock, where
 * wait_task_dead() looks, so that once it finds the task switched away,
 * only references others hold keep it.
 */
static void finish_task_switch(struct task_struct *prev)
{
	bool dead = READ_ONCE(prev->__state) == TASK_DEAD, last = false;
	struct completion *done = NULL;

	if (dead) {
		done = prev->dead_done;
		if (!done)
			last = atomic_dec_and_test(&prev->usage);
	}
	do_raw_spin_unlock(&rq.lock);
	if (done)
		complete(done);
	else if (last)
		__put_task_struct(prev);
}

void wait_task_dead(struct task_struct *p)
{
	DECLARE_COMPLETION(done);
	unsigned long flags;
	bool gone;

	local_irq_save(flags);
	do_raw_spin_lock(&rq.lock);
	gone = READ_ONCE(p->__state) == TASK_DEAD && !p->on_cpu;
	if (!gone)
		p->dead_done = &done;
	do_raw_spin_unlock(&rq.lock);
	local_irq_restore(flags);
	if (!gone) {
		wait_for_completion(&done);
		put_task_struct(p);	/* the scheduler's, handed over: the caller holds another */
	}
}

/* Pick and switch; called with interrupts off and preemption disabled once. */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	unsigned int cpu = smp_processor_id();

	do_raw_spin_lock(&rq.lock);
	this_cpu()->need_resched = 0;
	if (!is_idle_task(prev) && !prev->on_rq &&
	    (preempt || READ_ONCE(prev->__state) == TASK_RUNNING)) {
		enqueue(prev);
		if (!cpumask_test_cpu(cpu, &prev->cpus_mask))
			resched_for(prev);	/* its mask no longer allows this CPU */
	}
	next = pick_next(cpu);
	if (next == prev) {
		do_raw_spin_unlock(&rq.lock);
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
	this_cpu()->curr_task = next;
	prev->on_cpu = 0;
	next->on_cpu = 1;
	next->cpu = cpu;
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
 * The sleeper sets its state before it tests its condition, the waker
 * changes the condition before it reads the state here, under rq.lock,
 * which the sleeper's schedule() takes too (Linux's try_to_wake_up()
 * ordering): either the waker sees the sleeping state, or the sleeper sees
 * the condition. A task still on a CPU (on_cpu: running, or being switched
 * out under rq.lock) only has its state set; __schedule() then keeps it.
 */
bool wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	bool woken = false;

	local_irq_save(flags);
	do_raw_spin_lock(&rq.lock);
	/* The waker's condition store before the state load (Linux's smp_mb__after_spinlock()). */
	smp_mb();
	if (READ_ONCE(p->__state) & state) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		woken = true;
		if (!p->on_rq && !p->on_cpu) {
			enqueue(p);
			/*
			 * A task woken by a task waits until a CPU is free or
			 * a slice ends, as under Linux's CFS for a woken task
			 * that is owed no CPU time: the waker goes on (kill()
			 * returns before its victim dies).
			 */
			resched_for(p);
		}
	}
	do_raw_spin_unlock(&rq.lock);
	local_irq_restore(flags);
	return woken;
}

bool wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

void wake_up_new_task(struct task_struct *p)
{
	wake_up_process(p);
	this_cpu()->need_resched = 1;
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

	if (!cpu_active(smp_processor_id()))
		return;
	calc_global_load_tick();
	if (is_idle_task(p)) {
		if (!list_empty(&rq.queue))
			this_cpu()->need_resched = 1;
		return;
	}
	if (p->it_cpu_expires_ns[0] | p->it_cpu_expires_ns[1])
		run_posix_cpu_timers(p);
	if (--p->time_slice <= 0 && !list_empty(&rq.queue))
		this_cpu()->need_resched = 1;
}

unsigned long nr_running(void)
{
	unsigned long flags, n = 0;
	struct task_struct *p;
	unsigned int cpu;

	local_irq_save(flags);
	do_raw_spin_lock(&rq.lock);
	list_for_each_entry(p, &rq.queue, run_list)
		n++;
	for_each_online_cpu(cpu)
		if (!is_idle_task(per_cpu(cpu_infos, cpu).curr_task))
			n++;
	do_raw_spin_unlock(&rq.lock);
	local_irq_restore(flags);
	return n;
}

int set_cpus_allowed_ptr(struct task_struct *p, const cpumask_t *mask)
{
	unsigned long flags;
	cpumask_t allowed;
	int cpu = -1;

	if (!cpumask_and(&allowed, mask, cpu_active_mask))
		return -EINVAL;
	local_irq_save(flags);
	do_raw_spin_lock(&rq.lock);
	p->cpus_mask = allowed;
	if (p->on_cpu && !cpumask_test_cpu(p->cpu, &allowed))
		cpu = p->cpu;
	else if (p->on_rq)
		resched_for(p);
	do_raw_spin_unlock(&rq.lock);
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

	p->exit_code = code;
	local_irq_disable();
	preempt_disable();
	WRITE_ONCE(p->__state, TASK_DEAD);
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
