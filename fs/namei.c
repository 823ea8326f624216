// SPDX-License-Identifier: GPL-2.0-only
/*
 * Path walking and namespace operations. One mutex (the namespace mutex)
 * covers every walk and every change of the dentry tree: simple and
 * obviously correct for a small kernel; per-directory locks can replace it
 * when lookups become hot. Walks hold it only for their duration; device
 * ->open methods are always called after it is dropped.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/mm.h>
#include "internal.h"
#include "mount.h"

static DEFINE_MUTEX(namespace_mutex);

void vfs_ns_lock(void)
{
	mutex_lock(&namespace_mutex);
}

void vfs_ns_unlock(void)
{
	mutex_unlock(&namespace_mutex);
}

bool vfs_ns_locked(void)
{
	return mutex_is_locked(&namespace_mutex);
}

static const char *component_end(const char *s)
{
	while (*s && *s != '/')
		s++;
	return s;
}

enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

#define MAXSYMLINKS 40

struct nameidata {
	struct path dir;	/* directory holding the last component (no references) */
	struct qstr last;
	int last_type;
	bool trailing_slash;
	int depth;		/* symbolic links followed so far */
};

static int component_type(const char *name, unsigned int len)
{
	if (len == 1 && name[0] == '.')
		return LAST_DOT;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return LAST_DOTDOT;
	return LAST_NORM;
}

/*
 * Where a relative walk starts: @base, else the working directory, else
 * "/". A path without a mount is on the root mount.
 */
static struct path walk_base(const struct path *base)
{
	struct path p = { .mnt = root_mnt, .dentry = vfs_root };

	if (base)
		p = *base;
	else if (current->fs)
		p = current->fs->pwd;
	if (!p.mnt)
		p.mnt = root_mnt;
	return p;
}

static int resolve_path(const struct path *base, const char *name, unsigned int flags,
			int *depth, struct path *res);

/*
 * @name in @dir: in the tree, or made on demand by the directory's
 * ->lookup; NULL if it does not exist, an ERR_PTR() if ->lookup failed
 * (a disk file system's -EIO or -EUCLEAN).
 */
static struct dentry *lookup_one(struct dentry *dir, const struct qstr *name)
{
	struct dentry *d = d_lookup(dir, name);
	const struct inode_operations *iop = dir->d_inode->i_op;

	if (!d && iop && iop->lookup)
		d = iop->lookup(dir->d_inode, dir, name);
	return d;
}

/*
 * "..": up from a mounted root to its mountpoint first (as often as
 * mounts are stacked), then to the parent, then down into anything
 * mounted there. The root of the namespace is its own parent.
 */
static void follow_dotdot(struct path *p)
{
	while (follow_up(p))
		;
	if (p->dentry != p->mnt->mnt_root)
		p->dentry = p->dentry->d_parent;
	follow_mount(p);
}

/*
 * @name in the directory @dir, mounts on it followed: 0, -ENOENT if it
 * does not exist, or ->lookup's error.
 */
static int lookup_path(const struct path *dir, const struct qstr *name, struct path *res)
{
	struct dentry *d = lookup_one(dir->dentry, name);

	if (!d)
		return -ENOENT;
	if (IS_ERR(d))
		return PTR_ERR(d);
	res->mnt = dir->mnt;
	res->dentry = d;
	follow_mount(res);
	return 0;
}

