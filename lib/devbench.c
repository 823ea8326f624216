// SPDX-License-Identifier: GPL-2.0-only
/*
 * devbench: the in-kernel benchmark of C drivers against their Rust twins
 * (<linux/devbench.h>, Documentation/dev-tools/bench.rst), then the scale
 * curves of structures user space cannot time one by one (timers, vmalloc
 * areas: devbench_curve_point()).
 *
 * Each operation is timed with ktime_get_ns() around a batch of
 * iterations, never around one (the clock costs more than some
 * operations). Per operation: warm-up runs on both devices, a calibration
 * that sizes a batch to target_ns / rounds, then `rounds` batches per
 * device, interleaved C, Rust, Rust, C, C, Rust... so that a slow drift of
 * the machine (QEMU, host load) weighs on both sides alike. The figure
 * printed is the fastest batch of each side (the least disturbed by
 * interrupts, which stay enabled); the median is printed next to it.
 * Both devices use the same user buffer, the same file flags and the
 * same position handling, so only the drivers differ; block pairs submit
 * bios of pages of their own, at positions that depend only on the
 * iteration number.
 */
#include <linux/kernel.h>
#include <linux/cmdline.h>
#include <linux/devbench.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/ktime.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/completion.h>
#include <linux/blkdev.h>
#include <uapi/linux/echo_dev.h>
#include <uapi/linux/random_dev.h>
#include <kunit/uaccess.h>

/* The benchmark's user buffer: one page, shared by every operation. */
#define DEVBENCH_UBASE		0x0000000044000000UL
#define DEVBENCH_BUF_SIZE	4096
#define DEVBENCH_MAX_ROUNDS	15

/*
 * The pairs "bench=1" runs, C device first. Add a twin as one line:
 * { name, C /dev name, Rust /dev name, ioctl cmd (0: none), ioctl arg,
 *   arg is an offset into the user buffer }. A pair whose node is missing
 * is skipped with a "missing" line, so lines for drivers not built yet
 * do no harm.
 */
static const struct devbench_pair devbench_pairs[] = {
	/*
	 * Harness self-check, NOT a twin: /dev/null against /dev/zero
	 * (both drivers/char/mem.c). Shows that the harness runs and what
	 * its noise is; its ratio means nothing.
	 */
	{ "selfcheck-null-vs-zero", "null", "zero", 0, 0, false },
	/* The twins of issue 4: drivers/char/{c,rust}_{echo,random}. */
	{ "echo", "c_echo", "rust_echo", ECHO_GET_LEN, 0, true },
	{ "random", "c_random", "rust_random", RANDOM_SEED, 0, true },
	/* The block twins of issue 14: drivers/block/{null_blk.c,rnull.rs}. */
	{ "null_blk", "nullb0", "rnullb0", 0, 0, false, true },
};

static const char *const devbench_op_names[DEVBENCH_NR_OPS] = {
	[DEVBENCH_OPEN_CLOSE] = "open+close",
	[DEVBENCH_WRITE_1] = "write-1B",
	[DEVBENCH_READ_1] = "read-1B",
	[DEVBENCH_WRITE_4K] = "write-4KiB",
	[DEVBENCH_READ_4K] = "read-4KiB",
	[DEVBENCH_IOCTL] = "ioctl",
	[DEVBENCH_BLK_READ_4K] = "rand-read-4KiB",
	[DEVBENCH_BLK_WRITE_4K] = "rand-write-4KiB",
	[DEVBENCH_BLK_READ_512] = "rand-read-512B",
	[DEVBENCH_BLK_WRITE_512] = "rand-write-512B",
	[DEVBENCH_BLK_READ_128K] = "seq-read-128KiB",
	[DEVBENCH_BLK_WRITE_128K] = "seq-write-128KiB",
	[DEVBENCH_BLK_READ_4K_QD8] = "rand-read-4KiB-qd8",
	[DEVBENCH_BLK_WRITE_4K_QD8] = "rand-write-4KiB-qd8",
};

const char *devbench_op_name(enum devbench_op op)
{
	return op < DEVBENCH_NR_OPS ? devbench_op_names[op] : "?";
}

