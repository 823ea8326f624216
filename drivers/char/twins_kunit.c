// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tests of the C/Rust twin devices, through the VFS as user space will use
 * them: /dev/c_echo and /dev/rust_echo, /dev/c_random and /dev/rust_random
 * (drivers/char/{c,rust}_{echo,random}.*). Every case runs the same
 * operations on both twins, checks the expected results on each, and checks
 * that the twins agree byte for byte (same writes give the same reads, the
 * same seed the same bytes, the same errors). Kernel buffers go through
 * kernel_read()/kernel_write(), user buffers through vfs_read()/vfs_write()
 * with a user test page; bad pointers must give -EFAULT, allocation
 * failures (fault injection) -ENOMEM, and nothing may leak.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <kunit/uaccess.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/uaccess.h>
#include <linux/fault-inject.h>
#include <uapi/linux/echo_dev.h>
#include <uapi/linux/random_dev.h>

#define UBASE	0x0000000045000000UL	/* this suite's user test page */
#define UEND	(UBASE + PAGE_SIZE)
#define UNMAPPED_USER	0x1000UL	/* a user address nothing maps */

static const char *const echo_devs[2] = { "/dev/c_echo", "/dev/rust_echo" };
static const char *const random_devs[2] = { "/dev/c_random", "/dev/rust_random" };

static struct file *open_dev(struct kunit *test, const char *path, int flags)
{
	struct file *f = filp_open(path, flags, 0);

	KUNIT_EXPECT_FALSE(test, IS_ERR(f));
	return IS_ERR(f) ? NULL : f;
}

static ssize_t kread(struct file *f, void *buf, size_t n)
{
	return kernel_read(f, buf, n, &f->f_pos);
}

static ssize_t kwrite(struct file *f, const void *buf, size_t n)
{
	return kernel_write(f, buf, n, &f->f_pos);
}

/* ECHO_GET_LEN through the user page; -errno on failure. */
static long echo_len(struct file *f)
{
	u64 __user *u = (u64 __user *)(UBASE + PAGE_SIZE - 8);
	u64 v = ~0ULL;
	long ret = vfs_ioctl(f, ECHO_GET_LEN, (unsigned long)u);

	if (ret)
		return ret;
	if (get_user(v, u))
		return -EFAULT;
	return (long)v;
}

/* RANDOM_SEED through the user page. */
static long random_seed(struct file *f, u64 seed)
{
	u64 __user *u = (u64 __user *)(UBASE + PAGE_SIZE - 8);

	if (put_user(seed, u))
		return -EFAULT;
	return vfs_ioctl(f, RANDOM_SEED, (unsigned long)u);
}

/*
 * Without Rust (make CONFIG_RUST=n) only the C twins exist: there is nothing
 * to compare, so the cases are skipped.
 */
static bool rust_twins_present(void)
{
	struct path p;

	if (kern_path("/dev/rust_echo", 0, &p))
		return false;
	path_put(&p);
	return true;
}

#define NEED_RUST_TWINS(test)						\
	do {								\
		if (!rust_twins_present())				\
			kunit_skip(test, "no Rust twins (CONFIG_RUST=n)");	\
	} while (0)

static int twins_init(struct kunit *test)
{
	return map_user_test_page(UBASE);
}

static void twins_exit(struct kunit *test)
{
	unmap_user_test_page(UBASE);
}

/* Memory in use: slab bytes and free pages, after empty slabs went back. */
static void usage(unsigned long *slab, unsigned long *pages)
{
	kmem_cache_shrink_all();
	*slab = slab_allocated_bytes();
	*pages = nr_free_pages();
}

