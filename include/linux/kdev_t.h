/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device numbers inside the kernel: dev_t is 32 bits, 12 bits of major
 * (0..4095) above 20 bits of minor (0..1048575), as in Linux.
 */
#ifndef _LINUX_KDEV_T_H
#define _LINUX_KDEV_T_H

#include <linux/types.h>

#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)

#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	((dev_t)(((ma) << MINORBITS) | (mi)))

/* The user ABI's 32-bit device number (stat's st_rdev, mknod) and back. */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

#endif /* _LINUX_KDEV_T_H */