/* The object the symbolic link @link (found in @dir) points at. */
static int follow_link(const struct path *dir, struct dentry *link, unsigned int flags,
		       int *depth, struct path *res)
{
	const char *target = link->d_inode->i_link;
	char *buf = NULL;
	int err;

	if (++*depth > MAXSYMLINKS)
		return -ELOOP;
	if (!target && link->d_inode->i_op && link->d_inode->i_op->get_link) {
		buf = kmalloc(PATH_MAX, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		target = link->d_inode->i_op->get_link(link, buf, PATH_MAX);
		if (IS_ERR(target)) {
			kfree(buf);
			return PTR_ERR(target);
		}
	}
	if (!target || !*target) {
		kfree(buf);
		return -ENOENT;
	}
	err = resolve_path(dir, target, flags | LOOKUP_FOLLOW, depth, res);
	kfree(buf);
	return err;
}

/*
 * Walk every component of @name but the last, which is left in nd->last,
 * starting at @base for a relative name. Symbolic links and mounts on the
 * way are followed. Namespace mutex held; no references taken (the mutex
 * pins the tree).
 */
static int link_path_walk(const struct path *base, const char *name, struct nameidata *nd)
{
	struct path dir = { .mnt = root_mnt, .dentry = vfs_root };
	size_t total;

	if (*name != '/')
		dir = *base;
	if (!dir.dentry)
		return -ENOENT;
	total = strnlen(name, PATH_MAX);
	if (total == PATH_MAX)
		return -ENAMETOOLONG;
	if (!total)
		return -ENOENT;

	while (*name == '/')
		name++;
	nd->trailing_slash = false;
	if (!*name) {
		nd->dir = dir;
		nd->last_type = LAST_ROOT;
		return 0;
	}
	for (;;) {
		const char *end = component_end(name);
		unsigned int len = end - name;
		struct qstr this = QSTR_INIT(name, len);
		int type = component_type(name, len);
		struct path next = dir;
		int err = inode_permission(dir.dentry->d_inode, MAY_EXEC);

		if (err)
			return err;	/* every directory walked through is searched */
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		while (*end == '/')
			end++;
		if (!*end) {
			nd->dir = dir;
			nd->last = this;
			nd->last_type = type;
			nd->trailing_slash = name[len] == '/';
			return 0;
		}
		if (type == LAST_DOTDOT) {
			follow_dotdot(&next);
		} else if (type == LAST_NORM) {
			err = lookup_path(&dir, &this, &next);
			if (err)
				return err;
			if (S_ISLNK(next.dentry->d_inode->i_mode)) {
				err = follow_link(&dir, next.dentry, LOOKUP_DIRECTORY, &nd->depth,
						  &next);
				if (err)
					return err;
			}
			if (!S_ISDIR(next.dentry->d_inode->i_mode))
				return -ENOTDIR;
		}
		dir = next;
		name = end;
	}
}

/* Resolve the last component of a walk (no reference). */
static int walk_last(struct nameidata *nd, unsigned int flags, struct path *res)
{
	struct path p = nd->dir;
	int err;

	switch (nd->last_type) {
	case LAST_ROOT:
	case LAST_DOT:
		break;
	case LAST_DOTDOT:
		follow_dotdot(&p);
		break;
	default:
		err = lookup_path(&nd->dir, &nd->last, &p);
		if (err)
			return err;
	}
	if (S_ISLNK(p.dentry->d_inode->i_mode) &&
	    (flags & (LOOKUP_FOLLOW | LOOKUP_DIRECTORY) || nd->trailing_slash)) {
		err = follow_link(&nd->dir, p.dentry, flags, &nd->depth, &p);
		if (err)
			return err;
	}
	if ((nd->trailing_slash || (flags & LOOKUP_DIRECTORY)) &&
	    !S_ISDIR(p.dentry->d_inode->i_mode))
		return -ENOTDIR;
	*res = p;
	return 0;
}

static int resolve_path(const struct path *base, const char *name, unsigned int flags,
			int *depth, struct path *res)
{
	struct nameidata nd = { .depth = *depth };
	int err = link_path_walk(base, name, &nd);

	if (!err)
		err = walk_last(&nd, flags, res);
	*depth = nd.depth;
	return err;
}

int vfs_path_lookup(const struct path *base, const char *name, unsigned int flags,
		    struct path *path)
{
	struct path start, p;
	int depth = 0, err;

	vfs_ns_lock();
	start = walk_base(base);
	err = resolve_path(&start, name, flags, &depth, &p);
	if (!err)
		path_get(&p);
	vfs_ns_unlock();
	if (!err)
		*path = p;
	return err;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return vfs_path_lookup(NULL, name, flags, path);
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

struct dentry *kern_path_create_at(const struct path *base, const char *name,
				   struct path *path, unsigned int lookup_flags)
{
	struct nameidata nd = { 0 };
	struct path start;
	struct dentry *dentry;
	int err;

	vfs_ns_lock();
	start = walk_base(base);
	err = link_path_walk(&start, name, &nd);
	if (err)
		goto fail;
	err = -EEXIST;
	if (nd.last_type != LAST_NORM)
		goto fail;
	dentry = lookup_one(nd.dir.dentry, &nd.last);
	if (dentry) {
		err = IS_ERR(dentry) ? PTR_ERR(dentry) : -EEXIST;
		goto fail;
	}
	err = -ENOENT;
	if (nd.trailing_slash && !(lookup_flags & LOOKUP_DIRECTORY))
		goto fail;
	if (nd.dir.dentry->d_flags & DCACHE_DEAD)
		goto fail;
	err = -ENOMEM;
	dentry = d_alloc(nd.dir.dentry, &nd.last);
	if (!dentry)
		goto fail;
	*path = nd.dir;
	path_get(path);
	return dentry;
fail:
	vfs_ns_unlock();
	return ERR_PTR(err);
}

struct dentry *kern_path_create(const char *name, struct path *path,
				unsigned int lookup_flags)
{
	return kern_path_create_at(NULL, name, path, lookup_flags);
}

void done_path_create(struct path *path, struct dentry *dentry)
{
	vfs_ns_unlock();
	dput(dentry);
	path_put(path);
}

static int may_create(struct inode *dir, struct dentry *dentry)
{
	WARN_ON(!vfs_ns_locked());
	if (d_really_is_positive(dentry) || !d_unhashed(dentry))
		return -EEXIST;
	if (dir->i_flags & S_DEAD)
		return -ENOENT;
	if (IS_RDONLY(dir))
		return -EROFS;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/* After a successful create method: link the new dentry into the tree. */
static int finish_create(struct dentry *dentry, int err)
{
	if (err)
		return err;
	if (WARN_ON(!dentry->d_inode))
		return -EIO;
	d_attach(dentry);
	inode_touch(dentry->d_parent->d_inode, true);
	inode_touch(dentry->d_inode, false);
	return 0;
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool want_excl)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->create)
		return -EACCES;
	mode = (mode & S_IALLUGO) | S_IFREG;
	return finish_create(dentry, dir->i_op->create(dir, dentry, mode, want_excl));
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->mkdir)
		return -EPERM;
	mode = (mode & (S_IRWXUGO | S_ISVTX)) | S_IFDIR;
	return finish_create(dentry, dir->i_op->mkdir(dir, dentry, mode));
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	switch (mode & S_IFMT) {
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFREG:
	case 0:
		return vfs_create(dir, dentry, mode, true);
	default:
		return -EINVAL;
	}
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op || !dir->i_op->mknod)
		return -EPERM;
	return finish_create(dentry, dir->i_op->mknod(dir, dentry, mode, dev));
}