static void echo_write_read(struct kunit *test)
{
	NEED_RUST_TWINS(test);
	for (int d = 0; d < 2; d++) {
		struct file *f = open_dev(test, echo_devs[d], O_RDWR), *g;
		char kb[16];

		KUNIT_ASSERT_NOT_NULL(test, f);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_CLEAR, 0), 0L);
		KUNIT_EXPECT_EQ(test, kread(f, kb, sizeof(kb)), 0L);
		KUNIT_EXPECT_EQ(test, kwrite(f, "hello", 5), 5L);
		KUNIT_EXPECT_EQ(test, f->f_pos, 5LL);
		KUNIT_EXPECT_EQ(test, kread(f, kb, sizeof(kb)), 0L);	/* EOF */
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0LL);
		KUNIT_EXPECT_EQ(test, kread(f, kb, 3), 3L);
		KUNIT_EXPECT_MEMEQ(test, kb, "hel", 3);
		KUNIT_EXPECT_EQ(test, f->f_pos, 3LL);
		KUNIT_EXPECT_EQ(test, kread(f, kb, sizeof(kb)), 2L);
		KUNIT_EXPECT_MEMEQ(test, kb, "lo", 2);
		KUNIT_EXPECT_EQ(test, kread(f, kb, sizeof(kb)), 0L);
		KUNIT_EXPECT_EQ(test, echo_len(f), 5L);

		/* Shared content, a position per open file. */
		g = open_dev(test, echo_devs[d], O_RDONLY);
		KUNIT_ASSERT_NOT_NULL(test, g);
		KUNIT_EXPECT_EQ(test, kread(g, kb, sizeof(kb)), 5L);
		KUNIT_EXPECT_MEMEQ(test, kb, "hello", 5);
		/* A write replaces everything, wherever the position is. */
		KUNIT_EXPECT_EQ(test, kwrite(f, "ab", 2), 2L);
		KUNIT_EXPECT_EQ(test, f->f_pos, 2LL);
		KUNIT_EXPECT_EQ(test, kread(g, kb, sizeof(kb)), 0L);
		KUNIT_EXPECT_EQ(test, vfs_llseek(g, 0, SEEK_SET), 0LL);
		KUNIT_EXPECT_EQ(test, kread(g, kb, sizeof(kb)), 2L);
		KUNIT_EXPECT_MEMEQ(test, kb, "ab", 2);
		KUNIT_EXPECT_EQ(test, kwrite(g, "x", 1), (ssize_t)-EBADF);
		filp_close(g, NULL);

		/* An empty write empties the device. */
		KUNIT_EXPECT_EQ(test, kwrite(f, "", 0), 0L);
		KUNIT_EXPECT_EQ(test, echo_len(f), 0L);
		/* Content survives closing; ECHO_CLEAR empties it. */
		KUNIT_EXPECT_EQ(test, kwrite(f, "keep", 4), 4L);
		filp_close(f, NULL);
		f = open_dev(test, echo_devs[d], O_RDWR);
		KUNIT_ASSERT_NOT_NULL(test, f);
		KUNIT_EXPECT_EQ(test, kread(f, kb, sizeof(kb)), 4L);
		KUNIT_EXPECT_MEMEQ(test, kb, "keep", 4);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_CLEAR, 0), 0L);
		KUNIT_EXPECT_EQ(test, echo_len(f), 0L);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0LL);
		KUNIT_EXPECT_EQ(test, kread(f, kb, sizeof(kb)), 0L);
		filp_close(f, NULL);
	}
}

static void echo_seek(struct kunit *test)
{
	NEED_RUST_TWINS(test);
	for (int d = 0; d < 2; d++) {
		struct file *f = open_dev(test, echo_devs[d], O_RDWR);
		char kb[4];

		KUNIT_ASSERT_NOT_NULL(test, f);
		KUNIT_EXPECT_EQ(test, kwrite(f, "0123456789", 10), 10L);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 3, SEEK_SET), 3LL);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 2, SEEK_CUR), 5LL);
		KUNIT_EXPECT_EQ(test, kread(f, kb, 2), 2L);
		KUNIT_EXPECT_MEMEQ(test, kb, "56", 2);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_END), 9LL);
		KUNIT_EXPECT_EQ(test, kread(f, kb, 4), 1L);
		KUNIT_EXPECT_EQ(test, kb[0], '9');
		/* Out of [0, ECHO_MAX], overflow, other whence: -EINVAL, no move. */
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, -11, SEEK_END), (loff_t)-EINVAL);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), (loff_t)-EINVAL);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, ECHO_MAX + 1, SEEK_SET), (loff_t)-EINVAL);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, LLONG_MAX, SEEK_CUR), (loff_t)-EINVAL);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_DATA), (loff_t)-EINVAL);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_HOLE), (loff_t)-EINVAL);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, 7), (loff_t)-EINVAL);
		KUNIT_EXPECT_EQ(test, f->f_pos, 10LL);
		/* Past the end is allowed, and reads as end of file. */
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, ECHO_MAX, SEEK_SET), (loff_t)ECHO_MAX);
		KUNIT_EXPECT_EQ(test, kread(f, kb, 4), 0L);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, -ECHO_MAX, SEEK_CUR), 0LL);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_CLEAR, 0), 0L);
		filp_close(f, NULL);
	}
}

