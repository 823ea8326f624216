// SPDX-License-Identifier: GPL-2.0-only
/*
 * Changing an inode's attributes: who may change owner, mode, size and
 * times (setattr_prepare()), applying the change (notify_change()), and
 * the clearing of setuid/setgid bits on chown and write, as Linux does.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>

/* The owner may "chown" to itself; anything else needs CAP_CHOWN. */
static bool chown_ok(const struct inode *inode, uid_t uid)
{
	return (current_fsuid() == inode->i_uid && uid == inode->i_uid) || capable(CAP_CHOWN);
}

/* The owner may give the file to a group it is in (or keep its group). */
static bool chgrp_ok(const struct inode *inode, gid_t gid)
{
	if (current_fsuid() == inode->i_uid && (gid == inode->i_gid || in_group_p(gid)))
		return true;
	return capable(CAP_CHOWN);
}

int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_FORCE)
		return 0;
	if ((valid & ATTR_UID) && !chown_ok(inode, attr->ia_uid))
		return -EPERM;
	if ((valid & ATTR_GID) && !chgrp_ok(inode, attr->ia_gid))
		return -EPERM;
	if (valid & ATTR_MODE) {
		gid_t gid = (valid & ATTR_GID) ? attr->ia_gid : inode->i_gid;

		if (!inode_owner_or_capable(inode))
			return -EPERM;
		if (!in_group_p(gid) && !capable(CAP_FSETID))
			attr->ia_mode &= ~S_ISGID;
	}
	if ((valid & (ATTR_ATIME_SET | ATTR_MTIME_SET)) && !inode_owner_or_capable(inode))
		return -EPERM;
	return 0;
}

/* Fold ATTR_KILL_SUID/ATTR_KILL_SGID into an ATTR_MODE change, if needed. */
static void kill_sxid(const struct inode *inode, struct iattr *attr)
{
	umode_t mode = (attr->ia_valid & ATTR_MODE) ? attr->ia_mode : inode->i_mode;
	umode_t kill = 0;

	if ((attr->ia_valid & ATTR_KILL_SUID) && (mode & S_ISUID))
		kill |= S_ISUID;
	if ((attr->ia_valid & ATTR_KILL_SGID) && (mode & (S_ISGID | S_IXGRP)) ==
	    (S_ISGID | S_IXGRP))
		kill |= S_ISGID;
	if (kill) {
		attr->ia_valid |= ATTR_MODE;
		attr->ia_mode = mode & ~kill;
	}
}

int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	s64 now = ktime_get_real_ns();
	int err;

	if (IS_RDONLY(inode))
		return -EROFS;
	if ((attr->ia_valid & ATTR_TOUCH) && !inode_owner_or_capable(inode)) {
		err = inode_permission(inode, MAY_WRITE);
		if (err)
			return err;
	}
	err = setattr_prepare(dentry, attr);
	if (err)
		return err;
	kill_sxid(inode, attr);
	inode_lock(inode);
	if (attr->ia_valid & ATTR_SIZE) {
		err = -EPERM;
		if (inode->i_op && inode->i_op->setattr)
			err = inode->i_op->setattr(dentry, attr);
		if (err)
			goto out;
		WRITE_ONCE(inode->i_mtime_ns, now);
	}
	if (attr->ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (attr->ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (attr->ia_valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & S_IALLUGO);
	if (attr->ia_valid & ATTR_ATIME)
		WRITE_ONCE(inode->i_atime_ns,
			   (attr->ia_valid & ATTR_ATIME_SET) ? attr->ia_atime_ns : now);
	if (attr->ia_valid & ATTR_MTIME)
		WRITE_ONCE(inode->i_mtime_ns,
			   (attr->ia_valid & ATTR_MTIME_SET) ? attr->ia_mtime_ns : now);
	WRITE_ONCE(inode->i_ctime_ns, now);
	mark_inode_dirty(inode);
out:
	inode_unlock(inode);
	return err;
}

int should_remove_suid(struct dentry *dentry)
{
	umode_t mode = dentry->d_inode->i_mode;
	int kill = 0;

	if (mode & S_ISUID)
		kill = ATTR_KILL_SUID;
	if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		kill |= ATTR_KILL_SGID;
	if (kill && S_ISREG(mode) && !capable(CAP_FSETID))
		return kill;
	return 0;
}

int file_remove_privs(struct file *file)
{
	struct iattr attr = { .ia_valid = ATTR_FORCE };

	attr.ia_valid |= should_remove_suid(file_dentry(file));
	if (attr.ia_valid == ATTR_FORCE)
		return 0;
	return notify_change(file_dentry(file), &attr);
}