/*
 * Removing @dentry from @dir needs a writable file system (-EROFS), write
 * and search permission on @dir, in a sticky directory owning the file or
 * the directory (-EPERM), and nothing mounted on @dentry (-EBUSY).
 */
static int may_delete(struct inode *dir, struct dentry *dentry, bool isdir)
{
	int err;

	WARN_ON(!vfs_ns_locked());
	if (d_unhashed(dentry) || !dentry->d_inode || dentry->d_parent->d_inode != dir)
		return -ENOENT;
	if (IS_RDONLY(dir))
		return -EROFS;
	err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if (check_sticky(dir, dentry->d_inode))
		return -EPERM;
	if (isdir) {
		if (!S_ISDIR(dentry->d_inode->i_mode))
			return -ENOTDIR;
		if (IS_ROOT(dentry))
			return -EBUSY;
	} else if (S_ISDIR(dentry->d_inode->i_mode)) {
		return -EISDIR;
	}
	return d_mountpoint(dentry) ? -EBUSY : 0;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->unlink)
		return -EPERM;
	err = dir->i_op->unlink(dir, dentry);
	if (!err) {
		inode_touch(dir, true);
		inode_touch(dentry->d_inode, false);
		d_detach(dentry);
	}
	return err;
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	if (!dir->i_op || !dir->i_op->rmdir)
		return -EPERM;
	err = dir->i_op->rmdir(dir, dentry);
	if (err)
		return err;
	dentry->d_inode->i_flags |= S_DEAD;
	dentry->d_flags |= DCACHE_DEAD;
	inode_touch(dir, true);
	inode_touch(dentry->d_inode, false);	/* unlinked: off the dirty list */
	d_detach(dentry);
	return 0;
}

