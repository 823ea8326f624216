// SPDX-License-Identifier: GPL-2.0-only
/*
 * Super blocks: made by a file system type's ->mount (mount_bdev(),
 * mount_nodev(), mount_single()), counted by s_active (one per mount),
 * killed by ->kill_sb at the last deactivate_super(); writing back
 * (sync_filesystem(), sync(2), syncfs(2)).
 *
 * sb_lock covers the list of super blocks and every s_active; it is a
 * mutex because iterate_supers() calls back (sync) with it held, so a
 * callback must not mount, unmount or take it again.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/blkdev.h>
#include <linux/buffer_head.h>
#include "internal.h"

static LIST_HEAD(super_blocks);
static DEFINE_MUTEX(sb_lock);
static atomic_t last_anon_dev;	/* minors of major 0, for super blocks without a device */

/* A new super block of @type with one active reference, listed. */
static struct super_block *alloc_super(struct file_system_type *type, int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_flags = flags & SB_RDONLY;
	sb->s_maxbytes = MAX_LFS_FILESIZE;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_active = 1;
	/* Linux's anonymous device numbers (0:<n>); not reused here. */
	sb->s_dev = MKDEV(0, (atomic_inc_return(&last_anon_dev) - 1) % MINORMASK + 1);
	spin_lock_init(&sb->s_inode_wblist_lock);
	INIT_LIST_HEAD(&sb->s_dirty);
	mutex_lock(&sb_lock);
	list_add_tail(&sb->s_list, &super_blocks);
	mutex_unlock(&sb_lock);
	return sb;
}

void super_get_active(struct super_block *sb)
{
	mutex_lock(&sb_lock);
	WARN_ON(!sb->s_active);
	sb->s_active++;
	mutex_unlock(&sb_lock);
}

void deactivate_super(struct super_block *sb)
{
	mutex_lock(&sb_lock);
	if (--sb->s_active) {
		mutex_unlock(&sb_lock);
		return;
	}
	list_del(&sb->s_list);
	mutex_unlock(&sb_lock);
	sb->s_type->kill_sb(sb);
	kfree(sb);
}

/* fill_super() done: the root the mount shows, or undo on @err. */
static struct dentry *mount_done(struct super_block *sb, int err)
{
	if (!err && !sb->s_root)
		err = -EINVAL;		/* a fill_super that forgot its root */
	if (err) {
		deactivate_super(sb);
		return ERR_PTR(err);
	}
	sb->s_flags |= SB_ACTIVE;
	return dget(sb->s_root);
}

struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
			   int (*fill_super)(struct super_block *, void *, int))
{
	struct super_block *sb = alloc_super(fs_type, flags);

	if (!sb)
		return ERR_PTR(-ENOMEM);
	return mount_done(sb, fill_super(sb, data, !!(flags & SB_SILENT)));
}

struct dentry *mount_single(struct file_system_type *fs_type, int flags, void *data,
			    int (*fill_super)(struct super_block *, void *, int))
{
	struct super_block *sb;

	mutex_lock(&sb_lock);
	list_for_each_entry(sb, &super_blocks, s_list) {
		if (sb->s_type == fs_type && (sb->s_flags & SB_ACTIVE)) {
			sb->s_active++;
			mutex_unlock(&sb_lock);
			return dget(sb->s_root);
		}
	}
	mutex_unlock(&sb_lock);
	return mount_nodev(fs_type, flags, data, fill_super);
}

struct dentry *mount_bdev(struct file_system_type *fs_type, int flags, const char *dev_name,
			  void *data, int (*fill_super)(struct super_block *, void *, int))
{
	blk_mode_t mode = FMODE_READ | ((flags & SB_RDONLY) ? 0 : FMODE_WRITE);
	struct super_block *sb = alloc_super(fs_type, flags);
	struct block_device *bdev;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	bdev = dev_name ? blkdev_get_by_path(dev_name, mode, sb) : ERR_PTR(-EINVAL);
	if (IS_ERR(bdev)) {
		mutex_lock(&sb_lock);
		list_del(&sb->s_list);
		mutex_unlock(&sb_lock);
		kfree(sb);
		return ERR_CAST(bdev);
	}
	sb->s_bdev = bdev;
	sb->s_dev = bdev->bd_dev;
	sb_set_blocksize(sb, bdev_logical_block_size(bdev));
	return mount_done(sb, fill_super(sb, data, !!(flags & SB_SILENT)));
}

