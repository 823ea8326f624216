// SPDX-License-Identifier: GPL-2.0-only
/*
 * Small process-wide system calls: ids, uname, umask, resource limits,
 * set_tid_address, reboot. Futexes: kernel/futex/. Changing ids: kernel/setid.c.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/process.h>
#include <linux/reboot.h>
#include <linux/resource.h>
#include <linux/fdtable.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <asm/elf.h>
#include <uapi/linux/utsname.h>

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	struct task_struct *parent = current->group_leader->parent;

	return parent ? parent->tgid : 0;
}

SYSCALL_DEFINE0(getuid)
{
	return current_uid();
}

SYSCALL_DEFINE0(geteuid)
{
	return current_euid();
}

SYSCALL_DEFINE0(getgid)
{
	return current_gid();
}

SYSCALL_DEFINE0(getegid)
{
	return current_egid();
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	int old = current->umask;

	current->umask = mask & 0777;
	return old;
}

/* uname's machine: the ELF platform, unless asm/elf.h names it otherwise. */
#ifndef UTS_MACHINE
#define UTS_MACHINE ELF_PLATFORM
#endif

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, "Linux", sizeof(u.sysname));
	strscpy(u.nodename, "ferrite", sizeof(u.nodename));
	strscpy(u.release, "6.1.0-ferrite-" FERRITE_VERSION, sizeof(u.release));
	strscpy(u.version, "#1 Ferrite " FERRITE_VERSION, sizeof(u.version));
	strscpy(u.machine, UTS_MACHINE, sizeof(u.machine));
	strscpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_MAGIC2A	85072278
#define LINUX_REBOOT_MAGIC2B	369367448
#define LINUX_REBOOT_MAGIC2C	537993216
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_RESTART:
		/* Under QEMU all three end the machine; restart is not emulated. */
		kernel_power_off();
	default:
		return -EINVAL;
	}
}

void init_rlimits(struct rlimit64 rlim[RLIM_NLIMITS])
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		rlim[i].rlim_cur = rlim[i].rlim_max = RLIM_INFINITY;
	rlim[RLIMIT_STACK].rlim_cur = 8 << 20;
	rlim[RLIMIT_CORE].rlim_cur = 0;
	rlim[RLIMIT_NOFILE].rlim_cur = rlim[RLIMIT_NOFILE].rlim_max = NR_OPEN_DEFAULT;
	rlim[RLIMIT_MEMLOCK].rlim_cur = rlim[RLIMIT_MEMLOCK].rlim_max = 8 << 20;
	rlim[RLIMIT_MSGQUEUE].rlim_cur = rlim[RLIMIT_MSGQUEUE].rlim_max = 819200;
	rlim[RLIMIT_NICE].rlim_cur = rlim[RLIMIT_NICE].rlim_max = 0;
	rlim[RLIMIT_RTPRIO].rlim_cur = rlim[RLIMIT_RTPRIO].rlim_max = 0;
}

int do_prlimit(struct task_struct *tsk, unsigned int resource,
	       const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim)
{
	struct rlimit64 *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > NR_OPEN_MAX)
			return -EPERM;
	}
	rlim = &tsk->rlim[resource];
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	return 0;
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 new, old;
	struct task_struct *tsk = current;
	int err;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	if (pid) {
		tsk = find_get_task_by_pid(pid);
		if (!tsk || !tsk->parent || tsk->exit_state) {
			if (tsk)
				put_task_struct(tsk);
			return -ESRCH;
		}
	}
	err = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (pid)
		put_task_struct(tsk);
	if (!err && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}

/*
 * getrlimit and setrlimit take Linux's struct rlimit, of longs: where a
 * long is 32 bits a limit it cannot hold reads as RLIM_INFINITY (all
 * ones), and RLIM_INFINITY set is the 64-bit infinity, as Linux converts.
 */
struct rlimit {
	unsigned long rlim_cur, rlim_max;
};

static unsigned long rlim_to_long(u64 v)
{
	return v > ULONG_MAX ? ULONG_MAX : (unsigned long)v;
}

