// SPDX-License-Identifier: GPL-2.0-only
/* Inode allocation, reference counting and link counts. */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/blkdev.h>
#include <linux/timekeeping.h>

static atomic_long_t last_ino = ATOMIC_INIT(1);

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	if (sb->s_op && sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_nlink = 1;
	inode->i_ino = atomic_long_inc_return(&last_ino);
	inode->i_atime_ns = inode->i_mtime_ns = inode->i_ctime_ns = ktime_get_real_ns();
	atomic_set(&inode->i_count, 1);
	mutex_init(&inode->i_mutex);
	atomic_long_inc(&sb->s_nr_inodes);
	return inode;
}

void ihold(struct inode *inode)
{
	WARN_ON(atomic_inc_return(&inode->i_count) < 2);
}

void iput(struct inode *inode)
{
	struct super_block *sb;

	if (!inode || !atomic_dec_and_test(&inode->i_count))
		return;
	sb = inode->i_sb;
	atomic_long_dec(&sb->s_nr_inodes);
	if (sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	if (sb->s_op && sb->s_op->free_inode)
		sb->s_op->free_inode(inode);
	else
		kfree(inode);
}

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	inode->i_fop = NULL;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_fop = &def_blk_fops;
		inode->i_rdev = rdev;
	} else if (!S_ISFIFO(mode) && !S_ISSOCK(mode)) {
		pr_warn("init_special_inode: bogus i_mode (%o) for inode %lu\n",
			mode, inode->i_ino);
	}
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
	if (inode->i_nlink)
		inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

void inode_touch(struct inode *inode, bool mtime)
{
	s64 now = ktime_get_real_ns();

	if (mtime)
		WRITE_ONCE(inode->i_mtime_ns, now);
	WRITE_ONCE(inode->i_ctime_ns, now);
}
