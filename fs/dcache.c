// SPDX-License-Identifier: GPL-2.0-only
/*
 * The dentry tree, which in Ferrite is the whole namespace (see
 * <linux/dcache.h>). Lookups are a walk of a parent's child list: small
 * directories are the common case and there is no hash table yet.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include "internal.h"

static void d_free(struct dentry *dentry)
{
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
	kfree(dentry);
}

void dput(struct dentry *dentry)
{
	while (dentry && refcount_dec_and_test(&dentry->d_count)) {
		struct dentry *parent = dentry->d_parent;

		WARN_ON(dentry->d_flags & DCACHE_LINKED);
		WARN_ON(!list_empty(&dentry->d_subdirs));
		if (dentry->d_inode)
			iput(dentry->d_inode);
		d_free(dentry);
		/* The root is its own parent and holds no reference on itself. */
		dentry = parent == dentry ? NULL : parent;
	}
}

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry = kzalloc(sizeof(*dentry), GFP_KERNEL);
	char *dname;

	if (!dentry)
		return NULL;
	if (name->len < DNAME_INLINE_LEN) {
		dname = dentry->d_iname;
	} else {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kfree(dentry);
			return NULL;
		}
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	refcount_set(&dentry->d_count, 1);
	dentry->d_sb = sb;
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	return dentry;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (dentry)
		dentry->d_parent = dget(parent);
	return dentry;
}

struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = QSTR_INIT("/", 1);
	struct dentry *dentry;

	if (!root_inode)
		return NULL;
	dentry = __d_alloc(root_inode->i_sb, &slash);
	if (!dentry) {
		iput(root_inode);
		return NULL;
	}
	dentry->d_parent = dentry;
	dentry->d_inode = root_inode;
	dentry->d_flags |= DCACHE_LINKED;	/* reachable: it is "/" */
	return dentry;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	WARN_ON(dentry->d_inode);
	dentry->d_inode = inode;
}

struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *child;

	list_for_each_entry(child, &parent->d_subdirs, d_child) {
		if (child->d_name.len == name->len &&
		    !memcmp(child->d_name.name, name->name, name->len))
			return child;
	}
	return NULL;
}

void d_attach(struct dentry *dentry)
{
	list_add_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
	dentry->d_flags |= DCACHE_LINKED;
	dget(dentry);		/* the tree's reference */
}

void d_detach(struct dentry *dentry)
{
	list_del_init(&dentry->d_child);
	dentry->d_flags &= ~DCACHE_LINKED;
	dput(dentry);		/* the tree's reference; the caller still has one */
}

static void swap_names(struct dentry *a, struct dentry *b)
{
	bool a_inline = a->d_name.name == a->d_iname;
	bool b_inline = b->d_name.name == b->d_iname;
	const char *a_name = a->d_name.name, *b_name = b->d_name.name;
	unsigned int len = a->d_name.len;
	char tmp[DNAME_INLINE_LEN];

	memcpy(tmp, a->d_iname, sizeof(tmp));
	memcpy(a->d_iname, b->d_iname, sizeof(tmp));
	memcpy(b->d_iname, tmp, sizeof(tmp));
	a->d_name.name = b_inline ? a->d_iname : b_name;
	b->d_name.name = a_inline ? b->d_iname : a_name;
	a->d_name.len = b->d_name.len;
	b->d_name.len = len;
}

/*
 * Give the linked @dentry the name and parent of the unlinked @target
 * (which gets @dentry's old name and keeps its own parent reference).
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = dentry->d_parent;

	swap_names(dentry, target);
	list_del(&dentry->d_child);
	dentry->d_parent = dget(target->d_parent);
	list_add_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
	dput(old_parent);
}

bool is_subdir(struct dentry *dentry, struct dentry *ancestor)
{
	for (;;) {
		if (dentry == ancestor)
			return true;
		if (IS_ROOT(dentry))
			return false;
		dentry = dentry->d_parent;
	}
}

bool simple_empty(struct dentry *dentry)
{
	return list_empty(&dentry->d_subdirs);
}

int __d_path_copy(const struct path *path, char *buf, int size)
{
	struct dentry *d;
	int pos = size - 1;

	if (size < 2)
		return -ENAMETOOLONG;
	buf[pos] = '\0';
	for (d = path->dentry; !IS_ROOT(d); d = d->d_parent) {
		int len = d->d_name.len;

		if (pos < len + 1)
			return -ENAMETOOLONG;
		pos -= len;
		memcpy(buf + pos, d->d_name.name, len);
		buf[--pos] = '/';
	}
	if (pos == size - 1)
		buf[--pos] = '/';
	memmove(buf, buf + pos, size - pos);
	return size - 1 - pos;
}

struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name,
			      struct inode *inode)
{
	struct dentry *dentry = __d_alloc(sb, name);

	if (!dentry) {
		iput(inode);
		return NULL;
	}
	dentry->d_parent = dentry;
	dentry->d_inode = inode;
	return dentry;
}

int d_path_copy(const struct path *path, char *buf, int size)
{
	int ret;

	vfs_ns_lock();
	ret = __d_path_copy(path, buf, size);
	vfs_ns_unlock();
	return ret;
}
