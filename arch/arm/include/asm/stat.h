/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM's struct stat64 (stat64, lstat64, fstat64, fstatat64), which
 * Ferrite's stat calls fill as struct stat: 64-bit device, size, block
 * count and inode number (st_ino at the end; __st_ino, the truncated one
 * of pre-LFS binaries, stays 0), with EABI's 8-byte alignment of the
 * long longs. The field names are fs/stat.c's.
 */
#ifndef _ASM_ARM_STAT_H
#define _ASM_ARM_STAT_H

struct stat {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;
	unsigned int st_mode, st_nlink;
	unsigned long st_uid, st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long st_atime, st_atime_nsec;
	unsigned long st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	unsigned long long st_ino;
};

_Static_assert(sizeof(struct stat) == 104, "EABI struct stat64");

#endif /* _ASM_ARM_STAT_H */
