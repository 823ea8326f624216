// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mutexes (see linux/mutex.h). The owner field says who holds the lock; a
 * contended locker queues a waiter and sleeps; unlock passes ownership
 * straight to the first waiter, so no one can barge in ahead of it.
 */
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/kernel.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
}

bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

int mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	int ok = 0;

	spin_lock_irqsave(&lock->wait_lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		ok = 1;
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	return ok;
}

static int __mutex_lock(struct mutex *lock, long state)
{
	struct mutex_waiter waiter = { .task = current };
	unsigned long flags;

	WARN_ON_ONCE(in_atomic());
	spin_lock_irqsave(&lock->wait_lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		return 0;
	}
	if (WARN_ON(lock->owner == current))
		pr_err("mutex %p: recursive lock by %s\n", lock, current->comm);
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		set_current_state(state);
		if (READ_ONCE(lock->owner) == current)
			break;		/* handed over by mutex_unlock() */
		if (state == TASK_INTERRUPTIBLE && signal_pending(current)) {
			list_del(&waiter.list);
			spin_unlock_irqrestore(&lock->wait_lock, flags);
			__set_current_state(TASK_RUNNING);
			return -EINTR;
		}
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		schedule();
		spin_lock_irqsave(&lock->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	return 0;
}

void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE);
}

void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *w;
	unsigned long flags;

	spin_lock_irqsave(&lock->wait_lock, flags);
	WARN_ON(lock->owner != current);
	w = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter, list);
	if (w) {
		list_del(&w->list);
		lock->owner = w->task;
		wake_up_process(w->task);
	} else {
		lock->owner = NULL;
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}
