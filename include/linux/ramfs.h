/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ramfs: the root file system, and tmpfs. Directories are the dentry tree itself;
 * regular files keep their data in pages allocated on write (holes read as
 * zeroes); device nodes are special inodes. Everything lives until
 * unlinked and closed.
 */
#ifndef _LINUX_RAMFS_H
#define _LINUX_RAMFS_H

#include <linux/fs.h>

#define RAMFS_MAGIC 0x858458f6

/*
 * A ramfs file may be as large as on Linux's tmpfs (MAX_LFS_FILESIZE,
 * sparse), but its data lies in the first RAMFS_MAX_DATA bytes (the
 * page-pointer array of a file stays small): writes beyond give -ENOSPC.
 */
#define RAMFS_MAX_DATA ((loff_t)1 << 30)

#define TMPFS_MAGIC 0x01021994

/*
 * ramfs_fill_super() - make the new @sb a ramfs with an empty root
 * directory in sb->s_root (a fill_super for mount_nodev(); @data and
 * @silent are ignored). Returns 0 or -ENOMEM. May sleep.
 */
int ramfs_fill_super(struct super_block *sb, void *data, int silent);

/* "ramfs" (also the root file system); "tmpfs" is registered beside it. */
extern struct file_system_type ramfs_fs_type;

/*
 * ramfs_get_inode() - a new ramfs inode of @sb with @mode (regular file,
 * directory or special file with device number @dev), made in directory
 * @dir (NULL: none) and owned as inode_init_owner() says. NULL on -ENOMEM.
 */
struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode,
			      dev_t dev);

#endif /* _LINUX_RAMFS_H */
