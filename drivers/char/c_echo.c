// SPDX-License-Identifier: GPL-2.0-only
/*
 * /dev/c_echo: a write stores its bytes, reads give them back. The C twin
 * of drivers/char/rust_echo.rs, with the same semantics byte for byte (see
 * include/uapi/linux/echo_dev.h and that file's documentation):
 *   write   replaces the whole content with the bytes written (whatever the
 *           file position) and leaves the position after them; larger than
 *           ECHO_MAX: -EFBIG; the buffer cannot grow: -ENOMEM (old content
 *           kept); a fault: the bytes copied before it, or -EFAULT.
 *   read    from the file position; 0 at or past the end; -EFAULT if
 *           nothing could be copied.
 *   llseek  SEEK_SET/SEEK_CUR/SEEK_END (from the content's end) within
 *           [0, ECHO_MAX], else -EINVAL.
 *   ioctl   ECHO_CLEAR, ECHO_GET_LEN; others -ENOTTY.
 * One buffer for every open file, under one mutex held for each whole
 * operation; it only grows when a write is larger than its capacity (at
 * least 4 bytes, as the Rust KVec does), so it allocates exactly when the
 * Rust driver does.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/miscdevice.h>
#include <uapi/linux/echo_dev.h>

struct c_echo {
	struct miscdevice misc;
	struct mutex lock;	/* protects the fields below */
	char *buf;
	size_t len;		/* bytes stored */
	size_t cap;		/* bytes allocated at buf */
};

static struct c_echo *to_echo(struct file *file)
{
	return container_of((struct miscdevice *)file->private_data, struct c_echo, misc);
}

static ssize_t c_echo_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct c_echo *e = to_echo(iocb->ki_filp);
	loff_t pos = iocb->ki_pos;
	size_t want, copied;
	ssize_t ret = 0;

	mutex_lock(&e->lock);
	if (pos < 0 || pos >= (loff_t)e->len)
		goto out;
	want = min(e->len - (size_t)pos, iov_iter_count(to));
	if (!want)
		goto out;
	copied = copy_to_iter(e->buf + pos, want, to);
	if (!copied) {
		ret = -EFAULT;
		goto out;
	}
	iocb->ki_pos = pos + copied;
	ret = copied;
out:
	mutex_unlock(&e->lock);
	return ret;
}

static ssize_t c_echo_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct c_echo *e = to_echo(iocb->ki_filp);
	size_t len = iov_iter_count(from), copied;
	ssize_t ret;

	if (len > ECHO_MAX)
		return -EFBIG;
	mutex_lock(&e->lock);
	if (e->cap < len) {
		/* Allocate before freeing: on failure the old content stays. */
		size_t cap = max_t(size_t, len, 4);
		char *nb = kmalloc(cap, GFP_KERNEL);

		if (!nb) {
			ret = -ENOMEM;
			goto out;
		}
		kfree(e->buf);
		e->buf = nb;
		e->cap = cap;
	}
	copied = copy_from_iter(e->buf, len, from);
	e->len = copied;
	if (!copied && len) {
		ret = -EFAULT;
		goto out;
	}
	iocb->ki_pos = copied;
	ret = copied;
out:
	mutex_unlock(&e->lock);
	return ret;
}

static long c_echo_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct c_echo *e = to_echo(file);
	u64 len;

	switch (cmd) {
	case ECHO_CLEAR:
		mutex_lock(&e->lock);
		kfree(e->buf);
		e->buf = NULL;
		e->len = 0;
		e->cap = 0;
		mutex_unlock(&e->lock);
		return 0;
	case ECHO_GET_LEN:
		mutex_lock(&e->lock);
		len = e->len;
		mutex_unlock(&e->lock);
		return put_user(len, (u64 __user *)arg);
	default:
		return -ENOTTY;
	}
}

static loff_t c_echo_llseek(struct file *file, loff_t offset, int whence)
{
	struct c_echo *e = to_echo(file);
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = READ_ONCE(file->f_pos);
		break;
	case SEEK_END:
		mutex_lock(&e->lock);
		base = e->len;
		mutex_unlock(&e->lock);
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, offset, &base) || base < 0 || base > ECHO_MAX)
		return -EINVAL;
	WRITE_ONCE(file->f_pos, base);
	return base;
}

static const struct file_operations c_echo_fops = {
	.read_iter = c_echo_read_iter,
	.write_iter = c_echo_write_iter,
	.unlocked_ioctl = c_echo_ioctl,
	.llseek = c_echo_llseek,
};

static struct c_echo c_echo_dev = {
	.misc = {
		.minor = MISC_DYNAMIC_MINOR,
		.name = "c_echo",
		.fops = &c_echo_fops,
	},
};

static int __init c_echo_init(void)
{
	mutex_init(&c_echo_dev.lock);
	return misc_register(&c_echo_dev.misc);
}
module_init(c_echo_init);

static void c_echo_exit(void)
{
	misc_deregister(&c_echo_dev.misc);
	kfree(c_echo_dev.buf);
	c_echo_dev.buf = NULL;
}
module_exit(c_echo_exit);
