// SPDX-License-Identifier: GPL-2.0-only
/* ioctl dispatch. No generic commands (FIONBIO...) yet: all go to the driver. */
#include <linux/kernel.h>
#include <linux/fs.h>

long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long err;

	if (!file->f_op->unlocked_ioctl)
		return -ENOTTY;
	err = file->f_op->unlocked_ioctl(file, cmd, arg);
	if (err == -ENOIOCTLCMD)
		err = -ENOTTY;
	return err;
}
