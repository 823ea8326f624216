// SPDX-License-Identifier: GPL-2.0-only
/*
 * Workqueues (<linux/workqueue.h>): one worker thread per queue, running
 * the queue's works in order. Flushing queues a *barrier*, an on-stack
 * work that completes a completion, right behind the work being flushed
 * (or first in line if that work is running), so the flusher waits for
 * exactly that run and no later one, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

struct workqueue_struct {
	spinlock_t lock;
	struct list_head works;		/* pending works, in order */
	struct work_struct *current_work;	/* running now, or NULL */
	wait_queue_head_t more_work;	/* the worker sleeps here */
	struct task_struct *worker;
	char name[24];
};

struct workqueue_struct *system_wq;

struct wq_barrier {
	struct work_struct work;
	struct completion done;
};

static void wq_barrier_func(struct work_struct *work)
{
	complete(&container_of(work, struct wq_barrier, work)->done);
}

static int worker_thread(void *data)
{
	struct workqueue_struct *wq = data;
	unsigned long flags;

	for (;;) {
		struct work_struct *work;
		work_func_t func;

		wait_event(wq->more_work, !list_empty(&wq->works) || kthread_should_stop());
		spin_lock_irqsave(&wq->lock, flags);
		if (list_empty(&wq->works)) {
			spin_unlock_irqrestore(&wq->lock, flags);
			if (kthread_should_stop())
				return 0;
			continue;
		}
		work = list_first_entry(&wq->works, struct work_struct, entry);
		list_del_init(&work->entry);
		work->pending = false;
		wq->current_work = work;
		func = work->func;
		spin_unlock_irqrestore(&wq->lock, flags);

		func(work);	/* may free or requeue the work */

		spin_lock_irqsave(&wq->lock, flags);
		wq->current_work = NULL;
		spin_unlock_irqrestore(&wq->lock, flags);
	}
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active,
					 ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list args;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->works);
	init_waitqueue_head(&wq->more_work);
	wq->worker = kthread_run(worker_thread, wq, "%s", wq->name);
	if (IS_ERR(wq->worker)) {
		kfree(wq);
		return NULL;
	}
	return wq;
}

/* Queue @work at @pos (a list position of @wq->works); lock held. */
static void insert_work(struct workqueue_struct *wq, struct work_struct *work,
			struct list_head *pos)
{
	list_add_tail(&work->entry, pos);
	work->pending = true;
	work->wq = wq;
}

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;
	bool queued = false;

	if (WARN_ON(!wq))
		return false;
	spin_lock_irqsave(&wq->lock, flags);
	if (!work->pending) {
		insert_work(wq, work, &wq->works);
		queued = true;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	if (queued)
		wake_up(&wq->more_work);
	return queued;
}

bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

bool flush_work(struct work_struct *work)
{
	struct workqueue_struct *wq = READ_ONCE(work->wq);
	struct wq_barrier barr;
	unsigned long flags;
	struct list_head *pos;

	if (!wq)
		return false;
	INIT_WORK(&barr.work, wq_barrier_func);
	init_completion(&barr.done);
	spin_lock_irqsave(&wq->lock, flags);
	if (work->pending && work->wq == wq) {
		pos = work->entry.next;			/* right behind the work */
	} else if (wq->current_work == work) {
		pos = wq->works.next;			/* first in line */
	} else {
		spin_unlock_irqrestore(&wq->lock, flags);
		return false;
	}
	insert_work(wq, &barr.work, pos);
	spin_unlock_irqrestore(&wq->lock, flags);
	wake_up(&wq->more_work);
	wait_for_completion(&barr.done);
	return true;
}

bool cancel_work_sync(struct work_struct *work)
{
	struct workqueue_struct *wq = READ_ONCE(work->wq);
	bool was_pending = false;
	unsigned long flags;

	if (!wq)
		return false;
	/* A work that queues itself is pending again after each flush. */
	for (;;) {
		bool pending;

		spin_lock_irqsave(&wq->lock, flags);
		pending = work->pending;
		if (pending) {
			list_del_init(&work->entry);
			work->pending = false;
		}
		spin_unlock_irqrestore(&wq->lock, flags);
		if (pending)
			was_pending = true;
		if (!flush_work(work))	/* not running: done */
			break;
	}
	return was_pending;
}

void flush_workqueue(struct workqueue_struct *wq)
{
	struct wq_barrier barr;
	unsigned long flags;

	INIT_WORK(&barr.work, wq_barrier_func);
	init_completion(&barr.done);
	spin_lock_irqsave(&wq->lock, flags);
	insert_work(wq, &barr.work, &wq->works);
	spin_unlock_irqrestore(&wq->lock, flags);
	wake_up(&wq->more_work);
	wait_for_completion(&barr.done);
}

void flush_scheduled_work(void)
{
	flush_workqueue(system_wq);
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	if (!wq)
		return;
	flush_workqueue(wq);
	kthread_stop(wq->worker);
	WARN_ON(!list_empty(&wq->works));
	kfree(wq);
}

static int __init workqueue_init(void)
{
	system_wq = alloc_workqueue("events", 0, 0);
	if (!system_wq)
		panic("workqueue: cannot create system_wq");
	return 0;
}
early_initcall(workqueue_init);
