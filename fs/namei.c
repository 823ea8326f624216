// SPDX-License-Identifier: GPL-2.0-only
/*
 * Path walking and namespace operations. One mutex (the namespace mutex)
 * covers every walk and every change of the dentry tree: simple and
 * obviously correct for a small kernel; per-directory locks can replace it
 * when lookups become hot. Walks hold it only for their duration; device
 * ->open methods are always called after it is dropped.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include "internal.h"

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

struct nameidata {
	struct dentry *dir;	/* directory holding the last component */
	struct qstr last;
	int last_type;
	bool trailing_slash;
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
 * Walk every component of @name but the last, which is left in nd->last.
 * Namespace mutex held; no references taken (the mutex pins the tree).
 */
static int link_path_walk(const char *name, struct nameidata *nd)
{
	struct dentry *dir = vfs_root;
	size_t total;

	if (!dir)
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
		struct dentry *next;

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
			next = dir->d_parent;
		} else if (type == LAST_DOT) {
			next = dir;
		} else {
			next = d_lookup(dir, &this);
			if (!next)
				return -ENOENT;
			if (!S_ISDIR(next->d_inode->i_mode))
				return -ENOTDIR;
		}
		dir = next;
		name = end;
	}
}

/* Resolve the last component of a walk to a dentry (no reference). */
static int walk_last(struct nameidata *nd, unsigned int flags, struct dentry **res)
{
	struct dentry *d;

	switch (nd->last_type) {
	case LAST_ROOT:
	case LAST_DOT:
		d = nd->dir;
		break;
	case LAST_DOTDOT:
		d = nd->dir->d_parent;
		break;
	default:
		d = d_lookup(nd->dir, &nd->last);
		if (!d)
			return -ENOENT;
	}
	if ((nd->trailing_slash || (flags & LOOKUP_DIRECTORY)) &&
	    !S_ISDIR(d->d_inode->i_mode))
		return -ENOTDIR;
	*res = d;
	return 0;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	struct dentry *d;
	int err;

	vfs_ns_lock();
	err = link_path_walk(name, &nd);
	if (!err)
		err = walk_last(&nd, flags, &d);
	if (!err)
		path->dentry = dget(d);
	vfs_ns_unlock();
	return err;
}

void path_get(const struct path *path)
{
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
}

struct dentry *kern_path_create(const char *name, struct path *path,
				unsigned int lookup_flags)
{
	struct nameidata nd;
	struct dentry *dentry;
	int err;

	vfs_ns_lock();
	err = link_path_walk(name, &nd);
	if (err)
		goto fail;
	err = -EEXIST;
	if (nd.last_type != LAST_NORM || d_lookup(nd.dir, &nd.last))
		goto fail;
	err = -ENOENT;
	if (nd.trailing_slash && !(lookup_flags & LOOKUP_DIRECTORY))
		goto fail;
	if (nd.dir->d_flags & DCACHE_DEAD)
		goto fail;
	err = -ENOMEM;
	dentry = d_alloc(nd.dir, &nd.last);
	if (!dentry)
		goto fail;
	path->dentry = dget(nd.dir);
	return dentry;
fail:
	vfs_ns_unlock();
	return ERR_PTR(err);
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
	return 0;
}

/* After a successful create method: link the new dentry into the tree. */
static int finish_create(struct dentry *dentry, int err)
{
	if (err)
		return err;
	if (WARN_ON(!dentry->d_inode))
		return -EIO;
	d_attach(dentry);
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
	if (!dir->i_op || !dir->i_op->mknod)
		return -EPERM;
	return finish_create(dentry, dir->i_op->mknod(dir, dentry, mode, dev));
}

static int may_delete(struct inode *dir, struct dentry *dentry, bool isdir)
{
	WARN_ON(!vfs_ns_locked());
	if (d_unhashed(dentry) || !dentry->d_inode || dentry->d_parent->d_inode != dir)
		return -ENOENT;
	if (isdir) {
		if (!S_ISDIR(dentry->d_inode->i_mode))
			return -ENOTDIR;
		if (IS_ROOT(dentry))
			return -EBUSY;
	} else if (S_ISDIR(dentry->d_inode->i_mode)) {
		return -EISDIR;
	}
	return 0;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->unlink)
		return -EPERM;
	err = dir->i_op->unlink(dir, dentry);
	if (!err)
		d_detach(dentry);
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
		d_detach(new_dentry);
	}
	d_move(old_dentry, new_dentry);
	return 0;
}

