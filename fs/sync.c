// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsync, sync and syncfs: ask file systems (and the block devices under
 * them) to make their data durable.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/syscalls.h>
#include <linux/blkdev.h>

int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync)
{
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, start, end, datasync);
}

int vfs_fsync(struct file *file, int datasync)
{
	return vfs_fsync_range(file, 0, LLONG_MAX, datasync);
}

int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0;
}

static long do_fsync(unsigned int fd, int datasync)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_fsync(f, datasync);
	fput(f);
	return err;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}

static void sync_one(struct super_block *sb, void *arg)
{
	if (!sb_rdonly(sb))
		sync_filesystem(sb);
}

SYSCALL_DEFINE0(sync)
{
	iterate_supers(sync_one, NULL);
	sync_all_bdevs();
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = sync_filesystem(file_inode(f)->i_sb);
	fput(f);
	return err;
}