static u64 rlim_from_long(unsigned long v)
{
	return v == ULONG_MAX ? RLIM_INFINITY : v;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit64 r;
	struct rlimit ur;
	int err = do_prlimit(current, resource, NULL, &r);

	if (err)
		return err;
	ur.rlim_cur = rlim_to_long(r.rlim_cur);
	ur.rlim_max = rlim_to_long(r.rlim_max);
	return copy_to_user(rlim, &ur, sizeof(ur)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, const struct rlimit __user *, rlim)
{
	struct rlimit ur;
	struct rlimit64 r;

	if (copy_from_user(&ur, rlim, sizeof(ur)))
		return -EFAULT;
	r.rlim_cur = rlim_from_long(ur.rlim_cur);
	r.rlim_max = rlim_from_long(ur.rlim_max);
	return do_prlimit(current, resource, &r, NULL);
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/* Process groups and sessions: only the ids (no job-control stops yet). */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p;
	int err = 0;

	if (pgid < 0)
		return -EINVAL;
	if (!pid)
		pid = current->pid;
	if (!pgid)
		pgid = pid;
	p = find_get_task_by_pid(pid);
	if (!p || (p != current && p->parent != current))
		err = -ESRCH;
	else if (p->session == p->pid)
		err = -EPERM;	/* a session leader keeps its group */
	else
		p->pgrp = pgid;
	if (p)
		put_task_struct(p);
	return err;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	struct task_struct *p;
	pid_t ret;

	if (!pid)
		return current->pgrp;
	p = find_get_task_by_pid(pid);
	if (!p || !p->parent)
		ret = -ESRCH;
	else
		ret = p->pgrp;
	if (p)
		put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->pgrp;
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	struct task_struct *p;
	pid_t ret;

	if (!pid)
		return current->session;
	p = find_get_task_by_pid(pid);
	ret = p && p->parent ? p->session : -ESRCH;
	if (p)
		put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE0(setsid)
{
	struct task_struct *me = current;

	if (me->pgrp == me->pid)
		return -EPERM;
	me->pgrp = me->session = me->pid;
	return me->pid;
}

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[4];
};

/*
 * sysinfo(2). freeram counts the pages free once empty slab pages are
 * returned (as Linux's MemAvailable counts reclaimable slab), so that a
 * test can compare it before and after running programs.
 */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo si;

	memset(&si, 0, sizeof(si));
	kmem_cache_shrink_all();
	si.uptime = ktime_get_ns() / NSEC_PER_SEC;
	si.totalram = totalram_pages();
	si.freeram = nr_free_pages();
	si.procs = nr_tasks();
	si.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

#define PR_GET_KEEPCAPS 7
#define PR_SET_KEEPCAPS 8
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_CAPBSET_READ 23
#define PR_CAPBSET_DROP 24
#define PR_GET_SECUREBITS 27
#define PR_SET_SECUREBITS 28
#define PR_CAP_AMBIENT 47

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm)) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		strscpy(current->comm, comm, sizeof(current->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm, TASK_COMM_LEN) ?
		       -EFAULT : 0;
	case PR_GET_KEEPCAPS:
	case PR_SET_KEEPCAPS:
		return prctl_keepcaps(option == PR_SET_KEEPCAPS, arg2);
	case PR_CAPBSET_READ:
	case PR_CAPBSET_DROP:
		return prctl_capbset(option == PR_CAPBSET_DROP, arg2);
	case PR_GET_SECUREBITS:
	case PR_SET_SECUREBITS:
		return prctl_securebits(option == PR_SET_SECUREBITS, arg2);
	case PR_CAP_AMBIENT:
		return prctl_cap_ambient(arg2, arg3, arg4 | arg5);
	default:
		return -EINVAL;
	}
}

/* rseq is not supported; libc falls back when registration fails. */
SYSCALL_DEFINE4(rseq, void __user *, rseq, u32, rseq_len, int, flags, u32, sig)
{
	return -ENOSYS;
}
