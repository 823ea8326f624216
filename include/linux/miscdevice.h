/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Miscellaneous character devices: one major (10) shared by many small
 * drivers, each with a minor, a name and its file_operations. Registering
 * one creates /dev/<name> (or /dev/<nodename>); opening that node calls the
 * driver's ->open with file->private_data preset to the struct miscdevice
 * (the usual way to find the driver's state: container_of()).
 */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/major.h>

struct device;
struct file_operations;

#define MISC_DYNAMIC_MINOR	255	/* ask misc_register() for a free minor */
#define MISC_DYNAMIC_FIRST	256	/* dynamic minors are 256 and up */
#define MISC_DYNAMIC_COUNT	256

struct miscdevice {
	int minor;				/* static (< 255) or MISC_DYNAMIC_MINOR */
	const char *name;
	const struct file_operations *fops;
	struct list_head list;			/* private */
	struct device *parent;
	struct device *this_device;		/* set by misc_register() */
	const char *nodename;			/* /dev name if not name */
	umode_t mode;				/* node mode; 0: 0600 */
};

/*
 * misc_register() - register @misc: take its minor (a dynamic one, stored in
 * misc->minor, if MISC_DYNAMIC_MINOR) and create its /dev node. Returns 0,
 * -EINVAL (no name or fops), -EBUSY (minor taken or no dynamic minor left),
 * -EEXIST (node name taken), -ENOMEM. May sleep.
 */
int misc_register(struct miscdevice *misc);

/*
 * misc_deregister() - remove the node and free the minor (a dynamic one is
 * reset to MISC_DYNAMIC_MINOR). Waits for opens in progress; files already
 * open keep working until released. May sleep.
 */
void misc_deregister(struct miscdevice *misc);

#endif /* _LINUX_MISCDEVICE_H */
