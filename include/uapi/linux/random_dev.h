/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The pseudo-random devices, /dev/c_random (drivers/char/c_random.c) and
 * /dev/rust_random (drivers/char/rust_random.rs): xoshiro256** per open
 * file, seeded with splitmix64. After the same RANDOM_SEED both produce the
 * same bytes for the same sequence of reads.
 */
#ifndef _UAPI_LINUX_RANDOM_DEV_H
#define _UAPI_LINUX_RANDOM_DEV_H

#include <linux/types.h>
#include <uapi/linux/ioctl.h>

#define RANDOM_SEED	_IOW('r', 0, __u64)	/* reseed this open file */

#endif /* _UAPI_LINUX_RANDOM_DEV_H */