/*
 * One side of a pair: its node, looked up once, and an open file for all
 * operations but open+close. open+close opens the looked-up node
 * (dentry_open(), what open(2) does after its path walk): the walk costs
 * the same whatever the driver, but depends on the node's name (its
 * length, its place in /dev's list), which would weigh on the ratio
 * without saying anything about the driver.
 */
#define BLK_PAGES	32	/* a block target's data: 128 KiB */
#define BLK_QD		8	/* the deeper queue depth */

struct devbench_target {
	struct path path;
	struct file *file;
	struct page *pages[BLK_PAGES];	/* block devices only */
};

static void free_pages_of(struct devbench_target *t)
{
	for (int i = 0; i < BLK_PAGES; i++) {
		if (t->pages[i])
			__free_page(t->pages[i]);
		t->pages[i] = NULL;
	}
}

static int target_init(struct devbench_target *t, const char *dev)
{
	char name[64];
	struct file *f;
	int err;

	if (snprintf(name, sizeof(name), "/dev/%s", dev) >= (int)sizeof(name))
		return -ENAMETOOLONG;
	err = kern_path(name, 0, &t->path);
	if (err)
		return err;
	f = dentry_open(&t->path, O_RDWR);
	if (IS_ERR(f)) {
		path_put(&t->path);
		t->path = (struct path){};
		return PTR_ERR(f);
	}
	t->file = f;
	if (!S_ISBLK(t->path.dentry->d_inode->i_mode))
		return 0;
	for (int i = 0; i < BLK_PAGES; i++) {
		t->pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!t->pages[i]) {
			free_pages_of(t);
			filp_close(f, NULL);
			path_put(&t->path);
			t->file = NULL;
			return -ENOMEM;
		}
	}
	return 0;
}

static void target_exit(struct devbench_target *t)
{
	if (t->file) {
		free_pages_of(t);
		filp_close(t->file, NULL);
		path_put(&t->path);
	}
	t->file = NULL;
}

/* The bios of one block operation, ended when the last one is. */
struct blk_batch {
	atomic_t left;
	int err;
	struct completion done;
};

static void blk_end_io(struct bio *bio)
{
	struct blk_batch *b = bio->bi_private;

	if (bio->bi_status)
		WRITE_ONCE(b->err, blk_status_to_errno(bio->bi_status));
	if (atomic_dec_and_test(&b->left))
		complete(&b->done);
}

/*
 * The unit (of the operation's length) the @i-th bio of a run goes to,
 * among @nr: in turn, or scattered by a multiplicative hash. Depends on
 * @i alone, so both sides of a pair see the same positions.
 */
static u32 blk_unit(unsigned long i, u32 nr, bool scattered)
{
	u32 x = (u32)i;

	if (scattered)
		x = (x * 2654435761U) ^ (x >> 7);
	return x % nr;
}

/* Run block operation @op (its @i-th time) on @t; 0 or -errno. */
static int blk_op(struct devbench_target *t, enum devbench_op op, unsigned long i)
{
	struct block_device *bdev = t->file->private_data;
	bool seq = op == DEVBENCH_BLK_READ_128K || op == DEVBENCH_BLK_WRITE_128K;
	bool deep = op == DEVBENCH_BLK_READ_4K_QD8 || op == DEVBENCH_BLK_WRITE_4K_QD8;
	bool write = (op - DEVBENCH_BLK_READ_4K) & 1;
	unsigned int len = seq ? BLK_PAGES * PAGE_SIZE : 4096, qd = deep ? BLK_QD : 1;
	struct bio *bios[BLK_QD];
	struct blk_batch b = { .err = 0 };
	u32 nr_units;

	if (op == DEVBENCH_BLK_READ_512 || op == DEVBENCH_BLK_WRITE_512)
		len = 512;
	nr_units = bdev_nr_sectors(bdev) / (len >> SECTOR_SHIFT);
	if (!nr_units)
		return -ENOSPC;
	atomic_set(&b.left, qd);
	init_completion(&b.done);
	for (unsigned int q = 0; q < qd; q++) {
		unsigned int npages = DIV_ROUND_UP(len, PAGE_SIZE);

		bios[q] = bio_alloc(bdev, npages, write ? REQ_OP_WRITE : REQ_OP_READ, GFP_KERNEL);
		if (!bios[q]) {
			/* Those not submitted will never end: count them ended. */
			b.err = -ENOMEM;
			if (!atomic_sub_return(qd - q, &b.left))
				complete(&b.done);
			qd = q;
			break;
		}
		bios[q]->bi_sector = (sector_t)blk_unit(i * qd + q, nr_units, !seq) *
				     (len >> SECTOR_SHIFT);
		for (unsigned int p = 0; p < npages; p++)
			bio_add_page(bios[q], t->pages[(q + p) % BLK_PAGES],
				     min_t(unsigned int, len, PAGE_SIZE), 0);
		bios[q]->bi_end_io = blk_end_io;
		bios[q]->bi_private = &b;
		submit_bio(bios[q]);
	}
	wait_for_completion(&b.done);
	for (unsigned int q = 0; q < qd; q++)
		bio_put(bios[q]);
	return READ_ONCE(b.err);
}

