// SPDX-License-Identifier: GPL-2.0-only
/*
 * Changing who a task is: set{,re,res,fs}{uid,gid}, getres{uid,gid} and
 * prctl's keep-caps flag, with Linux's rules. Without the capability
 * (CAP_SETUID, CAP_SETGID) a task may only move among the real, effective
 * and saved ids it already has; the file-system id follows the effective
 * one. uid and gid rules are the same, so one code path serves both,
 * reaching the four ids of a struct cred through a struct id_kind; only
 * uid changes adjust capabilities (cap_task_fix_setuid()).
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/stddef.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define NO_ID ((unsigned int)-1)

struct id_kind {
	size_t r, e, s, fs;	/* offsets of the ids in struct cred */
	int cap;		/* what lets a task set any id */
	bool uid;
};

static const struct id_kind uids = {
	offsetof(struct cred, uid), offsetof(struct cred, euid),
	offsetof(struct cred, suid), offsetof(struct cred, fsuid), CAP_SETUID, true,
};

static const struct id_kind gids = {
	offsetof(struct cred, gid), offsetof(struct cred, egid),
	offsetof(struct cred, sgid), offsetof(struct cred, fsgid), CAP_SETGID, false,
};

/* uid_t and gid_t are both unsigned int. */
#define ID(cred, off) (*(unsigned int *)((char *)(cred) + (off)))

/* Whether @id is one of current's real, effective or saved ids. */
static bool is_own_id(const struct id_kind *k, unsigned int id)
{
	const struct cred *c = current_cred();

	return id == ID(c, k->r) || id == ID(c, k->e) || id == ID(c, k->s);
}

/*
 * Set the ids of kind @k that are not NO_ID (permission already checked),
 * the file-system id to the effective one, and fix capabilities for uids.
 * 0 or -ENOMEM.
 */
static long change_ids(const struct id_kind *k, unsigned int r, unsigned int e,
		       unsigned int s)
{
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (r != NO_ID)
		ID(new, k->r) = r;
	if (e != NO_ID)
		ID(new, k->e) = e;
	if (s != NO_ID)
		ID(new, k->s) = s;
	ID(new, k->fs) = ID(new, k->e);
	if (k->uid)
		cap_task_fix_setuid(new, current_cred(), false);
	commit_creds(new);
	return 0;
}

/* With the capability all three ids; without, the effective one only. */
static long set_id(const struct id_kind *k, unsigned int id)
{
	const struct cred *old = current_cred();

	if (id == NO_ID)
		return -EINVAL;
	if (capable(k->cap))
		return change_ids(k, id, id, id);
	if (id != ID(old, k->r) && id != ID(old, k->s))
		return -EPERM;
	return change_ids(k, NO_ID, id, NO_ID);
}

static long set_re_ids(const struct id_kind *k, unsigned int r, unsigned int e)
{
	const struct cred *old = current_cred();
	bool privileged = capable(k->cap);
	unsigned int s = NO_ID;

	if (r != NO_ID && r != ID(old, k->r) && r != ID(old, k->e) && !privileged)
		return -EPERM;
	if (e != NO_ID && !is_own_id(k, e) && !privileged)
		return -EPERM;
	/* Linux: the saved id follows when the real one is set or euid != ruid. */
	if (r != NO_ID || (e != NO_ID && e != ID(old, k->r)))
		s = e != NO_ID ? e : ID(old, k->e);
	return change_ids(k, r, e, s);
}

static long set_res_ids(const struct id_kind *k, unsigned int r, unsigned int e,
			unsigned int s)
{
	if (!capable(k->cap) && ((r != NO_ID && !is_own_id(k, r)) ||
				 (e != NO_ID && !is_own_id(k, e)) ||
				 (s != NO_ID && !is_own_id(k, s))))
		return -EPERM;
	return change_ids(k, r, e, s);
}

static long get_res_ids(const struct id_kind *k, unsigned int __user *r,
			unsigned int __user *e, unsigned int __user *s)
{
	const struct cred *c = current_cred();

	if (put_user(ID(c, k->r), r) || put_user(ID(c, k->e), e) ||
	    put_user(ID(c, k->s), s))
		return -EFAULT;
	return 0;
}

/*
 * setfs{u,g}id: to one of the task's ids (or any, with the capability);
 * returns the previous file-system id whether or not it changed, never an
 * error, as Linux does.
 */
static long set_fs_id(const struct id_kind *k, unsigned int id)
{
	const struct cred *old = current_cred();
	unsigned int old_fs = ID(old, k->fs);
	struct cred *new;

	if (id == NO_ID || id == old_fs)
		return old_fs;
	if (!is_own_id(k, id) && !capable(k->cap))
		return old_fs;
	new = prepare_creds();
	if (!new)
		return old_fs;
	ID(new, k->fs) = id;
	if (k->uid)
		cap_task_fix_setuid(new, old, true);
	commit_creds(new);
	return old_fs;
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	return set_id(&uids, uid);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	return set_id(&gids, gid);
}


SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	return set_re_ids(&uids, ruid, euid);
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	return set_re_ids(&gids, rgid, egid);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return set_res_ids(&uids, ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return set_res_ids(&gids, rgid, egid, sgid);
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruid, uid_t __user *, euid, uid_t __user *, suid)
{
	return get_res_ids(&uids, ruid, euid, suid);
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgid, gid_t __user *, egid, gid_t __user *, sgid)
{
	return get_res_ids(&gids, rgid, egid, sgid);
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	return set_fs_id(&uids, uid);
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	return set_fs_id(&gids, gid);
}


long prctl_keepcaps(bool set, unsigned long arg)
{
	unsigned int bits = current_cred()->securebits;
	struct cred *new;

	if (!set)
		return !!(bits & SECBIT_KEEP_CAPS);
	if (arg > 1)
		return -EINVAL;
	if (bits & SECBIT_KEEP_CAPS_LOCKED)
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	new->securebits = arg ? bits | SECBIT_KEEP_CAPS : bits & ~SECBIT_KEEP_CAPS;
	commit_creds(new);
	return 0;
}
