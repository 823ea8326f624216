/* SPDX-License-Identifier: GPL-2.0-only */
/* Internals shared by the files of drivers/base. */
#ifndef _DRIVERS_BASE_BASE_H
#define _DRIVERS_BASE_BASE_H

#include <linux/device.h>

/* bus.c: add/remove a device on its bus (probe/remove included). */
int bus_add_device(struct device *dev);
void bus_remove_device(struct device *dev);

/* devres.c: run and forget the devm actions of @dev, newest first. */
void devres_release_all(struct device *dev);

/*
 * devtmpfs.c: create/remove /dev/<node> for dev->devt. Create returns 0
 * (also when /dev does not exist yet: the node is skipped) or -errno.
 */
int devtmpfs_create_node(struct device *dev);
void devtmpfs_delete_node(struct device *dev);

#endif /* _DRIVERS_BASE_BASE_H */
