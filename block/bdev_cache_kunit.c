// SPDX-License-Identifier: GPL-2.0-only
/*
 * The page cache of a disk, on a memory-backed disk written here that
 * counts its requests: a buffer is found again (and buffers of two sizes
 * share bytes), a sequential read goes in one large request whose
 * read-ahead window grows and whose next window is started when the
 * reader reaches the first page of the one in flight, dirty pages are written back in one request
 * per stretch of consecutive blocks, a cache held to a few pages writes
 * back before it evicts and loses nothing, a device error reaches the
 * caller as -EIO (but not through read-ahead that was not asked for),
 * and failing each allocation in turn gives -ENOMEM and leaks nothing.
 * Past its background threshold the flusher writes dirty pages back
 * without an fsync, a writer at the dirty limit waits for it instead of
 * failing, its device error is reported once by the next fsync, the last
 * close leaves nothing dirty, and a failed allocation in the flusher is
 * retried and leaks nothing.
 */
#include <kunit/test.h>
#include <kunit/slab.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/blk-mq.h>
#include <linux/buffer_head.h>
#include <linux/fault-inject.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include "blk.h"

#define DISK_BYTES	(2 << 20)
#define NO_SECTOR	((sector_t)-1)

struct cache_dev {
	struct blk_mq_tag_set set;
	struct gendisk *disk;
	u8 *store;			/* the disk's bytes */
	u8 *buf, *got;			/* the tests' */
	sector_t bad;			/* a request touching it fails; NO_SECTOR: none */
	unsigned int reads, writes;	/* requests */
	unsigned int last_bytes;	/* of the last one */
	unsigned int bytes[16];		/* of the first 16 since the counts were 0 */
};

static blk_status_t cache_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd)
{
	struct cache_dev *cd = hctx->queue->queuedata;
	struct request *rq = bd->rq;
	sector_t first = blk_rq_pos(rq);
	u8 *at = cd->store + (first << SECTOR_SHIFT);
	bool write = req_op(rq) == REQ_OP_WRITE;
	struct bio_vec *bv;

	cd->last_bytes = blk_rq_bytes(rq);
	if (cd->reads + cd->writes < ARRAY_SIZE(cd->bytes))
		cd->bytes[cd->reads + cd->writes] = blk_rq_bytes(rq);
	if (write)
		cd->writes++;
	else
		cd->reads++;
	if (cd->bad >= first && cd->bad < first + (blk_rq_bytes(rq) >> SECTOR_SHIFT)) {
		blk_mq_end_request(rq, BLK_STS_IOERR);
		return BLK_STS_OK;
	}
	rq_for_each_segment(bv, rq) {
		u8 *mem = (u8 *)page_address(bv->bv_page) + bv->bv_offset;

		if (write)
			memcpy(at, mem, bv->bv_len);
		else
			memcpy(mem, at, bv->bv_len);
		at += bv->bv_len;
	}
	blk_mq_end_request(rq, BLK_STS_OK);
	return BLK_STS_OK;
}

static const struct blk_mq_ops cache_mq_ops = {
	.queue_rq = cache_queue_rq,
};

#define BUF_BYTES	(256 << 10)

/*
 * A disk of DISK_BYTES named @name, with an empty cache, no requests
 * counted and two buffers of BUF_BYTES; NULL if it cannot be made.
 */
static struct cache_dev *cache_dev_add(const char *name)
{
	struct cache_dev *cd = kzalloc(sizeof(*cd), GFP_KERNEL);

	if (!cd)
		return NULL;
	cd->store = kvzalloc(DISK_BYTES, GFP_KERNEL);
	cd->buf = kvzalloc(BUF_BYTES, GFP_KERNEL);
	cd->got = kvzalloc(BUF_BYTES, GFP_KERNEL);
	cd->bad = NO_SECTOR;
	cd->set.ops = &cache_mq_ops;
	cd->set.nr_hw_queues = 1;
	cd->set.queue_depth = 4;
	if (!cd->store || !cd->buf || !cd->got || blk_mq_alloc_tag_set(&cd->set))
		goto out_free;
	cd->disk = blk_mq_alloc_disk(&cd->set, NULL, cd);
	if (IS_ERR(cd->disk))
		goto out_set;
	strscpy(cd->disk->disk_name, name, DISK_NAME_LEN);
	set_capacity(cd->disk, DISK_BYTES >> SECTOR_SHIFT);
	if (add_disk(cd->disk)) {
		put_disk(cd->disk);
		goto out_set;
	}
	invalidate_disk_buffers(cd->disk);	/* what add_disk() read */
	cd->reads = 0;
	cd->writes = 0;
	return cd;
out_set:
	blk_mq_free_tag_set(&cd->set);
out_free:
	kvfree(cd->got);
	kvfree(cd->buf);
	kvfree(cd->store);
	kfree(cd);
	return NULL;
}

