/* SPDX-License-Identifier: GPL-2.0-only */
/* lseek() whence values and file-system limits of the Linux ABI. */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

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

#endif /* _UAPI_LINUX_FS_H */
