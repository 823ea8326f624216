// SPDX-License-Identifier: GPL-2.0-only
/*
 * devtmpfs: every device added with a device number gets a node <name>
 * (a block node for the block class, else a character one; or the name
 * its class's devnode() picks) in the devtmpfs file system, and loses it
 * when deleted. devtmpfs is one ramfs super block (Linux's tmpfs magic),
 * kept alive by an internal mount and mounted on /dev at boot; mount -t
 * devtmpfs shows the same one elsewhere. Nodes are made synchronously (no
 * kdevtmpfs thread). Node names may not contain '/'.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <linux/ramfs.h>
#include <linux/device.h>
#include <linux/blkdev.h>
#include "base.h"

static struct vfsmount *devtmpfs_mnt;	/* set once, at boot */

static umode_t node_type(const struct device *dev)
{
	return dev->class == &block_class ? S_IFBLK : S_IFCHR;
}

/* The node's name in devtmpfs and its mode; NULL on -ENOMEM. */
static char *node_name(struct device *dev, umode_t *mode)
{
	char *devnode = NULL;

	*mode = 0;
	if (dev->class && dev->class->devnode)
		devnode = dev->class->devnode(dev, mode);
	if (!*mode)
		*mode = 0600;
	return devnode ? devnode : kstrdup(dev_name(dev), GFP_KERNEL);
}

static struct path devtmpfs_root(void)
{
	struct path root = { .mnt = devtmpfs_mnt, .dentry = devtmpfs_mnt->mnt_root };

	return root;
}

int devtmpfs_create_node(struct device *dev)
{
	struct path root;
	umode_t mode;
	char *name;
	int err;

	if (!READ_ONCE(devtmpfs_mnt))
		return 0;
	root = devtmpfs_root();
	name = node_name(dev, &mode);
	if (!name)
		return -ENOMEM;
	if (strchr(name, '/') || !*name)
		err = -EINVAL;
	else
		err = do_mknodat(&root, name, node_type(dev) | (mode & 07777), dev->devt);
	if (err) {
		pr_warn("devtmpfs: cannot create %s: %d\n", name, err);
		kfree(name);
		return err;
	}
	dev->devtmpfs_path = name;	/* removing the node must not need memory */
	return 0;
}

void devtmpfs_delete_node(struct device *dev)
{
	char *name = dev->devtmpfs_path;
	struct path root, node;
	bool mine;

	if (!name)
		return;
	root = devtmpfs_root();
	/* Only remove the node if it is still this device's. */
	if (!vfs_path_lookup(&root, name, 0, &node)) {
		struct inode *inode = node.dentry->d_inode;

		mine = (inode->i_mode & S_IFMT) == node_type(dev) &&
		       inode->i_rdev == dev->devt;
		path_put(&node);
		if (mine)
			do_unlinkat(&root, name);
	}
	dev->devtmpfs_path = NULL;
	kfree(name);
}

static int devtmpfs_fill_super(struct super_block *sb, void *data, int silent)
{
	int err = ramfs_fill_super(sb, data, silent);

	if (!err)
		sb->s_magic = TMPFS_MAGIC;
	return err;
}

static struct dentry *devtmpfs_mount(struct file_system_type *fs_type, int flags,
				     const char *dev_name, void *data)
{
	return mount_single(fs_type, flags, data, devtmpfs_fill_super);
}

static struct file_system_type devtmpfs_fs_type = {
	.name = "devtmpfs",
	.mount = devtmpfs_mount,
	.kill_sb = kill_litter_super,
};

static int __init devtmpfs_init(void)
{
	struct vfsmount *mnt;
	int err = register_filesystem(&devtmpfs_fs_type);

	if (err)
		return err;
	mnt = kern_mount(&devtmpfs_fs_type);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	err = kern_mkdir("/dev", 0755);
	if (!err || err == -EEXIST)
		err = kern_mount_at("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	if (err) {
		pr_err("devtmpfs: cannot mount on /dev: %d\n", err);
		kern_unmount(mnt);
		return err;
	}
	WRITE_ONCE(devtmpfs_mnt, mnt);
	return 0;
}
postcore_initcall(devtmpfs_init);
