/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc's ioctl encoding (Linux's): 13 bits of size and 3 of direction,
 * with "none" a direction bit of its own.
 */
#ifndef _ASM_POWERPC_IOCTL_H
#define _ASM_POWERPC_IOCTL_H

#define _IOC_SIZEBITS	13
#define _IOC_DIRBITS	3

#define _IOC_NONE	1U
#define _IOC_READ	2U
#define _IOC_WRITE	4U

#include <uapi/asm-generic/ioctl.h>

#endif /* _ASM_POWERPC_IOCTL_H */
