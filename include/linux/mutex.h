/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sleeping mutual exclusion. mutex_lock() may sleep, so only in process
 * context and never with a spinlock held; only the owner may unlock.
 * Waiters are served in FIFO order: unlock hands the mutex to the first.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>

struct task_struct;

/*
 * owner: the holder's task_struct pointer, or 0 when free, with
 * MUTEX_FLAG_WAITERS set while wait_list has waiters. Uncontended lock and
 * unlock are one compare-and-exchange on it (0 -> current, current -> 0);
 * a set flag makes the exchange fail, so unlock goes to the slow path,
 * which hands the mutex to the first waiter under wait_lock.
 */
struct mutex {
	atomic_long_t owner;
	spinlock_t wait_lock;
	struct list_head wait_list;
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};

#define MUTEX_FLAG_WAITERS	0x01UL
#define MUTEX_FLAGS		0x07UL	/* task_structs are 8-byte aligned */

#define __MUTEX_INITIALIZER(name) {					\
	.owner = ATOMIC_INIT(0), .wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock), \
	.wait_list = LIST_HEAD_INIT(name.wait_list), STATIC_LOCKDEP_MAP_INIT(#name) }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
#ifdef CONFIG_LOCKDEP
#define mutex_init(mutex)						\
	do {								\
		static struct lock_class_key __key;			\
									\
		__mutex_init((mutex), #mutex, &__key);			\
	} while (0)
#else
#define mutex_init(mutex) __mutex_init((mutex), NULL, NULL)
#endif
void mutex_lock(struct mutex *lock);
/*
 * mutex_lock_nested() - mutex_lock() of a second mutex of one class held
 * at once (a parent's then a child's), in an order the caller guarantees:
 * the checker sees it as subclass @subclass (1..MAX_LOCKDEP_SUBCLASSES-1;
 * <linux/lockdep.h>). May sleep, as mutex_lock().
 */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
/* 0 when locked, -EINTR if a signal arrived first. */
int mutex_lock_interruptible(struct mutex *lock);
/* 1 if the lock was taken, 0 if it is held. Never sleeps. */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

/* The task holding @lock, or NULL. Only a hint unless the caller holds it. */
static inline struct task_struct *__mutex_owner(struct mutex *lock)
{
	return (struct task_struct *)(atomic_long_read(&lock->owner) & ~MUTEX_FLAGS);
}

#endif /* _LINUX_MUTEX_H */