static void cache_dev_del(struct cache_dev *cd)
{
	del_gendisk(cd->disk);
	put_disk(cd->disk);
	blk_mq_free_tag_set(&cd->set);
	kvfree(cd->got);
	kvfree(cd->buf);
	kvfree(cd->store);
	kfree(cd);
}

/*
 * Read or write @len bytes at @pos of @cd's disk through its cache: 0 when
 * all of them moved, else what bdev_rw_iter() returned (-errno or a short
 * count).
 */
static ssize_t cache_rw(struct cache_dev *cd, loff_t pos, void *buf, size_t len, bool write)
{
	struct kvec kv = { .iov_base = buf, .iov_len = len };
	struct iov_iter iter;
	ssize_t ret;

	iov_iter_kvec(&iter, write ? ITER_SOURCE : ITER_DEST, &kv, 1, len);
	ret = bdev_rw_iter(cd->disk->part0, &pos, &iter, write);
	return ret == (ssize_t)len ? 0 : ret;
}

static void fill(u8 *buf, size_t len, unsigned int seed)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (u8)(i * 7 + seed + (i >> 9));
}

static void bdev_cache_lookup(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_a");
	struct buffer_head *a, *b, *small;

	KUNIT_ASSERT_NOT_NULL(test, cd);
	fill(cd->store, DISK_BYTES, 1);
	a = __bread(cd->disk->part0, 5, 1024);
	KUNIT_ASSERT_NOT_NULL(test, a);
	b = __getblk(cd->disk->part0, 5, 1024);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	KUNIT_EXPECT_TRUE(test, buffer_uptodate(b));
	small = __bread(cd->disk->part0, 11, 512);	/* the second half of a */
	KUNIT_ASSERT_NOT_NULL(test, small);
	KUNIT_EXPECT_PTR_EQ(test, small->b_data, a->b_data + 512);
	KUNIT_EXPECT_MEMEQ(test, a->b_data, cd->store + 5 * 1024, 1024);
	KUNIT_EXPECT_EQ(test, cd->reads, 1);	/* the page, once */

	lock_buffer(small);
	memset(small->b_data, 0xab, 512);
	mark_buffer_dirty(small);
	unlock_buffer(small);
	KUNIT_EXPECT_EQ(test, a->b_data[600], (char)0xab);
	KUNIT_EXPECT_EQ(test, sync_dirty_buffer(small), 0);
	KUNIT_EXPECT_EQ(test, cd->writes, 1);
	KUNIT_EXPECT_EQ(test, cd->last_bytes, 512);	/* the dirty block only */
	KUNIT_EXPECT_EQ(test, cd->store[11 * 512 + 3], 0xab);
	brelse(small);
	brelse(b);
	brelse(a);
	cache_dev_del(cd);
}

