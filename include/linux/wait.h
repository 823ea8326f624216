/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Wait queues. A sleeper adds itself with prepare_to_wait(), re-checks its
 * condition and calls schedule(); a waker changes the condition and calls
 * wake_up(). The wait_event*() macros package that loop. wake_up() may be
 * called from any context; wait_event*() may sleep.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/errno.h>

struct wait_queue_entry;
/* @wake_flags: WF_SYNC (the waker sleeps soon) or 0, for try_to_wake_up(). */
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode,
				 int wake_flags);

#define WQ_FLAG_EXCLUSIVE 0x01

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the sleeping task */
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;
typedef struct wait_queue_entry wait_queue_entry_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { \
	.lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);

/* The default wake function: try_to_wake_up() on the entry's task. */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int wake_flags);

#define DEFINE_WAIT(name) struct wait_queue_entry name = {		\
	.private = current, .func = default_wake_function,		\
	.entry = LIST_HEAD_INIT(name.entry) }

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Queue wq_entry (if not queued) and set current's state. */
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
/* Set TASK_RUNNING and dequeue wq_entry. */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/*
 * __wake_up() - wake every non-exclusive waiter and up to nr_exclusive
 * exclusive ones (0: all) whose state matches mode.
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive);
/*
 * __wake_up_sync() - __wake_up(wq_head, mode, 1) by a waker about to
 * sleep (WF_SYNC): a woken task may be queued on the waker's CPU, to run
 * when the waker blocks, rather than on another CPU. Any context (a hint
 * only: the waker need not sleep); never sleeps.
 */
void __wake_up_sync(struct wait_queue_head *wq_head, unsigned int mode);

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0)
#define wake_up_interruptible_sync(x) __wake_up_sync(x, TASK_INTERRUPTIBLE)

static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* Sleep loop shared by the wait_event family; evaluates to a long. */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd) ({	\
	DEFINE_WAIT(__wq_entry);						\
	long __ret = ret;							\
	for (;;) {								\
		if (exclusive)							\
			prepare_to_wait_exclusive(&(wq_head), &__wq_entry, state); \
		else								\
			prepare_to_wait(&(wq_head), &__wq_entry, state);	\
		if (condition)							\
			break;							\
		if ((state) == TASK_INTERRUPTIBLE && signal_pending(current)) { \
			__ret = -ERESTARTSYS;					\
			break;							\
		}								\
		cmd;								\
	}									\
	finish_wait(&(wq_head), &__wq_entry);					\
	__ret;									\
})

/* Sleep uninterruptibly until condition is true. */
#define wait_event(wq_head, condition) do {					\
	if (!(condition))							\
		(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule()); \
} while (0)

/* Sleep until condition or a signal: 0, or -ERESTARTSYS. */
#define wait_event_interruptible(wq_head, condition)				\
	((condition) ? 0 : (int)___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, schedule()))

/* Exclusive variant: a wake_up() wakes only one such waiter. */
#define wait_event_interruptible_exclusive(wq_head, condition)			\
	((condition) ? 0 : (int)___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 1, 0, schedule()))

#define ___wait_cond_timeout(condition) ({					\
	bool __cond = (condition);						\
	if (__cond && !__ret)							\
		__ret = 1;							\
	__cond || !__ret;							\
})

/*
 * Sleep until condition or timeout jiffies pass. Returns 0 if the time ran
 * out with condition false, else the jiffies left (at least 1).
 */
#define wait_event_timeout(wq_head, condition, timeout) ({			\
	long __ret = timeout;							\
	if (!___wait_cond_timeout(condition))					\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition),	\
				      TASK_UNINTERRUPTIBLE, 0, timeout,		\
				      __ret = schedule_timeout(__ret));		\
	__ret;									\
})

/* As wait_event_timeout(), or -ERESTARTSYS on a signal. */
#define wait_event_interruptible_timeout(wq_head, condition, timeout) ({	\
	long __ret = timeout;							\
	if (!___wait_cond_timeout(condition))					\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition),	\
				      TASK_INTERRUPTIBLE, 0, timeout,		\
				      __ret = schedule_timeout(__ret));		\
	__ret;									\
})

#endif /* _LINUX_WAIT_H */
