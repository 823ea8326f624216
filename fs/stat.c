// SPDX-License-Identifier: GPL-2.0-only
/*
 * stat, fstat, lstat, newfstatat and statx: what the inode says, in the
 * architecture's struct stat (asm/stat.h) and struct statx; utimensat and utimes set the
 * access and modification times (the change time follows, as on Linux).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/stat.h>


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

static int cp_new_stat(const struct inode *inode, struct stat __user *ubuf)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(inode->i_sb->s_dev);
	st.st_ino = inode->i_ino;
	st.st_nlink = inode->i_nlink;
	st.st_mode = inode->i_mode;
	st.st_uid = inode->i_uid;
	st.st_gid = inode->i_gid;
	st.st_rdev = new_encode_dev(inode->i_rdev);
	st.st_size = i_size_read(inode);
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = DIV_ROUND_UP(st.st_size, 512);
	st.st_atime = inode->i_atime_ns / NSEC_PER_SEC;
	st.st_atime_nsec = inode->i_atime_ns % NSEC_PER_SEC;
	st.st_mtime = inode->i_mtime_ns / NSEC_PER_SEC;
	st.st_mtime_nsec = inode->i_mtime_ns % NSEC_PER_SEC;
	st.st_ctime = inode->i_ctime_ns / NSEC_PER_SEC;
	st.st_ctime_nsec = inode->i_ctime_ns % NSEC_PER_SEC;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static int stat_at(int dfd, const char __user *filename, int flags,
		   struct stat __user *ubuf)
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

SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *, statbuf)
{
	return stat_at(AT_FDCWD, filename, 0, statbuf);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return stat_at(AT_FDCWD, filename, AT_SYMLINK_NOFOLLOW, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	return stat_at(dfd, filename, flag, statbuf);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
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
	stx.stx_dev_major = MAJOR(inode->i_sb->s_dev);
	stx.stx_dev_minor = MINOR(inode->i_sb->s_dev);
	stx.stx_atime.tv_sec = inode->i_atime_ns / NSEC_PER_SEC;
	stx.stx_atime.tv_nsec = inode->i_atime_ns % NSEC_PER_SEC;
	stx.stx_mtime.tv_sec = inode->i_mtime_ns / NSEC_PER_SEC;
	stx.stx_mtime.tv_nsec = inode->i_mtime_ns % NSEC_PER_SEC;
	stx.stx_ctime.tv_sec = inode->i_ctime_ns / NSEC_PER_SEC;
	stx.stx_ctime.tv_nsec = inode->i_ctime_ns % NSEC_PER_SEC;
	path_put(&p);
	return copy_to_user(buffer, &stx, sizeof(stx)) ? -EFAULT : 0;
}

#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

/*
 * Set @dentry's times from @ts (NULL: both now), as Linux's vfs_utimes():
 * explicit times need the owner or CAP_FOWNER (-EPERM); "now" for both
 * also does for anyone who may write the file (else -EACCES).
 */
static int set_times(struct dentry *dentry, const struct timespec64 *ts)
{
	struct iattr attr = { .ia_valid = ATTR_ATIME | ATTR_MTIME };

	for (int i = 0; ts && i < 2; i++)
		if (ts[i].tv_nsec != UTIME_NOW && ts[i].tv_nsec != UTIME_OMIT &&
		    (ts[i].tv_nsec < 0 || ts[i].tv_nsec >= NSEC_PER_SEC))
			return -EINVAL;
	if (ts && ts[0].tv_nsec == UTIME_NOW && ts[1].tv_nsec == UTIME_NOW)
		ts = NULL;
	if (!ts) {
		attr.ia_valid |= ATTR_TOUCH;
		return notify_change(dentry, &attr);
	}
	for (int i = 0; i < 2; i++) {
		unsigned int time = i ? ATTR_MTIME : ATTR_ATIME;
		unsigned int set = i ? ATTR_MTIME_SET : ATTR_ATIME_SET;
		s64 *t = i ? &attr.ia_mtime_ns : &attr.ia_atime_ns;

		if (ts[i].tv_nsec == UTIME_OMIT) {
			attr.ia_valid &= ~time;
		} else if (ts[i].tv_nsec != UTIME_NOW) {
			attr.ia_valid |= set;
			*t = ts[i].tv_sec * NSEC_PER_SEC + ts[i].tv_nsec;
		}
	}
	return notify_change(dentry, &attr);
}

/* utimensat with the times @ts read (NULL: both now) and @flags checked. */
static long do_utimensat(int dfd, const char __user *filename, const struct timespec64 *ts,
			 int flags)
{
	struct path p;
	int err;

	if (!filename) {
		struct file *f = fget(dfd);

		if (!f)
			return -EBADF;
		err = set_times(file_dentry(f), ts);
		fput(f);
		return err;
	}
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   flags & AT_EMPTY_PATH, &p);
	if (err)
		return err;
	err = set_times(p.dentry, ts);
	path_put(&p);
	return err;
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		const struct __kernel_timespec __user *, utimes, int, flags)
{
	struct timespec64 ts[2];

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (utimes && (get_timespec64(&ts[0], &utimes[0]) || get_timespec64(&ts[1], &utimes[1])))
		return -EFAULT;
	return do_utimensat(dfd, filename, utimes ? ts : NULL, flags);
}

SYSCALL_DEFINE4(utimensat_time32, int, dfd, const char __user *, filename,
		const struct old_timespec32 __user *, utimes, int, flags)
{
	struct timespec64 ts[2];

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (utimes && (get_old_timespec32(&ts[0], &utimes[0]) ||
		       get_old_timespec32(&ts[1], &utimes[1])))
		return -EFAULT;
	return do_utimensat(dfd, filename, utimes ? ts : NULL, flags);
}

struct ktimeval {
	long tv_sec, tv_usec;
};

SYSCALL_DEFINE2(utimes, const char __user *, filename, const struct ktimeval __user *, utimes)
{
	struct timespec64 ts[2];
	struct ktimeval tv[2];

	if (utimes) {
		if (copy_from_user(tv, utimes, sizeof(tv)))
			return -EFAULT;
		for (int i = 0; i < 2; i++) {
			if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
				return -EINVAL;
			ts[i].tv_sec = tv[i].tv_sec;
			ts[i].tv_nsec = tv[i].tv_usec * NSEC_PER_USEC;
		}
	}
	return do_utimensat(AT_FDCWD, filename, utimes ? ts : NULL, 0);
}
