// SPDX-License-Identifier: GPL-2.0-only
/*
 * Polling /dev/rust_scull (drivers/char/rust_scull.rs) the way poll(2) will:
 * ->poll with a real poll table whose queueing function adds a wait entry
 * to every queue the driver registers, then checks that a write wakes the
 * readers' queue and a read the writers' queue. (The blocking, non-blocking
 * and concurrency tests are the driver's own Rust suite, rust_scull.)
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include <linux/atomic.h>

#define MAX_QUEUES 4

struct poll_probe {
	poll_table pt;
	int nqueues;
	wait_queue_head_t *wq[MAX_QUEUES];
	struct wait_queue_entry entry[MAX_QUEUES];
	atomic_t wakeups;
};

static int probe_wake(struct wait_queue_entry *e, unsigned int mode, int wake_flags)
{
	struct poll_probe *p = e->private;

	atomic_inc(&p->wakeups);
	return 1;
}

static void probe_queue(struct file *file, wait_queue_head_t *wq, poll_table *pt)
{
	struct poll_probe *p = container_of(pt, struct poll_probe, pt);
	struct wait_queue_entry *e;

	if (p->nqueues >= MAX_QUEUES)
		return;
	e = &p->entry[p->nqueues];
	e->flags = 0;
	e->private = p;
	e->func = probe_wake;
	INIT_LIST_HEAD(&e->entry);
	p->wq[p->nqueues++] = wq;
	add_wait_queue(wq, e);
}

static void scull_poll_wakes(struct kunit *test)
{
	struct poll_probe p = { .nqueues = 0 };
	struct file *f;
	struct path path;
	char c;

	if (kern_path("/dev/rust_scull", 0, &path))
		kunit_skip(test, "no /dev/rust_scull (CONFIG_RUST=n)");
	path_put(&path);
	f = filp_open("/dev/rust_scull", O_RDWR | O_NONBLOCK, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	while (kernel_read(f, &c, 1, &f->f_pos) == 1)
		;

	atomic_set(&p.wakeups, 0);
	init_poll_funcptr(&p.pt, probe_queue);
	KUNIT_EXPECT_EQ(test, vfs_poll(f, &p.pt), EPOLLOUT | EPOLLWRNORM);
	KUNIT_ASSERT_EQ(test, p.nqueues, 2);
	KUNIT_EXPECT_TRUE(test, p.wq[0] != p.wq[1]);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.wakeups), 0);

	/* A write wakes the pollers (of the readers' queue). */
	KUNIT_EXPECT_EQ(test, kernel_write(f, "x", 1, &f->f_pos), 1L);
	KUNIT_EXPECT_GE(test, atomic_read(&p.wakeups), 1);
	KUNIT_EXPECT_EQ(test, vfs_poll(f, NULL), EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM);
	KUNIT_EXPECT_EQ(test, p.nqueues, 2);	/* a NULL table registers nothing */

	/* A read wakes them too (the writers' queue). */
	atomic_set(&p.wakeups, 0);
	KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &f->f_pos), 1L);
	KUNIT_EXPECT_EQ(test, c, 'x');
	KUNIT_EXPECT_GE(test, atomic_read(&p.wakeups), 1);
	/* Nothing moved: no wake-up. */
	atomic_set(&p.wakeups, 0);
	KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &f->f_pos), (ssize_t)-EAGAIN);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.wakeups), 0);

	for (int i = 0; i < p.nqueues; i++)
		remove_wait_queue(p.wq[i], &p.entry[i]);
	filp_close(f, NULL);
}

static struct kunit_case scull_cases[] = {
	KUNIT_CASE(scull_poll_wakes),
	{}
};

static struct kunit_suite scull_suite = {
	.name = "scull",
	.test_cases = scull_cases,
};
kunit_test_suites(&scull_suite);
