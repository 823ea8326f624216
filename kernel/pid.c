// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tasks and pids: allocating a task_struct with its kernel stack
 * (create_task(); the stack comes from task_stack.c's per-CPU cache or
 * vmalloc()), the reference count that frees them, the list of all
 * tasks, and finding a task by pid. Pids count up from 1 and are not
 * reused; the idle task is pid 0. The scheduler (sched/core.c) only queues
 * and switches the tasks made here. The locks are taken with interrupts
 * off, so lookups work from any context.
 *
 * Every task is also in a hash table of PIDHASH_SIZE buckets, by pid, so a
 * lookup walks one bucket, not every task. The buckets have locks of their
 * own (PIDHASH_LOCKS, bucket b's is b's low bits), apart from the list's
 * tasks_lock: a lookup (wait4(), kill(), /proc) then contends only with a
 * task made or freed in a bucket of the same lock, not with every fork and
 * exit on every CPU (tasks_lock was the most contended lock of fork_exit
 * at 4 CPUs, Documentation/dev-tools/bench.rst). A bucket lock is a leaf:
 * nothing is taken under it, so it is taken unchecked (do_raw_spin_lock()).
 * Pids are
 * handed out in sequence, so pid & (PIDHASH_SIZE - 1) spreads them evenly,
 * about nr_tasks() / PIDHASH_SIZE tasks per bucket: 4,096 buckets (32 KiB
 * on 64-bit, as Linux's pid hash had at most) keep 16,000 tasks at about 4
 * per bucket.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/cred.h>
#include <linux/list.h>
#include <linux/process.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sched/task_stack.h>

#define PIDHASH_BITS 12
#define PIDHASH_SIZE (1 << PIDHASH_BITS)
#define PIDHASH_LOCKS 64	/* a power of two, at most PIDHASH_SIZE */

static LIST_HEAD(all_tasks);
static struct hlist_head pid_hash[PIDHASH_SIZE];
static raw_spinlock_t pid_hash_locks[PIDHASH_LOCKS] = {
	[0 ... PIDHASH_LOCKS - 1] = __SPIN_LOCK_UNLOCKED(pid_hash_locks),
};
static DEFINE_SPINLOCK(tasks_lock);
static atomic_t next_pid = ATOMIC_INIT(1);
static atomic_t task_count = ATOMIC_INIT(0);

static struct hlist_head *pid_bucket(pid_t pid)
{
	return &pid_hash[pid & (PIDHASH_SIZE - 1)];
}

/* The lock of @pid's bucket; interrupts must be off while it is held. */
static raw_spinlock_t *pid_lock(pid_t pid)
{
	return &pid_hash_locks[pid & (PIDHASH_LOCKS - 1)];
}

static void hash_task(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	do_raw_spin_lock(pid_lock(p->pid));
	hlist_add_head(&p->pid_chain, pid_bucket(p->pid));
	do_raw_spin_unlock(pid_lock(p->pid));
	local_irq_restore(flags);
}

void task_list_add(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasks_lock, flags);
	list_add_tail(&p->tasks, &all_tasks);
	spin_unlock_irqrestore(&tasks_lock, flags);
	hash_task(p);
	atomic_inc(&task_count);
}

struct task_struct *create_task(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = alloc_thread_stack();
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
	INIT_LIST_HEAD(&p->thread_node);
	spin_lock_init(&p->alloc_lock);
	p->group_leader = p;
	p->cpus_mask = *cpu_active_mask;
	p->cpu = smp_processor_id();	/* which queue lock guards it until its first wake-up */
	p->cred = get_cred(&init_cred);
	arch_setup_thread(p, (unsigned long)p->stack + THREAD_SIZE, fn, arg);
	task_list_add(p);
	return p;
}

void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

void put_task_struct(struct task_struct *p)
{
	if (atomic_dec_and_test(&p->usage))
		__put_task_struct(p);
}

void __put_task_struct(struct task_struct *p)
{
	unsigned long flags;

	if (WARN_ON(p == current || (p->flags & PF_IDLE)))
		return;
	local_irq_save(flags);
	do_raw_spin_lock(pid_lock(p->pid));
	hlist_del_init(&p->pid_chain);
	do_raw_spin_unlock(pid_lock(p->pid));
	local_irq_restore(flags);
	spin_lock_irqsave(&tasks_lock, flags);
	list_del(&p->tasks);
	spin_unlock_irqrestore(&tasks_lock, flags);
	atomic_dec(&task_count);
	exit_creds(p);
	put_signal_struct(p);
	free_thread_stack(p->stack);
	kfree(p->kthread);
	kfree(p);
}

struct task_struct *find_get_task_by_pid(pid_t pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	if (pid <= 0)
		return NULL;
	local_irq_save(flags);
	do_raw_spin_lock(pid_lock(pid));
	hlist_for_each_entry(p, pid_bucket(pid), pid_chain) {
		/*
		 * A task whose last reference is gone stays hashed until
		 * __put_task_struct() takes this lock: it is being freed, and
		 * a reference taken now would free it a second time.
		 */
		if (p->pid == pid) {
			if (atomic_inc_not_zero(&p->usage))
				found = p;
			break;
		}
	}
	do_raw_spin_unlock(pid_lock(pid));
	local_irq_restore(flags);
	return found;
}

int iterate_processes(int (*fn)(struct task_struct *p, void *data), void *data)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&tasks_lock, flags);
	list_for_each_entry(p, &all_tasks, tasks) {
		if (p->parent && p->exit_state != EXIT_DEAD && thread_group_leader(p)) {
			ret = fn(p, data);
			if (ret)
				break;
		}
	}
	spin_unlock_irqrestore(&tasks_lock, flags);
	return ret;
}

void exchange_tids(struct task_struct *a, struct task_struct *b)
{
	raw_spinlock_t *la = pid_lock(a->pid), *lb = pid_lock(b->pid);
	unsigned long flags;
	pid_t pid = a->pid;

	/* Both buckets' locks, the lower first: a lookup of either pid never misses. */
	if (la > lb) {
		raw_spinlock_t *t = la;

		la = lb;
		lb = t;
	}
	local_irq_save(flags);
	do_raw_spin_lock(la);
	if (lb != la)
		do_raw_spin_lock(lb);
	hlist_del_init(&a->pid_chain);
	hlist_del_init(&b->pid_chain);
	a->pid = b->pid;
	b->pid = pid;
	hlist_add_head(&a->pid_chain, pid_bucket(a->pid));
	hlist_add_head(&b->pid_chain, pid_bucket(b->pid));
	if (lb != la)
		do_raw_spin_unlock(lb);
	do_raw_spin_unlock(la);
	local_irq_restore(flags);
}

int nr_tasks(void)
{
	return atomic_read(&task_count);
}

pid_t last_pid(void)
{
	return atomic_read(&next_pid) - 1;
}
