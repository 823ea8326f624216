/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Task credentials (kernel/cred.c, kernel/groups.c), in Linux's shape: who
 * a task is (real, effective, saved-set and file-system uid and gid, the
 * supplementary groups) and what it may do (its capability sets).
 *
 * A struct cred never changes once a task uses it: to change its own
 * credentials a task copies them with prepare_creds(), edits the copy and
 * installs it with commit_creds() (or drops it with abort_creds()). Tasks
 * share them by reference (get_cred()/put_cred()): a child starts with its
 * parent's. Ids are plain uid_t/gid_t (Linux's kuid_t/kgid_t without user
 * namespaces, where the mapping is the identity); (uid_t)-1 is "no id".
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/capability.h>
#include <linux/refcount.h>
#include <linux/types.h>

struct task_struct;
struct linux_binprm;

/* Supplementary groups, sorted ascending; shared by reference. */
struct group_info {
	refcount_t usage;
	int ngroups;
	gid_t gid[];
};

#define NGROUPS_MAX 65536

/*
 * securebits (Linux's values; each bit's lock is the next bit up):
 * NOROOT: exec gives uid 0 no capabilities; NO_SETUID_FIXUP: uid changes
 * leave the capability sets alone; KEEP_CAPS: dropping every root uid
 * keeps the permitted set; NO_CAP_AMBIENT_RAISE: PR_CAP_AMBIENT_RAISE is
 * refused.
 */
#define SECBIT_NOROOT			(1U << 0)
#define SECBIT_NO_SETUID_FIXUP		(1U << 2)
#define SECBIT_KEEP_CAPS		(1U << 4)
#define SECBIT_KEEP_CAPS_LOCKED		(1U << 5)
#define SECBIT_NO_CAP_AMBIENT_RAISE	(1U << 6)
#define SECURE_ALL_BITS		(SECBIT_NOROOT | SECBIT_NO_SETUID_FIXUP | SECBIT_KEEP_CAPS | \
				 SECBIT_NO_CAP_AMBIENT_RAISE)
#define SECURE_ALL_LOCKS	(SECURE_ALL_BITS << 1)

struct cred {
	refcount_t usage;
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
	unsigned int securebits;	/* SECBIT_* */
	kernel_cap_t cap_inheritable;	/* kept across execve */
	kernel_cap_t cap_permitted;	/* may be made effective */
	kernel_cap_t cap_effective;	/* what capable() checks */
	kernel_cap_t cap_bset;		/* bounding set: the most execve gives */
	kernel_cap_t cap_ambient;	/* kept across execve of plain files */
	struct group_info *group_info;
};

/* Root with every capability: the first task's and kernel threads'. */
extern struct cred init_cred;
extern struct group_info init_groups;

static inline const struct cred *get_cred(const struct cred *cred)
{
	refcount_inc(&((struct cred *)cred)->usage);
	return cred;
}

/* put_cred() - drop a reference; frees @cred at zero. Never sleeps. */
void put_cred(const struct cred *cred);

/*
 * prepare_creds() - a private copy of current's credentials to edit, or
 * NULL (out of memory). Allocates (may sleep). Install it with
 * commit_creds() or drop it with abort_creds().
 */
struct cred *prepare_creds(void);

/* commit_creds() - make @new current's credentials (takes the reference). */
void commit_creds(struct cred *new);

/*
 * override_creds() - make @new current's credentials for a while (access(2)
 * checks with the real ids); returns the old ones, which the caller hands
 * to revert_creds() later. No references move: the caller keeps its own on
 * @new until revert_creds() returns it. Never sleeps.
 */
const struct cred *override_creds(const struct cred *new);
const struct cred *revert_creds(const struct cred *old);

/* abort_creds() - drop a prepare_creds() copy that was never committed. */
void abort_creds(struct cred *new);

/*
 * get_task_cred() - @task's credentials with a reference (put_cred() it);
 * safe against @task committing new ones meanwhile. Never sleeps.
 */
const struct cred *get_task_cred(struct task_struct *task);

/* copy_creds() - fork: child @p starts with current's credentials. */
void copy_creds(struct task_struct *p);