int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	bool is_dir, target;
	int err;

	if (flags)
		return -EINVAL;
	if (old_dentry == new_dentry || (new_dentry->d_inode &&
					 old_dentry->d_inode == new_dentry->d_inode))
		return 0;
	is_dir = S_ISDIR(old_dentry->d_inode->i_mode);
	err = may_delete(old_dir, old_dentry, is_dir);
	if (err)
		return err;
	target = d_really_is_positive(new_dentry);
	if (target) {
		err = may_delete(new_dir, new_dentry, is_dir);
		if (err)
			return err;
		if (is_dir && !simple_empty(new_dentry))
			return -ENOTEMPTY;
	} else {
		err = may_create(new_dir, new_dentry);
		if (err)
			return err;
	}
	/* A directory moving elsewhere rewrites its "..": it must be writable. */
	if (is_dir && new_dir != old_dir) {
		err = inode_permission(old_dentry->d_inode, MAY_WRITE);
		if (err)
			return err;
	}
	/* A directory cannot move below itself; nor can a target be our ancestor. */
	if (is_dir && is_subdir(new_dentry->d_parent, old_dentry))
		return -EINVAL;
	if (is_subdir(old_dentry, new_dentry))
		return -ENOTEMPTY;
	if (!old_dir->i_op || !old_dir->i_op->rename)
		return -EPERM;
	err = old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry, flags);
	if (err)
		return err;
	if (target) {
		if (is_dir) {
			new_dentry->d_inode->i_flags |= S_DEAD;
			new_dentry->d_flags |= DCACHE_DEAD;
		}
		inode_touch(new_dentry->d_inode, false);	/* if unlinked: off the dirty list */
		d_detach(new_dentry);
	}
	d_move(old_dentry, new_dentry);
	inode_touch(old_dir, true);
	inode_touch(new_dir, true);
	inode_touch(old_dentry->d_inode, false);
	return 0;
}

/* --- Path-based forms -------------------------------------------------- */

int do_mkdirat(const struct path *base, const char *name, umode_t mode)
{
	struct path parent;
	struct dentry *dentry = kern_path_create_at(base, name, &parent, LOOKUP_DIRECTORY);
	int err;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_mkdir(parent.dentry->d_inode, dentry, mode & ~current_umask());
	done_path_create(&parent, dentry);
	return err;
}

int kern_mkdir(const char *name, umode_t mode)
{
	return do_mkdirat(NULL, name, mode);
}

int do_mknodat(const struct path *base, const char *name, umode_t mode, dev_t dev)
{
	struct path parent;
	struct dentry *dentry;
	int err;

	if (S_ISDIR(mode))
		return -EPERM;
	dentry = kern_path_create_at(base, name, &parent, 0);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_mknod(parent.dentry->d_inode, dentry,
			(mode & S_IFMT) | (mode & ~S_IFMT & ~current_umask()), dev);
	done_path_create(&parent, dentry);
	return err;
}

int kern_mknod(const char *name, umode_t mode, dev_t dev)
{
	return do_mknodat(NULL, name, mode, dev);
}

int do_symlinkat(const char *target, const struct path *base, const char *name)
{
	struct path parent;
	struct dentry *dentry;
	struct inode *dir;
	int err;

	if (!*target)
		return -ENOENT;
	dentry = kern_path_create_at(base, name, &parent, 0);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	dir = parent.dentry->d_inode;
	err = may_create(dir, dentry);
	if (!err && (!dir->i_op || !dir->i_op->symlink))
		err = -EPERM;
	if (!err)
		err = finish_create(dentry, dir->i_op->symlink(dir, dentry, target));
	done_path_create(&parent, dentry);
	return err;
}

/*
 * Linking to a file one does not own needs CAP_FOWNER or a plain file one
 * may read and write (Linux with fs.protected_hardlinks = 1, Debian's
 * default): -EPERM.
 */
static int may_linkat(struct inode *inode)
{
	if (inode_owner_or_capable(inode))
		return 0;
	if (S_ISREG(inode->i_mode) && !(inode->i_mode & S_ISUID) &&
	    (inode->i_mode & (S_ISGID | S_IXGRP)) != (S_ISGID | S_IXGRP) &&
	    !inode_permission(inode, MAY_READ | MAY_WRITE))
		return 0;
	return -EPERM;
}

