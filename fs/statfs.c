// SPDX-License-Identifier: GPL-2.0-only
/*
 * statfs and fstatfs (and their 64 forms): what a file system says about its size and free
 * space (->statfs in its super_operations), for df.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/statfs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/fs.h>

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_inode->i_sb;
	int err = 0;

	memset(buf, 0, sizeof(*buf));
	buf->f_type = sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	if (sb->s_op && sb->s_op->statfs)
		err = sb->s_op->statfs(path->dentry, buf);
	if (!buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
	if (sb_rdonly(sb))
		buf->f_flags |= ST_RDONLY;
	buf->f_flags |= ST_VALID;
	return err;
}

static int put_statfs(const struct path *path, struct kstatfs __user *ubuf)
{
	struct kstatfs st;
	int err = vfs_statfs(path, &st);

	if (!err && copy_to_user(ubuf, &st, sizeof(st)))
		err = -EFAULT;
	return err;
}

static int do_statfs(const char __user *pathname, struct kstatfs __user *buf)
{
	struct path p;
	int err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, false, &p);

	if (err)
		return err;
	err = put_statfs(&p, buf);
	path_put(&p);
	return err;
}

static int do_fstatfs(unsigned int fd, struct kstatfs __user *buf)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = put_statfs(&f->f_path, buf);
	fput(f);
	return err;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct kstatfs __user *, buf)
{
	return do_statfs(pathname, buf);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct kstatfs __user *, buf)
{
	return do_fstatfs(fd, buf);
}

/*
 * statfs64 and fstatfs64 also take the structure's size (32-bit ABIs;
 * powerpc64's glibc calls them too): on a 64-bit kernel struct statfs64
 * is struct statfs. Another size is -EINVAL.
 */
SYSCALL_DEFINE3(statfs64, const char __user *, pathname, size_t, sz,
		struct kstatfs __user *, buf)
{
	return sz == sizeof(struct kstatfs) ? do_statfs(pathname, buf) : -EINVAL;
}

SYSCALL_DEFINE3(fstatfs64, unsigned int, fd, size_t, sz, struct kstatfs __user *, buf)
{
	return sz == sizeof(struct kstatfs) ? do_fstatfs(fd, buf) : -EINVAL;
}