static void bdev_cache_readahead(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_b");
	size_t chunk = 128 << 10;
	loff_t pos = 256 << 10;

	KUNIT_ASSERT_NOT_NULL(test, cd);
	fill(cd->store, DISK_BYTES, 2);
	KUNIT_EXPECT_EQ(test, cache_rw(cd, pos, cd->buf, chunk, false), 0);
	KUNIT_EXPECT_MEMEQ(test, cd->buf, cd->store + pos, chunk);
	KUNIT_EXPECT_EQ(test, cd->reads, 1);
	KUNIT_EXPECT_EQ(test, cd->last_bytes, chunk);
	/*
	 * Sequential: the window doubles, in one request, and the one after
	 * it (twice as large again) starts without being waited for.
	 */
	pos += chunk;
	KUNIT_EXPECT_EQ(test, cache_rw(cd, pos, cd->buf, chunk, false), 0);
	KUNIT_EXPECT_MEMEQ(test, cd->buf, cd->store + pos, chunk);
	KUNIT_EXPECT_EQ(test, cd->reads, 3);
	KUNIT_EXPECT_EQ(test, cd->bytes[1], 2 * chunk);
	KUNIT_EXPECT_EQ(test, cd->bytes[2], 4 * chunk);
	pos += chunk;
	KUNIT_EXPECT_EQ(test, cache_rw(cd, pos, cd->buf, chunk, false), 0);	/* read ahead */
	KUNIT_EXPECT_MEMEQ(test, cd->buf, cd->store + pos, chunk);
	KUNIT_EXPECT_EQ(test, cd->reads, 3);
	/* Elsewhere: only what is asked for. */
	KUNIT_EXPECT_EQ(test, cache_rw(cd, 40 << 12, cd->buf, 4096, false), 0);
	KUNIT_EXPECT_EQ(test, cd->reads, 4);
	KUNIT_EXPECT_EQ(test, cd->last_bytes, 4096);
	cache_dev_del(cd);
}

static void bdev_cache_readahead_async(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_l");
	size_t chunk = 128 << 10;
	loff_t pos;

	KUNIT_ASSERT_NOT_NULL(test, cd);
	fill(cd->store, DISK_BYTES, 10);
	/* Pages 0-31, 32-95 (and 96-223 started after them). */
	KUNIT_EXPECT_EQ(test, cache_rw(cd, 0, cd->buf, chunk, false), 0);
	KUNIT_EXPECT_EQ(test, cache_rw(cd, chunk, cd->buf, chunk, false), 0);
	KUNIT_EXPECT_EQ(test, cd->reads, 3);
	/*
	 * Reaching page 96, the first of the window in flight, starts the
	 * next one (224-479, capped at 1 MiB) while 97-223 are still cached.
	 */
	KUNIT_EXPECT_EQ(test, cache_rw(cd, 96 * 4096, cd->buf, 4096, false), 0);
	KUNIT_EXPECT_EQ(test, cd->reads, 4);
	KUNIT_EXPECT_EQ(test, cd->bytes[3], 256 * 4096);
	/* The rest of the disk, in order: each window started a window early. */
	for (pos = 97 * 4096; pos < DISK_BYTES; pos += chunk) {
		KUNIT_EXPECT_EQ(test, cache_rw(cd, pos, cd->buf, min_t(size_t, chunk, DISK_BYTES - pos),
					       false), 0);
		KUNIT_EXPECT_MEMEQ(test, cd->buf, cd->store + pos,
				   min_t(size_t, chunk, DISK_BYTES - pos));
	}
	KUNIT_EXPECT_EQ(test, cd->reads, 5);	/* 480-511: the disk ends */
	KUNIT_EXPECT_EQ(test, cd->bytes[4], 32 * 4096);
	invalidate_disk_buffers(cd->disk);
	KUNIT_EXPECT_EQ(test, cd->disk->bd_nr_pages, 0);
	cache_dev_del(cd);
}

static void bdev_cache_writeback_batched(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_c");
	size_t len = 256 << 10, off;

	KUNIT_ASSERT_NOT_NULL(test, cd);
	fill(cd->buf, len, 3);
	for (off = 0; off < len; off += 4096)
		KUNIT_EXPECT_EQ(test, cache_rw(cd, off, cd->buf + off, 4096, true), 0);
	KUNIT_EXPECT_EQ(test, cd->reads + cd->writes, 0);	/* whole blocks: nothing read */
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), 0);
	KUNIT_EXPECT_EQ(test, cd->writes, 1);
	KUNIT_EXPECT_EQ(test, cd->last_bytes, len);
	KUNIT_EXPECT_MEMEQ(test, cd->store, cd->buf, len);

	/* Two stretches apart, one of them mid-page: two requests. */
	KUNIT_EXPECT_EQ(test, cache_rw(cd, 1 << 20, cd->buf, 8192, true), 0);
	KUNIT_EXPECT_EQ(test, cache_rw(cd, (1 << 20) + 5 * 4096 + 512, cd->buf, 1024, true), 0);
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), 0);
	KUNIT_EXPECT_EQ(test, cd->writes, 3);
	KUNIT_EXPECT_EQ(test, cd->last_bytes, 1024);
	KUNIT_EXPECT_MEMEQ(test, cd->store + (1 << 20) + 5 * 4096 + 512, cd->buf, 1024);
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), 0);
	KUNIT_EXPECT_EQ(test, cd->writes, 3);	/* nothing dirty left */
	cache_dev_del(cd);
}

