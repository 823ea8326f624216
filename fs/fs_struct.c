// SPDX-License-Identifier: GPL-2.0-only
/* Working directories of processes (see linux/fs_struct.h). */
#include <linux/kernel.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include "internal.h"
#include "mount.h"

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	refcount_set(&fs->users, 1);
	spin_lock_init(&fs->lock);
	if (old) {
		unsigned long flags;

		spin_lock_irqsave(&old->lock, flags);
		fs->pwd = old->pwd;
		path_get(&fs->pwd);
		spin_unlock_irqrestore(&old->lock, flags);
	} else {
		fs->pwd.mnt = mntget(root_mnt);
		fs->pwd.dentry = dget(vfs_root);
	}
	return fs;
}

void exit_fs(void)
{
	struct fs_struct *fs = current->fs;

	if (!fs)
		return;
	current->fs = NULL;
	if (refcount_dec_and_test(&fs->users)) {
		path_put(&fs->pwd);
		kfree(fs);
	}
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old;
	unsigned long flags;

	path_get(path);
	spin_lock_irqsave(&fs->lock, flags);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock_irqrestore(&fs->lock, flags);
	path_put(&old);
}

void get_fs_pwd(struct path *path)
{
	struct fs_struct *fs = current->fs;
	unsigned long flags;

	if (!fs) {
		path->mnt = mntget(root_mnt);
		path->dentry = dget(vfs_root);
		return;
	}
	spin_lock_irqsave(&fs->lock, flags);
	*path = fs->pwd;
	path_get(path);
	spin_unlock_irqrestore(&fs->lock, flags);
}

unsigned int current_umask(void)
{
	return current->umask;
}
