// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of mounts: tmpfs mounted and unmounted, the path walk crossing
 * into a mount and back out through "..", the EBUSY/EINVAL/ENODEV/EXDEV
 * answers, lazy unmount with a file still open, remounting read-only,
 * /proc/mounts, statfs, the inode hash (iget_locked()), and mount_bdev()
 * on a null_blk disk with a small file system whose fill_super reads its
 * magic with sb_bread(). Every mount lives under /mnt_t, made and removed
 * by each case; cycles that end in umount are checked for leaked memory.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/ramfs.h>
#include <linux/statfs.h>
#include <linux/buffer_head.h>
#include <uapi/linux/fcntl.h>
#include "../drivers/block/null_blk.h"
#include "mount.h"

static int mnt_test_init(struct kunit *test)
{
	int err = kern_mkdir("/mnt_t", 0755);

	return err ? err : kern_mkdir("/mnt_t/a", 0755);
}

static void mnt_test_exit(struct kunit *test)
{
	kern_umount("/mnt_t/a", MNT_DETACH);	/* after a failed case */
	kern_rmdir("/mnt_t/a");
	kern_rmdir("/mnt_t");
}

static int make_file(const char *path)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);

	if (IS_ERR(f))
		return PTR_ERR(f);
	filp_close(f, NULL);
	return 0;
}

static bool exists(const char *name)
{
	struct path p;

	if (kern_path(name, 0, &p))
		return false;
	path_put(&p);
	return true;
}

/* A path's dentry and mount, compared with those of @name. */
static bool same_place(const struct path *p, const char *name)
{
	struct path q;
	bool same;

	if (kern_path(name, 0, &q))
		return false;
	same = q.dentry == p->dentry && q.mnt == p->mnt;
	path_put(&q);
	return same;
}

static void mnt_cross(struct kunit *test)
{
	struct path dir, root, up;

	KUNIT_ASSERT_EQ(test, kern_path("/mnt_t/a", 0, &dir), 0);
	KUNIT_ASSERT_EQ(test, make_file("/mnt_t/a/under"), 0);
	KUNIT_ASSERT_EQ(test, kern_mount_at("none", "/mnt_t/a", "tmpfs", 0, NULL), 0);
	/* Down: the name now leads to the root of the tmpfs. */
	KUNIT_ASSERT_EQ(test, kern_path("/mnt_t/a", 0, &root), 0);
	KUNIT_EXPECT_TRUE(test, root.mnt != dir.mnt);
	KUNIT_EXPECT_PTR_EQ(test, root.dentry, root.mnt->mnt_root);
	KUNIT_EXPECT_EQ(test, root.dentry->d_sb->s_magic, (unsigned long)TMPFS_MAGIC);
	KUNIT_EXPECT_FALSE(test, exists("/mnt_t/a/under"));	/* hidden below */
	KUNIT_EXPECT_EQ(test, make_file("/mnt_t/a/over"), 0);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/mnt_t/a/d", 0755), 0);
	/* Up: ".." of the mounted root and of a directory in it. */
	KUNIT_ASSERT_EQ(test, kern_path("/mnt_t/a/..", 0, &up), 0);
	KUNIT_EXPECT_TRUE(test, same_place(&up, "/mnt_t"));
	path_put(&up);
	KUNIT_ASSERT_EQ(test, kern_path("/mnt_t/a/d/../../a/d/../..", 0, &up), 0);
	KUNIT_EXPECT_TRUE(test, same_place(&up, "/mnt_t"));
	path_put(&up);
	/* Relative walks from inside go up through the mountpoint too. */
	KUNIT_ASSERT_EQ(test, vfs_path_lookup(&root, "../a/over", 0, &up), 0);
	KUNIT_EXPECT_PTR_EQ(test, up.mnt, root.mnt);
	path_put(&up);
	path_put(&root);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), 0);
	/* Back to the directory below, which kept its file. */
	KUNIT_EXPECT_TRUE(test, same_place(&dir, "/mnt_t/a"));
	KUNIT_EXPECT_TRUE(test, exists("/mnt_t/a/under"));
	KUNIT_EXPECT_FALSE(test, exists("/mnt_t/a/over"));
	KUNIT_EXPECT_EQ(test, kern_unlink("/mnt_t/a/under"), 0);
	path_put(&dir);
}

