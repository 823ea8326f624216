/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The echo devices, /dev/c_echo (drivers/char/c_echo.c) and /dev/rust_echo
 * (drivers/char/rust_echo.rs): a write stores its bytes, replacing what was
 * there, and reads return them like a small file. Both drivers implement
 * exactly these numbers and limits.
 */
#ifndef _UAPI_LINUX_ECHO_DEV_H
#define _UAPI_LINUX_ECHO_DEV_H

#include <linux/types.h>
#include <uapi/linux/ioctl.h>

#define ECHO_CLEAR	_IO('e', 0)		/* empty the device, free its buffer */
#define ECHO_GET_LEN	_IOR('e', 1, __u64)	/* store the stored length */

#define ECHO_MAX	(1 << 20)		/* larger writes fail with -EFBIG */

#endif /* _UAPI_LINUX_ECHO_DEV_H */
