/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel threads. kthread_create() makes a stopped thread, wake_up_process()
 * starts it, kthread_run() does both. A thread that may be stopped polls
 * kthread_should_stop() and returns; kthread_stop() asks it to and waits
 * for its return value. The caller of kthread_stop() must make sure the
 * thread has not already exited on its own.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

/* Returns the new task or ERR_PTR(-ENOMEM). May sleep. */
__printf(3, 4) struct task_struct *kthread_create(int (*fn)(void *data), void *data,
						  const char *namefmt, ...);

#define kthread_run(fn, data, namefmt, ...) ({				\
	struct task_struct *__k = kthread_create(fn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

/*
 * kthread_bind() - make @k, created and not yet woken, run on @cpu only
 * (an active CPU; a per-CPU kthread). Never sleeps.
 */
void kthread_bind(struct task_struct *k, unsigned int cpu);

/*
 * Ask k to stop, wake it and wait until it exited and was switched away
 * from for the last time (then k, its stack included, is freed unless
 * someone else holds a reference); returns fn's result. Sleeps.
 */
int kthread_stop(struct task_struct *k);
/* True once kthread_stop() was called on the current thread. */
bool kthread_should_stop(void);
/* Exit the current kthread with ret, as if fn had returned it. */
__noreturn void kthread_exit(int ret);

#endif /* _LINUX_KTHREAD_H */