static void mnt_errors(struct kunit *test)
{
	struct file *f;

	KUNIT_EXPECT_EQ(test, kern_mount_at("none", "/mnt_t/a", "no-such-fs", 0, NULL), -ENODEV);
	KUNIT_EXPECT_EQ(test, kern_mount_at("none", "/mnt_t/nowhere", "tmpfs", 0, NULL), -ENOENT);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), -EINVAL);	/* not mounted */
	KUNIT_EXPECT_EQ(test, kern_umount("/", 0), -EBUSY);
	KUNIT_ASSERT_EQ(test, make_file("/mnt_t/file"), 0);
	KUNIT_EXPECT_EQ(test, kern_mount_at("none", "/mnt_t/file", "tmpfs", 0, NULL), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kern_unlink("/mnt_t/file"), 0);

	KUNIT_ASSERT_EQ(test, kern_mount_at("none", "/mnt_t/a", "tmpfs", 0, NULL), 0);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a/", 0), 0);
	KUNIT_ASSERT_EQ(test, kern_mount_at("none", "/mnt_t/a", "tmpfs", 0, NULL), 0);
	/* An open file keeps it busy. */
	f = filp_open("/mnt_t/a/f", O_RDWR | O_CREAT, 0644);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a/f", 0), -EINVAL);	/* not a mount root */
	filp_close(f, NULL);
	/* So does a mount below it; and its mountpoint cannot be removed. */
	KUNIT_ASSERT_EQ(test, kern_mkdir("/mnt_t/a/sub", 0755), 0);
	KUNIT_ASSERT_EQ(test, kern_mount_at("none", "/mnt_t/a/sub", "ramfs", 0, NULL), 0);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/mnt_t/a/sub"), -EBUSY);
	KUNIT_EXPECT_EQ(test, kern_rename("/mnt_t/a/sub", "/mnt_t/a/sub2"), -EBUSY);
	/* Names cannot move or link between mounts. */
	KUNIT_ASSERT_EQ(test, make_file("/mnt_t/a/sub/x"), 0);
	KUNIT_EXPECT_EQ(test, kern_rename("/mnt_t/a/sub/x", "/mnt_t/a/x"), -EXDEV);
	KUNIT_EXPECT_EQ(test, do_linkat(NULL, "/mnt_t/a/sub/x", NULL, "/mnt_t/a/x", 0), -EXDEV);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a/sub", 0), 0);
	KUNIT_EXPECT_EQ(test, kern_rmdir("/mnt_t/a/sub"), 0);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), 0);
}

/* A lazy unmount leaves an open file usable; the last close frees the mount. */
static void mnt_detach(struct kunit *test)
{
	static const char data[] = "still here";
	char buf[sizeof(data)] = "";
	struct file *f;
	loff_t pos = 0;

	KUNIT_ASSERT_EQ(test, kern_mount_at("none", "/mnt_t/a", "tmpfs", 0, NULL), 0);
	f = filp_open("/mnt_t/a/f", O_RDWR | O_CREAT, 0644);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", MNT_DETACH), 0);
	KUNIT_EXPECT_FALSE(test, exists("/mnt_t/a/f"));
	KUNIT_EXPECT_EQ(test, kernel_write(f, data, sizeof(data), &pos), (ssize_t)sizeof(data));
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), (ssize_t)sizeof(data));
	KUNIT_EXPECT_STREQ(test, buf, data);
	filp_close(f, NULL);
}

