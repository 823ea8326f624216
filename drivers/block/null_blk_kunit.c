// SPDX-License-Identifier: GPL-2.0-only
/*
 * The block layer through the null block twins: data written to a block
 * device file and read back (every completion mode, 512 B and 4 KiB
 * blocks, unaligned and short I/O, the end of the device), write-back and
 * flush on fsync, MBR and GPT partitions, tag exhaustion with concurrent
 * writers, an injected device error, and allocation failures without
 * leaks. Every case runs twice: in the "null_blk" suite on the C driver's
 * disks, in the "rnull" suite on the Rust driver's (drivers/block/rnull.rs,
 * which registers its operations at boot; without Rust that suite is
 * skipped, saying so).
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <kunit/kthread.h>
#include <kunit/null_blk.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/fault-inject.h>
#include <linux/blkdev.h>
#include <linux/byteorder.h>
#include <uapi/linux/fcntl.h>
#include "null_blk.h"

#define MIB	(1UL << 20)

/* The twin the running suite tests (set before each case). */
static const struct nullb_twin_ops *twin;

static void *c_add_dev(const struct nullb_config *cfg)
{
	return null_add_dev(cfg);
}

static void c_del_dev(void *dev)
{
	null_del_dev(dev);
}

static const char *c_disk_name(void *dev)
{
	return null_disk_name(dev);
}

static unsigned long c_nr_flushes(void *dev)
{
	return null_nr_flushes(dev);
}

static int c_peek(void *dev, u64 pos, void *buf, size_t len)
{
	return null_peek(dev, pos, buf, len);
}

static const struct nullb_twin_ops null_blk_twin = {
	.add_dev = c_add_dev,
	.del_dev = c_del_dev,
	.disk_name = c_disk_name,
	.nr_flushes = c_nr_flushes,
	.peek = c_peek,
};

static const struct nullb_twin_ops *rnull_twin;

void rnull_twin_register(const struct nullb_twin_ops *ops)
{
	rnull_twin = ops;
}

/* The start of every case: skip it when the suite's twin is not built. */
#define NEED_TWIN(test)	do {						\
		if (!twin)						\
			kunit_skip(test, "no rnull: a kernel without Rust"); \
	} while (0)

static const struct nullb_config base_cfg = {
	.size = 1, .bs = 512, .irqmode = NULL_IRQ_NONE, .memory_backed = true,
	.hw_queue_depth = 8,
};

static u8 wbuf[64 * 1024], rbuf[64 * 1024], devbuf[64 * 1024];

static void put_le32(u32 v, u8 *p)
{
	u32 le = cpu_to_le32(v);

	memcpy(p, &le, sizeof(le));
}

static void put_le64(u64 v, u8 *p)
{
	u64 le = cpu_to_le64(v);

	memcpy(p, &le, sizeof(le));
}

static struct file *nb_open(void *nb, const char *part)
{
	char path[48];

	snprintf(path, sizeof(path), "/dev/%s%s", twin->disk_name(nb), part);
	return filp_open(path, O_RDWR, 0);
}

static void fill(u8 *buf, size_t len, unsigned int seed)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (u8)(i * 7 + seed + (i >> 9));
}

/* Write a pattern over the first 64 KiB, fsync, read it back, check the device. */
static void roundtrip(struct kunit *test, unsigned int irqmode, unsigned int bs)
{
	struct nullb_config cfg = base_cfg;
	size_t len = sizeof(wbuf);
	u8 *w = wbuf, *r = rbuf, *dev = devbuf;
	void *nb;
	struct file *f;
	loff_t pos = 0;

	NEED_TWIN(test);
	cfg.irqmode = irqmode;
	cfg.bs = bs;
	fill(w, len, irqmode + bs);
	nb = twin->add_dev(&cfg);
	KUNIT_ASSERT_FALSE(test, IS_ERR(nb));
	f = nb_open(nb, "");
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, w, len, &pos), (ssize_t)len);
	KUNIT_EXPECT_EQ(test, twin->peek(nb, 0, dev, len), 0);
	KUNIT_EXPECT_FALSE(test, memcmp(dev, w, len) == 0);	/* still in the cache */
	KUNIT_EXPECT_EQ(test, twin->nr_flushes(nb), 0UL);
	KUNIT_EXPECT_EQ(test, vfs_fsync(f, 0), 0);
	KUNIT_EXPECT_EQ(test, twin->nr_flushes(nb), 1UL);
	KUNIT_EXPECT_EQ(test, twin->peek(nb, 0, dev, len), 0);
	KUNIT_EXPECT_MEMEQ(test, dev, w, len);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, r, len, &pos), (ssize_t)len);
	KUNIT_EXPECT_MEMEQ(test, r, w, len);
	filp_close(f, NULL);
	twin->del_dev(nb);
}

