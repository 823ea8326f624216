// SPDX-License-Identifier: GPL-2.0-only
/* Directory listing: iterate_dir() and the dcache-backed implementation. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int err;

	if (!file->f_op->iterate_shared)
		return -ENOTDIR;
	vfs_ns_lock();
	err = -ENOENT;
	if (!(inode->i_flags & S_DEAD)) {
		ctx->pos = file->f_pos;
		err = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
	}
	vfs_ns_unlock();
	return err;
}

static unsigned int dt_type(const struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;	/* S_IFxxx >> 12 == DT_xxx */
}

/*
 * Positions: 0 is ".", 1 is "..", and every child has its own d_offset
 * (<linux/dcache.h>), never reused in that directory: a listing resumes
 * at the first child at or after its position, so entries removed or
 * added meanwhile neither shift nor hide the others. O(log n) to resume.
 */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file_dentry(file), *child;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dentry->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, dentry->d_parent->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	child = d_first_child_from(dentry, ctx->pos);
	for (; child; child = list_is_last(&child->d_child, &dentry->d_subdirs) ? NULL :
			      list_next_entry(child, d_child)) {
		ctx->pos = child->d_offset;
		if (!dir_emit(ctx, child->d_name.name, child->d_name.len,
			      child->d_inode->i_ino, dt_type(child->d_inode)))
			return 0;
		ctx->pos = child->d_offset + 1;
	}
	return 0;
}

/* --- getdents64 -------------------------------------------------------- */

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct getdents_callback64 {
	struct dir_context ctx;
	struct linux_dirent64 __user *current_dir;
	int count;
	int error;
};

/*
 * A name a directory may hold: not empty, no '/' or NUL. A corrupt
 * filesystem can list others ("a/b" names another file; "./", or "\0",
 * which user space reads as "", the directory itself, which a recursive
 * walk then enters forever): -EUCLEAN, as Linux's verify_dirent_name()
 * (which lets NUL through).
 */
static int verify_dirent_name(const char *name, int len)
{
	if (len <= 0 || memchr(name, '/', len) || memchr(name, 0, len))
		return -EUCLEAN;
	return 0;
}

static bool filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	struct linux_dirent64 __user *dirent = buf->current_dir;
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));
	struct linux_dirent64 head;

	buf->error = verify_dirent_name(name, namlen);
	if (buf->error)
		return false;
	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* the buffer is full (or too small) */
		return false;
	}
	head.d_ino = ino;
	head.d_off = offset + 1;	/* where the next call resumes */
	head.d_reclen = reclen;
	head.d_type = d_type;
	if (copy_to_user(dirent, &head, offsetof(struct linux_dirent64, d_name)) ||
	    copy_to_user(dirent->d_name, name, namlen) ||
	    put_user(0, dirent->d_name + namlen)) {
		buf->error = -EFAULT;
		return false;
	}
	buf->current_dir = (void __user *)((char __user *)dirent + reclen);
	buf->count -= reclen;
	return true;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current_dir = dirent,
		.count = count,
	};
	struct file *f;
	int err;

	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = iterate_dir(f, &buf.ctx);
	fput(f);
	if (buf.count != (int)count)
		return count - buf.count;	/* some entries: report them, even after an error */
	if (err)
		return err;
	return buf.error == -EINVAL && buf.count == (int)count ? -EINVAL :
	       buf.error == -EFAULT || buf.error == -EUCLEAN ? buf.error : 0;
}