static void echo_errors(struct kunit *test)
{
	char __user *ubuf = (char __user *)UBASE;

	NEED_RUST_TWINS(test);
	for (int d = 0; d < 2; d++) {
		struct file *f = open_dev(test, echo_devs[d], O_RDWR);
		char kb[8];
		u64 kv;

		KUNIT_ASSERT_NOT_NULL(test, f);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, _IO('e', 9), 0), (long)-ENOTTY);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, _IOR('x', 1, u64), 0), (long)-ENOTTY);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, _IOR('e', 1, u32), 0), (long)-ENOTTY);
		/* ECHO_GET_LEN to NULL, a kernel address, a range off the page. */
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_GET_LEN, 0), (long)-EFAULT);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_GET_LEN, (unsigned long)&kv), (long)-EFAULT);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_GET_LEN, UEND - 4), (long)-EFAULT);

		/* User buffers: a good one, then faults. */
		KUNIT_ASSERT_EQ(test, copy_to_user(ubuf, "user", 4), 0UL);
		KUNIT_EXPECT_EQ(test, vfs_write(f, ubuf, 4, &f->f_pos), 4L);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0LL);
		KUNIT_EXPECT_EQ(test, vfs_read(f, ubuf + 100, 8, &f->f_pos), 4L);
		KUNIT_EXPECT_EQ(test, copy_from_user(kb, ubuf + 100, 4), 0UL);
		KUNIT_EXPECT_MEMEQ(test, kb, "user", 4);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0LL);
		KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)UNMAPPED_USER, 4, &f->f_pos),
				(ssize_t)-EFAULT);
		KUNIT_EXPECT_EQ(test, f->f_pos, 0LL);
		/* A read that faults half-way returns what it copied. */
		KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)(UEND - 2), 4, &f->f_pos), 2L);
		KUNIT_EXPECT_EQ(test, f->f_pos, 2LL);
		/* A write that faults at once empties the device: -EFAULT. */
		KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)UNMAPPED_USER, 4, &f->f_pos),
				(ssize_t)-EFAULT);
		KUNIT_EXPECT_EQ(test, echo_len(f), 0L);
		/* A write that faults half-way keeps the bytes it copied. */
		KUNIT_ASSERT_EQ(test, copy_to_user((char __user *)(UEND - 3), "xyz", 3), 0UL);
		KUNIT_EXPECT_EQ(test, vfs_write(f, (const char __user *)(UEND - 3), 8, &f->f_pos), 3L);
		KUNIT_EXPECT_EQ(test, echo_len(f), 3L);
		/* Too large: -EFBIG before anything is read, content kept. */
		KUNIT_EXPECT_EQ(test, vfs_write(f, ubuf, ECHO_MAX + 1, &f->f_pos), (ssize_t)-EFBIG);
		KUNIT_EXPECT_EQ(test, echo_len(f), 3L);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_CLEAR, 0), 0L);
		filp_close(f, NULL);
	}
}

/*
 * The same pseudo-random script on both twins: writes of varied sizes and
 * contents, seeks, reads of varied sizes. Every return value and every byte
 * read is logged; the two logs must be identical.
 */
#define SCRIPT_OPS 200

struct echo_log {
	long ret[SCRIPT_OPS];
	u32 hash[SCRIPT_OPS];
};

static u32 lcg(u32 *s)
{
	*s = *s * 1103515245 + 12345;
	return *s >> 8;
}

