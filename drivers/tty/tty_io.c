// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tty character devices: /dev/ttyS0 (4:64), /dev/console (5:1) and
 * /dev/tty (5:0, the caller's controlling terminal) all reach the console
 * tty a serial driver registered. Reading and writing go through the line
 * discipline (n_tty.c); the ioctls are Linux's termios, window size,
 * process group and controlling-terminal ones.
 *
 * A session leader without a controlling terminal that opens ttyS0
 * without O_NOCTTY makes it its controlling terminal, as on Linux;
 * opening /dev/console never does. A background process group that reads
 * its controlling terminal gets SIGTTIN; writes are not checked (no TOSTOP).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/major.h>
#include <linux/poll.h>
#include <linux/process.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <asm/ioctls.h>

#define TTY_MINOR_S0 64

static struct tty_struct *console_tty;

void tty_register_console(struct tty_struct *tty)
{
	n_tty_init(tty);
	console_tty = tty;
}

void disassociate_ctty(void)
{
	struct tty_struct *tty = current->tty;
	unsigned long flags;

	if (!tty)
		return;
	if (current->session == current->pid && tty->session == current->session) {
		spin_lock_irqsave(&tty->lock, flags);
		tty->session = 0;
		tty->pgrp = 0;
		spin_unlock_irqrestore(&tty->lock, flags);
	}
	current->tty = NULL;
}

static int tty_open(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = console_tty;
	dev_t dev = inode->i_rdev;
	bool noctty = (file->f_flags & O_NOCTTY) || dev == MKDEV(TTYAUX_MAJOR, 1);
	unsigned long flags;

	if (dev == MKDEV(TTYAUX_MAJOR, 0)) {
		tty = current->tty;
		noctty = true;
	}
	if (!tty)
		return -ENXIO;
	file->private_data = tty;
	stream_open(inode, file);
	if (!noctty && current->parent && current->session == current->pid && !current->tty) {
		spin_lock_irqsave(&tty->lock, flags);
		if (!tty->session) {
			tty->session = current->session;
			tty->pgrp = current->pgrp;
			current->tty = tty;
		}
		spin_unlock_irqrestore(&tty->lock, flags);
	}
	return 0;
}

/*
 * A background process group reading its controlling terminal is sent
 * SIGTTIN (which stops it) and retries once continued; -EIO if it ignores
 * or blocks the signal, as on Linux.
 */
static int tty_check_bg_read(struct tty_struct *tty)
{
	struct task_struct *t = current;
	unsigned long handler;

	if (t->tty != tty || !tty->pgrp || t->pgrp == tty->pgrp)
		return 0;
	handler = t->sighand ? t->sighand->action[SIGTTIN - 1].handler : SIG_DFL;
	if (handler == SIG_IGN || (t->blocked & sigmask(SIGTTIN)))
		return -EIO;
	kill_pgrp(t->pgrp, SIGTTIN);
	return -ERESTARTSYS;
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct tty_struct *tty = file->private_data;
	int err = tty_check_bg_read(tty);

	if (err)
		return err;
	return n_tty_read(tty, buf, count, file->f_flags & O_NONBLOCK);
}

/* write_iter, so kernel writers (sendfile, kernel_write) reach the tty too. */
static ssize_t tty_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return n_tty_write(iocb->ki_filp->private_data, from);
}

