// SPDX-License-Identifier: GPL-2.0-only
/*
 * stat, fstat, lstat, newfstatat and statx: what the inode says, in the
 * x86-64 struct stat layout and struct statx. Ferrite keeps no
 * timestamps yet, so every time is 0 (1970-01-01).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* struct stat of x86-64 (144 bytes). */
struct stat_x86_64 {
	unsigned long st_dev, st_ino, st_nlink;
	unsigned int st_mode, st_uid, st_gid, __pad0;
	unsigned long st_rdev;
	long st_size, st_blksize, st_blocks;
	unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	long __unused[3];
};

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask, stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink, stx_uid, stx_gid;
	u16 stx_mode, __spare0;
	u64 stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	u64 stx_mnt_id;
	u32 stx_dio_mem_align, stx_dio_offset_align;
	u64 __spare3[12];
};

#define STATX_BASIC_STATS 0x000007ffU

/* The root file system's device number (what Linux gives a tmpfs: 0:<n>). */
#define ROOT_DEV MKDEV(0, 1)

static int cp_new_stat(const struct inode *inode, struct stat_x86_64 __user *ubuf)
{
	struct stat_x86_64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(ROOT_DEV);
	st.st_ino = inode->i_ino;
	st.st_nlink = inode->i_nlink;
	st.st_mode = inode->i_mode;
	st.st_uid = inode->i_uid;
	st.st_gid = inode->i_gid;
	st.st_rdev = new_encode_dev(inode->i_rdev);
	st.st_size = i_size_read(inode);
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = DIV_ROUND_UP(st.st_size, 512);
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static int stat_at(int dfd, const char __user *filename, int flags,
		   struct stat_x86_64 __user *ubuf)
{
	struct path p;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   flags & AT_EMPTY_PATH, &p);
	if (err)
		return err;
	err = cp_new_stat(p.dentry->d_inode, ubuf);
	path_put(&p);
	return err;
}

SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat_x86_64 __user *, statbuf)
{
	return stat_at(AT_FDCWD, filename, 0, statbuf);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat_x86_64 __user *, statbuf)
{
	return stat_at(AT_FDCWD, filename, AT_SYMLINK_NOFOLLOW, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat_x86_64 __user *, statbuf, int, flag)
{
	return stat_at(dfd, filename, flag, statbuf);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat_x86_64 __user *, statbuf)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = cp_new_stat(file_inode(f), statbuf);
	fput(f);
	return err;
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct inode *inode;
	struct statx stx;
	struct path p;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | 0x6000))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   flags & AT_EMPTY_PATH, &p);
	if (err)
		return err;
	inode = p.dentry->d_inode;
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_BASIC_STATS;
	stx.stx_blksize = PAGE_SIZE;
	stx.stx_nlink = inode->i_nlink;
	stx.stx_uid = inode->i_uid;
	stx.stx_gid = inode->i_gid;
	stx.stx_mode = inode->i_mode;
	stx.stx_ino = inode->i_ino;
	stx.stx_size = i_size_read(inode);
	stx.stx_blocks = DIV_ROUND_UP(stx.stx_size, 512);
	stx.stx_rdev_major = MAJOR(inode->i_rdev);
	stx.stx_rdev_minor = MINOR(inode->i_rdev);
	stx.stx_dev_major = MAJOR(ROOT_DEV);
	stx.stx_dev_minor = MINOR(ROOT_DEV);
	path_put(&p);
	return copy_to_user(buffer, &stx, sizeof(stx)) ? -EFAULT : 0;
}

/*
 * utimensat/utimes: Ferrite keeps no timestamps, so these only check that
 * the file exists (touch then creates missing files itself).
 */
SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename, void __user *, utimes,
		int, flags)
{
	struct path p;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename) {
		struct file *f = fget(dfd);

		if (!f)
			return -EBADF;
		fput(f);
		return 0;
	}
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   flags & AT_EMPTY_PATH, &p);
	if (!err)
		path_put(&p);
	return err;
}

SYSCALL_DEFINE2(utimes, const char __user *, filename, void __user *, utimes)
{
	struct path p;
	int err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW, false, &p);

	if (!err)
		path_put(&p);
	return err;
}