static void run_script(struct kunit *test, const char *path, struct echo_log *log, char *buf,
		       size_t bufsize)
{
	struct file *f = open_dev(test, path, O_RDWR);
	u32 s = 2024;

	if (!f)
		return;
	for (int i = 0; i < SCRIPT_OPS; i++) {
		u32 op = lcg(&s) % 4, n = lcg(&s) % bufsize;
		u32 h = 2166136261u;

		switch (op) {
		case 0:
			for (u32 j = 0; j < n; j++)
				buf[j] = (char)(i + j * 7);
			log->ret[i] = kwrite(f, buf, n);
			break;
		case 1:
		case 2:
			memset(buf, 0, bufsize);
			log->ret[i] = kread(f, buf, n);
			break;
		default:
			log->ret[i] = vfs_llseek(f, (loff_t)(n % 64) - 16, (int)(lcg(&s) % 3));
			break;
		}
		for (size_t j = 0; j < bufsize; j++)
			h = (h ^ (u8)buf[j]) * 16777619u;
		log->hash[i] = h;
	}
	KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_CLEAR, 0), 0L);
	filp_close(f, NULL);
}

static void echo_twins_identical(struct kunit *test)
{
	struct echo_log *log[2];
	size_t bufsize = 3000;
	int big = 0;
	char *buf;

	NEED_RUST_TWINS(test);
	buf = kmalloc(bufsize, GFP_KERNEL);
	log[0] = kzalloc(sizeof(*log[0]), GFP_KERNEL);
	log[1] = kzalloc(sizeof(*log[1]), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, buf && log[0] && log[1]);
	for (int d = 0; d < 2; d++)
		run_script(test, echo_devs[d], log[d], buf, bufsize);
	KUNIT_EXPECT_EQ(test, memcmp(log[0], log[1], sizeof(*log[0])), 0);
	/* The script did move data, not only fail or hit end of file. */
	for (int i = 0; i < SCRIPT_OPS; i++)
		big += log[0]->ret[i] > 100;
	KUNIT_EXPECT_GT(test, big, 20);
	kfree(log[0]);
	kfree(log[1]);
	kfree(buf);
}

/* xoshiro256** seeded with splitmix64(42): its first three results. */
static const u64 seed42[3] = {
	0x15780b2e0c2ec716ULL, 0x6104d9866d113a7eULL, 0xae17533239e499a1ULL,
};

static void random_known_answers(struct kunit *test)
{
	NEED_RUST_TWINS(test);
	for (int d = 0; d < 2; d++) {
		struct file *f = open_dev(test, random_devs[d], O_RDONLY);
		u8 b[8];
		u64 v;

		KUNIT_ASSERT_NOT_NULL(test, f);
		KUNIT_EXPECT_EQ(test, random_seed(f, 42), 0L);
		KUNIT_EXPECT_EQ(test, kread(f, &v, 8), 8L);
		KUNIT_EXPECT_EQ(test, v, seed42[0]);
		/* A 3-byte read uses a whole result: the low (first) 3 bytes. */
		KUNIT_EXPECT_EQ(test, kread(f, b, 3), 3L);
		KUNIT_EXPECT_MEMEQ(test, b, &seed42[1], 3);
		KUNIT_EXPECT_EQ(test, kread(f, &v, 8), 8L);
		KUNIT_EXPECT_EQ(test, v, seed42[2]);
		/* Reseeding starts over; reads do not move the position. */
		KUNIT_EXPECT_EQ(test, random_seed(f, 42), 0L);
		KUNIT_EXPECT_EQ(test, kread(f, &v, 8), 8L);
		KUNIT_EXPECT_EQ(test, v, seed42[0]);
		KUNIT_EXPECT_EQ(test, f->f_pos, 0LL);
		filp_close(f, NULL);
	}
}

static void random_twins_identical(struct kunit *test)
{
	static const size_t sizes[] = { 1, 7, 8, 13, 255, 256, 257, 300, 4096, 5000 };
	size_t total = 0;
	u8 *out[2];

	NEED_RUST_TWINS(test);
	for (int i = 0; i < ARRAY_SIZE(sizes); i++)
		total += sizes[i];
	out[0] = kmalloc(total, GFP_KERNEL);
	out[1] = kmalloc(total, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, out[0] && out[1]);
	for (int d = 0; d < 2; d++) {
		struct file *f = open_dev(test, random_devs[d], O_RDONLY);
		size_t at = 0;

		KUNIT_ASSERT_NOT_NULL(test, f);
		KUNIT_EXPECT_EQ(test, random_seed(f, 0xfe77173ULL), 0L);
		for (int i = 0; i < ARRAY_SIZE(sizes); i++) {
			KUNIT_EXPECT_EQ(test, kread(f, out[d] + at, sizes[i]), (ssize_t)sizes[i]);
			at += sizes[i];
		}
		filp_close(f, NULL);
	}
	KUNIT_EXPECT_EQ(test, memcmp(out[0], out[1], total), 0);
	/* And it is not trivially constant. */
	KUNIT_EXPECT_NE(test, memcmp(out[0], out[0] + 8, 64), 0);
	kfree(out[0]);
	kfree(out[1]);
}

