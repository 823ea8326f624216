/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct mount: a vfsmount and its place in the tree, private to fs/.
 * The tree (mnt_parent, mnt_mountpoint, the hash, mnt_mounts, the list of
 * mounts) changes only under the namespace mutex, which every path walk
 * holds; mnt_count is atomic.
 */
#ifndef _FS_MOUNT_H
#define _FS_MOUNT_H

#include <linux/mount.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/fs.h>

struct mount {
	struct vfsmount mnt;
	atomic_t mnt_count;
	struct mount *mnt_parent;	/* itself: the namespace root, or detached */
	struct dentry *mnt_mountpoint;	/* in mnt_parent; referenced while attached */
	struct hlist_node mnt_hash;	/* by (mnt_parent, mnt_mountpoint) */
	struct list_head mnt_mounts;	/* mounts on dentries of this one */
	struct list_head mnt_child;	/* in mnt_parent->mnt_mounts */
	struct list_head mnt_list;	/* in the namespace, in mount order */
	char *mnt_devname;		/* the source, as /proc/mounts shows it */
};

static inline struct mount *real_mount(struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

/* The mount of "/" (fs/namespace.c). */
extern struct vfsmount *root_mnt;

/*
 * __lookup_mnt() - the mount on @dentry as seen in @mnt (the last one
 * mounted there), or NULL. Namespace mutex held.
 */
struct mount *__lookup_mnt(struct vfsmount *mnt, struct dentry *dentry);

/*
 * follow_mount() - while something is mounted on @path, move @path to the
 * root of the topmost mount there. Namespace mutex held; no references.
 */
void follow_mount(struct path *path);

/*
 * follow_up() - if @path is the root of an attached mount, move it to the
 * mountpoint in the parent mount and return true; false at the root of
 * the namespace or of a detached mount. Namespace mutex held.
 */
bool follow_up(struct path *path);

/* /proc/mounts and /proc/filesystems: write the text into @buf; its length. */
int mounts_show(char *buf, size_t size);
int filesystems_show(char *buf, size_t size);

#endif /* _FS_MOUNT_H */
