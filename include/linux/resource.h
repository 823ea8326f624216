/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Resource limits (getrlimit, setrlimit, prlimit64): Linux's numbering and
 * rules. Each process keeps its own table, inherited across fork and exec.
 * Only RLIMIT_NOFILE's hard ceiling is tied to something (the descriptor
 * table); the others are kept and reported but not enforced.
 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <linux/types.h>

struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16
#define RLIM_INFINITY		(~0ULL)

/* The largest RLIMIT_NOFILE hard limit (Linux's default fs.nr_open). */
#define NR_OPEN_MAX		(1024 * 1024)

struct task_struct;

/* init_rlimits() - fill @rlim with the limits the first process starts with. */
void init_rlimits(struct rlimit64 rlim[RLIM_NLIMITS]);

/*
 * do_prlimit() - read @tsk's limit @resource into @old_rlim (if not NULL),
 * then set it to @new_rlim (if not NULL), as Linux does: -EINVAL for an
 * unknown resource or soft > hard, -EPERM for a NOFILE hard limit above
 * NR_OPEN_MAX. Everything runs as root, so hard limits may be raised.
 * Never sleeps.
 */
int do_prlimit(struct task_struct *tsk, unsigned int resource,
	       const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim);

struct task_cputime;

/*
 * put_rusage() - store a struct rusage with @ct's times and the context
 * switch counts at @ru (user memory). Returns 0 or -EFAULT. May fault.
 */
int put_rusage(void __user *ru, const struct task_cputime *ct, u64 nvcsw, u64 nivcsw);

#endif /* _LINUX_RESOURCE_H */