/* Run @op once (its @i-th time) on @t. Returns 0 or -errno. */
static int op_once(struct devbench_target *t, enum devbench_op op, unsigned int cmd,
		   unsigned long arg, unsigned long i)
{
	char __user *ubuf = (char __user *)DEVBENCH_UBASE;
	struct file *f = t->file;
	/* pread/pwrite at 0 for seekable files; streams have no position. */
	loff_t pos = 0, *ppos = (f->f_mode & FMODE_STREAM) ? NULL : &pos;
	struct file *g;
	long ret;

	if (op >= DEVBENCH_NR_CHAR_OPS)
		return t->pages[0] ? blk_op(t, op, i) : -ENOTBLK;
	switch (op) {
	case DEVBENCH_OPEN_CLOSE:
		g = dentry_open(&t->path, O_RDWR);
		if (IS_ERR(g))
			return PTR_ERR(g);
		return filp_close(g, NULL);
	case DEVBENCH_WRITE_1:
		ret = vfs_write(f, ubuf, 1, ppos);
		break;
	case DEVBENCH_READ_1:
		ret = vfs_read(f, ubuf, 1, ppos);
		break;
	case DEVBENCH_WRITE_4K:
		ret = vfs_write(f, ubuf, DEVBENCH_BUF_SIZE, ppos);
		break;
	case DEVBENCH_READ_4K:
		ret = vfs_read(f, ubuf, DEVBENCH_BUF_SIZE, ppos);
		break;
	case DEVBENCH_IOCTL:
		ret = vfs_ioctl(f, cmd, arg);
		break;
	default:
		return -EINVAL;
	}
	return ret < 0 ? (int)ret : 0;
}

/* Run @op @n times on @t; *@ns gets the time taken. Returns 0 or -errno. */
static int op_batch(struct devbench_target *t, enum devbench_op op, unsigned int cmd,
		    unsigned long arg, unsigned int n, u64 *ns)
{
	u64 start = ktime_get_ns();

	for (unsigned int i = 0; i < n; i++) {
		int err = op_once(t, op, cmd, arg, i);

		if (err)
			return err;
	}
	*ns = ktime_get_ns() - start;
	return 0;
}

s64 devbench_op_ns(const char *dev, enum devbench_op op, unsigned int cmd,
		   unsigned long arg, unsigned int iters)
{
	struct devbench_target t = {};
	u64 ns;
	int err;

	if (!iters || op >= DEVBENCH_NR_OPS || (op == DEVBENCH_IOCTL && !cmd))
		return -EINVAL;
	err = map_user_test_page(DEVBENCH_UBASE);
	if (err)
		return err;
	err = target_init(&t, dev);
	if (!err)
		err = op_batch(&t, op, cmd, arg, max(iters / 4, 1U), &ns);
	if (!err)
		err = op_batch(&t, op, cmd, arg, iters, &ns);
	target_exit(&t);
	unmap_user_test_page(DEVBENCH_UBASE);
	if (err)
		return err;
	return max_t(u64, ns / iters, 1);
}

