// SPDX-License-Identifier: GPL-2.0-only
/*
 * A devtmpfs-like /dev: every device added with a device number gets a
 * node /dev/<name> (a block node for the block class, else a character one) (or the name its class's devnode() picks),
 * and loses it when deleted. Unlike Linux's devtmpfs this is not a
 * separate file system but the /dev directory of the root ramfs, made
 * here at boot, and nodes are made synchronously (no kdevtmpfs thread).
 * Node names may not contain '/'.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/device.h>
#include <linux/blkdev.h>
#include "base.h"

static bool devtmpfs_ready;

static umode_t node_type(const struct device *dev)
{
	return dev->class == &block_class ? S_IFBLK : S_IFCHR;
}

/* "/dev/<node name>" and the node's mode; NULL on -ENOMEM. */
static char *node_path(struct device *dev, umode_t *mode)
{
	char *devnode = NULL, *path;
	const char *name = dev_name(dev);

	*mode = 0;
	if (dev->class && dev->class->devnode)
		devnode = dev->class->devnode(dev, mode);
	if (devnode)
		name = devnode;
	if (!*mode)
		*mode = 0600;
	path = kmalloc(strlen(name) + sizeof("/dev/"), GFP_KERNEL);
	if (path) {
		strcpy(path, "/dev/");
		strcat(path, name);
	}
	kfree(devnode);
	return path;
}

int devtmpfs_create_node(struct device *dev)
{
	umode_t mode;
	char *path;
	int err;

	if (!READ_ONCE(devtmpfs_ready))
		return 0;
	path = node_path(dev, &mode);
	if (!path)
		return -ENOMEM;
	if (strchr(path + 5, '/'))
		err = -EINVAL;
	else
		err = kern_mknod(path, node_type(dev) | (mode & 07777), dev->devt);
	if (err) {
		pr_warn("devtmpfs: cannot create %s: %d\n", path, err);
		kfree(path);
		return err;
	}
	dev->devtmpfs_path = path;	/* removing the node must not need memory */
	return 0;
}

void devtmpfs_delete_node(struct device *dev)
{
	char *path = dev->devtmpfs_path;
	struct path node;
	bool mine;

	if (!path)
		return;
	/* Only remove the node if it is still this device's. */
	if (!kern_path(path, 0, &node)) {
		struct inode *inode = node.dentry->d_inode;

		mine = (inode->i_mode & S_IFMT) == node_type(dev) &&
		       inode->i_rdev == dev->devt;
		path_put(&node);
		if (mine)
			kern_unlink(path);
	}
	dev->devtmpfs_path = NULL;
	kfree(path);
}

static int __init devtmpfs_init(void)
{
	int err = kern_mkdir("/dev", 0755);

	if (err && err != -EEXIST) {
		pr_err("devtmpfs: cannot create /dev: %d\n", err);
		return err;
	}
	WRITE_ONCE(devtmpfs_ready, true);
	return 0;
}
postcore_initcall(devtmpfs_init);
