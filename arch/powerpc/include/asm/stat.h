/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct stat as the ppc64 ABI lays it out (stat, fstat, lstat,
 * newfstatat): st_nlink is a long before st_mode, as on x86-64, with
 * three spare longs at the end; the field names are fs/stat.c's.
 */
#ifndef _ASM_POWERPC_STAT_H
#define _ASM_POWERPC_STAT_H

struct stat {
	unsigned long st_dev, st_ino, st_nlink;
	unsigned int st_mode, st_uid, st_gid, __pad0;
	unsigned long st_rdev;
	long st_size, st_blksize, st_blocks;
	unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	unsigned long __unused[3];
};

#endif /* _ASM_POWERPC_STAT_H */
