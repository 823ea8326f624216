/* SPDX-License-Identifier: GPL-2.0-only */
/* What the files of block/ share and nothing else uses. */
#ifndef _BLOCK_BLK_H
#define _BLOCK_BLK_H

#include <linux/blkdev.h>

struct iov_iter;
struct bdev_page;

/* blk-mq.c: run @bio as one request of @q (entered); it ends with blk_queue_exit(). */
void blk_mq_submit_bio(struct request_queue *q, struct bio *bio);

/*
 * blk-merge.c: submit @bio (in bounds, not a flush) as several bios
 * within its queue's max_segments, in order; @bio ends when they all
 * have, with -EIO if it cannot be cut on logical block boundaries, or
 * -ENOMEM if a child cannot be allocated (the children before it still
 * run). Process context; may sleep.
 */
void bio_submit_split(struct bio *bio);

/* Whether @bio has more segments than its queue @q takes in one request. */
static inline bool bio_needs_split(struct request_queue *q, struct bio *bio)
{
	return q->limits.max_segments && bio->bi_vcnt > q->limits.max_segments;
}

/* blk-core.c: fail new I/O to @q and wait for what is inside the driver. */
void blk_queue_start_drain(struct request_queue *q);

/*
 * fops.c: copy between @iter and @bdev at *@pos through the page cache,
 * advancing *@pos; stops at the end of the device. Returns the bytes
 * copied, else -errno (-EIO, -ENODEV, -ENOMEM, -EFAULT). Sleeps.
 */
ssize_t bdev_rw_iter(struct block_device *bdev, loff_t *pos, struct iov_iter *iter, bool write);

/* fops.c: read @len bytes at @pos of @disk into @buf: 0 or -errno (-EIO if short). */
int read_disk_bytes(struct gendisk *disk, u64 pos, void *buf, size_t len);

/*
 * bdev_cache.c, at the last close of @bdev: write its disk's cache back
 * (errors wait for the next fsync) and free every clean unreferenced
 * page, as Linux drops a block device's page cache then. Sleeps.
 */
void blkdev_flush_mapping(struct block_device *bdev);

/*
 * bdev_cache.c: bdev_writeback() of at most @max_pages dirty pages (the
 * first ones from @first). Same returns. Sleeps.
 */
int __bdev_writeback(struct gendisk *disk, unsigned long first, unsigned long last,
		     unsigned long max_pages);

/*
 * bdev_cache.c: start reading pages @index.. (at most @nr, up to the
 * first that is cached or cannot be had now) without waiting, and mark
 * the first so that a reader reaching it starts the next window; the
 * pages stay locked until the read ends. Nothing is reported: a page
 * not read is read again when asked for. May sleep (allocates).
 */
void bdev_readahead(struct gendisk *disk, unsigned long index, unsigned int nr);

/* bdev_cache.c: whether @p (referenced) carries that mark, clearing it. Never sleeps. */
bool bdev_page_test_clear_readahead(struct gendisk *disk, struct bdev_page *p);

/*
 * bdev_writeback.c: the flusher of @disk's cache. disk_writeback_init()
 * sets it up (and the thresholds, from the cache's size) on a new disk;
 * disk_start_background_writeback() queues it (any context, never
 * sleeps); once started it writes the dirty pages back a batch at a time
 * until none is left, retrying after a failed allocation.
 * disk_writeback_stop() waits for it to end, when nothing can dirty the
 * cache any more (the disk's last reference is going). Sleeps.
 */
void disk_writeback_init(struct gendisk *disk);
void disk_start_background_writeback(struct gendisk *disk);
void disk_writeback_stop(struct gendisk *disk);

/*
 * bdev_writeback.c: called by a writer after dirtying a page of @disk
 * (holding no page lock): past bd_dirty_limit dirty pages it starts the
 * flusher and waits until it has taken the count back under the limit
 * (Linux's balance_dirty_pages()). Never fails. Sleeps.
 */
void balance_dirty_pages(struct gendisk *disk);

/* genhd.c: give back the numbers add_disk() picked for @disk, if it did. */
void free_ext_devt(struct gendisk *disk);

/* bdev.c: a block device of @disk, not live yet; freed by put_device(). */
struct block_device *bdev_alloc(struct gendisk *disk, u8 partno);
/* bdev.c: make @bdev (numbered and named) openable and give it a node. */
int bdev_add(struct block_device *bdev);
/* bdev.c: undo bdev_add() and drop the disk's reference. */
void bdev_del(struct block_device *bdev);

/*
 * partitions/core.c, under disk->open_mutex: add a block device for each
 * partition found on @disk (returns 0 or -ENOMEM; an unreadable or
 * unknown table adds none), or remove them all.
 */
int blk_add_partitions(struct gendisk *disk);
void blk_drop_partitions(struct gendisk *disk);

/* A partition as a table gives it, in 512-byte sectors. */
struct parsed_partition {
	sector_t from;
	sector_t size;
};

/*
 * Each reads the table through the page cache of @disk's part0, fills
 * @parts[0..max) (a zero size: no partition in that slot) and returns the
 * number of slots used, 0 if the table is not theirs, or -errno when the
 * disk cannot be read.
 */
int msdos_partition(struct gendisk *disk, struct parsed_partition *parts, int max);
int efi_partition(struct gendisk *disk, struct parsed_partition *parts, int max);

#endif /* _BLOCK_BLK_H */
