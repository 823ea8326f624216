/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct stat in the generic 64-bit layout (the one riscv64 and arm64 use
 * for fstat and newfstatat), with the field names fs/stat.c fills.
 */
#ifndef _ASM_GENERIC_STAT_H
#define _ASM_GENERIC_STAT_H

struct stat {
	unsigned long st_dev, st_ino;
	unsigned int st_mode, st_nlink, st_uid, st_gid;
	unsigned long st_rdev, __pad1;
	long st_size;
	int st_blksize, __pad2;
	long st_blocks;
	long st_atime;
	unsigned long st_atime_nsec;
	long st_mtime;
	unsigned long st_mtime_nsec;
	long st_ctime;
	unsigned long st_ctime_nsec;
	unsigned int __unused4, __unused5;
};

#endif /* _ASM_GENERIC_STAT_H */
