/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Polling an open file: ->poll reports which events are ready now and, if
 * the caller wants to sleep, registers the driver's wait queues through
 * poll_wait(). No poll(2)/select(2) yet, so the only table today is the
 * caller's own (or NULL: just ask).
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/fs.h>
#include <linux/wait.h>
#include <uapi/linux/eventpoll.h>

#define POLLIN		EPOLLIN
#define POLLPRI		EPOLLPRI
#define POLLOUT		EPOLLOUT
#define POLLERR		EPOLLERR
#define POLLHUP		EPOLLHUP
#define POLLNVAL	EPOLLNVAL
#define POLLRDNORM	EPOLLRDNORM
#define POLLWRNORM	EPOLLWRNORM

/* What a file without ->poll reports: always readable and writable. */
#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *file, wait_queue_head_t *wq,
				struct poll_table_struct *pt);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;	/* NULL: the caller will not sleep */
	__poll_t _key;		/* events the caller cares about */
} poll_table;

static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key = ~(__poll_t)0;
}

/*
 * poll_wait() - from ->poll: tell the poller that @wq will be woken when
 * the file's state changes. Does nothing for a NULL table. Never sleeps.
 */
static inline void poll_wait(struct file *filp, wait_queue_head_t *wq, poll_table *p)
{
	if (p && p->_qproc && wq)
		p->_qproc(filp, wq, p);
}

static inline bool file_can_poll(struct file *file)
{
	return file->f_op->poll != NULL;
}

/*
 * vfs_poll() - the events ready on @file (->poll, or DEFAULT_POLLMASK).
 * @pt may be NULL. May sleep if ->poll does.
 */
static inline __poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (!file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

#endif /* _LINUX_POLL_H */
