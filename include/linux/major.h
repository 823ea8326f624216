/* SPDX-License-Identifier: GPL-2.0-only */
/* Statically assigned character device majors (Linux's numbers). */
#ifndef _LINUX_MAJOR_H
#define _LINUX_MAJOR_H

#define UNNAMED_MAJOR	0
#define MEM_MAJOR	1	/* /dev/null, /dev/zero, ... */
#define TTY_MAJOR	4
#define TTYAUX_MAJOR	5
#define MISC_MAJOR	10

#endif /* _LINUX_MAJOR_H */
