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

static int put_statfs(const struct path *path, void __user *ubuf)
{
	struct kstatfs st;
	int err = vfs_statfs(path, &st);

	if (!err && copy_to_user(ubuf, &st, sizeof(st)))
		err = -EFAULT;
	return err;
}

/* Look @pathname up and @put what its file system says into @buf. */
static int do_statfs(const char __user *pathname, void __user *buf,
		     int (*put)(const struct path *, void __user *))
{
	struct path p;
	int err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, false, &p);

	if (err)
		return err;
	err = put(&p, buf);
	path_put(&p);
	return err;
}

static int do_fstatfs(unsigned int fd, void __user *buf,
		      int (*put)(const struct path *, void __user *))
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = put(&f->f_path, buf);
	fput(f);
	return err;
}

/*
 * statfs and fstatfs fill Linux's struct statfs, whose counts are longs:
 * where long is 32 bits a count that does not fit is -EOVERFLOW (the 64
 * forms give them all); where it is 64 bits it is struct kstatfs.
 */
struct statfs_long {
	long f_type, f_bsize;
	unsigned long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	long f_namelen, f_frsize, f_flags, f_spare[4];
};

static int put_statfs_long(const struct path *path, void __user *ubuf)
{
	struct statfs_long out;
	struct kstatfs st;
	int err = vfs_statfs(path, &st);

	if (err)
		return err;
	if ((st.f_blocks | st.f_bfree | st.f_bavail | st.f_files | st.f_ffree) > ULONG_MAX)
		return -EOVERFLOW;
	memset(&out, 0, sizeof(out));
	out.f_type = st.f_type;
	out.f_bsize = st.f_bsize;
	out.f_blocks = st.f_blocks;
	out.f_bfree = st.f_bfree;
	out.f_bavail = st.f_bavail;
	out.f_files = st.f_files;
	out.f_ffree = st.f_ffree;
	memcpy(out.f_fsid, st.f_fsid, sizeof(out.f_fsid));
	out.f_namelen = st.f_namelen;
	out.f_frsize = st.f_frsize;
	out.f_flags = st.f_flags;
	return copy_to_user(ubuf, &out, sizeof(out)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs_long __user *, buf)
{
	return do_statfs(pathname, buf, put_statfs_long);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs_long __user *, buf)
{
	return do_fstatfs(fd, buf, put_statfs_long);
}

/*
 * statfs64 and fstatfs64 also take the structure's size (32-bit ABIs;
 * powerpc64's glibc calls them too): on a 64-bit kernel struct statfs64
 * is struct statfs. Another size is -EINVAL.
 */
SYSCALL_DEFINE3(statfs64, const char __user *, pathname, size_t, sz,
		struct kstatfs __user *, buf)
{
	return sz == sizeof(struct kstatfs) ? do_statfs(pathname, buf, put_statfs) : -EINVAL;
}

SYSCALL_DEFINE3(fstatfs64, unsigned int, fd, size_t, sz, struct kstatfs __user *, buf)
{
	return sz == sizeof(struct kstatfs) ? do_fstatfs(fd, buf, put_statfs) : -EINVAL;
}
