// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scheduler: one run queue, FIFO round robin with a time slice, and
 * kernel preemption on the timer tick and on wake-ups from interrupts.
 * Tasks not running are either on the run queue (on_rq) or asleep
 * somewhere (a wait queue, a timer, a mutex).
 * rq.lock is taken with interrupts off because wake-ups come from IRQs.
 * Tasks themselves are made, counted and freed in kernel/pid.c.
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

#define SCHED_SLICE_TICKS 2

static struct {
	spinlock_t lock;
	struct list_head queue;
	struct task_struct *idle;
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
	per_cpu(cpu_infos, cpu).idle = idle;
	per_cpu(cpu_infos, cpu).curr_task = idle;
}

void __init sched_init(void)
{
	init_idle(&idle_task, smp_processor_id());
	task_list_add(&idle_task);
	rq.idle = &idle_task;
}

static void enqueue(struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq.queue);
	p->on_rq = true;
}

static struct task_struct *pick_next(void)
{
	struct task_struct *p = list_first_entry_or_null(&rq.queue, struct task_struct, run_list);

	if (!p)
		return rq.idle;
	list_del_init(&p->run_list);
	p->on_rq = false;
	return p;
}

/* Finish a switch in the new task: drop the run-queue lock, reap the dead. */
static void finish_task_switch(struct task_struct *prev)
{
	bool dead = READ_ONCE(prev->__state) == TASK_DEAD;

	do_raw_spin_unlock(&rq.lock);
	if (dead)
		put_task_struct(prev);
}

/* Pick and switch; called with interrupts off and preemption disabled once. */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;

	do_raw_spin_lock(&rq.lock);
	this_cpu()->need_resched = 0;
	if (prev != rq.idle && !prev->on_rq &&
	    (preempt || READ_ONCE(prev->__state) == TASK_RUNNING))
		enqueue(prev);
	next = pick_next();
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
		if ((prev->flags & PF_KTHREAD) && prev != rq.idle)
			account_system_time(prev, delta);
		next->exec_start_ns = now;
	}
	this_cpu()->ctxsw_count++;
	this_cpu()->curr_task = next;
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

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	bool woken = false;

	local_irq_save(flags);
	do_raw_spin_lock(&rq.lock);
	if (READ_ONCE(p->__state) & state) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		woken = true;
		if (!p->on_rq && p != current && p != rq.idle)
			enqueue(p);
		/*
		 * A task woken by another task waits until the waker blocks
		 * or its slice ends, as under Linux's CFS for a woken task
		 * that is owed no CPU time: the waker goes on (kill()
		 * returns before its victim dies). Wake-ups from interrupts,
		 * or of an idle CPU, run the woken task at once; so does a
		 * new task (wake_up_new_task()).
		 */
		if (p != current && (in_irq() || current == rq.idle))
			this_cpu()->need_resched = 1;
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
	this_cpu()->need_resched = 1;
}

void scheduler_tick(void)
{
	struct task_struct *p = current;

	if (!cpu_active(smp_processor_id()))
		return;
	calc_global_load_tick();
	if (p == rq.idle) {
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

	local_irq_save(flags);
	do_raw_spin_lock(&rq.lock);
	list_for_each_entry(p, &rq.queue, run_list)
		n++;
	do_raw_spin_unlock(&rq.lock);
	local_irq_restore(flags);
	return n + (current != rq.idle);
}

#ifdef CONFIG_USER_SPACE
void switch_mm_irqs_off(struct mm_struct *next)
{
	if (this_cpu()->loaded_mm != next) {
		switch_mm(next);
		this_cpu()->loaded_mm = next;
	}
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
	if (p == current)
		t += ktime_get_ns() - p->exec_start_ns;
	preempt_enable();
	return t;
}
