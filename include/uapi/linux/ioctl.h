/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ioctl command numbers: in the kernel, the architecture's encoding
 * (asm/ioctl.h); in the test programs that include a driver's uapi
 * header, the C library's _IOR() and friends, which are the same.
 */
#ifndef _UAPI_LINUX_IOCTL_H
#define _UAPI_LINUX_IOCTL_H

#ifdef __KERNEL__
#include <asm/ioctl.h>
#else
#include <sys/ioctl.h>
#endif

#endif /* _UAPI_LINUX_IOCTL_H */
