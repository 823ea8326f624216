/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct stat as the x86-64 ABI lays it out (stat, fstat, lstat,
 * newfstatat). Other architectures use asm-generic's layout, with the
 * same field names, which is all fs/stat.c relies on.
 */
#ifndef _ASM_X86_STAT_H
#define _ASM_X86_STAT_H

struct stat {
	unsigned long st_dev, st_ino, st_nlink;
	unsigned int st_mode, st_uid, st_gid, __pad0;
	unsigned long st_rdev;
	long st_size, st_blksize, st_blocks;
	unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	long __unused[3];
};

#endif /* _ASM_X86_STAT_H */
