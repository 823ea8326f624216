// SPDX-License-Identifier: GPL-2.0-only
/* Inode allocation, reference counting, the inode hash and link counts. */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/blkdev.h>
#include <linux/timekeeping.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

static atomic_long_t last_ino = ATOMIC_INIT(1);

/* --- The inode hash: disk file systems' inodes by number --------------- */

/*
 * Hashed inodes are found by (super block, i_ino) while they live. The
 * lock covers the table, I_NEW, and the last iput() of a hashed inode (so
 * a lookup never revives one being freed).
 */
#define IHASH_BITS 10
static struct hlist_head inode_hashtable[1 << IHASH_BITS];
static DEFINE_SPINLOCK(inode_hash_lock);
static DECLARE_WAIT_QUEUE_HEAD(inode_new_wq);	/* I_NEW cleared */

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
	INIT_HLIST_NODE(&inode->i_hash);
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

	if (!inode)
		return;
	if (!inode_unhashed(inode)) {
		spin_lock(&inode_hash_lock);
		if (!atomic_dec_and_test(&inode->i_count)) {
			spin_unlock(&inode_hash_lock);
			return;
		}
		hlist_del_init(&inode->i_hash);
		spin_unlock(&inode_hash_lock);
	} else if (!atomic_dec_and_test(&inode->i_count)) {
		return;
	}
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
	mark_inode_dirty(inode);
}

static struct hlist_head *inode_hash(struct super_block *sb, unsigned long ino)
{
	u64 h = ((unsigned long)sb / 64 + ino) * 0x9e3779b97f4a7c15ULL;

	return &inode_hashtable[h >> (64 - IHASH_BITS)];
}

struct inode *iget_locked(struct super_block *sb, unsigned long ino)
{
	struct hlist_head *head = inode_hash(sb, ino);
	struct inode *inode, *new = NULL;

again:
	spin_lock(&inode_hash_lock);
	hlist_for_each_entry(inode, head, i_hash) {
		if (inode->i_sb != sb || inode->i_ino != ino)
			continue;
		atomic_inc(&inode->i_count);
		spin_unlock(&inode_hash_lock);
		if (new)
			iput(new);
		wait_event(inode_new_wq, !(READ_ONCE(inode->i_state) & I_NEW));
		if (inode_unhashed(inode)) {	/* its reader failed: try again */
			iput(inode);
			new = NULL;
			goto again;
		}
		return inode;
	}
	if (new) {
		hlist_add_head(&new->i_hash, head);
		spin_unlock(&inode_hash_lock);
		return new;
	}
	spin_unlock(&inode_hash_lock);
	new = new_inode(sb);
	if (!new)
		return NULL;
	new->i_ino = ino;
	new->i_state |= I_NEW;
	goto again;		/* someone may have added it meanwhile */
}

void unlock_new_inode(struct inode *inode)
{
	spin_lock(&inode_hash_lock);
	inode->i_state &= ~I_NEW;
	spin_unlock(&inode_hash_lock);
	wake_up_all(&inode_new_wq);
}

void iget_failed(struct inode *inode)
{
	spin_lock(&inode_hash_lock);
	hlist_del_init(&inode->i_hash);
	spin_unlock(&inode_hash_lock);
	unlock_new_inode(inode);
	iput(inode);
}

void insert_inode_hash(struct inode *inode)
{
	spin_lock(&inode_hash_lock);
	hlist_add_head(&inode->i_hash, inode_hash(inode->i_sb, inode->i_ino));
	spin_unlock(&inode_hash_lock);
}
