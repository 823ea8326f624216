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

#endif /* _LINUX_KDEV_T_H */
