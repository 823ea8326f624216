// SPDX-License-Identifier: GPL-2.0-only
/*
 * Who may do what to an inode: the mode-bit check and the capabilities
 * that override it, as Linux's fs/namei.c decides them (Ferrite keeps
 * them apart from the path walk). Ids are compared with current's
 * file-system ids, which is what access(2) swaps for the real ones.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/sched.h>

/* The rwx bits of @inode's mode that apply to current, in bits 0-2. */
static unsigned int mode_class_bits(const struct inode *inode)
{
	umode_t mode = inode->i_mode;

	if (current_fsuid() == inode->i_uid)
		return (mode >> 6) & 7;
	if (in_group_p(inode->i_gid))
		return (mode >> 3) & 7;
	return mode & 7;
}

int generic_permission(struct inode *inode, int mask)
{
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (!(mask & ~mode_class_bits(inode)))
		return 0;
	if (S_ISDIR(inode->i_mode)) {
		if (!(mask & MAY_WRITE) && capable(CAP_DAC_READ_SEARCH))
			return 0;
		return capable(CAP_DAC_OVERRIDE) ? 0 : -EACCES;
	}
	if (mask == MAY_READ && capable(CAP_DAC_READ_SEARCH))
		return 0;
	/* Not even root executes a file that has no x bit at all. */
	if ((!(mask & MAY_EXEC) || (inode->i_mode & S_IXUGO)) && capable(CAP_DAC_OVERRIDE))
		return 0;
	return -EACCES;
}

int inode_permission(struct inode *inode, int mask)
{
	return generic_permission(inode, mask);
}

bool inode_owner_or_capable(const struct inode *inode)
{
	return current_fsuid() == inode->i_uid || capable(CAP_FOWNER);
}

bool check_sticky(const struct inode *dir, const struct inode *inode)
{
	if (!(dir->i_mode & S_ISVTX))
		return false;
	if (current_fsuid() == inode->i_uid || current_fsuid() == dir->i_uid)
		return false;
	return !capable(CAP_FOWNER);
}

void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current_fsuid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
		else if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) &&
			 !in_group_p(inode->i_gid) && !capable(CAP_FSETID))
			mode &= ~S_ISGID;
	} else {
		inode->i_gid = current_fsgid();
	}
	inode->i_mode = mode;
}
