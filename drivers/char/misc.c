// SPDX-License-Identifier: GPL-2.0-only
/*
 * Misc devices: major 10, one cdev for all its minors, a list of
 * registered struct miscdevice. misc_open() finds the device by minor and
 * hands the file to its fops, under misc_mtx, so misc_deregister() cannot
 * run in the middle of an open (as in Linux).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/device.h>
#include <linux/miscdevice.h>

static LIST_HEAD(misc_list);
static DEFINE_MUTEX(misc_mtx);
#define WORD_BITS (8 * sizeof(unsigned long))

static unsigned long misc_dyn_minors[MISC_DYNAMIC_COUNT / WORD_BITS];

static int misc_minor_alloc(void)
{
	for (int i = 0; i < MISC_DYNAMIC_COUNT; i++) {
		unsigned long *word = &misc_dyn_minors[i / WORD_BITS];
		unsigned long bit = 1UL << (i % WORD_BITS);

		if (!(*word & bit)) {
			*word |= bit;
			return MISC_DYNAMIC_FIRST + i;
		}
	}
	return -EBUSY;
}

static void misc_minor_free(int minor)
{
	int i = minor - MISC_DYNAMIC_FIRST;

	if (i >= 0 && i < MISC_DYNAMIC_COUNT)
		misc_dyn_minors[i / WORD_BITS] &= ~(1UL << (i % WORD_BITS));
}

static char *misc_devnode(const struct device *dev, umode_t *mode)
{
	const struct miscdevice *c = dev_get_drvdata(dev);

	if (mode && c->mode)
		*mode = c->mode;
	return c->nodename ? kstrdup(c->nodename, GFP_KERNEL) : NULL;
}

static struct class misc_class = {
	.name = "misc",
	.devnode = misc_devnode,
};

static int misc_open(struct inode *inode, struct file *file)
{
	unsigned int minor = iminor(inode);
	const struct file_operations *new_fops = NULL;
	struct miscdevice *c;
	int err = -ENODEV;

	mutex_lock(&misc_mtx);
	list_for_each_entry(c, &misc_list, list) {
		if (c->minor == minor) {
			new_fops = c->fops;
			break;
		}
	}
	if (!new_fops)
		goto out;
	file->private_data = c;
	replace_fops(file, new_fops);
	err = new_fops->open ? new_fops->open(inode, file) : 0;
out:
	mutex_unlock(&misc_mtx);
	return err;
}

static const struct file_operations misc_fops = {
	.open = misc_open,
	.llseek = noop_llseek,
};

int misc_register(struct miscdevice *misc)
{
	bool dynamic = misc->minor == MISC_DYNAMIC_MINOR;
	struct miscdevice *c;
	dev_t dev;
	int err = 0;

	if (!misc->name || !misc->fops)
		return -EINVAL;
	INIT_LIST_HEAD(&misc->list);
	mutex_lock(&misc_mtx);
	if (dynamic) {
		int minor = misc_minor_alloc();

		if (minor < 0) {
			err = minor;
			goto out;
		}
		misc->minor = minor;
	} else {
		if (misc->minor < 0 || misc->minor > MISC_DYNAMIC_MINOR) {
			err = -EINVAL;
			goto out;
		}
		list_for_each_entry(c, &misc_list, list) {
			if (c->minor == misc->minor) {
				err = -EBUSY;
				goto out;
			}
		}
	}
	dev = MKDEV(MISC_MAJOR, misc->minor);
	misc->this_device = device_create(&misc_class, misc->parent, dev, misc,
					  "%s", misc->name);
	if (IS_ERR(misc->this_device)) {
		err = PTR_ERR(misc->this_device);
		misc->this_device = NULL;
		if (dynamic) {
			misc_minor_free(misc->minor);
			misc->minor = MISC_DYNAMIC_MINOR;
		}
		goto out;
	}
	list_add(&misc->list, &misc_list);
out:
	mutex_unlock(&misc_mtx);
	return err;
}

void misc_deregister(struct miscdevice *misc)
{
	if (WARN_ON(list_empty(&misc->list)))
		return;
	mutex_lock(&misc_mtx);
	list_del_init(&misc->list);
	device_destroy(&misc_class, MKDEV(MISC_MAJOR, misc->minor));
	misc->this_device = NULL;
	if (misc->minor >= MISC_DYNAMIC_FIRST) {
		misc_minor_free(misc->minor);
		misc->minor = MISC_DYNAMIC_MINOR;
	}
	mutex_unlock(&misc_mtx);
}

static int __init misc_init(void)
{
	int err = class_register(&misc_class);

	if (err)
		return err;
	err = __register_chrdev(MISC_MAJOR, 0, MINORMASK + 1, "misc", &misc_fops);
	if (err)
		class_unregister(&misc_class);
	return err;
}
subsys_initcall(misc_init);