static void roundtrip_none_512(struct kunit *test) { roundtrip(test, NULL_IRQ_NONE, 512); }
static void roundtrip_soft_512(struct kunit *test) { roundtrip(test, NULL_IRQ_SOFTIRQ, 512); }
static void roundtrip_timer_4k(struct kunit *test) { roundtrip(test, NULL_IRQ_TIMER, 4096); }
static void roundtrip_soft_4k(struct kunit *test) { roundtrip(test, NULL_IRQ_SOFTIRQ, 4096); }

/* Unaligned, short and end-of-device I/O through a 4 KiB-block disk. */
static void unaligned_and_end(struct kunit *test)
{
	struct nullb_config cfg = base_cfg;
	loff_t size = 1 * MIB, pos;
	u8 w[100], r[300], zero[300] = {};
	void *nb;
	struct file *f;

	NEED_TWIN(test);
	cfg.bs = 4096;
	nb = twin->add_dev(&cfg);
	KUNIT_ASSERT_FALSE(test, IS_ERR(nb));
	f = nb_open(nb, "");
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	fill(w, sizeof(w), 3);

	/* 100 bytes across a block boundary, read back with 100 around them. */
	pos = 4096 - 30;
	KUNIT_EXPECT_EQ(test, kernel_write(f, w, sizeof(w), &pos), 100);
	KUNIT_EXPECT_EQ(test, pos, 4096 + 70);
	pos = 4096 - 130;
	KUNIT_EXPECT_EQ(test, kernel_read(f, r, sizeof(r), &pos), 300);
	KUNIT_EXPECT_MEMEQ(test, r, zero, 100);
	KUNIT_EXPECT_MEMEQ(test, r + 100, w, 100);
	KUNIT_EXPECT_MEMEQ(test, r + 200, zero, 100);

	/* The end: a short read, then nothing; a short write, then -ENOSPC. */
	pos = size - 10;
	KUNIT_EXPECT_EQ(test, kernel_read(f, r, sizeof(r), &pos), 10);
	KUNIT_EXPECT_EQ(test, kernel_read(f, r, sizeof(r), &pos), 0);
	pos = size + 4096;
	KUNIT_EXPECT_EQ(test, kernel_read(f, r, sizeof(r), &pos), 0);
	pos = size - 40;
	KUNIT_EXPECT_EQ(test, kernel_write(f, w, sizeof(w), &pos), 40);
	KUNIT_EXPECT_EQ(test, kernel_write(f, w, sizeof(w), &pos), -ENOSPC);
	pos = size - 40;
	KUNIT_EXPECT_EQ(test, kernel_read(f, r, 100, &pos), 40);
	KUNIT_EXPECT_MEMEQ(test, r, w, 40);

	/* llseek stays within the device. */
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), size);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -5, SEEK_END), size - 5);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, size + 1, SEEK_SET), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	filp_close(f, NULL);
	twin->del_dev(nb);
}

/* An MBR entry: type, first sector, sectors. */
static void put_mbr_entry(u8 *sector, int slot, u8 type, u32 from, u32 nr)
{
	u8 *e = sector + 446 + 16 * slot;

	e[4] = type;
	put_le32(from, e + 8);
	put_le32(nr, e + 12);
}

static void expect_partition(struct kunit *test, void *nb, const char *part,
			     sector_t from, sector_t nr)
{
	struct file *f = nb_open(nb, part);
	struct block_device *bdev;

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	bdev = f->private_data;
	KUNIT_EXPECT_EQ(test, bdev->bd_start_sect, from);
	KUNIT_EXPECT_EQ(test, bdev_nr_sectors(bdev), nr);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), (loff_t)nr << SECTOR_SHIFT);
	filp_close(f, NULL);
}