static void mnt_remount_ro(struct kunit *test)
{
	struct path p;
	struct file *f;

	KUNIT_ASSERT_EQ(test, kern_mount_at("none", "/mnt_t/a", "tmpfs", 0, NULL), 0);
	KUNIT_ASSERT_EQ(test, make_file("/mnt_t/a/f"), 0);
	KUNIT_ASSERT_EQ(test, kern_path("/mnt_t/a", 0, &p), 0);
	KUNIT_EXPECT_EQ(test, path_mount(NULL, &p, NULL, MS_REMOUNT | MS_RDONLY, NULL), 0);
	KUNIT_EXPECT_EQ(test, make_file("/mnt_t/a/g"), -EROFS);
	KUNIT_EXPECT_EQ(test, kern_mkdir("/mnt_t/a/d", 0755), -EROFS);
	KUNIT_EXPECT_EQ(test, kern_unlink("/mnt_t/a/f"), -EROFS);
	KUNIT_EXPECT_EQ(test, make_file("/mnt_t/a/f"), -EEXIST);	/* EEXIST first, as Linux */
	f = filp_open("/mnt_t/a/f", O_WRONLY, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -EROFS);
	f = filp_open("/mnt_t/a/f", O_RDONLY, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, path_mount(NULL, &p, NULL, MS_REMOUNT, NULL), 0);
	KUNIT_EXPECT_EQ(test, make_file("/mnt_t/a/g"), 0);
	/* Only a mount's root can be remounted. */
	path_put(&p);
	KUNIT_ASSERT_EQ(test, kern_path("/mnt_t/a/g", 0, &p), 0);
	KUNIT_EXPECT_EQ(test, path_mount(NULL, &p, NULL, MS_REMOUNT, NULL), -EINVAL);
	path_put(&p);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), 0);
}

static void mnt_proc_and_statfs(struct kunit *test)
{
	static char buf[PAGE_SIZE];
	struct kstatfs st;
	struct path p;

	KUNIT_ASSERT_EQ(test, kern_mount_at("scratch", "/mnt_t/a", "tmpfs", MS_RDONLY, NULL), 0);
	KUNIT_EXPECT_GT(test, mounts_show(buf, PAGE_SIZE), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "ramfs / ramfs rw 0 0\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "proc /proc proc rw 0 0\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nscratch /mnt_t/a tmpfs ro 0 0\n"));
	KUNIT_ASSERT_EQ(test, kern_path("/mnt_t/a", 0, &p), 0);
	KUNIT_EXPECT_EQ(test, vfs_statfs(&p, &st), 0);
	KUNIT_EXPECT_EQ(test, st.f_type, (long)TMPFS_MAGIC);
	KUNIT_EXPECT_TRUE(test, st.f_flags & ST_RDONLY);
	path_put(&p);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), 0);
	mounts_show(buf, PAGE_SIZE);
	KUNIT_EXPECT_NULL(test, strstr(buf, "/mnt_t/a"));
	KUNIT_EXPECT_GT(test, filesystems_show(buf, PAGE_SIZE), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "nodev\ttmpfs\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "nodev\tproc\n"));
}

/* Mounting and unmounting a tmpfs with files in it frees everything. */
static void mnt_no_leak(struct kunit *test)
{
	unsigned long pages = 0, slab = 0;

	for (int round = 0; round < 3; round++) {
		struct file *f;
		loff_t pos = 0;

		if (round == 2) {	/* the first rounds may fill slab caches */
			pages = nr_free_pages();
			slab = slab_allocated_bytes();
		}
		KUNIT_ASSERT_EQ(test, kern_mount_at("none", "/mnt_t/a", "tmpfs", 0, NULL), 0);
		KUNIT_ASSERT_EQ(test, kern_mkdir("/mnt_t/a/d", 0755), 0);
		f = filp_open("/mnt_t/a/d/a-name-too-long-to-be-kept-inline-in-the-dentry",
			      O_RDWR | O_CREAT, 0644);
		KUNIT_ASSERT_FALSE(test, IS_ERR(f));
		KUNIT_EXPECT_EQ(test, kernel_write(f, "x", 1, &pos), 1);
		pos = 3 * PAGE_SIZE;
		KUNIT_EXPECT_EQ(test, kernel_write(f, "y", 1, &pos), 1);
		filp_close(f, NULL);
		KUNIT_ASSERT_EQ(test, kern_mount_at("none", "/mnt_t/a/d", "ramfs", 0, NULL), 0);
		KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a/d", 0), 0);
		KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), 0);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
}

