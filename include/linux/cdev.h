/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Character devices: a struct cdev binds a range of device numbers to a
 * driver's file_operations. Opening a character device node (whose i_fop is
 * def_chr_fops) looks up the cdev of the node's i_rdev, switches the file to
 * cdev->ops and calls their ->open.
 *
 * Lifetime: cdev_del() stops new opens and waits for opens in progress;
 * files already open keep using the driver's operations until they are
 * released, so the driver keeps what they use alive until ->release (as in
 * Linux). The cdev itself (usually embedded in the driver's structure) may
 * be freed once cdev_del() returns.
 */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/kdev_t.h>

struct file_operations;

struct cdev {
	const struct file_operations *ops;
	struct list_head list;		/* in the device-number map, while added */
	dev_t dev;			/* first number */
	unsigned int count;		/* how many numbers */
	unsigned int opening;		/* opens in progress (under the map lock) */
};

/* cdev_init() - prepare @cdev to serve @fops. Never sleeps. */
void cdev_init(struct cdev *cdev, const struct file_operations *fops);

/*
 * cdev_add() - make @p live for the @count numbers from @dev: opens of
 * matching nodes reach the driver from now on. Returns 0, -EINVAL (count 0
 * or wrapping), or -EBUSY if another cdev serves any of the numbers (Linux
 * lets the newer one shadow; Ferrite refuses). May sleep.
 */
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);

/*
 * cdev_del() - remove @p: new opens of its numbers fail with -ENXIO. Waits
 * for ->open calls in progress to finish. May sleep.
 */
void cdev_del(struct cdev *p);

#endif /* _LINUX_CDEV_H */
