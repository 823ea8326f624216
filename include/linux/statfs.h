/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What statfs(2) reports about a file system. The layout is the system
 * call's struct statfs, which x86-64 and the generic 64-bit ABI (arm64,
 * riscv64) share, so the kernel's copy goes to user space as it is.
 */
#ifndef _LINUX_STATFS_H
#define _LINUX_STATFS_H

#include <linux/types.h>

struct kstatfs {
	long f_type;			/* the file system's magic number */
	long f_bsize;			/* block size of the figures below */
	u64 f_blocks, f_bfree, f_bavail;	/* size, free, free for users */
	u64 f_files, f_ffree;		/* inodes: all, free */
	int f_fsid[2];
	long f_namelen;			/* longest name */
	long f_frsize;			/* fragment size (= f_bsize) */
	long f_flags;			/* ST_* mount flags */
	long f_spare[4];
};

#define ST_RDONLY	0x0001
#define ST_VALID	0x0020		/* f_flags is filled in */

#define PROC_SUPER_MAGIC 0x9fa0

struct path;

/*
 * vfs_statfs() - fill @buf for the file system @path is on: the file
 * system's ->statfs, or only its type, block size and name length when it
 * has none. Returns 0 or -errno. May sleep.
 */
int vfs_statfs(const struct path *path, struct kstatfs *buf);

#endif /* _LINUX_STATFS_H */