/* Unlink every dentry below @root, deepest first. Namespace mutex held. */
static void d_prune_tree(struct dentry *root)
{
	struct dentry *d = root;

	for (;;) {
		struct dentry *parent;

		if (!list_empty(&d->d_subdirs)) {
			d = list_first_entry(&d->d_subdirs, struct dentry, d_child);
			continue;
		}
		if (d == root)
			return;
		parent = d->d_parent;
		d_detach(d);	/* may free @d; its parent is still linked */
		d = parent;
	}
}

void generic_shutdown_super(struct super_block *sb)
{
	const struct super_operations *sop = sb->s_op;

	if (sb->s_root) {
		sync_filesystem(sb);
		sb->s_root->d_flags &= ~DCACHE_LINKED;
		dput(sb->s_root);
		sb->s_root = NULL;
	}
	if (sop && sop->put_super)
		sop->put_super(sb);
	if (atomic_long_read(&sb->s_nr_inodes))
		pr_err("VFS: busy inodes on unmount of %s (%ld)\n", sb->s_type->name,
		       atomic_long_read(&sb->s_nr_inodes));
}

void kill_anon_super(struct super_block *sb)
{
	generic_shutdown_super(sb);
}

/* Unlink every dentry of @sb's tree but the root, if it has one. */
static void prune_sb_tree(struct super_block *sb)
{
	if (sb->s_root) {
		vfs_ns_lock();
		d_prune_tree(sb->s_root);
		vfs_ns_unlock();
	}
}

void kill_litter_super(struct super_block *sb)
{
	prune_sb_tree(sb);
	kill_anon_super(sb);
}

void kill_block_super(struct super_block *sb)
{
	struct block_device *bdev = sb->s_bdev;

	prune_sb_tree(sb);	/* the dentries ->lookup made */
	generic_shutdown_super(sb);
	sync_blockdev(bdev);
	bdev_release(bdev, sb);
}

/* --- Writing back ------------------------------------------------------ */

void mark_inode_dirty(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	bool put = false;

	if (!sb->s_op || !sb->s_op->write_inode)
		return;
	spin_lock(&sb->s_inode_wblist_lock);
	if (!inode->i_nlink && (inode->i_state & I_DIRTY)) {
		/* Deleted: ->evict_inode frees it, its reference must not wait for a sync. */
		list_del_init(&inode->i_io_list);
		inode->i_state &= ~I_DIRTY;
		put = true;
	} else if (inode->i_nlink && !(inode->i_state & I_DIRTY)) {
		inode->i_state |= I_DIRTY;
		ihold(inode);
		list_add_tail(&inode->i_io_list, &sb->s_dirty);
	}
	spin_unlock(&sb->s_inode_wblist_lock);
	if (put)
		iput(inode);	/* never the last: the caller holds one */
}

/* ->write_inode every dirty inode of @sb; the first error. */
static int write_dirty_inodes(struct super_block *sb)
{
	int err, ret = 0;

	spin_lock(&sb->s_inode_wblist_lock);
	while (!list_empty(&sb->s_dirty)) {
		struct inode *inode = list_first_entry(&sb->s_dirty, struct inode, i_io_list);

		list_del_init(&inode->i_io_list);
		inode->i_state &= ~I_DIRTY;
		spin_unlock(&sb->s_inode_wblist_lock);
		err = sb->s_op->write_inode ? sb->s_op->write_inode(inode, 1) : 0;
		if (err && !ret)
			ret = err;
		iput(inode);
		spin_lock(&sb->s_inode_wblist_lock);
	}
	spin_unlock(&sb->s_inode_wblist_lock);
	return ret;
}

int sync_filesystem(struct super_block *sb)
{
	int err = sb->s_op ? write_dirty_inodes(sb) : 0;
	int err2 = 0, err3 = 0;

	if (sb->s_op && sb->s_op->sync_fs)
		err2 = sb->s_op->sync_fs(sb, 1);
	if (sb->s_bdev)
		err3 = sync_blockdev(sb->s_bdev);
	return err ? err : err2 ? err2 : err3;
}

void iterate_supers(void (*f)(struct super_block *sb, void *arg), void *arg)
{
	struct super_block *sb;

	mutex_lock(&sb_lock);
	list_for_each_entry(sb, &super_blocks, s_list)
		if (sb->s_flags & SB_ACTIVE)
			f(sb, arg);
	mutex_unlock(&sb_lock);
}