/* The inode hash: one live inode per number; a failed read leaves nothing. */
static void mnt_iget(struct kunit *test)
{
	struct super_block *sb;
	struct inode *a, *b;
	struct path p;
	long inodes;

	KUNIT_ASSERT_EQ(test, kern_mount_at("none", "/mnt_t/a", "tmpfs", 0, NULL), 0);
	KUNIT_ASSERT_EQ(test, kern_path("/mnt_t/a", 0, &p), 0);
	sb = p.dentry->d_sb;
	inodes = atomic_long_read(&sb->s_nr_inodes);
	a = iget_locked(sb, 1000);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_TRUE(test, a->i_state & I_NEW);
	KUNIT_EXPECT_EQ(test, a->i_ino, 1000UL);
	a->i_mode = S_IFREG | 0644;
	unlock_new_inode(a);
	b = iget_locked(sb, 1000);
	KUNIT_EXPECT_PTR_EQ(test, b, a);
	KUNIT_EXPECT_FALSE(test, b->i_state & I_NEW);
	iput(b);
	b = iget_locked(sb, 1001);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_PTR_NE(test, b, a);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&sb->s_nr_inodes), inodes + 2);
	iget_failed(b);		/* as a file system does when the disk says no */
	KUNIT_EXPECT_EQ(test, atomic_long_read(&sb->s_nr_inodes), inodes + 1);
	b = iget_locked(sb, 1001);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_TRUE(test, b->i_state & I_NEW);	/* read again, not the failed one */
	unlock_new_inode(b);
	iput(b);
	iput(a);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&sb->s_nr_inodes), inodes);
	/* Once the last reference went, the number is read afresh. */
	a = iget_locked(sb, 1000);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_TRUE(test, a->i_state & I_NEW);
	iget_failed(a);
	path_put(&p);
	KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), 0);
}

/* --- mount_bdev() with a tiny file system on null_blk ------------------ */

#define KBLK_MAGIC	"kunitblk"
#define KBLK_BLOCK	1024	/* larger than the disk's 512-byte sectors */

static int kblk_fill_super(struct super_block *sb, void *data, int silent)
{
	struct buffer_head *bh;
	struct inode *root;
	bool ok;

	if (!sb_set_blocksize(sb, KBLK_BLOCK))
		return -EINVAL;
	bh = sb_bread(sb, 1);	/* the magic sits in the second block */
	if (!bh)
		return -EIO;
	ok = !memcmp(bh->b_data, KBLK_MAGIC, sizeof(KBLK_MAGIC));
	brelse(bh);
	if (!ok)
		return -EINVAL;
	root = new_inode(sb);
	if (!root)
		return -ENOMEM;
	root->i_mode = S_IFDIR | 0755;
	root->i_fop = &simple_dir_operations;
	sb->s_magic = 0x6b626c6b;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *kblk_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return mount_bdev(fs_type, flags, dev_name, data, kblk_fill_super);
}

static struct file_system_type kblk_fs_type = {
	.name = "kunitblk",
	.fs_flags = FS_REQUIRES_DEV,
	.mount = kblk_mount,
	.kill_sb = kill_block_super,
};

