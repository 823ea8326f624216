/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A process's working directory (fs/fs_struct.c). Relative paths start
 * there; there is one root (no chroot yet). The path holds a reference.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/fs.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>

struct fs_struct {
	refcount_t users;
	spinlock_t lock;
	struct path pwd;
};

/* A new fs_struct at the root (@old NULL) or at @old's directory; NULL on -ENOMEM. */
struct fs_struct *copy_fs_struct(struct fs_struct *old);

/* Drop current's fs_struct (process exit). May sleep. */
void exit_fs(void);

/* set_fs_pwd() - make @path current's working directory (takes a reference). */
void set_fs_pwd(struct fs_struct *fs, const struct path *path);

/* get_fs_pwd() - current's working directory, referenced (root without a process). */
void get_fs_pwd(struct path *path);

#endif /* _LINUX_FS_STRUCT_H */
