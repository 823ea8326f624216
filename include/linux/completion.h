/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Completions: "this has happened" events. complete() releases one waiter
 * (or lets the next wait pass), complete_all() releases all, now and later.
 * complete*() may be called from any context; wait_for_completion*() sleeps.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(work) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* Returns 0 on timeout, else the jiffies left (at least 1). */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
/* 0, or -ERESTARTSYS if a signal came first. */
int wait_for_completion_interruptible(struct completion *x);
/* Consume a completion without sleeping: true if one was available. */
bool try_wait_for_completion(struct completion *x);
/* True if a complete() has no waiter yet. */
bool completion_done(struct completion *x);

#endif /* _LINUX_COMPLETION_H */