/* Write @data at byte @pos of /dev/<name> through its node. */
static int write_dev(const char *dev, loff_t pos, const void *data, size_t len)
{
	struct file *f = filp_open(dev, O_RDWR, 0);
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, data, len, &pos);
	vfs_fsync(f, 0);
	filp_close(f, NULL);
	return n == (ssize_t)len ? 0 : -EIO;
}

static void mnt_bdev(struct kunit *test)
{
	static const struct nullb_config cfg = {
		.size = 1, .bs = 512, .irqmode = NULL_IRQ_NONE, .memory_backed = true,
		.hw_queue_depth = 8,
	};
	unsigned long pages = 0, slab = 0;
	struct nullb *nb;
	struct path p;
	char dev[32];
	int err;

	KUNIT_ASSERT_EQ(test, register_filesystem(&kblk_fs_type), 0);
	KUNIT_EXPECT_EQ(test, register_filesystem(&kblk_fs_type), -EBUSY);
	nb = null_add_dev(&cfg);
	KUNIT_ASSERT_FALSE(test, IS_ERR(nb));
	snprintf(dev, sizeof(dev), "/dev/%s", null_disk_name(nb));

	/* No magic yet: fill_super refuses, and the device is released. */
	KUNIT_EXPECT_EQ(test, kern_mount_at(dev, "/mnt_t/a", "kunitblk", 0, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, kern_mount_at("/mnt_t", "/mnt_t/a", "kunitblk", 0, NULL),
			-ENOTBLK);
	KUNIT_EXPECT_EQ(test, kern_mount_at("/dev/none", "/mnt_t/a", "kunitblk", 0, NULL),
			-ENOENT);
	KUNIT_ASSERT_EQ(test, write_dev(dev, KBLK_BLOCK, KBLK_MAGIC, sizeof(KBLK_MAGIC)), 0);
	for (int round = 0; round < 3; round++) {
		if (round == 2) {
			pages = nr_free_pages();
			slab = slab_allocated_bytes();
		}
		err = kern_mount_at(dev, "/mnt_t/a", "kunitblk", 0, NULL);
		KUNIT_ASSERT_EQ(test, err, 0);
		KUNIT_ASSERT_EQ(test, kern_path("/mnt_t/a", 0, &p), 0);
		KUNIT_EXPECT_EQ(test, p.dentry->d_sb->s_magic, 0x6b626c6bUL);
		KUNIT_EXPECT_EQ(test, p.dentry->d_sb->s_blocksize, (unsigned long)KBLK_BLOCK);
		KUNIT_EXPECT_EQ(test, p.dentry->d_sb->s_blocksize_bits, 10);
		path_put(&p);
		/* Mounted: the disk is busy for a second mount. */
		KUNIT_EXPECT_EQ(test, kern_mount_at(dev, "/mnt_t", "kunitblk", 0, NULL), -EBUSY);
		KUNIT_EXPECT_EQ(test, kern_umount("/mnt_t/a", 0), 0);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	null_del_dev(nb);
	KUNIT_EXPECT_EQ(test, unregister_filesystem(&kblk_fs_type), 0);
	KUNIT_EXPECT_EQ(test, kern_mount_at("none", "/mnt_t/a", "kunitblk", 0, NULL), -ENODEV);
}

static struct kunit_case mnt_cases[] = {
	KUNIT_CASE(mnt_cross),
	KUNIT_CASE(mnt_errors),
	KUNIT_CASE(mnt_detach),
	KUNIT_CASE(mnt_remount_ro),
	KUNIT_CASE(mnt_proc_and_statfs),
	KUNIT_CASE(mnt_no_leak),
	KUNIT_CASE(mnt_iget),
	KUNIT_CASE(mnt_bdev),
	{}
};

static struct kunit_suite mnt_suite = {
	.name = "mount",
	.init = mnt_test_init,
	.exit = mnt_test_exit,
	.test_cases = mnt_cases,
};
kunit_test_suites(&mnt_suite);
