/* SPDX-License-Identifier: GPL-2.0-only */
/* VFS internals shared by the files of fs/ (not for drivers). */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/fs.h>
#include <linux/dcache.h>

/*
 * The namespace mutex: the dentry tree (links, names, parents) and every
 * inode operation run under it. Sleeping under it is fine; taking it
 * again, or calling a driver's ->open under it, is not.
 */
void vfs_ns_lock(void);
void vfs_ns_unlock(void);
bool vfs_ns_locked(void);

/* The root dentry of the namespace (fs/namespace.c); NULL before fs init. */
extern struct dentry *vfs_root;

/* super.c: another active reference on @sb, which has one already (bind mounts). */
void super_get_active(struct super_block *sb);

/* dcache.c: the hash table and dentry cache, before the first dentry. */
int dcache_init(void);

/* dcache.c: need the namespace mutex except d_alloc(). */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
void d_attach(struct dentry *dentry);
void d_detach(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);

/*
 * d_alloc_pseudo() - a dentry outside the tree (its own parent, never
 * linked) for @inode (taking the caller's reference), for pipes. NULL on
 * -ENOMEM, having dropped @inode.
 */
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name,
			      struct inode *inode);

/* d_path_copy() with the namespace mutex already held. */
int __d_path_copy(const struct path *path, char *buf, int size);

/* pipe.c: a connected read end res[0] and write end res[1]; 0 or -ENOMEM. */
int create_pipe_files(struct file **res, int flags);
bool is_subdir(struct dentry *dentry, struct dentry *ancestor);

/* open.c: set the size of @dentry's inode; caller holds a reference. */
int do_truncate(struct dentry *dentry, loff_t length);

/*
 * file_table.c: an unopened file with one reference, holding a reference to
 * current's credentials (f_cred), or ERR_PTR(-ENOMEM).
 */
struct file *alloc_empty_file(int flags);

#endif /* _FS_INTERNAL_H */