static void expect_no_partition(struct kunit *test, void *nb, const char *part)
{
	struct file *f = nb_open(nb, part);

	KUNIT_EXPECT_TRUE(test, IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f, NULL);
}

/* An MBR written through the whole disk, read again: /dev/nullbNp1 and p3. */
static void partitions_mbr(struct kunit *test)
{
	u8 mbr[512] = {}, w[512], r[512];
	struct file *disk, *p3;
	loff_t pos = 0;
	void *nb;

	NEED_TWIN(test);
	nb = twin->add_dev(&base_cfg);
	KUNIT_ASSERT_FALSE(test, IS_ERR(nb));
	expect_no_partition(test, nb, "p1");
	put_mbr_entry(mbr, 0, 0x83, 8, 100);
	put_mbr_entry(mbr, 2, 0x83, 200, 1848);
	put_mbr_entry(mbr, 3, 0x83, 2000, 100);	/* past the end: skipped */
	mbr[510] = 0x55;
	mbr[511] = 0xaa;
	disk = nb_open(nb, "");
	KUNIT_ASSERT_FALSE(test, IS_ERR(disk));
	KUNIT_EXPECT_EQ(test, kernel_write(disk, mbr, sizeof(mbr), &pos), 512);
	KUNIT_EXPECT_EQ(test, bdev_disk_changed(((struct block_device *)disk->private_data)->bd_disk), 0);
	expect_partition(test, nb, "p1", 8, 100);
	expect_no_partition(test, nb, "p2");
	expect_partition(test, nb, "p3", 200, 1848);
	expect_no_partition(test, nb, "p4");

	/* A partition and the whole disk share the same bytes. */
	p3 = nb_open(nb, "p3");
	KUNIT_ASSERT_FALSE(test, IS_ERR(p3));
	fill(w, sizeof(w), 9);
	pos = 1024;
	KUNIT_EXPECT_EQ(test, kernel_write(p3, w, sizeof(w), &pos), 512);
	pos = (200 << SECTOR_SHIFT) + 1024;
	KUNIT_EXPECT_EQ(test, kernel_read(disk, r, sizeof(r), &pos), 512);
	KUNIT_EXPECT_MEMEQ(test, r, w, 512);
	/* Busy while a partition is open. */
	KUNIT_EXPECT_EQ(test, bdev_disk_changed(((struct block_device *)disk->private_data)->bd_disk), -EBUSY);
	filp_close(p3, NULL);
	filp_close(disk, NULL);
	twin->del_dev(nb);
}

static void put_gpt_entry(u8 *e, u8 type0, u64 first, u64 last)
{
	e[0] = type0;
	put_le64(first, e + 32);
	put_le64(last, e + 40);
}

/* A GPT (4 KiB blocks): entries 1 and 3 used, 2 empty. */
static void partitions_gpt(struct kunit *test)
{
	struct nullb_config cfg = base_cfg;
	u8 *blk = wbuf;
	void *nb;
	struct file *disk;
	loff_t pos = 0;

	NEED_TWIN(test);
	memset(blk, 0, 3 * 4096);
	cfg.bs = 4096;
	nb = twin->add_dev(&cfg);
	KUNIT_ASSERT_FALSE(test, IS_ERR(nb));
	blk[510] = 0x55;			/* protective MBR */
	blk[511] = 0xaa;
	blk[446 + 4] = 0xee;
	memcpy(blk + 4096, "EFI PART", 8);
	put_le64(1, blk + 4096 + 24);		/* my_lba */
	put_le64(2, blk + 4096 + 72);		/* entries at LBA 2 */
	put_le32(4, blk + 4096 + 80);		/* 4 entries */
	put_le32(128, blk + 4096 + 84);	/* of 128 bytes */
	put_gpt_entry(blk + 8192, 0xaf, 6, 9);
	put_gpt_entry(blk + 8192 + 256, 0xaf, 10, 255);
	put_gpt_entry(blk + 8192 + 384, 0xaf, 200, 256);	/* past the end */
	disk = nb_open(nb, "");
	KUNIT_ASSERT_FALSE(test, IS_ERR(disk));
	KUNIT_EXPECT_EQ(test, kernel_write(disk, blk, 3 * 4096, &pos), 3 * 4096);
	KUNIT_EXPECT_EQ(test, bdev_disk_changed(((struct block_device *)disk->private_data)->bd_disk), 0);
	filp_close(disk, NULL);
	expect_partition(test, nb, "p1", 6 * 8, 4 * 8);
	expect_no_partition(test, nb, "p2");
	expect_partition(test, nb, "p3", 10 * 8, 246 * 8);
	expect_no_partition(test, nb, "p4");
	twin->del_dev(nb);
}