/* Sort @n values (tiny arrays: insertion sort). */
static void sort_u64(u64 *v, unsigned int n)
{
	for (unsigned int i = 1; i < n; i++) {
		u64 x = v[i];
		unsigned int j = i;

		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/*
 * Batch size for @op on @t: about target_ns / rounds per batch, found by
 * timing doubling batches. Returns it, or -errno.
 */
static long calibrate(struct devbench_target *t, enum devbench_op op, unsigned int cmd,
		      unsigned long arg, const struct devbench_params *p)
{
	u64 per_batch = p->target_ns / p->rounds, ns = 0;
	unsigned long n = max(p->min_iters, 1U);
	int err;

	for (;;) {
		err = op_batch(t, op, cmd, arg, n, &ns);
		if (err)
			return err;
		if (ns >= per_batch / 8 || n >= (1UL << 24))
			break;
		n *= 2;
	}
	n = ns ? (unsigned long)(per_batch * n / ns) : n;
	return clamp(n, (unsigned long)max(p->min_iters, 1U), 1UL << 24);
}

static void print_skip(const struct devbench_pair *pair, enum devbench_op op,
		       const char *side, const char *dev, int err)
{
	pr_info("bench: %s %s  skipped: %s /dev/%s error %d\n", pair->name,
		devbench_op_name(op), side, dev, err);
}

/* Measure @op on both sides and print its line. Returns 1 if measured. */
static int run_op(const struct devbench_pair *pair, struct devbench_target *tc,
		  struct devbench_target *tr, enum devbench_op op,
		  const struct devbench_params *p)
{
	unsigned long arg = pair->ioctl_arg + (pair->ioctl_arg_ubuf ? DEVBENCH_UBASE : 0);
	u64 c_ps[DEVBENCH_MAX_ROUNDS], r_ps[DEVBENCH_MAX_ROUNDS], ns;
	unsigned int cmd = pair->ioctl_cmd, rounds = p->rounds;
	u64 c_min, r_min, ratio;
	long n, n_rust;
	int err;

	if (op == DEVBENCH_IOCTL && !cmd) {
		pr_info("bench: %s ioctl  skipped: no ioctl command for this pair\n",
			pair->name);
		return 0;
	}
	/* Warm-up, and a first check that both sides accept the operation. */
	err = op_batch(tc, op, cmd, arg, max(p->min_iters / 4, 1U), &ns);
	if (err) {
		print_skip(pair, op, "C", pair->c_dev, err);
		return 0;
	}
	err = op_batch(tr, op, cmd, arg, max(p->min_iters / 4, 1U), &ns);
	if (err) {
		print_skip(pair, op, "Rust", pair->rust_dev, err);
		return 0;
	}
	/* Size the batches for the slower side, so neither overruns. */
	n = calibrate(tc, op, cmd, arg, p);
	if (n < 0) {
		print_skip(pair, op, "C", pair->c_dev, n);
		return 0;
	}
	n_rust = calibrate(tr, op, cmd, arg, p);
	if (n_rust < 0) {
		print_skip(pair, op, "Rust", pair->rust_dev, n_rust);
		return 0;
	}
	n = min(n, n_rust);
	for (unsigned int r = 0; r < rounds; r++) {
		/* C first in even rounds, Rust first in odd ones. */
		struct devbench_target *first = (r & 1) ? tr : tc;
		struct devbench_target *second = (r & 1) ? tc : tr;
		u64 *first_ps = (r & 1) ? r_ps : c_ps, *second_ps = (r & 1) ? c_ps : r_ps;

		err = op_batch(first, op, cmd, arg, n, &ns);
		first_ps[r] = ns * 1000 / n;
		if (!err)
			err = op_batch(second, op, cmd, arg, n, &ns);
		second_ps[r] = ns * 1000 / n;
		if (err) {
			pr_info("bench: %s %s  skipped: error %d in round %u\n", pair->name,
				devbench_op_name(op), err, r);
			return 0;
		}
	}
	sort_u64(c_ps, rounds);
	sort_u64(r_ps, rounds);
	c_min = max_t(u64, c_ps[0], 1);
	r_min = r_ps[0];
	ratio = (r_min * 1000 + c_min / 2) / c_min;	/* thousandths */
	pr_info("bench: %s %s  C %llu ns/op  Rust %llu ns/op  ratio %llu.%03llu  (%u x %ld iters, min; median C %llu Rust %llu)\n",
		pair->name, devbench_op_name(op), (c_min + 500) / 1000, (r_min + 500) / 1000,
		ratio / 1000, ratio % 1000, rounds, n, (c_ps[rounds / 2] + 500) / 1000,
		(r_ps[rounds / 2] + 500) / 1000);
	return 1;
}

/* devbench_run_pair() with the user buffer already mapped. */
static int run_pair_mapped(const struct devbench_pair *pair, const struct devbench_params *p)
{
	struct devbench_target tc = {}, tr = {};
	int measured = 0, err;

	err = target_init(&tc, pair->c_dev);
	if (err) {
		pr_info("bench: %s  skipped: /dev/%s missing or not openable (%d)\n",
			pair->name, pair->c_dev, err);
		return 0;
	}
	err = target_init(&tr, pair->rust_dev);
	if (err) {
		pr_info("bench: %s  skipped: /dev/%s missing or not openable (%d)\n",
			pair->name, pair->rust_dev, err);
		target_exit(&tc);
		return 0;
	}
	for (int op = pair->block ? DEVBENCH_NR_CHAR_OPS : 0;
	     op < (pair->block ? DEVBENCH_NR_OPS : DEVBENCH_NR_CHAR_OPS); op++)
		measured += run_op(pair, &tc, &tr, op, p);
	target_exit(&tr);
	target_exit(&tc);
	return measured;
}

int devbench_run_pair(const struct devbench_pair *pair, const struct devbench_params *params)
{
	struct devbench_params p = *params;
	int err, measured;

	p.rounds = clamp(p.rounds, 1U, (unsigned int)DEVBENCH_MAX_ROUNDS);
	err = map_user_test_page(DEVBENCH_UBASE);
	if (err)
		return err;
	measured = run_pair_mapped(pair, &p);
	unmap_user_test_page(DEVBENCH_UBASE);
	return measured;
}

#define CURVE_ROUNDS	5
#define CURVE_ITERS	4096

void devbench_curve_point(const char *name, unsigned int size,
			  void (*op)(void *arg, unsigned long i), void *arg)
{
	u64 best = U64_MAX, t0;

	for (int r = 0; r < CURVE_ROUNDS; r++) {
		t0 = ktime_get_ns();
		for (unsigned long i = 0; i < CURVE_ITERS; i++)
			op(arg, i);
		best = min(best, (ktime_get_ns() - t0) / CURVE_ITERS);
	}
	pr_info("bench: curve %s %uk %llu ns/op  (%d x %d iters, min)\n", name, size / 1000,
		best, CURVE_ROUNDS, CURVE_ITERS);
}

/* The scale curves "bench=1" runs after the pairs ("bench.filter=NAME" picks one). */
static const struct {
	const char *name;
	int (*run)(void);
} curves[] = {
	{ "timers", timer_bench_run },
	{ "vmalloc", vmalloc_bench_run },
};

int devbench_run_all(void)
{
	struct devbench_params p = {
		.rounds = 5,
		.target_ns = 50 * NSEC_PER_MSEC,
		.min_iters = 16,
	};
	char filter[32];
	int measured = 0, ret;
	long ms;

	if (!cmdline_get_long(boot_command_line, "bench.ms", &ms) && ms > 0 && ms <= 10000)
		p.target_ns = (u64)ms * NSEC_PER_MSEC;
	if (cmdline_get_str(boot_command_line, "bench.filter", filter, sizeof(filter)) < 0)
		filter[0] = '\0';
	pr_info("bench: %u rounds, about %llu ms per operation and device\n", p.rounds,
		p.target_ns / NSEC_PER_MSEC);
	for (size_t i = 0; i < ARRAY_SIZE(devbench_pairs); i++) {
		if (filter[0] && strcmp(filter, devbench_pairs[i].name))
			continue;
		ret = devbench_run_pair(&devbench_pairs[i], &p);
		if (ret < 0) {
			pr_err("bench: cannot map the user buffer: %d\n", ret);
			return ret;
		}
		measured += ret;
	}
	for (size_t i = 0; i < ARRAY_SIZE(curves); i++) {
		if (filter[0] && strcmp(filter, curves[i].name))
			continue;
		ret = curves[i].run();
		if (ret < 0)
			return ret;
		measured += ret;
	}
	pr_info("bench: done, %d operations measured\n", measured);
	return 0;
}