static void random_errors_and_files(struct kunit *test)
{
	NEED_RUST_TWINS(test);
	for (int d = 0; d < 2; d++) {
		struct file *f = open_dev(test, random_devs[d], O_RDWR);
		struct file *g = open_dev(test, random_devs[d], O_RDONLY);
		u64 a, b, kv = 1;
		u8 kb[16];

		KUNIT_ASSERT_TRUE(test, f && g);
		/* Independent generators per open file, default seeds differ. */
		KUNIT_EXPECT_EQ(test, kread(f, &a, 8), 8L);
		KUNIT_EXPECT_EQ(test, kread(g, &b, 8), 8L);
		KUNIT_EXPECT_NE(test, a, b);
		KUNIT_EXPECT_EQ(test, random_seed(f, 1), 0L);
		KUNIT_EXPECT_EQ(test, random_seed(g, 1), 0L);
		KUNIT_EXPECT_EQ(test, kread(f, &a, 8), 8L);
		KUNIT_EXPECT_EQ(test, kread(g, &b, 8), 8L);
		KUNIT_EXPECT_EQ(test, a, b);
		KUNIT_EXPECT_EQ(test, random_seed(g, 2), 0L);
		KUNIT_EXPECT_EQ(test, kread(g, &b, 8), 8L);
		KUNIT_EXPECT_EQ(test, kread(f, &a, 8), 8L);
		KUNIT_EXPECT_NE(test, a, b);

		KUNIT_EXPECT_EQ(test, kwrite(f, kb, 4), (ssize_t)-EINVAL);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), (loff_t)-ESPIPE);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, _IO('r', 1), 0), (long)-ENOTTY);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, _IOW('r', 0, u32), 0), (long)-ENOTTY);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, RANDOM_SEED, 0), (long)-EFAULT);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, RANDOM_SEED, (unsigned long)&kv), (long)-EFAULT);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, RANDOM_SEED, UEND - 4), (long)-EFAULT);
		/* Faulting reads: -EFAULT, or the bytes before the fault. */
		KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)UNMAPPED_USER, 8, &f->f_pos),
				(ssize_t)-EFAULT);
		KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)(UEND - 5), 16, &f->f_pos), 5L);
		KUNIT_EXPECT_EQ(test, vfs_read(f, (char __user *)UBASE, 16, &f->f_pos), 16L);
		KUNIT_EXPECT_EQ(test, kread(f, kb, 0), 0L);
		filp_close(g, NULL);
		filp_close(f, NULL);
	}
}

/*
 * Every allocation of the echo write path fails cleanly: -ENOMEM, the old
 * content kept, and a write that fits the buffer allocates nothing.
 */
static void echo_alloc_failure(struct kunit *test)
{
	char big[200], kb[8];

	NEED_RUST_TWINS(test);
	memset(big, 'b', sizeof(big));
	for (int d = 0; d < 2; d++) {
		unsigned long slab, pages, slab2, pages2;
		struct file *f;

		usage(&slab, &pages);
		f = open_dev(test, echo_devs[d], O_RDWR);
		KUNIT_ASSERT_NOT_NULL(test, f);
		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_CLEAR, 0), 0L);

		alloc_fail_after(0);
		KUNIT_EXPECT_EQ(test, kwrite(f, big, 100), (ssize_t)-ENOMEM);
		KUNIT_EXPECT_FALSE(test, alloc_fail_armed());
		KUNIT_EXPECT_EQ(test, echo_len(f), 0L);

		KUNIT_EXPECT_EQ(test, kwrite(f, "abc", 3), 3L);
		alloc_fail_after(0);
		KUNIT_EXPECT_EQ(test, kwrite(f, big, sizeof(big)), (ssize_t)-ENOMEM);
		KUNIT_EXPECT_EQ(test, echo_len(f), 3L);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0LL);
		KUNIT_EXPECT_EQ(test, kread(f, kb, 8), 3L);
		KUNIT_EXPECT_MEMEQ(test, kb, "abc", 3);
		/* Fits the capacity (at least 4 bytes): no allocation at all. */
		alloc_fail_after(0);
		KUNIT_EXPECT_EQ(test, kwrite(f, "wxyz", 4), 4L);
		KUNIT_EXPECT_TRUE(test, alloc_fail_armed());
		alloc_fail_off();

		KUNIT_EXPECT_EQ(test, vfs_ioctl(f, ECHO_CLEAR, 0), 0L);
		filp_close(f, NULL);
		usage(&slab2, &pages2);
		KUNIT_EXPECT_EQ(test, slab2, slab);
		KUNIT_EXPECT_EQ(test, pages2, pages);
	}
}

