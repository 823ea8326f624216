// SPDX-License-Identifier: GPL-2.0-only
/*
 * /dev/c_random: fast pseudo-random bytes (not for cryptography). The C twin
 * of drivers/char/rust_random.rs, with the same semantics byte for byte:
 *   - each open file has its own xoshiro256** generator, its state four
 *     splitmix64 outputs from a 64-bit seed; an open seeds it from the boot
 *     clock and an open counter, RANDOM_SEED (include/uapi/linux/
 *     random_dev.h) from the u64 its argument points to (-EFAULT if it
 *     cannot be read);
 *   - a read of n bytes uses ceil(n / 8) results, each emitted as 8
 *     little-endian bytes, made 256 bytes at a time; a fault ends the read
 *     with the bytes copied so far (-EFAULT if none), the block's results
 *     used up;
 *   - no write (-EINVAL), no seek (-ESPIPE), other ioctls -ENOTTY, -ENOMEM
 *     if the open cannot allocate its state.
 * A per-file mutex is held for a whole read or reseed.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/ktime.h>
#include <linux/string.h>
#include <linux/byteorder.h>
#include <linux/uaccess.h>
#include <linux/miscdevice.h>
#include <uapi/linux/random_dev.h>

#define C_RANDOM_BLOCK 256

/*
 * The state of one open file, laid out as the Rust twin's: the generator
 * and a block for its output (so a read needs no buffer on its stack).
 */
struct c_random_file {
	struct mutex lock;	/* protects s and block */
	u64 s[4];
	u8 block[C_RANDOM_BLOCK];
};

static atomic64_t c_random_opens = ATOMIC_INIT(0);

static u64 splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static u64 rotl64(u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static void xoshiro_seed(u64 s[4], u64 seed)
{
	for (int i = 0; i < 4; i++)
		s[i] = splitmix64(&seed);
}

static u64 xoshiro_next(u64 s[4])
{
	u64 result = rotl64(s[1] * 5, 7) * 9;
	u64 t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl64(s[3], 45);
	return result;
}

static int c_random_open(struct inode *inode, struct file *file)
{
	struct c_random_file *r = kmalloc(sizeof(*r), GFP_KERNEL);
	u64 n = atomic64_fetch_add(1, &c_random_opens);

	if (!r)
		return -ENOMEM;
	mutex_init(&r->lock);
	xoshiro_seed(r->s, ktime_get_ns() ^ (n * 0x9e3779b97f4a7c15ULL));
	file->private_data = r;
	return 0;
}

static int c_random_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t c_random_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct c_random_file *r = iocb->ki_filp->private_data;
	size_t want = iov_iter_count(to), done = 0;
	u8 *block = r->block;

	mutex_lock(&r->lock);
	while (done < want) {
		size_t n = min_t(size_t, want - done, C_RANDOM_BLOCK), copied;

		for (size_t i = 0; i < n; i += 8) {
			u64 v = cpu_to_le64(xoshiro_next(r->s));

			memcpy(block + i, &v, 8);
		}
		copied = copy_to_iter(block, n, to);
		done += copied;
		if (copied < n)
			break;
	}
	mutex_unlock(&r->lock);
	if (!done && want)
		return -EFAULT;
	return done;
}

static long c_random_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct c_random_file *r = file->private_data;
	u64 seed;

	switch (cmd) {
	case RANDOM_SEED:
		if (copy_from_user(&seed, (const void __user *)arg, sizeof(seed)))
			return -EFAULT;
		mutex_lock(&r->lock);
		xoshiro_seed(r->s, seed);
		mutex_unlock(&r->lock);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations c_random_fops = {
	.open = c_random_open,
	.release = c_random_release,
	.read_iter = c_random_read_iter,
	.unlocked_ioctl = c_random_ioctl,
};

static struct miscdevice c_random_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "c_random",
	.fops = &c_random_fops,
};

static int __init c_random_init(void)
{
	return misc_register(&c_random_misc);
}
module_init(c_random_init);

static void c_random_exit(void)
{
	misc_deregister(&c_random_misc);
}
module_exit(c_random_exit);