int do_linkat(const struct path *obase, const char *oldname, const struct path *nbase,
	      const char *newname, unsigned int flags)
{
	struct path old, parent;
	struct dentry *dentry;
	struct inode *dir;
	int err;

	err = vfs_path_lookup(obase, oldname, flags & LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	dentry = kern_path_create_at(nbase, newname, &parent, 0);
	if (IS_ERR(dentry)) {
		path_put(&old);
		return PTR_ERR(dentry);
	}
	dir = parent.dentry->d_inode;
	err = old.mnt != parent.mnt ? -EXDEV : may_linkat(old.dentry->d_inode);
	if (!err)
		err = may_create(dir, dentry);
	if (!err && S_ISDIR(old.dentry->d_inode->i_mode))
		err = -EPERM;
	if (!err && (!dir->i_op || !dir->i_op->link))
		err = -EPERM;
	if (!err && d_unhashed(old.dentry))
		err = -ENOENT;
	if (!err)
		err = finish_create(dentry, dir->i_op->link(old.dentry, dir, dentry));
	done_path_create(&parent, dentry);
	path_put(&old);
	return err;
}

int do_readlinkat(const struct path *base, const char *name, char *buf, int size)
{
	struct path path;
	const char *link;
	int err, len;

	err = vfs_path_lookup(base, name, 0, &path);
	if (err)
		return err;
	link = path.dentry->d_inode->i_link;
	if (!S_ISLNK(path.dentry->d_inode->i_mode)) {
		path_put(&path);
		return -EINVAL;
	}
	if (!link && path.dentry->d_inode->i_op && path.dentry->d_inode->i_op->get_link) {
		char *tmp = kmalloc(PATH_MAX, GFP_KERNEL);

		if (!tmp) {
			path_put(&path);
			return -ENOMEM;
		}
		vfs_ns_lock();
		link = path.dentry->d_inode->i_op->get_link(path.dentry, tmp, PATH_MAX);
		vfs_ns_unlock();
		len = IS_ERR(link) ? PTR_ERR(link) : min_t(int, strlen(link), size);
		if (len > 0)
			memcpy(buf, link, len);
		kfree(tmp);
		path_put(&path);
		return len;
	}
	if (!link) {
		path_put(&path);
		return -EINVAL;
	}
	len = min_t(int, strlen(link), size);
	memcpy(buf, link, len);
	path_put(&path);
	return len;
}

/* Walk to the parent of @name; return the last component's dentry (no ref). */
static int lookup_for_delete(const struct path *base, const char *name,
			     struct nameidata *nd, struct dentry **res)
{
	struct path start = walk_base(base);
	int err = link_path_walk(&start, name, nd);

	if (err)
		return err;
	if (nd->last_type != LAST_NORM)
		return nd->last_type == LAST_DOT ? -EINVAL :
		       nd->last_type == LAST_DOTDOT ? -ENOTEMPTY : -EBUSY;
	*res = lookup_one(nd->dir.dentry, &nd->last);
	if (IS_ERR(*res))
		return PTR_ERR(*res);
	return *res ? 0 : -ENOENT;
}

int do_unlinkat(const struct path *base, const char *name)
{
	struct nameidata nd = { 0 };
	struct dentry *d;
	int err;

	vfs_ns_lock();
	err = lookup_for_delete(base, name, &nd, &d);
	if (err == -EINVAL || err == -ENOTEMPTY || err == -EBUSY)
		err = -EISDIR;	/* ".", "..", "/": all directories */
	if (!err && nd.trailing_slash)
		err = S_ISDIR(d->d_inode->i_mode) ? -EISDIR : -ENOTDIR;
	if (!err) {
		dget(d);
		err = vfs_unlink(nd.dir.dentry->d_inode, d);
		vfs_ns_unlock();
		dput(d);	/* may free file data: outside the mutex */
		return err;
	}
	vfs_ns_unlock();
	return err;
}

int kern_unlink(const char *name)
{
	return do_unlinkat(NULL, name);
}

int do_rmdirat(const struct path *base, const char *name)
{
	struct nameidata nd = { 0 };
	struct dentry *d;
	int err;

	vfs_ns_lock();
	err = lookup_for_delete(base, name, &nd, &d);
	if (!err) {
		dget(d);
		err = vfs_rmdir(nd.dir.dentry->d_inode, d);
		vfs_ns_unlock();
		dput(d);
		return err;
	}
	vfs_ns_unlock();
	return err;
}

int kern_rmdir(const char *name)
{
	return do_rmdirat(NULL, name);
}

int do_renameat(const struct path *obase, const char *oldname, const struct path *nbase,
		const char *newname, unsigned int flags)
{
	struct nameidata ond = { 0 }, nnd = { 0 };
	struct dentry *old, *new, *created = NULL;
	struct path nstart;
	int err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	vfs_ns_lock();
	err = lookup_for_delete(obase, oldname, &ond, &old);
	if (err == -EINVAL || err == -ENOTEMPTY)
		err = -EBUSY;	/* Linux: "." or ".." cannot be renamed */
	if (err)
		goto out;
	nstart = walk_base(nbase);
	err = link_path_walk(&nstart, newname, &nnd);
	if (err)
		goto out;
	if (nnd.last_type != LAST_NORM) {
		err = -EBUSY;
		goto out;
	}
	if (ond.dir.mnt != nnd.dir.mnt) {
		err = -EXDEV;
		goto out;
	}
	if ((ond.trailing_slash || nnd.trailing_slash) && !S_ISDIR(old->d_inode->i_mode)) {
		err = -ENOTDIR;
		goto out;
	}
	new = lookup_one(nnd.dir.dentry, &nnd.last);
	if (IS_ERR(new)) {
		err = PTR_ERR(new);
		goto out;
	}
	if (new && (flags & RENAME_NOREPLACE)) {
		err = -EEXIST;
		goto out;
	}
	if (!new) {
		err = -ENOENT;
		if (nnd.dir.dentry->d_flags & DCACHE_DEAD)
			goto out;
		err = -ENOMEM;
		created = d_alloc(nnd.dir.dentry, &nnd.last);
		if (!created)
			goto out;
		new = created;
	} else {
		dget(new);
	}
	dget(old);
	err = vfs_rename(ond.dir.dentry->d_inode, old, nnd.dir.dentry->d_inode, new, 0);
	vfs_ns_unlock();
	dput(old);
	dput(new);
	return err;
out:
	vfs_ns_unlock();
	return err;
}

int kern_rename(const char *oldname, const char *newname)
{
	return do_renameat(NULL, oldname, NULL, newname, 0);
}

/* --- System calls ------------------------------------------------------ */

int dfd_base(int dfd, const char *name, struct file **filp)
{
	struct file *f;

	*filp = NULL;
	if (name[0] == '/' || dfd == AT_FDCWD)
		return 0;
	f = fget(dfd);
	if (!f)
		return -EBADF;
	if (!S_ISDIR(file_inode(f)->i_mode)) {
		fput(f);
		return -ENOTDIR;
	}
	*filp = f;
	return 0;
}

/*
 * Copy the user path @uname and resolve @dfd; on success *@name and
 * *@filp (maybe NULL) must be released with put_at().
 */
static int get_at(int dfd, const char __user *uname, char **name, struct file **filp)
{
	int err;

	*name = getname(uname);
	if (IS_ERR(*name))
		return PTR_ERR(*name);
	err = dfd_base(dfd, *name, filp);
	if (err)
		kfree(*name);
	return err;
}

static void put_at(char *name, struct file *filp)
{
	kfree(name);
	if (filp)
		fput(filp);
}

#define BASE(f) ((f) ? &(f)->f_path : NULL)

static long do_sys_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	struct file *f;
	char *name;
	int err = get_at(dfd, pathname, &name, &f);

	if (err)
		return err;
	err = do_mkdirat(BASE(f), name, mode);
	put_at(name, f);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_sys_mkdirat(dfd, pathname, mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_sys_mkdirat(AT_FDCWD, pathname, mode);
}

static long do_sys_mknodat(int dfd, const char __user *filename, umode_t mode,
			   unsigned int dev)
{
	struct file *f;
	char *name;
	int err;

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	err = get_at(dfd, filename, &name, &f);
	if (err)
		return err;
	err = do_mknodat(BASE(f), name, mode, new_decode_dev(dev));
	put_at(name, f);
	return err;
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_sys_mknodat(dfd, filename, mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return do_sys_mknodat(AT_FDCWD, filename, mode, dev);
}

static long do_sys_unlinkat(int dfd, const char __user *pathname, int flag)
{
	struct file *f;
	char *name;
	int err;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	err = get_at(dfd, pathname, &name, &f);
	if (err)
		return err;
	err = (flag & AT_REMOVEDIR) ? do_rmdirat(BASE(f), name) : do_unlinkat(BASE(f), name);
	put_at(name, f);
	return err;
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	return do_sys_unlinkat(dfd, pathname, flag);
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_sys_unlinkat(AT_FDCWD, pathname, 0);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

static long do_sys_symlinkat(const char __user *oldname, int newdfd,
			     const char __user *newname)
{
	char *target = getname(oldname), *name;
	struct file *f;
	int err;

	if (IS_ERR(target))
		return PTR_ERR(target);
	err = get_at(newdfd, newname, &name, &f);
	if (!err) {
		err = do_symlinkat(target, BASE(f), name);
		put_at(name, f);
	}
	kfree(target);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_sys_symlinkat(oldname, newdfd, newname);
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return do_sys_symlinkat(oldname, AT_FDCWD, newname);
}

static long do_sys_linkat(int olddfd, const char __user *oldname, int newdfd,
			  const char __user *newname, int flags)
{
	struct file *of, *nf;
	char *oname, *nname;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = get_at(olddfd, oldname, &oname, &of);
	if (err)
		return err;
	err = get_at(newdfd, newname, &nname, &nf);
	if (!err) {
		err = do_linkat(BASE(of), oname, BASE(nf), nname,
				(flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0);
		put_at(nname, nf);
	}
	put_at(oname, of);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	return do_sys_linkat(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return do_sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

static long do_sys_renameat2(int olddfd, const char __user *oldname, int newdfd,
			     const char __user *newname, unsigned int flags)
{
	struct file *of, *nf;
	char *oname, *nname;
	int err;

	err = get_at(olddfd, oldname, &oname, &of);
	if (err)
		return err;
	err = get_at(newdfd, newname, &nname, &nf);
	if (!err) {
		err = do_renameat(BASE(of), oname, BASE(nf), nname, flags);
		put_at(nname, nf);
	}
	put_at(oname, of);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_sys_renameat2(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

static long do_sys_readlinkat(int dfd, const char __user *pathname, char __user *buf,
			      int bufsiz)
{
	struct file *f;
	char *name, *kbuf;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = get_at(dfd, pathname, &name, &f);
	if (err)
		return err;
	kbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!kbuf) {
		put_at(name, f);
		return -ENOMEM;
	}
	if (!*name)
		err = -ENOENT;
	else
		err = do_readlinkat(BASE(f), name, kbuf, min(bufsiz, PATH_MAX));
	if (err > bufsiz)
		err = bufsiz;
	if (err >= 0 && copy_to_user(buf, kbuf, err))
		err = -EFAULT;
	kfree(kbuf);
	put_at(name, f);
	return err;
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	return do_sys_readlinkat(dfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	char *name = getname(filename);
	struct path path;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	kfree(name);
	if (err)
		return err;
	err = inode_permission(path.dentry->d_inode, MAY_EXEC | MAY_CHDIR);
	if (!err)
		set_fs_pwd(current->fs, &path);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget(fd);
	int err = -ENOTDIR;

	if (!f)
		return -EBADF;
	if (S_ISDIR(file_inode(f)->i_mode)) {
		err = inode_permission(file_inode(f), MAY_EXEC | MAY_CHDIR);
		if (!err)
			set_fs_pwd(current->fs, &f->f_path);
	}
	fput(f);
	return err;
}

SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *kbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path pwd;
	int len;

	if (!kbuf)
		return -ENOMEM;
	get_fs_pwd(&pwd);
	len = d_path_copy(&pwd, kbuf, PATH_MAX);
	if (len >= 0 && (pwd.dentry->d_flags & DCACHE_DEAD))
		len = -ENOENT;
	path_put(&pwd);
	if (len >= 0) {
		len++;			/* with the NUL */
		if ((unsigned long)len > size)
			len = -ERANGE;
		else if (copy_to_user(buf, kbuf, len))
			len = -EFAULT;
	}
	kfree(kbuf);
	return len;
}

/* A path from user space into a new kmalloc'd string, or ERR_PTR(). */
char *getname(const char __user *filename)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || len == 0) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : len ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}
