/* SPDX-License-Identifier: GPL-2.0-only */
/* lseek() whence values and file-system limits of the Linux ABI. */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

#include <uapi/linux/ioctl.h>

#define SEEK_SET	0	/* seek to an absolute position */
#define SEEK_CUR	1	/* seek relative to the current position */
#define SEEK_END	2	/* seek relative to the end of the file */
#define SEEK_DATA	3	/* seek to the next data */
#define SEEK_HOLE	4	/* seek to the next hole */
#define SEEK_MAX	SEEK_HOLE

/* renameat2() flags. */
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE	(1 << 1)
#define RENAME_WHITEOUT	(1 << 2)

#define NAME_MAX	255	/* bytes in a path component, without the NUL */
#define PATH_MAX	4096	/* bytes in a path, with the NUL */

/* Block device ioctls (type 0x12). */
#define BLKRRPART	_IO(0x12, 95)		/* read the partition table again */
#define BLKGETSIZE	_IO(0x12, 96)		/* size in sectors: unsigned long */
#define BLKFLSBUF	_IO(0x12, 97)		/* write back and drop the buffer cache */
#define BLKSSZGET	_IO(0x12, 104)		/* logical block size: int */
#define BLKPBSZGET	_IO(0x12, 123)		/* physical block size: unsigned int */
#define BLKGETSIZE64	_IOR(0x12, 114, size_t)	/* size in bytes: u64 */

#endif /* _UAPI_LINUX_FS_H */