/* exit_creds() - drop @p's credentials when the task is freed. */
void exit_creds(struct task_struct *p);

/*
 * prepare_bprm_creds() - execve, before the point of no return: give
 * @bprm a copy of current's credentials (bprm->cred). 0 or -ENOMEM.
 */
int prepare_bprm_creds(struct linux_binprm *bprm);

/*
 * bprm_creds_from_file() - turn bprm->cred into the new program's
 * credentials as Linux's bprm_fill_uid() and cap_bprm_creds_from_file()
 * do for a file without file capabilities: a setuid file (bprm->file)
 * gives its owner as euid, a setgid and group-executable one its group as
 * egid; sets bprm->secureexec when the program runs with ids or
 * capabilities its caller did not have. Call before commit_creds(); never
 * fails.
 */
void bprm_creds_from_file(struct linux_binprm *bprm);

/*
 * cap_task_fix_setuid() - the capability changes Linux makes when uids
 * change (@fs: only the file-system uid changed), unless @old has
 * SECBIT_NO_SETUID_FIXUP: losing every root uid
 * clears permitted and effective (unless SECBIT_KEEP_CAPS) and ambient,
 * leaving euid 0 clears effective, gaining it restores it from permitted.
 */
void cap_task_fix_setuid(struct cred *new, const struct cred *old, bool fs);

/*
 * prctl_keepcaps() - PR_GET_KEEPCAPS (@set false: 0 or 1) or
 * PR_SET_KEEPCAPS (@arg 0 or 1, else -EINVAL; -EPERM when locked).
 */
long prctl_keepcaps(bool set, unsigned long arg);

/*
 * prctl_capbset() - PR_CAPBSET_READ (@drop false: 0 or 1) or
 * PR_CAPBSET_DROP (needs CAP_SETPCAP, else -EPERM) of capability @cap
 * (-EINVAL if it is no capability). May allocate.
 */
long prctl_capbset(bool drop, unsigned long cap);

/*
 * prctl_securebits() - PR_GET_SECUREBITS (@set false: the bits) or
 * PR_SET_SECUREBITS to @bits: needs CAP_SETPCAP, and no locked bit may
 * change, no lock be released, no unknown bit be set (-EPERM). May
 * allocate.
 */
long prctl_securebits(bool set, unsigned long bits);

/* PR_CAP_AMBIENT operations (prctl_cap_ambient()'s @op), Linux's values. */
#define PR_CAP_AMBIENT_IS_SET		1
#define PR_CAP_AMBIENT_RAISE		2
#define PR_CAP_AMBIENT_LOWER		3
#define PR_CAP_AMBIENT_CLEAR_ALL	4

/*
 * prctl_cap_ambient() - PR_CAP_AMBIENT: @op IS_SET (0 or 1), RAISE
 * (capability @cap must be permitted and inheritable, and
 * SECBIT_NO_CAP_AMBIENT_RAISE clear, else -EPERM), LOWER
 * or CLEAR_ALL (@cap 0) of the ambient set. -EINVAL for another @op, a
 * bad @cap or nonzero @rest (the unused arguments). May allocate.
 */
long prctl_cap_ambient(unsigned long op, unsigned long cap, unsigned long rest);

/* Supplementary groups (kernel/groups.c). */
struct group_info *groups_alloc(int ngroups);
void put_group_info(struct group_info *gi);
static inline struct group_info *get_group_info(struct group_info *gi)
{
	refcount_inc(&gi->usage);
	return gi;
}
/* in_group_p() - whether @gid is current's fsgid or a supplementary group. */
bool in_group_p(gid_t gid);

#define current_cred() ((const struct cred *)current->cred)
#define current_uid() (current_cred()->uid)
#define current_gid() (current_cred()->gid)
#define current_euid() (current_cred()->euid)
#define current_egid() (current_cred()->egid)
#define current_suid() (current_cred()->suid)
#define current_sgid() (current_cred()->sgid)
#define current_fsuid() (current_cred()->fsuid)
#define current_fsgid() (current_cred()->fsgid)

#endif
