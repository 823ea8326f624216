// SPDX-License-Identifier: GPL-2.0-only
/*
 * /dev/console (5:1): where init's standard input, output and error go.
 * Output is written to the consoles (the serial port) as it is; input is
 * not wired up yet, so reads return end of file.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/console.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/major.h>
#include <linux/uaccess.h>

static ssize_t console_dev_write(struct file *file, const char __user *buf, size_t count,
				 loff_t *ppos)
{
	char chunk[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		console_write_raw(chunk, n);
		done += n;
	}
	return done;
}

static ssize_t console_dev_read(struct file *file, char __user *buf, size_t count,
				loff_t *ppos)
{
	return 0;
}

static const struct file_operations console_fops = {
	.read = console_dev_read,
	.write = console_dev_write,
	.open = stream_open,
};

static char *tty_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0600;
	return NULL;
}

static struct class tty_class = {
	.name = "tty",
	.devnode = tty_devnode,
};

static int __init tty_init(void)
{
	struct device *dev;
	int err = __register_chrdev(TTYAUX_MAJOR, 1, 1, "console", &console_fops);

	if (err)
		return err;
	err = class_register(&tty_class);
	if (err)
		return err;
	dev = device_create(&tty_class, NULL, MKDEV(TTYAUX_MAJOR, 1), NULL, "console");
	return IS_ERR(dev) ? PTR_ERR(dev) : 0;
}
fs_initcall(tty_init);
