// SPDX-License-Identifier: GPL-2.0-only
/*
 * ioctl dispatch: the generic commands (FIOCLEX, FIONCLEX, FIONBIO) are
 * handled here, everything else goes to the driver.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

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

#define FIOCLEX		0x5451
#define FIONCLEX	0x5450
#define FIONBIO		0x5421

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long ret;
	int on;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		set_close_on_exec(fd, cmd == FIOCLEX);
		ret = 0;
		break;
	case FIONBIO:
		ret = get_user(on, (int __user *)arg);
		if (!ret) {
			if (on)
				f->f_flags |= O_NONBLOCK;
			else
				f->f_flags &= ~O_NONBLOCK;
		}
		break;
	default:
		ret = vfs_ioctl(f, cmd, arg);
	}
	fput(f);
	return ret;
}
