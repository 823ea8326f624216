// SPDX-License-Identifier: GPL-2.0-only
/*
 * Scheduler system calls: sched_getaffinity, sched_setaffinity. A task's
 * CPU mask (task_struct.cpus_mask) is inherited across fork; the calls
 * follow Linux's rules for any nr_cpu_ids.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/process.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* The live process @pid (0: the caller), with a reference, or NULL. */
static struct task_struct *find_process(pid_t pid)
{
	struct task_struct *p;

	if (!pid) {
		get_task_struct(current);
		return current;
	}
	p = pid > 0 ? find_get_task_by_pid(pid) : NULL;
	if (p && (!p->parent || p->exit_state)) {
		put_task_struct(p);
		p = NULL;
	}
	return p;
}

/* Returns the size of the mask written (in bytes), as the raw system call does. */
SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	size_t size = min_t(size_t, len, cpumask_size());
	struct task_struct *p;
	cpumask_t mask;

	if ((len * 8) < nr_cpu_ids || (len & (sizeof(long) - 1)))
		return -EINVAL;
	p = find_process(pid);
	if (!p)
		return -ESRCH;
	cpumask_and(&mask, &p->cpus_mask, cpu_active_mask);
	put_task_struct(p);
	return copy_to_user(user_mask_ptr, &mask, size) ? -EFAULT : (long)size;
}

/*
 * A mask longer than the kernel's is cut, a shorter one is padded with
 * zeroes; the new mask is what is left of it on active CPUs (EINVAL if
 * nothing). A task running on a CPU it may no longer use leaves it at once
 * (set_cpus_allowed_ptr()).
 */
SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct task_struct *p;
	cpumask_t new;
	int err;

	memset(&new, 0, sizeof(new));
	if (copy_from_user(&new, user_mask_ptr, min_t(size_t, len, cpumask_size())))
		return -EFAULT;
	p = find_process(pid);
	if (!p)
		return -ESRCH;
	err = set_cpus_allowed_ptr(p, &new);
	put_task_struct(p);
	return err;
}
