/* SPDX-License-Identifier: GPL-2.0-only */
/* The open() flags 32-bit ARM numbers unlike the generic ABI (as arm64 does). */
#ifndef _ASM_ARM_FCNTL_H
#define _ASM_ARM_FCNTL_H

#define O_DIRECTORY	00040000
#define O_NOFOLLOW	00100000
#define O_DIRECT	00200000
#define O_LARGEFILE	00400000

#endif /* _ASM_ARM_FCNTL_H */
