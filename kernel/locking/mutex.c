// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mutexes (see linux/mutex.h). The owner word says who holds the lock.
 * Uncontended, locking and unlocking are one compare-and-exchange each,
 * as in Linux. A contended locker takes wait_lock, sets
 * MUTEX_FLAG_WAITERS (so the holder's unlock cannot take the fast path),
 * queues itself and sleeps; unlock then passes ownership straight to the
 * first waiter, so no one can barge in ahead of it.
 */
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/kernel.h>

/* The lock-order checker's hooks (<linux/lockdep.h>). */
#ifdef CONFIG_LOCKDEP
#define mutex_acquire(lock, subclass, trylock) lock_acquire(&(lock)->dep_map, subclass, trylock)
#define mutex_release(lock) lock_release(&(lock)->dep_map)
#else
#define mutex_acquire(lock, subclass, trylock) do { } while (0)
#define mutex_release(lock) do { } while (0)
#endif

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	atomic_long_set(&lock->owner, 0);
	spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
#ifdef CONFIG_LOCKDEP
	lockdep_init_map(&lock->dep_map, name, key);
#endif
}

bool mutex_is_locked(struct mutex *lock)
{
	return atomic_long_read(&lock->owner) != 0;
}

/* Free (owner 0, hence no waiters) -> held by current. */
static inline bool __mutex_trylock_fast(struct mutex *lock)
{
	long free = 0;

	return atomic_long_try_cmpxchg(&lock->owner, &free, (long)current);
}

int mutex_trylock(struct mutex *lock)
{
	if (!__mutex_trylock_fast(lock))
		return 0;
	mutex_acquire(lock, 0, true);
	return 1;
}

static int __mutex_lock_slowpath(struct mutex *lock, long state)
{
	struct mutex_waiter waiter = { .task = current };
	unsigned long flags;
	long owner;

	spin_lock_irqsave(&lock->wait_lock, flags);
	/*
	 * Under wait_lock the waiter flag cannot change behind our back (only
	 * lockers and the unlock slow path, all under wait_lock, touch it);
	 * the owner can still go from held to free through the fast path.
	 */
	owner = atomic_long_read(&lock->owner);
	for (;;) {
		if (!owner) {
			if (atomic_long_try_cmpxchg(&lock->owner, &owner, (long)current)) {
				spin_unlock_irqrestore(&lock->wait_lock, flags);
				return 0;
			}
			continue;	/* @owner was reloaded */
		}
		if ((owner & MUTEX_FLAG_WAITERS) ||
		    atomic_long_try_cmpxchg(&lock->owner, &owner, owner | MUTEX_FLAG_WAITERS))
			break;
	}
	if (WARN_ON(__mutex_owner(lock) == current))
		pr_err("mutex %p: recursive lock by %s\n", lock, current->comm);
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		set_current_state(state);
		if (__mutex_owner(lock) == current)
			break;		/* handed over by mutex_unlock() */
		if (state == TASK_INTERRUPTIBLE && signal_pending(current)) {
			list_del(&waiter.list);
			/* The last waiter gone: the holder may unlock fast again. */
			if (list_empty(&lock->wait_list))
				atomic_long_and(~MUTEX_FLAG_WAITERS, &lock->owner);
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

static inline int __mutex_lock(struct mutex *lock, long state, unsigned int subclass)
{
	int err = 0;

	WARN_ON_ONCE(in_atomic());
	mutex_acquire(lock, subclass, false);	/* before waiting, so a deadlock is reported */
	if (!__mutex_trylock_fast(lock))
		err = __mutex_lock_slowpath(lock, state);
	if (err)
		mutex_release(lock);
	return err;
}

void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, 0);
}

void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, subclass);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE, 0);
}

/* The waiter flag is set: hand the mutex to the first waiter. */
static void __mutex_unlock_slowpath(struct mutex *lock)
{
	struct mutex_waiter *w;
	unsigned long flags;
	long next;

	spin_lock_irqsave(&lock->wait_lock, flags);
	w = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter, list);
	if (!w) {
		/* The only waiter was interrupted and left since our fast try. */
		atomic_long_set(&lock->owner, 0);
	} else {
		list_del(&w->list);
		next = (long)w->task;
		if (!list_empty(&lock->wait_list))
			next |= MUTEX_FLAG_WAITERS;
		atomic_long_xchg(&lock->owner, next);	/* a full barrier */
		wake_up_process(w->task);
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

void mutex_unlock(struct mutex *lock)
{
	long owner = (long)current;

	mutex_release(lock);
	if (atomic_long_try_cmpxchg(&lock->owner, &owner, 0))
		return;
	if (WARN_ON((owner & ~MUTEX_FLAGS) != (long)current))
		return;		/* not ours: leave it alone */
	__mutex_unlock_slowpath(lock);
}
