// SPDX-License-Identifier: GPL-2.0-only
/* Completions (see linux/completion.h), on top of a wait queue. */
#include <linux/completion.h>
#include <linux/kernel.h>

#define COMPLETE_ALL UINT_MAX

/*
 * Wake nr exclusive waiters (0: all) with x->wait.lock held. A waiter
 * takes that lock to see done, so it cannot return, and free an on-stack
 * completion, while complete() still uses it.
 */
static void complete_wake_locked(struct completion *x, int nr)
{
	struct wait_queue_entry *curr, *next;

	list_for_each_entry_safe(curr, next, &x->wait.head, entry)
		if (curr->func(curr, TASK_NORMAL, 0) && (curr->flags & WQ_FLAG_EXCLUSIVE) && !--nr)
			break;
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETE_ALL)
		x->done++;
	complete_wake_locked(x, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETE_ALL;
	complete_wake_locked(x, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/* Take one "done" if there is one; the caller holds no lock. */
static bool take_done(struct completion *x)
{
	unsigned long flags;
	bool ok = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != COMPLETE_ALL)
			x->done--;
		ok = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ok;
}

bool try_wait_for_completion(struct completion *x)
{
	return take_done(x);
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}

void wait_for_completion(struct completion *x)
{
	(void)___wait_event(x->wait, take_done(x), TASK_UNINTERRUPTIBLE, 1, 0, schedule());
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	if (take_done(x))
		return timeout ? timeout : 1;
	return (unsigned long)___wait_event(x->wait, ___wait_cond_timeout(take_done(x)),
					    TASK_UNINTERRUPTIBLE, 1, (long)timeout,
					    __ret = schedule_timeout(__ret));
}

int wait_for_completion_interruptible(struct completion *x)
{
	return (int)___wait_event(x->wait, take_done(x), TASK_INTERRUPTIBLE, 1, 0, schedule());
}
