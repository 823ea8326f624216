// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hw_random core: a list of registered generators and /dev/hwrng
 * (misc minor 183), which reads from the current one. One mutex covers
 * the list, the current generator and the bounce buffer, and is held for
 * a whole read: reads are serialised, and unregistering waits for them.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/miscdevice.h>
#include <linux/hw_random.h>

static LIST_HEAD(rng_list);
static DEFINE_MUTEX(rng_mutex);
static struct hwrng *current_rng;
static u8 rng_buffer[64];

int hwrng_register(struct hwrng *rng)
{
	struct hwrng *r;
	int err = 0;

	if (!rng->name || !rng->read)
		return -EINVAL;
	mutex_lock(&rng_mutex);
	list_for_each_entry(r, &rng_list, list) {
		if (!strcmp(r->name, rng->name)) {
			err = -EEXIST;
			goto out;
		}
	}
	list_add_tail(&rng->list, &rng_list);
	if (!current_rng)
		current_rng = rng;
out:
	mutex_unlock(&rng_mutex);
	return err;
}

void hwrng_unregister(struct hwrng *rng)
{
	mutex_lock(&rng_mutex);
	list_del(&rng->list);
	if (current_rng == rng)
		current_rng = list_first_entry_or_null(&rng_list, struct hwrng, list);
	mutex_unlock(&rng_mutex);
}

/*
 * Reads until the request is met, a signal arrives, or the generator has
 * nothing without waiting (O_NONBLOCK: -EAGAIN if nothing was read).
 */
static ssize_t rng_dev_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	bool wait = !(iocb->ki_filp->f_flags & O_NONBLOCK);
	size_t want = iov_iter_count(to), done = 0;
	ssize_t err = 0;

	if (mutex_lock_interruptible(&rng_mutex))
		return -ERESTARTSYS;
	while (done < want) {
		size_t copied;
		int n;

		if (!current_rng) {
			err = -ENODEV;
			break;
		}
		n = current_rng->read(current_rng, rng_buffer,
				      min(want - done, sizeof(rng_buffer)), wait);
		if (n < 0) {
			err = n;
			break;
		}
		if (n == 0) {
			err = -EAGAIN;
			break;
		}
		n = min_t(size_t, n, sizeof(rng_buffer));
		copied = copy_to_iter(rng_buffer, n, to);
		done += copied;
		if (copied < (size_t)n) {
			err = -EFAULT;
			break;
		}
		if (signal_pending(current)) {
			err = -ERESTARTSYS;
			break;
		}
	}
	/* Random bytes handed out must not stay behind. */
	memset(rng_buffer, 0, sizeof(rng_buffer));
	mutex_unlock(&rng_mutex);
	return done ? (ssize_t)done : err;
}

static const struct file_operations rng_fops = {
	.read_iter = rng_dev_read_iter,
};

static struct miscdevice rng_miscdev = {
	.minor = HWRNG_MINOR,
	.name = "hwrng",
	.fops = &rng_fops,
};

static int __init hwrng_init(void)
{
	return misc_register(&rng_miscdev);
}
device_initcall(hwrng_init);
