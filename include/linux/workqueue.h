/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Workqueues: run a function later, in process context, on a kernel
 * thread (a "worker"). Names and meanings are Linux's, reduced: each
 * workqueue has one worker thread that runs its works one at a time in
 * the order they were queued (like Linux's ordered workqueues), and
 * system_wq is one such queue. There are no delayed works yet.
 *
 * A work is pending from queue_work() until its function starts; a work
 * that is pending is not queued again (queue_work() returns false), but a
 * work may queue itself again from its function. The function may sleep
 * and may free the work (the worker does not touch it afterwards).
 *
 * queue_work()/schedule_work() may be called from any context, interrupts
 * included; flush and cancel sleep (process context only, never from a
 * work of the same queue: the worker would wait for itself).
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	struct list_head entry;		/* in the queue's list while pending */
	work_func_t func;
	/* Private to kernel/workqueue.c: */
	struct workqueue_struct *wq;	/* the queue it was last queued on */
	bool pending;
};

#define __WORK_INITIALIZER(n, f) {					\
	.entry = LIST_HEAD_INIT((n).entry),				\
	.func = (f),							\
}

#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)

/* INIT_WORK() - prepare @work to run @func. Never sleeps. */
#define INIT_WORK(work, f) do {						\
	INIT_LIST_HEAD(&(work)->entry);					\
	(work)->func = (f);						\
	(work)->wq = NULL;						\
	(work)->pending = false;					\
} while (0)

/* The queue that schedule_work() uses; made at early_initcall time. */
extern struct workqueue_struct *system_wq;

/*
 * alloc_workqueue() - a new queue with its own worker thread, named from
 * the printf format @fmt. @flags and @max_active are accepted for Linux
 * compatibility and ignored (every queue is ordered). Returns the queue
 * or NULL (-ENOMEM). May sleep.
 */
__printf(1, 4) struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
							int max_active, ...);

/* alloc_ordered_workqueue() - the same; every queue is ordered here. */
#define alloc_ordered_workqueue(fmt, flags, ...) alloc_workqueue(fmt, flags, 1, ##__VA_ARGS__)

/*
 * destroy_workqueue() - run every work still queued on @wq, stop its
 * worker and free it. Nothing may queue on @wq any more. May sleep.
 */
void destroy_workqueue(struct workqueue_struct *wq);

/*
 * queue_work() - queue @work on @wq unless it is already pending. Returns
 * true if it was queued, false if it was pending already. Any context;
 * never sleeps nor allocates.
 */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);

/* schedule_work() - queue_work() on system_wq. */
bool schedule_work(struct work_struct *work);

/*
 * flush_work() - wait until the last queueing of @work has finished
 * running. Returns true if it waited, false if @work was idle. Sleeps.
 */
bool flush_work(struct work_struct *work);

/*
 * cancel_work_sync() - take @work off its queue if pending and wait for
 * a run in progress to finish, so that on return it is neither pending
 * nor running (a work that queues itself is cancelled too). Returns true
 * if it was pending. Nobody else may queue @work meanwhile. Sleeps.
 */
bool cancel_work_sync(struct work_struct *work);

/*
 * flush_workqueue() - wait until every work queued on @wq before the call
 * has finished running. Sleeps.
 */
void flush_workqueue(struct workqueue_struct *wq);

/* flush_scheduled_work() - flush_workqueue(system_wq). */
void flush_scheduled_work(void);

#endif /* _LINUX_WORKQUEUE_H */
