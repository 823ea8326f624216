// SPDX-License-Identifier: GPL-2.0-only
/*
 * ramfs inodes and directory operations. A directory's entries are its
 * dentries (the VFS links them), so these methods only build inodes and
 * keep link counts, as Linux's ramfs and libfs "simple_" helpers do.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/ramfs.h>
#include <linux/mm.h>
#include <linux/statfs.h>
#include <linux/init.h>
#include "internal.h"

static const struct inode_operations ramfs_dir_inode_operations;

static struct inode *ramfs_alloc_inode(struct super_block *sb)
{
	struct ramfs_inode *ri = kzalloc(sizeof(*ri), GFP_KERNEL);

	if (!ri)
		return NULL;
	mutex_init(&ri->pages_lock);
	return &ri->vfs_inode;
}

static void ramfs_free_inode(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);

	ramfs_free_data(ri);
	kfree(inode->i_link);
	kfree(ri);
}

/*
 * Like tmpfs: the file system can grow into all free memory, and may hold
 * an inode per page of RAM.
 */
static int ramfs_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct super_block *sb = dentry->d_inode->i_sb;
	u64 inodes = atomic_long_read(&sb->s_nr_inodes);

	buf->f_blocks = totalram_pages();
	buf->f_bfree = buf->f_bavail = nr_free_pages();
	buf->f_files = max_t(u64, totalram_pages(), inodes);
	buf->f_ffree = buf->f_files - inodes;
	return 0;
}

static const struct super_operations ramfs_ops = {
	.alloc_inode = ramfs_alloc_inode,
	.free_inode = ramfs_free_inode,
	.statfs = ramfs_statfs,
};

struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode,
			      dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode_init_owner(inode, dir, mode);
	mode = inode->i_mode;
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);	/* "." */
		break;
	case S_IFLNK:
		break;		/* ramfs_symlink() sets i_link */
	default:
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOMEM;
	d_instantiate(dentry, inode);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);		/* the new ".." */
	return err;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	char *link;

	if (!inode)
		return -ENOMEM;
	link = kstrdup(target, GFP_KERNEL);
	if (!link) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_link = link;
	inode->i_size = strlen(link);
	d_instantiate(dentry, inode);
	return 0;
}

static int ramfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old_dentry->d_inode;

	ihold(inode);
	inc_nlink(inode);
	d_instantiate(dentry, inode);
	return 0;
}

static int ramfs_unlink(struct inode *dir, struct dentry *dentry)
{
	drop_nlink(dentry->d_inode);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	clear_nlink(dentry->d_inode);
	drop_nlink(dir);
	return 0;
}

static int ramfs_rename(struct inode *old_dir, struct dentry *old_dentry,
			struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	bool is_dir = S_ISDIR(old_dentry->d_inode->i_mode);

	if (flags)
		return -EINVAL;
	if (d_really_is_positive(new_dentry)) {
		if (is_dir) {
			if (!simple_empty(new_dentry))
				return -ENOTEMPTY;
			clear_nlink(new_dentry->d_inode);
			drop_nlink(new_dir);	/* the replaced directory's ".." */
		} else {
			drop_nlink(new_dentry->d_inode);
		}
	}
	if (is_dir && old_dir != new_dir) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	return 0;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.symlink = ramfs_symlink,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.rename = ramfs_rename,
};

int ramfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root;

	sb->s_op = &ramfs_ops;
	sb->s_magic = RAMFS_MAGIC;
	sb->s_maxbytes = MAX_LFS_FILESIZE;
	root = ramfs_get_inode(sb, NULL, S_IFDIR | 0755, 0);
	if (!root)
		return -ENOMEM;
	inc_nlink(root);	/* the root is its own parent */
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *ramfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, ramfs_fill_super);
}

struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.kill_sb = kill_litter_super,
};

/* tmpfs is ramfs under Linux's tmpfs name, magic and sticky, world-writable root. */
static int tmpfs_fill_super(struct super_block *sb, void *data, int silent)
{
	int err = ramfs_fill_super(sb, data, silent);

	if (!err) {
		sb->s_magic = TMPFS_MAGIC;
		sb->s_root->d_inode->i_mode = S_IFDIR | 01777;
	}
	return err;
}

static struct dentry *tmpfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, tmpfs_fill_super);
}

static struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.mount = tmpfs_mount,
	.kill_sb = kill_litter_super,
};

static int __init init_ramfs_fs(void)
{
	int err = register_filesystem(&tmpfs_fs_type);

	return err ? err : register_filesystem(&ramfs_fs_type);
}
fs_initcall(init_ramfs_fs);
