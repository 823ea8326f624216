// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scheduler: one run queue, FIFO round robin with a time slice, and
 * kernel preemption on the timer tick and on wake-ups from interrupts.
 * Tasks not running are either on the run queue (on_rq) or asleep
 * somewhere (a wait queue, a timer, a mutex).
 * rq.lock is taken with interrupts off because wake-ups come from IRQs.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/ktime.h>
#include <linux/process.h>
#include <linux/pgtable.h>

#define SCHED_SLICE_TICKS 2

static struct {
	spinlock_t lock;
	struct list_head queue;
	struct task_struct *idle;
} rq = {
	.lock = __SPIN_LOCK_UNLOCKED(rq.lock),
	.queue = LIST_HEAD_INIT(rq.queue),
};

static LIST_HEAD(all_tasks);
static DEFINE_SPINLOCK(tasks_lock);
static atomic_t next_pid = ATOMIC_INIT(1);
static atomic_t task_count = ATOMIC_INIT(0);
static struct task_struct idle_task;

void __init sched_init(void)
{
	struct task_struct *idle = &idle_task;

	idle->__state = TASK_RUNNING;
	idle->flags = PF_KTHREAD | PF_IDLE;
	idle->pid = 0;
	strscpy(idle->comm, "swapper", sizeof(idle->comm));
	atomic_set(&idle->usage, 1);
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	list_add_tail(&idle->tasks, &all_tasks);
	atomic_inc(&task_count);
	rq.idle = idle;
	this_cpu()->idle = idle;
	this_cpu()->curr_task = idle;
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

	arch_spin_unlock(&rq.lock);
	if (dead)
		put_task_struct(prev);
}

/* Pick and switch; called with interrupts off and preemption disabled once. */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;

	arch_spin_lock(&rq.lock);
	this_cpu()->need_resched = 0;
	if (prev != rq.idle && !prev->on_rq &&
	    (preempt || READ_ONCE(prev->__state) == TASK_RUNNING))
		enqueue(prev);
	next = pick_next();
	if (next == prev) {
		arch_spin_unlock(&rq.lock);
		return;
	}
	if (preempt)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	next->time_slice = SCHED_SLICE_TICKS;
	{
		u64 now = ktime_get_ns();

		prev->sum_exec_ns += now - prev->exec_start_ns;
		next->exec_start_ns = now;
	}
	this_cpu()->ctxsw_count++;
	this_cpu()->curr_task = next;
#ifdef CONFIG_USER_SPACE
	arch_switch_to(prev, next);
	/* Kernel threads run on whatever tables are loaded (the kernel half is shared). */
	if (next->mm)
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
	arch_spin_lock(&rq.lock);
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
	arch_spin_unlock(&rq.lock);
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

void scheduler_tick(void)
{
	struct task_struct *p = current;

	if (p == rq.idle) {
		if (!list_empty(&rq.queue))
			this_cpu()->need_resched = 1;
		return;
	}
	if (--p->time_slice <= 0 && !list_empty(&rq.queue))
		this_cpu()->need_resched = 1;
}

struct task_struct *create_task(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);
	unsigned long flags;

	if (!p)
		return NULL;
	p->stack = vmalloc(THREAD_SIZE);
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	p->__state = TASK_UNINTERRUPTIBLE;	/* until the first wake-up */
	p->pid = atomic_inc_return(&next_pid) - 1;
	strscpy(p->comm, name, sizeof(p->comm));
	atomic_set(&p->usage, 1);
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	arch_setup_thread(p, (unsigned long)p->stack + THREAD_SIZE, fn, arg);
	spin_lock_irqsave(&tasks_lock, flags);
	list_add_tail(&p->tasks, &all_tasks);
	spin_unlock_irqrestore(&tasks_lock, flags);
	atomic_inc(&task_count);
	return p;
}

void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

void put_task_struct(struct task_struct *p)
{
	unsigned long flags;

	if (!atomic_dec_and_test(&p->usage))
		return;
	if (WARN_ON(p == current || p == rq.idle))
		return;
	spin_lock_irqsave(&tasks_lock, flags);
	list_del(&p->tasks);
	spin_unlock_irqrestore(&tasks_lock, flags);
	atomic_dec(&task_count);
	vfree(p->stack);
	kfree(p->kthread);
	kfree(p);
}

struct task_struct *find_get_task_by_pid(pid_t pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasks_lock, flags);
	list_for_each_entry(p, &all_tasks, tasks) {
		if (p->pid == pid && p != rq.idle) {
			get_task_struct(p);
			found = p;
			break;
		}
	}
	spin_unlock_irqrestore(&tasks_lock, flags);
	return found;
}

int for_each_process(int (*fn)(struct task_struct *p, void *data), void *data)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&tasks_lock, flags);
	list_for_each_entry(p, &all_tasks, tasks) {
		if (p->parent && p->exit_state != EXIT_DEAD) {
			ret = fn(p, data);
			if (ret)
				break;
		}
	}
	spin_unlock_irqrestore(&tasks_lock, flags);
	return ret;
}

int nr_tasks(void)
{
	return atomic_read(&task_count);
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
	u64 t = READ_ONCE(p->sum_exec_ns);

	if (p == current)
		t += ktime_get_ns() - p->exec_start_ns;
	return t;
}