static __poll_t tty_poll(struct file *file, poll_table *pt)
{
	struct tty_struct *tty = file->private_data;
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;

	poll_wait(file, &tty->read_wait, pt);
	if (n_tty_readable(tty))
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *p = (void __user *)arg;
	struct termios t;
	unsigned long flags;
	pid_t pgrp;

	switch (cmd) {
	case TCGETS:
		spin_lock_irqsave(&tty->lock, flags);
		t = tty->termios;
		spin_unlock_irqrestore(&tty->lock, flags);
		return copy_to_user(p, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (copy_from_user(&t, p, sizeof(t)))
			return -EFAULT;
		if (cmd == TCSETSF)
			n_tty_flush(tty);
		spin_lock_irqsave(&tty->lock, flags);
		/* Leaving canonical mode makes the partial line readable. */
		if ((tty->termios.c_lflag & ICANON) && !(t.c_lflag & ICANON))
			tty->canon_head = tty->head;
		tty->termios = t;
		spin_unlock_irqrestore(&tty->lock, flags);
		wake_up_interruptible_all(&tty->read_wait);
		return 0;
	case TIOCGWINSZ:
		return copy_to_user(p, &tty->winsize, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		if (copy_from_user(&tty->winsize, p, sizeof(tty->winsize)))
			return -EFAULT;
		if (tty->pgrp)
			kill_pgrp(tty->pgrp, SIGWINCH);
		return 0;
	case TIOCGPGRP:
		if (current->tty != tty)
			return -ENOTTY;
		return put_user(tty->pgrp, (pid_t __user *)p);
	case TIOCSPGRP:
		if (current->tty != tty || tty->session != current->session)
			return -ENOTTY;
		if (get_user(pgrp, (pid_t __user *)p))
			return -EFAULT;
		if (pgrp <= 0)
			return -EINVAL;
		tty->pgrp = pgrp;
		return 0;
	case TIOCGSID:
		if (current->tty != tty || !tty->session)
			return -ENOTTY;
		return put_user(tty->session, (pid_t __user *)p);
	case TIOCSCTTY:
		if (current->tty == tty)
			return 0;
		if (current->session != current->pid || current->tty)
			return -EPERM;
		if (tty->session && !arg)
			return -EPERM;
		tty->session = current->session;
		tty->pgrp = current->pgrp;
		current->tty = tty;
		return 0;
	case TIOCNOTTY:
		if (current->tty != tty)
			return -ENOTTY;
		disassociate_ctty();
		return 0;
	case FIONREAD:
		return put_user((int)n_tty_chars_in_buffer(tty), (int __user *)p);
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);
	case TCFLSH:
		if (arg == 0 || arg == 2)	/* TCIFLUSH, TCIOFLUSH */
			n_tty_flush(tty);
		return 0;
	case TCSBRK:
	case TCXONC:
		return 0;
	case TIOCGSERIAL: {
		/* struct serial_struct: type, line, then what only the driver knows. */
		int serial[18] = { 4 /* PORT_16550A */, tty->line };

		return copy_to_user(p, serial, sizeof(serial)) ? -EFAULT : 0;
	}
	default:
		return -ENOIOCTLCMD;
	}
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write_iter = tty_write_iter,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
};

/* Linux's modes: /dev/tty for everyone, the console and the port for root. */
static char *tty_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = dev->devt == MKDEV(TTYAUX_MAJOR, 0) ? 0666 : 0620;
	return NULL;
}

static struct class tty_class = {
	.name = "tty",
	.devnode = tty_devnode,
};

static int __init tty_init(void)
{
	static const struct {
		unsigned int major, minor;
		const char *name;
	} nodes[] = {
		{ TTYAUX_MAJOR, 0, "tty" },
		{ TTYAUX_MAJOR, 1, "console" },
		{ TTY_MAJOR, TTY_MINOR_S0, "ttyS0" },
	};
	int err = __register_chrdev(TTYAUX_MAJOR, 0, 2, "tty", &tty_fops);

	if (err)
		return err;
	err = __register_chrdev(TTY_MAJOR, TTY_MINOR_S0, 1, "ttyS", &tty_fops);
	if (err)
		return err;
	err = class_register(&tty_class);
	if (err)
		return err;
	for (size_t i = 0; i < ARRAY_SIZE(nodes); i++) {
		struct device *dev = device_create(&tty_class, NULL,
						   MKDEV(nodes[i].major, nodes[i].minor), NULL,
						   "%s", nodes[i].name);

		if (IS_ERR(dev))
			pr_warn("tty: cannot create %s: %ld\n", nodes[i].name, PTR_ERR(dev));
	}
	return 0;
}
fs_initcall(tty_init);