/* --- Path-based forms -------------------------------------------------- */

int kern_mkdir(const char *name, umode_t mode)
{
	struct path parent;
	struct dentry *dentry = kern_path_create(name, &parent, LOOKUP_DIRECTORY);
	int err;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_mkdir(parent.dentry->d_inode, dentry, mode);
	done_path_create(&parent, dentry);
	return err;
}

int kern_mknod(const char *name, umode_t mode, dev_t dev)
{
	struct path parent;
	struct dentry *dentry;
	int err;

	if (S_ISDIR(mode))
		return -EPERM;
	dentry = kern_path_create(name, &parent, 0);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_mknod(parent.dentry->d_inode, dentry, mode, dev);
	done_path_create(&parent, dentry);
	return err;
}

/* Walk to the parent of @name; return the last component's dentry (no ref). */
static int lookup_for_delete(const char *name, struct nameidata *nd,
			     struct dentry **res)
{
	int err = link_path_walk(name, nd);

	if (err)
		return err;
	if (nd->last_type != LAST_NORM)
		return nd->last_type == LAST_DOT ? -EINVAL :
		       nd->last_type == LAST_DOTDOT ? -ENOTEMPTY : -EBUSY;
	*res = d_lookup(nd->dir, &nd->last);
	return *res ? 0 : -ENOENT;
}

int kern_unlink(const char *name)
{
	struct nameidata nd;
	struct dentry *d;
	int err;

	vfs_ns_lock();
	err = lookup_for_delete(name, &nd, &d);
	if (err == -EINVAL || err == -ENOTEMPTY || err == -EBUSY)
		err = -EISDIR;	/* ".", "..", "/": all directories */
	if (!err && nd.trailing_slash)
		err = S_ISDIR(d->d_inode->i_mode) ? -EISDIR : -ENOTDIR;
	if (!err) {
		dget(d);
		err = vfs_unlink(nd.dir->d_inode, d);
		vfs_ns_unlock();
		dput(d);	/* may free file data: outside the mutex */
		return err;
	}
	vfs_ns_unlock();
	return err;
}

int kern_rmdir(const char *name)
{
	struct nameidata nd;
	struct dentry *d;
	int err;

	vfs_ns_lock();
	err = lookup_for_delete(name, &nd, &d);
	if (!err) {
		dget(d);
		err = vfs_rmdir(nd.dir->d_inode, d);
		vfs_ns_unlock();
		dput(d);
		return err;
	}
	vfs_ns_unlock();
	return err;
}

int kern_rename(const char *oldname, const char *newname)
{
	struct nameidata ond, nnd;
	struct dentry *old, *new, *created = NULL;
	int err;

	vfs_ns_lock();
	err = lookup_for_delete(oldname, &ond, &old);
	if (err)
		goto out;
	err = link_path_walk(newname, &nnd);
	if (err)
		goto out;
	if (nnd.last_type != LAST_NORM) {
		err = -EBUSY;
		goto out;
	}
	if ((ond.trailing_slash || nnd.trailing_slash) && !S_ISDIR(old->d_inode->i_mode)) {
		err = -ENOTDIR;
		goto out;
	}
	new = d_lookup(nnd.dir, &nnd.last);
	if (!new) {
		err = -ENOENT;
		if (nnd.dir->d_flags & DCACHE_DEAD)
			goto out;
		err = -ENOMEM;
		created = d_alloc(nnd.dir, &nnd.last);
		if (!created)
			goto out;
		new = created;
	} else {
		dget(new);
	}
	dget(old);
	err = vfs_rename(ond.dir->d_inode, old, nnd.dir->d_inode, new, 0);
	vfs_ns_unlock();
	dput(old);
	dput(new);
	return err;
out:
	vfs_ns_unlock();
	return err;
}
