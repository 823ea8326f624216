// SPDX-License-Identifier: GPL-2.0-only
/*
 * Opening and closing files: filp_open() resolves (or creates) the path,
 * then do_dentry_open() builds the struct file and calls ->open. The
 * namespace mutex is dropped before ->open, which may sleep for long.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include "internal.h"

int do_truncate(struct dentry *dentry, loff_t length)
{
	struct iattr attr = { .ia_valid = ATTR_SIZE | ATTR_FORCE, .ia_size = length };

	if (length < 0)
		return -EINVAL;
	attr.ia_valid |= should_remove_suid(dentry);
	return notify_change(dentry, &attr);
}

int vfs_truncate(const struct path *path, loff_t length)
{
	umode_t mode = path->dentry->d_inode->i_mode;
	int err;

	if (S_ISDIR(mode))
		return -EISDIR;
	if (!S_ISREG(mode))
		return -EINVAL;
	err = inode_permission(path->dentry->d_inode, MAY_WRITE);
	return err ? err : do_truncate(path->dentry, length);
}

/*
 * may_open() - whether current may open @inode with O_* @flags: read
 * and/or write permission as the access mode asks (O_TRUNC asks for
 * write too). -EACCES, or -EISDIR for writing a directory.
 */
static int may_open(struct inode *inode, int flags)
{
	int acc = flags & O_ACCMODE, mask = MAY_OPEN;

	if (acc == O_RDONLY || acc == O_RDWR)
		mask |= MAY_READ;
	if (acc == O_WRONLY || acc == O_RDWR || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	if (flags & O_APPEND)
		mask |= MAY_APPEND;
	if (S_ISDIR(inode->i_mode) && (mask & MAY_WRITE))
		return -EISDIR;
	if ((mask & MAY_WRITE) && IS_RDONLY(inode) && !S_ISCHR(inode->i_mode) &&
	    !S_ISBLK(inode->i_mode) && !S_ISFIFO(inode->i_mode) && !S_ISSOCK(inode->i_mode))
		return -EROFS;	/* device nodes and FIFOs stay writable, as in Linux */
	return inode_permission(inode, mask);
}

static struct file *do_dentry_open(const struct path *path, int flags)
{
	struct dentry *dentry = path->dentry;
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
	f->f_path = *path;
	path_get(path);
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
	return do_dentry_open(path, flags);
}

/*
 * O_CREAT: find or create the last component into @res (referenced), with
 * *@created telling which. 0 or -errno.
 */
static int open_create(const struct path *base, const char *name, int flags, umode_t mode,
		       bool *created, struct path *res)
{
	struct path parent;
	struct dentry *dentry;
	int err;

	size_t len = strlen(name);

	if (flags & O_DIRECTORY)
		return -EINVAL;
	if (len && name[len - 1] == '/')
		return -EISDIR;	/* as Linux: O_CREAT never makes a directory */
	dentry = kern_path_create_at(base, name, &parent, 0);
	if (!IS_ERR(dentry)) {
		err = vfs_create(parent.dentry->d_inode, dentry, mode, flags & O_EXCL);
		if (!err) {
			res->mnt = mntget(parent.mnt);
			res->dentry = dget(dentry);
		}
		*created = !err;
		done_path_create(&parent, dentry);
		return err;
	}
	if (PTR_ERR(dentry) != -EEXIST || (flags & O_EXCL))
		return PTR_ERR(dentry);
	/* It exists (or is "."/".."/"/"): open it as it is. */
	err = vfs_path_lookup(base, name, (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, res);
	if (err)
		return err;
	if (S_ISDIR(res->dentry->d_inode->i_mode)) {
		path_put(res);
		return -EISDIR;
	}
	return 0;
}

struct file *file_open_at(const struct path *base, const char *filename, int flags,
			  umode_t mode)
{
	bool created = false;
	struct path path;
	struct file *f;
	int err;

	if (flags & O_CREAT)
		err = open_create(base, filename, flags, mode, &created, &path);
	else
		err = vfs_path_lookup(base, filename,
				      ((flags & O_DIRECTORY) ? LOOKUP_DIRECTORY : 0) |
				      ((flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW), &path);
	if (err)
		return ERR_PTR(err);
	if (S_ISLNK(path.dentry->d_inode->i_mode))
		err = -ELOOP;		/* O_NOFOLLOW on a symbolic link */
	else if (!created)	/* as Linux: whoever just created the file opens it whatever its mode */
		err = may_open(path.dentry->d_inode, flags);
	f = err ? ERR_PTR(err) : do_dentry_open(&path, flags);
	path_put(&path);
	return f;
}

struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	return file_open_at(NULL, filename, flags, mode);
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

static long do_sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct file *base, *f;
	char *name;
	int fd, err;

	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = dfd_base(dfd, name, &base);
	if (err) {
		kfree(name);
		return err;
	}
	fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		f = file_open_at(base ? &base->f_path : NULL, name, flags,
				 mode & ~current_umask() & S_IALLUGO);
		if (IS_ERR(f)) {
			put_unused_fd(fd);
			fd = PTR_ERR(f);
		} else {
			fd_install(fd, f);
		}
	}
	if (base)
		fput(base);
	kfree(name);
	return fd;
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_openat(dfd, filename, flags, mode);
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_openat(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* Look up a user path relative to @dfd (AT_EMPTY_PATH: @dfd itself). */
int user_path_at(int dfd, const char __user *filename, unsigned int flags, bool empty_ok,
		 struct path *path)
{
	struct file *base;
	char *name = getname(filename);
	int err;

	if (IS_ERR(name)) {
		if (PTR_ERR(name) != -ENOENT || !empty_ok)
			return PTR_ERR(name);
		/* "" with AT_EMPTY_PATH: the descriptor itself. */
		if (dfd == AT_FDCWD) {
			get_fs_pwd(path);
			return 0;
		}
		base = fget(dfd);
		if (!base)
			return -EBADF;
		*path = base->f_path;
		path_get(path);
		fput(base);
		return 0;
	}
	err = dfd_base(dfd, name, &base);
	if (!err) {
		err = vfs_path_lookup(base ? &base->f_path : NULL, name, flags, path);
		if (base)
			fput(base);
	}
	kfree(name);
	return err;
}

long do_sys_truncate(const char __user *path, loff_t length)
{
	struct path p;
	int err = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, false, &p);

	if (err)
		return err;
	err = vfs_truncate(&p, length);
	path_put(&p);
	return err;
}

long do_sys_ftruncate(unsigned int fd, loff_t length)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	/* Linux: anything but a regular file open for writing is -EINVAL. */
	if (!S_ISREG(file_inode(f)->i_mode) || !(f->f_mode & FMODE_WRITE))
		err = -EINVAL;
	else
		err = do_truncate(file_dentry(f), length);
	fput(f);
	return err;
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	return do_sys_truncate(path, length);
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	return do_sys_ftruncate(fd, length);
}

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

/*
 * access(2) asks with the real ids (AT_EACCESS: the effective ones): run
 * the lookup and the check with fsuid/fsgid set to them, and with root's
 * capabilities only for a real root (all its permitted ones; as they are
 * with SECBIT_NO_SETUID_FIXUP), as Linux's access_override_creds().
 */
static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	const struct cred *old = NULL;
	struct cred *new;
	struct path p;
	int err;

	if (mode & ~(F_OK | R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!(flags & AT_EACCESS)) {
		new = prepare_creds();
		if (!new)
			return -ENOMEM;
		new->fsuid = new->uid;
		new->fsgid = new->gid;
		if (!(new->securebits & SECBIT_NO_SETUID_FIXUP))
			new->cap_effective = new->uid ? CAP_EMPTY_SET : new->cap_permitted;
		old = override_creds(new);
	}
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   flags & AT_EMPTY_PATH, &p);
	if (!err) {
		/* R_OK, W_OK and X_OK are MAY_READ, MAY_WRITE and MAY_EXEC. */
		if (mode)
			err = inode_permission(p.dentry->d_inode, mode | MAY_ACCESS);
		path_put(&p);
	}
	if (old)
		put_cred(revert_creds(old));
	return err;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

static int chmod_path(const struct path *p, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE, .ia_mode = mode & S_IALLUGO };

	return notify_change(p->dentry, &attr);
}

