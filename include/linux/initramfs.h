/* SPDX-License-Identifier: GPL-2.0-only */
/* The initial RAM file system (init/initramfs.c). */
#ifndef _LINUX_INITRAMFS_H
#define _LINUX_INITRAMFS_H

#include <linux/types.h>

/*
 * populate_rootfs() - unpack the newc cpio archive @image of @len bytes
 * into the root file system. Returns 0, -EINVAL (not a newc archive) or
 * -EIO (some entries failed, each reported). Process context; may sleep.
 */
int populate_rootfs(const void *image, size_t len);

#endif /* _LINUX_INITRAMFS_H */
