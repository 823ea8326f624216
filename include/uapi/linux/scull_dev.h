/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * /dev/rust_scull (drivers/char/rust_scull.rs), a bounded pipe: its ioctl.
 * SCULL_RESET empties the ring (the bytes are lost; waiting writers are
 * woken); only a caller with CAP_SYS_ADMIN may, others get EPERM.
 */
#ifndef _UAPI_LINUX_SCULL_DEV_H
#define _UAPI_LINUX_SCULL_DEV_H

#include <uapi/linux/ioctl.h>

#define SCULL_RESET	_IO('k', 0)	/* empty the ring; needs CAP_SYS_ADMIN */

#endif /* _UAPI_LINUX_SCULL_DEV_H */