static void bdev_cache_evict_keeps_dirty(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_d");
	size_t len = 64 * 4096, off;

	KUNIT_ASSERT_NOT_NULL(test, cd);
	cd->disk->bd_cache_max = 16;
	fill(cd->buf, len, 4);
	for (off = 0; off < len; off += 4096)
		KUNIT_EXPECT_EQ(test, cache_rw(cd, off, cd->buf + off, 4096, true), 0);
	KUNIT_EXPECT_LE(test, cd->disk->bd_nr_pages, 16);
	KUNIT_EXPECT_GT(test, cd->writes, 0);
	KUNIT_EXPECT_LT(test, cd->writes, 64 / 4);	/* batches, not a page at a time */
	/* What was evicted is on the disk; what is left is in the cache. */
	KUNIT_EXPECT_MEMEQ(test, cd->store, cd->buf, 32 * 4096);
	KUNIT_EXPECT_EQ(test, cache_rw(cd, 0, cd->got, len, false), 0);
	KUNIT_EXPECT_MEMEQ(test, cd->got, cd->buf, len);
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), 0);
	KUNIT_EXPECT_MEMEQ(test, cd->store, cd->buf, len);
	cache_dev_del(cd);
}

static void bdev_cache_eio(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_e");
	size_t chunk = 128 << 10;

	KUNIT_ASSERT_NOT_NULL(test, cd);
	fill(cd->store, DISK_BYTES, 5);
	cd->bad = 64 * 8;	/* the first sector of page 64 */
	KUNIT_EXPECT_EQ(test, cache_rw(cd, 0, cd->buf, chunk, false), 0);
	/* The window (pages 32..95) fails; the pages asked for are read alone. */
	KUNIT_EXPECT_EQ(test, cache_rw(cd, chunk, cd->buf, chunk, false), 0);
	KUNIT_EXPECT_MEMEQ(test, cd->buf, cd->store + chunk, chunk);
	KUNIT_EXPECT_EQ(test, cache_rw(cd, 64 * 4096, cd->buf, 512, false), -EIO);
	KUNIT_EXPECT_EQ(test, cache_rw(cd, 64 * 4096, cd->buf, 512, true), 0);
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), -EIO);
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), 0);	/* reported once */
	cache_dev_del(cd);
}

/* Write, write back, drop, read with read-ahead: 0, or the first failure (as cache_rw()). */
static ssize_t cache_cycle(struct cache_dev *cd, u8 *buf, size_t len)
{
	ssize_t err = cache_rw(cd, 4096, buf, len, true);

	if (!err)
		err = sync_blockdev(cd->disk->part0);
	invalidate_disk_buffers(cd->disk);
	if (!err)
		err = cache_rw(cd, 0, buf, len, false);
	if (!err)
		err = cache_rw(cd, len, buf, len, false);
	invalidate_disk_buffers(cd->disk);
	return err;
}

static void bdev_cache_enomem_no_leak(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_f");
	size_t len = 64 << 10;
	unsigned long slab, pages;
	int n, failures = 0;
	ssize_t err;
	bool fired;

	KUNIT_ASSERT_NOT_NULL(test, cd);
	KUNIT_ASSERT_EQ(test, cache_cycle(cd, cd->buf, len), 0);	/* warm the caches */
	kmem_cache_shrink_all();
	slab = slab_allocated_bytes();
	pages = nr_free_pages();
	for (n = 0; n < 500; n++) {
		alloc_fail_after(n);
		err = cache_cycle(cd, cd->buf, len);
		fired = !alloc_fail_armed();
		alloc_fail_off();
		if (!fired) {
			KUNIT_EXPECT_EQ(test, err, 0);
			break;
		}
		failures++;
		/* Failed, short (the next page could not be had), or met after all. */
		KUNIT_EXPECT_TRUE(test, err == -ENOMEM || (err >= 0 && err < (ssize_t)len));
	}
	KUNIT_EXPECT_LT(test, n, 500);
	KUNIT_EXPECT_GT(test, failures, 5);
	KUNIT_EXPECT_EQ(test, cd->disk->bd_nr_pages, 0);
	kmem_cache_shrink_all();
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
	cache_dev_del(cd);
}