/* A bad sector: reads fail with -EIO, and a write's failure reaches fsync. */
static void injected_eio(struct kunit *test)
{
	struct nullb_config cfg = base_cfg;
	u8 buf[512] = {};
	void *nb;
	struct file *f;
	loff_t pos;

	NEED_TWIN(test);
	cfg.irqmode = NULL_IRQ_SOFTIRQ;
	cfg.badblock_start = 16;
	cfg.badblock_nr = 1;
	nb = twin->add_dev(&cfg);
	KUNIT_ASSERT_FALSE(test, IS_ERR(nb));
	f = nb_open(nb, "");
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	pos = 15 * 512;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 512, &pos), 512);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 512, &pos), -EIO);
	KUNIT_EXPECT_EQ(test, pos, 16 * 512);
	/* Reading across it: the good part only. */
	pos = 15 * 512;
	KUNIT_EXPECT_EQ(test, kernel_read(f, rbuf, 1024, &pos), 512);
	pos = 17 * 512;
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 512, &pos), 512);
	KUNIT_EXPECT_EQ(test, vfs_fsync(f, 0), 0);
	pos = 16 * 512;
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 512, &pos), 512);	/* block is cached */
	KUNIT_EXPECT_EQ(test, vfs_fsync(f, 0), -EIO);
	KUNIT_EXPECT_EQ(test, vfs_fsync(f, 0), 0);	/* reported once */
	filp_close(f, NULL);
	twin->del_dev(nb);
}

struct writer {
	void *nb;
	int index;
	ssize_t ret;
	struct completion done;
};

#define NR_WRITERS	4
#define WRITER_BYTES	(32 * 1024)

static int writer_fn(void *data)
{
	struct writer *wr = data;
	u8 *buf = kmalloc(WRITER_BYTES, GFP_KERNEL);
	struct file *f = nb_open(wr->nb, "");
	loff_t pos = wr->index * WRITER_BYTES;

	wr->ret = -ENOMEM;
	if (buf && !IS_ERR(f)) {
		fill(buf, WRITER_BYTES, wr->index);
		wr->ret = kernel_write(f, buf, WRITER_BYTES, &pos);
		if (wr->ret == WRITER_BYTES)
			wr->ret = vfs_fsync(f, 0);
	}
	if (!IS_ERR(f))
		filp_close(f, NULL);
	kfree(buf);
	complete(&wr->done);
	kunit_sleep_until_stop();
	return 0;
}

/*
 * Four threads write and fsync their own 32 KiB through a disk with one
 * tag and timer completion: they wait for the tag in turn, none fails,
 * and each one's data is on the device afterwards.
 */
