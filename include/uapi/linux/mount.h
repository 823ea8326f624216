/* SPDX-License-Identifier: GPL-2.0-only */
/* mount(2) and umount2(2) flags of the Linux ABI. */
#ifndef _UAPI_LINUX_MOUNT_H
#define _UAPI_LINUX_MOUNT_H

/* mount(2) @flags. */
#define MS_RDONLY	1		/* read-only */
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_SYNCHRONOUS	16
#define MS_REMOUNT	32		/* change the flags of a mounted file system */
#define MS_MANDLOCK	64
#define MS_DIRSYNC	128
#define MS_NOSYMFOLLOW	256
#define MS_NOATIME	1024
#define MS_NODIRATIME	2048
#define MS_BIND		4096		/* make a directory visible elsewhere too */
#define MS_MOVE		8192
#define MS_REC		16384
#define MS_SILENT	32768
#define MS_RELATIME	(1 << 21)
#define MS_STRICTATIME	(1 << 24)
#define MS_LAZYTIME	(1 << 25)
#define MS_MGC_VAL	0xC0ED0000	/* the old magic in the top half, ignored */
#define MS_MGC_MSK	0xffff0000

/* umount2(2) @flags. */
#define MNT_FORCE	0x00000001
#define MNT_DETACH	0x00000002	/* take it out of the tree now, free it when unused */
#define MNT_EXPIRE	0x00000004
#define UMOUNT_NOFOLLOW	0x00000008

#endif /* _UAPI_LINUX_MOUNT_H */
