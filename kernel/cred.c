// SPDX-License-Identifier: GPL-2.0-only
/*
 * Task credentials: their life cycle (copy, commit, share, free) and what
 * fork and execve do to them. The rules of the set*id calls are in
 * kernel/setid.c, capabilities in kernel/capability.c, groups in
 * kernel/groups.c.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct cred init_cred = {
	.usage = REFCOUNT_INIT(1),	/* never dropped: static */
	.cap_inheritable = CAP_EMPTY_SET,
	.cap_permitted = CAP_FULL_SET,
	.cap_effective = CAP_FULL_SET,
	.cap_bset = CAP_FULL_SET,
	.cap_ambient = CAP_EMPTY_SET,
	.group_info = &init_groups,
};

/* Orders another task's reading of task->cred against commit_creds(). */
static DEFINE_SPINLOCK(task_cred_lock);

void put_cred(const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (!refcount_dec_and_test(&c->usage))
		return;
	put_group_info(c->group_info);
	kfree(c);
}

struct cred *prepare_creds(void)
{
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	memcpy(new, current_cred(), sizeof(*new));
	refcount_set(&new->usage, 1);
	get_group_info(new->group_info);
	return new;
}

void commit_creds(struct cred *new)
{
	struct task_struct *tsk = current;
	const struct cred *old;
	unsigned long flags;

	spin_lock_irqsave(&task_cred_lock, flags);
	old = tsk->cred;
	tsk->cred = new;
	spin_unlock_irqrestore(&task_cred_lock, flags);
	put_cred(old);
}

const struct cred *override_creds(const struct cred *new)
{
	const struct cred *old = current_cred();
	unsigned long flags;

	spin_lock_irqsave(&task_cred_lock, flags);
	current->cred = new;
	spin_unlock_irqrestore(&task_cred_lock, flags);
	return old;
}

const struct cred *revert_creds(const struct cred *old)
{
	return override_creds(old);
}

void abort_creds(struct cred *new)
{
	put_cred(new);
}

const struct cred *get_task_cred(struct task_struct *task)
{
	const struct cred *cred;
	unsigned long flags;

	spin_lock_irqsave(&task_cred_lock, flags);
	cred = get_cred(task->cred);
	spin_unlock_irqrestore(&task_cred_lock, flags);
	return cred;
}

void copy_creds(struct task_struct *p)
{
	const struct cred *old = p->cred;

	p->cred = get_cred(current_cred());
	if (old)
		put_cred(old);
}

void exit_creds(struct task_struct *p)
{
	if (p->cred)
		put_cred(p->cred);
	p->cred = NULL;
}

int prepare_bprm_creds(struct linux_binprm *bprm)
{
	bprm->cred = prepare_creds();
	return bprm->cred ? 0 : -ENOMEM;
}

/*
 * Linux's rules with no file capabilities: the setuid/setgid bits of the
 * file set the effective ids (and cancel the ambient set); a program run
 * by root (real or effective uid 0; not with SECBIT_NOROOT) gets
 * permitted = bounding | inheritable, everyone's permitted also gains the
 * ambient set; effective is all of permitted when the euid is 0 (not
 * with SECBIT_NOROOT), else the ambient set; the saved
 * and file-system ids follow the effective ones; SECBIT_KEEP_CAPS is
 * cleared. AT_SECURE when the effective ids differ from the real ones, or
 * a non-root real uid is permitted more than its ambient set.
 */
void bprm_creds_from_file(struct linux_binprm *bprm)
{
	const struct inode *inode = file_inode(bprm->file);
	struct cred *new = bprm->cred;
	bool root_privileged = !(new->securebits & SECBIT_NOROOT);
	bool is_setid;

	if (inode->i_mode & S_ISUID)
		new->euid = inode->i_uid;
	if ((inode->i_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		new->egid = inode->i_gid;
	is_setid = new->euid != new->uid || new->egid != new->gid;
	if (is_setid)
		cap_clear(&new->cap_ambient);
	cap_clear(&new->cap_permitted);
	if (root_privileged && (new->euid == 0 || new->uid == 0))
		new->cap_permitted = cap_combine(new->cap_bset, new->cap_inheritable);
	new->suid = new->fsuid = new->euid;
	new->sgid = new->fsgid = new->egid;
	new->cap_permitted = cap_combine(new->cap_permitted, new->cap_ambient);
	new->cap_effective = root_privileged && new->euid == 0 ? new->cap_permitted :
							       new->cap_ambient;
	new->securebits &= ~SECBIT_KEEP_CAPS;
	bprm->secureexec = is_setid || (new->uid != 0 &&
		!cap_issubset(new->cap_permitted, new->cap_ambient));
}
