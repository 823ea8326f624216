/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Mounts. A struct vfsmount is one instance of a file system in the
 * namespace: its super block and the dentry of that super block it shows
 * (the super block's root, or a directory below it for a bind mount). A
 * location is a (vfsmount, dentry) pair: struct path. The path walk
 * crosses from a mountpoint down into the root of what is mounted on it,
 * and from a mounted root back up to the mountpoint's parent for "..".
 * See Documentation/filesystems/vfs.rst.
 *
 * References: a vfsmount is counted (mntget()/mntput()); the tree holds
 * one for every attached mount, and each struct path that names it holds
 * one (open files, working directories). umount2() refuses a mount that
 * holds more than the tree's and the caller's (-EBUSY), unless MNT_DETACH.
 * The last mntput() of a detached mount drops its super block.
 */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

#include <linux/types.h>
#include <uapi/linux/mount.h>

struct dentry;
struct super_block;
struct file_system_type;
struct path;

/* vfsmount->mnt_flags */
#define MNT_INTERNAL	0x4000	/* kern_mount(): never in the tree */

struct vfsmount {
	struct dentry *mnt_root;	/* what this mount shows */
	struct super_block *mnt_sb;
	int mnt_flags;
};

/* mntget() - take a reference on @mnt (NULL allowed); returns it. Never sleeps. */
struct vfsmount *mntget(struct vfsmount *mnt);

/*
 * mntput() - drop a reference (NULL allowed). The last one of a mount no
 * longer in the tree frees it and drops its super block (which may call
 * the file system's ->kill_sb). May sleep: not under the namespace mutex.
 */
void mntput(struct vfsmount *mnt);

/*
 * vfs_kern_mount() - a new mount, not in the tree, of file system @type:
 * @type->mount(@type, @flags (MS_*), @name, @data) gives its root. One
 * reference; kern_unmount()/mntput() drops it. ERR_PTR() with the file
 * system's error. May sleep.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags, const char *name,
				void *data);

/* kern_mount() - an internal mount of @type (no device, no data), as above. */
struct vfsmount *kern_mount(struct file_system_type *type);
void kern_unmount(struct vfsmount *mnt);

/*
 * path_mount() - mount(2) once its arguments are in kernel memory: @path
 * is the (looked up) target, @type_page may be NULL for MS_REMOUNT and
 * MS_BIND. Returns 0 or -errno: -EPERM (no CAP_SYS_ADMIN), -ENODEV
 * (@type not registered), -ENOTBLK/-ENXIO/-EBUSY (the device, from
 * mount_bdev()), -EINVAL (remount of a path that is not a mount root, or
 * no type), -ENOTDIR (mounting a directory on a file), -ENOMEM, or the
 * file system's error. May sleep.
 */
int path_mount(const char *dev_name, struct path *path, const char *type_page,
	       unsigned long flags, void *data_page);

/*
 * path_umount() - umount2(2) of the mount whose root @path is; consumes
 * the caller's reference on @path. Returns 0 or -EPERM, -EINVAL (not a
 * mount root, or bad @flags), -EBUSY (files open or working directories
 * inside, other mounts below it, or the root of the namespace). May sleep.
 */
int path_umount(struct path *path, int flags);

/*
 * kern_mount_at() - mount a new @type file system from @dev_name on the
 * directory at the absolute @dir, as mount(2) would (without the
 * capability check): boot-time /proc and /dev, and tests. 0 or -errno.
 */
int kern_mount_at(const char *dev_name, const char *dir, const char *type,
		  unsigned long flags, void *data);

/* kern_umount() - umount2(@dir, @flags) from the kernel. 0 or -errno. */
int kern_umount(const char *dir, int flags);

#endif /* _LINUX_MOUNT_H */
