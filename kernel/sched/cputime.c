// SPDX-License-Identifier: GPL-2.0-only
/*
 * CPU time accounting and the calls that report it: times, getrusage.
 *
 * The scheduler measures each task's CPU time at every switch
 * (sum_exec_ns). The system part is what invoke_syscall() measures across
 * each system call, and all of a kernel thread's time; the rest is user
 * time (so page faults and interrupts taken in user mode count as user
 * time, as tick sampling would mostly count them on Linux). Each CPU also
 * sums its system time, for /proc/stat.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/resource.h>

void account_system_time(struct task_struct *p, u64 delta_ns)
{
	p->stime_ns += delta_ns;
	this_cpu()->system_ns += delta_ns;
}

void task_cputime(struct task_struct *p, struct task_cputime *ct)
{
	u64 sum = task_cpu_time_ns(p), st = READ_ONCE(p->stime_ns);

	ct->stime = min(st, sum);
	ct->utime = sum - ct->stime;
}

#define USER_HZ 100
#define NSEC_PER_USER_HZ (NSEC_PER_SEC / USER_HZ)

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	struct task_cputime ct;
	struct task_struct *me = current;

	task_cputime(me, &ct);
	if (tbuf) {
		struct tms t = {
			.tms_utime = ct.utime / NSEC_PER_USER_HZ,
			.tms_stime = ct.stime / NSEC_PER_USER_HZ,
			.tms_cutime = (me->children_exec_ns - me->children_stime_ns) /
				      NSEC_PER_USER_HZ,
			.tms_cstime = me->children_stime_ns / NSEC_PER_USER_HZ,
		};

		if (copy_to_user(tbuf, &t, sizeof(t)))
			return -EFAULT;
	}
	return ktime_get_ns() / NSEC_PER_USER_HZ;
}

struct rusage {
	long ru_utime_sec, ru_utime_usec, ru_stime_sec, ru_stime_usec;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

int put_rusage(void __user *ru, const struct task_cputime *ct, u64 nvcsw, u64 nivcsw)
{
	struct rusage r;

	memset(&r, 0, sizeof(r));
	r.ru_utime_sec = ct->utime / NSEC_PER_SEC;
	r.ru_utime_usec = ct->utime % NSEC_PER_SEC / NSEC_PER_USEC;
	r.ru_stime_sec = ct->stime / NSEC_PER_SEC;
	r.ru_stime_usec = ct->stime % NSEC_PER_SEC / NSEC_PER_USEC;
	r.ru_nvcsw = nvcsw;
	r.ru_nivcsw = nivcsw;
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD 1

SYSCALL_DEFINE2(getrusage, int, who, void __user *, ru)
{
	struct task_struct *me = current;
	struct task_cputime ct;

	if (who == RUSAGE_SELF || who == RUSAGE_THREAD) {
		task_cputime(me, &ct);
		return put_rusage(ru, &ct, me->nvcsw, me->nivcsw);
	}
	if (who != RUSAGE_CHILDREN)
		return -EINVAL;
	ct.stime = me->children_stime_ns;
	ct.utime = me->children_exec_ns - ct.stime;
	return put_rusage(ru, &ct, 0, 0);
}
