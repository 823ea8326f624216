// SPDX-License-Identifier: GPL-2.0-only
/*
 * The root of the namespace: a ramfs, set up by a core initcall so that
 * everything later (devtmpfs, drivers, tests) finds "/". No mount(2) and
 * no other mounts yet.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/ramfs.h>
#include "internal.h"

struct dentry *vfs_root;

static int __init init_rootfs(void)
{
	struct super_block *sb;
	int err = dcache_init();

	if (err)
		return err;
	sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	if (!sb)
		return -ENOMEM;
	err = ramfs_fill_super(sb);
	if (err) {
		kfree(sb);
		return err;
	}
	vfs_root = sb->s_root;
	pr_info("VFS: ramfs mounted as root\n");
	return 0;
}
core_initcall(init_rootfs);