static long do_fchmodat(int dfd, const char __user *filename, umode_t mode, int flags)
{
	struct path p;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   flags & AT_EMPTY_PATH, &p);
	if (err)
		return err;
	/* Linux: the mode of a symbolic link cannot be changed. */
	err = S_ISLNK(p.dentry->d_inode->i_mode) ? -EOPNOTSUPP : chmod_path(&p, mode);
	path_put(&p);
	return err;
}

SYSCALL_DEFINE4(fchmodat2, int, dfd, const char __user *, filename, umode_t, mode, int, flags)
{
	return do_fchmodat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = chmod_path(&f->f_path, mode);
	fput(f);
	return err;
}

/*
 * chown: -1 leaves an id as it is; a change of either clears S_ISUID (and
 * S_ISGID with S_IXGRP) of anything but a directory, even for root.
 */
static int chown_path(const struct path *p, uid_t user, gid_t group)
{
	struct iattr attr = { 0 };

	if (user != (uid_t)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = group;
	}
	if (!S_ISDIR(p->dentry->d_inode->i_mode))
		attr.ia_valid |= ATTR_KILL_SUID | ATTR_KILL_SGID;
	return notify_change(p->dentry, &attr);
}

static long do_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group,
			int flags)
{
	struct path p;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			   flags & AT_EMPTY_PATH, &p);
	if (err)
		return err;
	err = chown_path(&p, user, group);
	path_put(&p);
	return err;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user,
		gid_t, group, int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = chown_path(&f->f_path, user, group);
	fput(f);
	return err;
}
