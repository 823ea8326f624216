// SPDX-License-Identifier: GPL-2.0-only
/*
 * Random numbers for the kernel and for getrandom(2): a xorshift64*
 * generator whose state is stirred with the clock on every call. Not
 * cryptographically strong (see linux/random.h).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/ktime.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

static u64 rng_state = 0x9e3779b97f4a7c15ULL;
static DEFINE_SPINLOCK(rng_lock);	/* rng_state; interrupts take it too */

u64 get_random_u64(void)
{
	unsigned long flags;
	u64 x;

	spin_lock_irqsave(&rng_lock, flags);
	x = rng_state ^ (u64)ktime_get_ns() * 0xff51afd7ed558ccdULL;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	if (!x)
		x = 0x9e3779b97f4a7c15ULL;
	rng_state = x;
	spin_unlock_irqrestore(&rng_lock, flags);
	return x * 0x2545f4914f6cdd1dULL;
}

void get_random_bytes(void *buf, size_t len)
{
	u8 *p = buf;

	while (len) {
		u64 v = get_random_u64();
		size_t n = min(len, sizeof(v));

		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
}

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

SYSCALL_DEFINE3(getrandom, char __user *, buf, size_t, count, unsigned int, flags)
{
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	count = min_t(size_t, count, INT_MAX);
	while (done < count) {
		u8 chunk[64];
		size_t n = min(count - done, sizeof(chunk));

		get_random_bytes(chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}