/* Write @pages pages from @cd->buf at 0, a page per call: 0, or the first failure. */
static ssize_t write_pages(struct cache_dev *cd, unsigned int pages)
{
	ssize_t err = 0;

	for (unsigned int i = 0; i < pages && !err; i++)
		err = cache_rw(cd, i * 4096, cd->buf + i * 4096, 4096, true);
	return err;
}

/* Whether @disk's flusher leaves nothing dirty and stops within about three seconds. */
static bool flushed(struct gendisk *disk)
{
	for (int i = 0; i < 300; i++) {
		if (!READ_ONCE(disk->bd_nr_dirty)) {
			flush_work(&disk->bd_wb_work);
			if (!READ_ONCE(disk->bd_nr_dirty))
				return true;
		}
		msleep(10);
	}
	return false;
}

static void bdev_cache_background_writeback(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_g");

	KUNIT_ASSERT_NOT_NULL(test, cd);
	cd->disk->bd_dirty_background = 8;
	fill(cd->buf, 32 * 4096, 6);
	/*
	 * The flusher starts at the eighth dirty page but takes none before
	 * all are written: on another CPU a pass could otherwise end between
	 * two pages, leaving the last ones dirty and fewer than the
	 * threshold, so that nothing starts it again (at 4 CPUs on arm,
	 * pages 25-31 stayed dirty).
	 */
	mutex_lock(&cd->disk->bd_wb_lock);
	KUNIT_EXPECT_EQ(test, write_pages(cd, 32), 0);
	mutex_unlock(&cd->disk->bd_wb_lock);
	/* No fsync: the flusher started at the eighth dirty page. */
	KUNIT_EXPECT_TRUE(test, flushed(cd->disk));
	KUNIT_EXPECT_GT(test, cd->writes, 0);
	KUNIT_EXPECT_MEMEQ(test, cd->store, cd->buf, 32 * 4096);
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), 0);
	KUNIT_EXPECT_MEMEQ(test, cd->store, cd->buf, 32 * 4096);
	cache_dev_del(cd);
}

struct bg_writer {
	struct cache_dev *cd;
	ssize_t ret;
	bool finished;
	struct completion done;
};

static int bg_writer_fn(void *data)
{
	struct bg_writer *w = data;

	w->ret = write_pages(w->cd, 64);
	WRITE_ONCE(w->finished, true);
	complete(&w->done);
	return 0;
}

static void bdev_cache_dirty_limit_throttles(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_h");
	struct bg_writer w = { .cd = cd };
	struct task_struct *k;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, cd);
	cd->disk->bd_dirty_background = 4;
	cd->disk->bd_dirty_limit = 8;
	fill(cd->buf, 64 * 4096, 7);
	init_completion(&w.done);
	mutex_lock(&cd->disk->bd_wb_lock);	/* the flusher cannot take a page */
	k = kthread_run(bg_writer_fn, &w, "bcache_writer");
	if (IS_ERR(k)) {
		mutex_unlock(&cd->disk->bd_wb_lock);
		cache_dev_del(cd);
		KUNIT_FAIL(test, "no writer thread");
		return;
	}
	for (i = 0; i < 300 && READ_ONCE(cd->disk->bd_nr_dirty) < 8 && !READ_ONCE(w.finished); i++)
		msleep(10);
	msleep(20);
	/* Held at the limit: waiting, not failed, nothing written yet. */
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w.finished));
	KUNIT_EXPECT_EQ(test, READ_ONCE(cd->disk->bd_nr_dirty), 8);
	KUNIT_EXPECT_EQ(test, cd->writes, 0);
	mutex_unlock(&cd->disk->bd_wb_lock);
	wait_for_completion(&w.done);
	KUNIT_EXPECT_EQ(test, w.ret, 0);
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), 0);
	KUNIT_EXPECT_MEMEQ(test, cd->store, cd->buf, 64 * 4096);
	cache_dev_del(cd);
}

