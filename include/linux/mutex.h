/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sleeping mutual exclusion. mutex_lock() may sleep, so only in process
 * context and never with a spinlock held; only the owner may unlock.
 * Waiters are served in FIFO order: unlock hands the mutex to the first.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;
	spinlock_t wait_lock;
	struct list_head wait_list;
};

#define __MUTEX_INITIALIZER(name) {					\
	.owner = NULL, .wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock), \
	.wait_list = LIST_HEAD_INIT(name.wait_list) }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
/* 0 when locked, -EINTR if a signal arrived first. */
int mutex_lock_interruptible(struct mutex *lock);
/* 1 if the lock was taken, 0 if it is held. Never sleeps. */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

#endif /* _LINUX_MUTEX_H */
