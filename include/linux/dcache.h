/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Directory entries. In Ferrite the tree of dentries *is* the namespace:
 * every name that exists is a dentry linked in its parent's d_subdirs list,
 * pointing at its inode (ramfs keeps nothing else, as Linux's ramfs keeps
 * its names only in the dcache). Each super block has its own tree; mounts
 * (linux/mount.h) join the trees into one namespace.
 *
 * A linked dentry is also in the dentry hash table under (parent, name),
 * so looking a name up costs the same in a directory of 10 or 100,000
 * entries, and in its parent's tree of readdir positions (d_offset), so a
 * listing resumes in O(log n) where it stopped. There are no negative
 * dentries: a name that does not exist costs one hash probe already, and
 * ramfs has no backing store whose misses they would save.
 *
 * References: the tree holds one reference on every linked dentry, every
 * dentry holds one on its parent and one on its inode, and a struct file or
 * struct path holds one on its dentry. A dentry that is unlinked (unlink,
 * rmdir, replaced by rename) leaves the tree but lives, with its inode,
 * until its last reference is dropped, so open files stay usable.
 *
 * The tree (links, names, parents) changes only under the VFS namespace
 * mutex (fs/namei.c); dget()/dput() need no lock.
 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/rbtree.h>

struct inode;
struct super_block;

/* A name: not NUL-terminated in general (use len). */
struct qstr {
	const char *name;
	unsigned int len;
};

#define QSTR_INIT(n, l) { .name = (n), .len = (l) }

#define DNAME_INLINE_LEN 40

#define DCACHE_LINKED	0x1	/* in its parent and the hash (reachable by path) */
#define DCACHE_DEAD	0x2	/* a removed directory: nothing may be created in it */

struct dentry {
	unsigned int d_flags;
	refcount_t d_count;
	struct hlist_node d_hash;	/* in the hash table, by (d_parent, d_name) */
	struct dentry *d_parent;	/* the root is its own parent */
	struct qstr d_name;
	struct inode *d_inode;		/* NULL only before d_instantiate() */
	struct super_block *d_sb;
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* children, by d_offset */
	/*
	 * Readdir positions: each child linked in a directory gets the next
	 * d_offset of that directory (never reused), and sits in its
	 * d_offsets tree, so a listing resumes at a position in O(log n) and
	 * neither skips nor repeats an entry that stays while others go.
	 */
	loff_t d_offset;		/* this entry's position in d_parent */
	struct rb_node d_offset_node;	/* in d_parent->d_offsets */
	struct rb_root d_offsets;	/* children, by d_offset */
	loff_t d_next_offset;		/* the next child's d_offset */
	void *d_fsdata;
	unsigned int d_mounted;		/* mounts on this dentry (fs/namespace.c) */
	char d_iname[DNAME_INLINE_LEN];	/* short names live here */
};

/* dget() - take a reference on @dentry (may be NULL). Never sleeps. */
static inline struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		refcount_inc(&dentry->d_count);
	return dentry;
}

/*
 * dput() - drop a reference on @dentry (may be NULL). The last reference
 * frees it, then drops its inode and parent. May sleep (iput may free file
 * data); process context only.
 */
void dput(struct dentry *dentry);

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool d_really_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return dentry->d_inode == NULL;
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

/* d_mountpoint() - whether some mount sits on @dentry. Namespace mutex held. */
static inline bool d_mountpoint(const struct dentry *dentry)
{
	return dentry->d_mounted != 0;
}

/* Whether @dentry is reachable by path (linked in its parent). */
static inline bool d_unhashed(const struct dentry *dentry)
{
	return !(dentry->d_flags & DCACHE_LINKED);
}

/*
 * d_instantiate() - attach @inode to the new (not yet linked) @dentry,
 * handing over the caller's inode reference. Called by a file system's
 * create/mkdir/mknod; the VFS links the dentry into the tree afterwards.
 */
void d_instantiate(struct dentry *dentry, struct inode *inode);

/*
 * d_add_child() - link a new dentry @name under the directory @parent for
 * @inode, taking over the caller's inode reference: what ->lookup does
 * with an inode it read. Returns the dentry, whose only reference is the
 * tree's, or ERR_PTR(-ENOMEM) having dropped @inode. Namespace mutex held.
 */
struct dentry *d_add_child(struct dentry *parent, const struct qstr *name,
			   struct inode *inode);

/*
 * d_first_child_from() - the child of the directory @dir with the lowest
 * readdir position at or after @pos, or NULL. O(log n). Caller holds the
 * namespace mutex (true inside ->iterate_shared).
 */
struct dentry *d_first_child_from(struct dentry *dir, loff_t pos);

/*
 * d_make_root() - a root dentry ("/", its own parent) for @root_inode,
 * taking over the caller's inode reference. Returns NULL and drops the
 * inode on -ENOMEM. May sleep and allocate.
 */
struct dentry *d_make_root(struct inode *root_inode);

/*
 * simple_empty() - whether the directory @dentry has no children. Caller
 * holds the namespace mutex (true inside inode operations).
 */
bool simple_empty(struct dentry *dentry);

struct path;

/*
 * d_path_copy() - write the absolute path of @path ("/dir/name") into @buf
 * of @size bytes, NUL-terminated; returns its length or -ENAMETOOLONG. An
 * unlinked object keeps the name it had. Takes the namespace mutex: not
 * with it held.
 */
int d_path_copy(const struct path *path, char *buf, int size);

#endif /* _LINUX_DCACHE_H */
