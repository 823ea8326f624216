// SPDX-License-Identifier: GPL-2.0-only
/*
 * Opening and closing files: filp_open() resolves (or creates) the path,
 * then do_dentry_open() builds the struct file and calls ->open. The
 * namespace mutex is dropped before ->open, which may sleep for long.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/file.h>
#include <linux/syscalls.h>
#include "internal.h"

int do_truncate(struct dentry *dentry, loff_t length)
{
	struct inode *inode = dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };
	int err;

	if (length < 0)
		return -EINVAL;
	if (!inode->i_op || !inode->i_op->setattr)
		return -EPERM;
	inode_lock(inode);
	err = inode->i_op->setattr(dentry, &attr);
	inode_unlock(inode);
	return err;
}

int vfs_truncate(const struct path *path, loff_t length)
{
	umode_t mode = path->dentry->d_inode->i_mode;

	if (S_ISDIR(mode))
		return -EISDIR;
	if (!S_ISREG(mode))
		return -EINVAL;
	return do_truncate(path->dentry, length);
}

static struct file *do_dentry_open(struct dentry *dentry, int flags)
{
	struct inode *inode = dentry->d_inode;
	int acc = flags & O_ACCMODE;
	struct file *f;
	int err;

	if (acc == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & (O_TRUNC | O_CREAT))))
		return ERR_PTR(-EISDIR);
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return ERR_PTR(-ENOTDIR);

	f = alloc_empty_file(flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC));
	if (IS_ERR(f))
		return f;
	f->f_path.dentry = dget(dentry);
	f->f_inode = inode;
	f->f_mode = FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (acc == O_RDONLY || acc == O_RDWR)
		f->f_mode |= FMODE_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		f->f_mode |= FMODE_WRITE;
	f->f_op = inode->i_fop;
	err = -ENXIO;
	if (!f->f_op)
		goto fail;
	if (f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err)
			goto fail;
	}
	f->f_mode |= FMODE_OPENED;
	if (!f->f_op->llseek)
		f->f_mode &= ~FMODE_LSEEK;
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode) && (f->f_mode & FMODE_WRITE)) {
		err = do_truncate(dentry, 0);
		if (err)
			goto fail;
	}
	return f;
fail:
	fput(f);	/* ->release only if ->open succeeded */
	return ERR_PTR(err);
}

struct file *dentry_open(const struct path *path, int flags)
{
	return do_dentry_open(path->dentry, flags);
}

/* O_CREAT: find or create the last component; returns it referenced. */
static struct dentry *open_create(const char *name, int flags, umode_t mode)
{
	struct path parent;
	struct dentry *dentry;
	int err;

	size_t len = strlen(name);

	if (flags & O_DIRECTORY)
		return ERR_PTR(-EINVAL);
	if (len && name[len - 1] == '/')
		return ERR_PTR(-EISDIR);	/* as Linux: O_CREAT never makes a directory */
	dentry = kern_path_create(name, &parent, 0);
	if (!IS_ERR(dentry)) {
		err = vfs_create(parent.dentry->d_inode, dentry, mode, flags & O_EXCL);
		if (!err)
			dget(dentry);
		done_path_create(&parent, dentry);
		return err ? ERR_PTR(err) : dentry;
	}
	if (PTR_ERR(dentry) != -EEXIST || (flags & O_EXCL))
		return dentry;
	/* It exists (or is "."/".."/"/"): open it as it is. */
	err = kern_path(name, 0, &parent);
	if (err)
		return ERR_PTR(err);
	if (S_ISDIR(parent.dentry->d_inode->i_mode)) {
		path_put(&parent);
		return ERR_PTR(-EISDIR);
	}
	return parent.dentry;
}

struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct dentry *dentry;
	struct file *f;

	if (flags & O_CREAT) {
		dentry = open_create(filename, flags, mode);
		if (IS_ERR(dentry))
			return ERR_PTR(PTR_ERR(dentry));
	} else {
		struct path path;
		int err = kern_path(filename, (flags & O_DIRECTORY) ? LOOKUP_DIRECTORY : 0,
				    &path);

		if (err)
			return ERR_PTR(err);
		dentry = path.dentry;
	}
	f = do_dentry_open(dentry, flags);
	dput(dentry);
	return f;
}

int filp_close(struct file *file, fl_owner_t id)
{
	int ret = 0;

	if (WARN_ON(atomic_long_read(&file->f_count) <= 0))
		return 0;
	if (file->f_op && file->f_op->flush)
		ret = file->f_op->flush(file, id);
	fput(file);
	return ret;
}

int stream_open(struct inode *inode, struct file *file)
{
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	file->f_mode |= FMODE_STREAM;
	return 0;
}

int nonseekable_open(struct inode *inode, struct file *file)
{
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	int ret = close_fd(fd);

	/* Linux: an interrupted ->flush still closed the descriptor. */
	if (ret == -ERESTARTSYS)
		ret = -EINTR;
	return ret;
}
