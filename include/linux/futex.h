/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Futexes (kernel/futex/): what a thread's exit does to the futexes its
 * process's other threads may wait on. futex(2) itself is in
 * kernel/futex/syscalls.c, its hash in kernel/futex/core.c.
 */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

#include <linux/compiler_types.h>

struct task_struct;

/*
 * exit_robust_list() - @tsk (current) is exiting: every robust futex on
 * its set_robust_list() list that it owns gets FUTEX_OWNER_DIED, and one
 * waiter is woken if it had any. Stops at a fault or after 2048 entries.
 * May sleep.
 */
void exit_robust_list(struct task_struct *tsk);

/*
 * futex_wake_tid() - wake one waiter on the futex word at @uaddr of the
 * current mm (the clear-child-tid word a joining thread waits on). May sleep.
 */
void futex_wake_tid(int __user *uaddr);

#endif /* _LINUX_FUTEX_H */
