/* SPDX-License-Identifier: GPL-2.0-only */
/* The open() flags powerpc numbers unlike the generic ABI (Linux's asm/fcntl.h). */
#ifndef _ASM_POWERPC_FCNTL_H
#define _ASM_POWERPC_FCNTL_H

#define O_DIRECTORY	00040000
#define O_NOFOLLOW	00100000
#define O_LARGEFILE	00200000
#define O_DIRECT	00400000

#endif /* _ASM_POWERPC_FCNTL_H */