/*
 * Fail each allocation of the open path in turn (the VFS's, then the
 * driver's per-file state): each time -ENOMEM and nothing left behind. Both
 * twins allocate at the same points.
 */
static void random_alloc_failure(struct kunit *test)
{
	int failures[2] = { 0, 0 };

	NEED_RUST_TWINS(test);
	for (int d = 0; d < 2; d++) {
		unsigned long slab, pages, slab2, pages2;
		struct file *f;
		u64 v;

		usage(&slab, &pages);
		for (unsigned int n = 0; n < 32; n++) {
			alloc_fail_after(n);
			f = filp_open(random_devs[d], O_RDONLY, 0);
			if (!alloc_fail_armed()) {
				/* The n-th allocation failed: so did the open. */
				KUNIT_EXPECT_TRUE(test, IS_ERR(f));
				if (!IS_ERR(f)) {
					filp_close(f, NULL);
					break;
				}
				KUNIT_EXPECT_EQ(test, PTR_ERR(f), (long)-ENOMEM);
				failures[d]++;
				continue;
			}
			alloc_fail_off();
			KUNIT_ASSERT_FALSE(test, IS_ERR(f));
			KUNIT_EXPECT_EQ(test, kread(f, &v, 8), 8L);
			filp_close(f, NULL);
			break;
		}
		alloc_fail_off();
		usage(&slab2, &pages2);
		KUNIT_EXPECT_EQ(test, slab2, slab);
		KUNIT_EXPECT_EQ(test, pages2, pages);
	}
	KUNIT_EXPECT_GE(test, failures[0], 2);	/* the file, then the driver */
	KUNIT_EXPECT_EQ(test, failures[0], failures[1]);
}

static void twins_no_leak(struct kunit *test)
{
	unsigned long slab, pages, slab2, pages2;
	char buf[64] = "data";
	u64 v;

	NEED_RUST_TWINS(test);
	usage(&slab, &pages);
	for (int round = 0; round < 3; round++) {
		for (int d = 0; d < 2; d++) {
			struct file *e = open_dev(test, echo_devs[d], O_RDWR);
			struct file *r = open_dev(test, random_devs[d], O_RDONLY);

			KUNIT_ASSERT_TRUE(test, e && r);
			KUNIT_EXPECT_EQ(test, kwrite(e, buf, sizeof(buf)), (ssize_t)sizeof(buf));
			KUNIT_EXPECT_EQ(test, kread(r, &v, 8), 8L);
			KUNIT_EXPECT_EQ(test, vfs_ioctl(e, ECHO_CLEAR, 0), 0L);
			filp_close(r, NULL);
			filp_close(e, NULL);
		}
	}
	usage(&slab2, &pages2);
	KUNIT_EXPECT_EQ(test, slab2, slab);
	KUNIT_EXPECT_EQ(test, pages2, pages);
}

static struct kunit_case twins_cases[] = {
	KUNIT_CASE(echo_write_read),
	KUNIT_CASE(echo_seek),
	KUNIT_CASE(echo_errors),
	KUNIT_CASE(echo_twins_identical),
	KUNIT_CASE(random_known_answers),
	KUNIT_CASE(random_twins_identical),
	KUNIT_CASE(random_errors_and_files),
	KUNIT_CASE(echo_alloc_failure),
	KUNIT_CASE(random_alloc_failure),
	KUNIT_CASE(twins_no_leak),
	{}
};

static struct kunit_suite twins_suite = {
	.name = "twins",
	.init = twins_init,
	.exit = twins_exit,
	.test_cases = twins_cases,
};
kunit_test_suites(&twins_suite);
