// SPDX-License-Identifier: GPL-2.0-only
/*
 * The memory-class character devices of major 1: /dev/null (minor 3),
 * /dev/zero (5), /dev/full (7), /dev/random (8) and /dev/urandom (9),
 * with Linux's semantics:
 *   null: reads see end of file, writes succeed and vanish.
 *   zero: reads fill the buffer with zeroes, writes vanish.
 *   full: reads as zero, writes fail with -ENOSPC.
 *   random, urandom: reads give get_random_bytes(), writes vanish.
 * All three "seek" to 0 and stay there. Each has ->read/->write for user
 * buffers and ->read_iter/->write_iter, so kernel_read() works too.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <linux/device.h>
#include <linux/major.h>
#include <linux/random.h>

static ssize_t read_null(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return 0;
}

static ssize_t write_null(struct file *file, const char __user *buf, size_t count,
			  loff_t *ppos)
{
	return count;
}

static ssize_t read_iter_null(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

static ssize_t write_iter_null(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	iov_iter_advance(from, count);
	return count;
}

static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

#define ZERO_CHUNK PAGE_SIZE

static ssize_t read_zero(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	size_t done = 0;

	while (done < count) {
		size_t n = min_t(size_t, count - done, ZERO_CHUNK);
		size_t left = clear_user(buf + done, n);

		done += n - left;
		if (left)
			return done ? done : -EFAULT;
		cond_resched();
	}
	return done;
}

static ssize_t read_iter_zero(struct kiocb *iocb, struct iov_iter *to)
{
	size_t done = 0;

	while (iov_iter_count(to)) {
		size_t n = min_t(size_t, iov_iter_count(to), ZERO_CHUNK);
		size_t zeroed = iov_iter_zero(n, to);

		done += zeroed;
		if (zeroed < n)
			return done ? done : -EFAULT;
		cond_resched();
	}
	return done;
}

static ssize_t write_full(struct file *file, const char __user *buf, size_t count,
			  loff_t *ppos)
{
	return -ENOSPC;
}

static ssize_t write_iter_full(struct kiocb *iocb, struct iov_iter *from)
{
	return -ENOSPC;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read = read_null,
	.write = write_null,
	.read_iter = read_iter_null,
	.write_iter = write_iter_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_null,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_null,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_full,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_full,
};

static ssize_t read_iter_random(struct kiocb *iocb, struct iov_iter *to)
{
	size_t done = 0;

	while (iov_iter_count(to)) {
		u8 chunk[64];
		size_t n = min(iov_iter_count(to), sizeof(chunk)), copied;

		get_random_bytes(chunk, n);
		copied = copy_to_iter(chunk, n, to);
		done += copied;
		if (copied < n)
			return done ? (ssize_t)done : -EFAULT;
		if (signal_pending(current))
			break;
	}
	return done;
}

static const struct file_operations random_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_random,
	.write_iter = write_iter_null,
};

static const struct memdev {
	const char *name;
	unsigned int minor;
	const struct file_operations *fops;
} devlist[] = {
	{ "null", 3, &null_fops },
	{ "zero", 5, &zero_fops },
	{ "full", 7, &full_fops },
	{ "random", 8, &random_fops },
	{ "urandom", 9, &random_fops },
};

/* The "mem" major's open: pick the device's operations by minor. */
static int memory_open(struct inode *inode, struct file *filp)
{
	for (size_t i = 0; i < ARRAY_SIZE(devlist); i++) {
		if (devlist[i].minor == iminor(inode)) {
			replace_fops(filp, devlist[i].fops);
			return filp->f_op->open ? filp->f_op->open(inode, filp) : 0;
		}
	}
	return -ENXIO;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
	.llseek = noop_llseek,
};

static char *mem_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static struct class mem_class = {
	.name = "mem",
	.devnode = mem_devnode,
};

static int __init chr_dev_init(void)
{
	int err = register_chrdev(MEM_MAJOR, "mem", &memory_fops);

	if (err)
		return err;
	err = class_register(&mem_class);
	if (err) {
		unregister_chrdev(MEM_MAJOR, "mem");
		return err;
	}
	for (size_t i = 0; i < ARRAY_SIZE(devlist); i++) {
		struct device *dev = device_create(&mem_class, NULL,
						   MKDEV(MEM_MAJOR, devlist[i].minor),
						   NULL, "%s", devlist[i].name);

		if (IS_ERR(dev))
			pr_warn("mem: cannot create %s: %ld\n", devlist[i].name, PTR_ERR(dev));
	}
	return 0;
}
fs_initcall(chr_dev_init);