static void bdev_cache_background_eio_once(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_i");

	KUNIT_ASSERT_NOT_NULL(test, cd);
	cd->disk->bd_dirty_background = 16;
	cd->bad = 10 * 8;	/* the first sector of page 10 */
	KUNIT_EXPECT_EQ(test, write_pages(cd, 16), 0);
	/* The flusher met the error; the next fsync reports it, once. */
	KUNIT_EXPECT_TRUE(test, flushed(cd->disk));
	KUNIT_EXPECT_EQ(test, cd->writes, 1);
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), -EIO);
	KUNIT_EXPECT_EQ(test, sync_blockdev(cd->disk->part0), 0);
	KUNIT_EXPECT_EQ(test, cd->writes, 1);
	cache_dev_del(cd);
}

static void bdev_cache_last_close_clean(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_j");

	KUNIT_ASSERT_NOT_NULL(test, cd);
	cd->disk->bd_dirty_background = 4;	/* the flusher runs meanwhile */
	fill(cd->buf, 48 * 4096, 8);
	KUNIT_EXPECT_EQ(test, write_pages(cd, 48), 0);
	blkdev_flush_mapping(cd->disk->part0);
	KUNIT_EXPECT_EQ(test, cd->disk->bd_nr_dirty, 0);
	KUNIT_EXPECT_EQ(test, cd->disk->bd_nr_pages, 0);
	KUNIT_EXPECT_MEMEQ(test, cd->store, cd->buf, 48 * 4096);
	cache_dev_del(cd);
}

static void bdev_cache_flusher_enomem_retries(struct kunit *test)
{
	struct cache_dev *cd = cache_dev_add("bcache_k");
	unsigned long slab, pages, failed;

	KUNIT_ASSERT_NOT_NULL(test, cd);
	fill(cd->buf, 16 * 4096, 9);
	KUNIT_ASSERT_EQ(test, write_pages(cd, 16), 0);	/* warm the caches */
	invalidate_disk_buffers(cd->disk);
	kmem_cache_shrink_all();
	slab = slab_allocated_bytes();
	pages = nr_free_pages();
	KUNIT_EXPECT_EQ(test, write_pages(cd, 16), 0);	/* under the threshold */
	cd->writes = 0;
	failed = alloc_fail_count();
	alloc_fail_after(0);	/* the flusher's bio */
	disk_start_background_writeback(cd->disk);
	KUNIT_EXPECT_TRUE(test, flushed(cd->disk));
	KUNIT_EXPECT_FALSE(test, alloc_fail_armed());
	alloc_fail_off();
	KUNIT_EXPECT_EQ(test, alloc_fail_count(), failed + 1);
	KUNIT_EXPECT_EQ(test, cd->writes, 1);	/* the retry, whole */
	KUNIT_EXPECT_MEMEQ(test, cd->store, cd->buf, 16 * 4096);
	invalidate_disk_buffers(cd->disk);
	kmem_cache_shrink_all();
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
	cache_dev_del(cd);
}

static struct kunit_case bdev_cache_cases[] = {
	KUNIT_CASE(bdev_cache_lookup),
	KUNIT_CASE(bdev_cache_readahead),
	KUNIT_CASE(bdev_cache_readahead_async),
	KUNIT_CASE(bdev_cache_writeback_batched),
	KUNIT_CASE(bdev_cache_evict_keeps_dirty),
	KUNIT_CASE(bdev_cache_eio),
	KUNIT_CASE(bdev_cache_enomem_no_leak),
	KUNIT_CASE(bdev_cache_background_writeback),
	KUNIT_CASE(bdev_cache_dirty_limit_throttles),
	KUNIT_CASE(bdev_cache_background_eio_once),
	KUNIT_CASE(bdev_cache_last_close_clean),
	KUNIT_CASE(bdev_cache_flusher_enomem_retries),
	{}
};

static struct kunit_suite bdev_cache_suite = {
	.name = "bdev_cache",
	.test_cases = bdev_cache_cases,
};
kunit_test_suites(&bdev_cache_suite);