static void concurrent_writers_one_tag(struct kunit *test)
{
	struct nullb_config cfg = base_cfg;
	struct writer wr[NR_WRITERS];
	struct task_struct *t[NR_WRITERS];
	u8 *want = wbuf, *got = rbuf;
	void *nb;
	int i;

	NEED_TWIN(test);
	cfg.irqmode = NULL_IRQ_TIMER;
	cfg.hw_queue_depth = 1;
	cfg.bs = 4096;
	nb = twin->add_dev(&cfg);
	KUNIT_ASSERT_FALSE(test, IS_ERR(nb));
	for (i = 0; i < NR_WRITERS; i++) {
		wr[i] = (struct writer){ .nb = nb, .index = i };
		init_completion(&wr[i].done);
		t[i] = kthread_run(writer_fn, &wr[i], "nullb_wr%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
	}
	for (i = 0; i < NR_WRITERS; i++) {
		wait_for_completion(&wr[i].done);
		kthread_stop(t[i]);
		KUNIT_EXPECT_EQ(test, wr[i].ret, 0);
		fill(want, WRITER_BYTES, i);
		KUNIT_EXPECT_EQ(test, twin->peek(nb, i * WRITER_BYTES, got, WRITER_BYTES), 0);
		KUNIT_EXPECT_MEMEQ(test, got, want, WRITER_BYTES);
	}
	twin->del_dev(nb);
}

/* Make a disk, write, fsync, read and remove it; -errno of the first failure. */
static int disk_cycle(void)
{
	struct nullb_config cfg = base_cfg;
	u8 buf[1024];
	void *nb;
	struct file *f;
	loff_t pos = 512;
	ssize_t ret;

	cfg.irqmode = NULL_IRQ_SOFTIRQ;
	nb = twin->add_dev(&cfg);
	if (IS_ERR(nb))
		return PTR_ERR(nb);
	f = nb_open(nb, "");
	if (IS_ERR(f)) {
		twin->del_dev(nb);
		return PTR_ERR(f);
	}
	memset(buf, 0x5a, sizeof(buf));
	ret = kernel_write(f, buf, sizeof(buf), &pos);
	if (ret == sizeof(buf))
		ret = vfs_fsync(f, 0);
	pos = 0;
	if (!ret)
		ret = kernel_read(f, buf, sizeof(buf), &pos);
	filp_close(f, NULL);
	twin->del_dev(nb);
	return ret < 0 ? ret : 0;
}

/*
 * Fail each allocation of a whole disk's life in turn (disk, tag set,
 * nodes, open, buffers, bios, the device's pages): every failure is an
 * error, never a crash, and nothing is left allocated.
 */
static void enomem_no_leak(struct kunit *test)
{
	unsigned long slab, pages;
	int n, err, failures = 0;
	bool fired;

	NEED_TWIN(test);
	KUNIT_ASSERT_EQ(test, disk_cycle(), 0);	/* warm the caches */
	kmem_cache_shrink_all();
	slab = slab_allocated_bytes();
	pages = nr_free_pages();
	for (n = 0; n < 200; n++) {
		alloc_fail_after(n);
		err = disk_cycle();
		fired = !alloc_fail_armed();
		alloc_fail_off();
		if (!fired) {		/* every allocation of the cycle was met */
			KUNIT_EXPECT_EQ(test, err, 0);
			break;
		}
		failures++;
		KUNIT_EXPECT_TRUE(test, err == -ENOMEM || err == -ENOSPC || err == 0);
	}
	KUNIT_EXPECT_LT(test, n, 200);
	KUNIT_EXPECT_GT(test, failures, 10);
	KUNIT_EXPECT_EQ(test, disk_cycle(), 0);
	kmem_cache_shrink_all();
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
}

static struct kunit_case null_blk_cases[] = {
	KUNIT_CASE(roundtrip_none_512),
	KUNIT_CASE(roundtrip_soft_512),
	KUNIT_CASE(roundtrip_timer_4k),
	KUNIT_CASE(roundtrip_soft_4k),
	KUNIT_CASE(unaligned_and_end),
	KUNIT_CASE(partitions_mbr),
	KUNIT_CASE(partitions_gpt),
	KUNIT_CASE(injected_eio),
	KUNIT_CASE(concurrent_writers_one_tag),
	KUNIT_CASE(enomem_no_leak),
	{}
};

static int null_blk_init(struct kunit *test)
{
	twin = &null_blk_twin;
	return 0;
}

static int rnull_init(struct kunit *test)
{
	twin = rnull_twin;	/* NULL without Rust: each case skips */
	return 0;
}

static struct kunit_suite null_blk_suite = {
	.name = "null_blk",
	.init = null_blk_init,
	.test_cases = null_blk_cases,
};

static struct kunit_suite rnull_suite = {
	.name = "rnull",
	.init = rnull_init,
	.test_cases = null_blk_cases,
};
kunit_test_suites(&null_blk_suite, &rnull_suite);
