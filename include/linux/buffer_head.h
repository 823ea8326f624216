/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The cache of a disk's pages, and the buffer heads on them.
 *
 * Each disk (its partitions included) has one cache of page-sized pieces
 * of the whole disk, struct bdev_page, found by page number in a red-black
 * tree (ordered, so that write-back and read-ahead see neighbours). A page
 * keeps, per logical block, whether it holds the disk's bytes (uptodate)
 * and whether it is newer than the disk (dirty; a dirty block is up to
 * date). Block device files (block/fops.c) copy through these pages,
 * reading ahead on sequential reads; file systems use buffer heads.
 *
 * A buffer head is one block of a file system's size (a power of two from
 * the device's logical block size to PAGE_SIZE; a partition must start on
 * a multiple of it) on a cache page: its b_data points into the page, so
 * buffers of different sizes over the same bytes see the same bytes.
 * Block numbers are in units of the buffer size, relative to the block
 * device given.
 *
 *	bh = __bread(bdev, nr, size);	// read if not cached; NULL on error
 *	lock_buffer(bh);
 *	... bh->b_data ...
 *	mark_buffer_dirty(bh);		// written back later
 *	unlock_buffer(bh);		// the page's blocks become dirty here
 *	brelse(bh);
 *
 * Write-back gathers the dirty blocks of consecutive pages into bios of
 * up to BDEV_BIO_PAGES pages, submits them all, then waits: in the
 * background once the disk has bd_dirty_background dirty pages (its
 * flusher, block/bdev_writeback.c), at sync_dirty_buffer(),
 * sync_blockdev() (fsync of a block device, with a flush), sync(2), and
 * when the cache passes the disk's bd_cache_max pages (a quarter of
 * memory) and freeing the least recently used unreferenced clean pages
 * is not enough: then every dirty page is written back first. Nothing
 * dirty is dropped except by invalidate_disk_buffers() when a write-back
 * cannot be done. A write-back that fails is remembered and returned by
 * the next sync_blockdev() of the disk.
 *
 * Locking: the disk's bd_cache_lock (a spinlock) guards its tree, LRU
 * list and count, and each page's state, reference count and buffer
 * list. A page's lock serialises filling it from the disk and copying
 * into it through block device files: a flag and the disk's wait queue,
 * as Linux's folio lock, for read-ahead holds hundreds of them (too many
 * for lockdep). lock_buffer() serialises the use of one buffer's b_data.
 * Order: a buffer's lock, then its page's lock; several page locks only
 * by bdev_page_trylock(), in index order. Write-back takes
 * none of them (a block changed while it is written is dirty again), but
 * one write-back at a time per disk (bd_wb_lock). All functions may
 * sleep except brelse(), mark_buffer_dirty(), unlock_buffer(),
 * buffer_uptodate(), bdev_page_put(), bdev_page_trylock() and
 * bdev_page_unlock().
 */
#ifndef _LINUX_BUFFER_HEAD_H
#define _LINUX_BUFFER_HEAD_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/blkdev.h>
#include <linux/fs.h>

#define BDEV_BIO_PAGES	256	/* pages per bio of write-back or read-ahead (1 MiB) */

struct bdev_page {
	struct rb_node node;		/* in the disk's bd_pages, by index */
	struct list_head lru;		/* in the disk's bd_lru, least recently used first */
	struct list_head wb;		/* on the running write-back's list */
	struct list_head ra;		/* on a read-ahead's list (page locked) */
	unsigned long index;		/* page number on the whole disk */
	struct page *page;
	unsigned long uptodate;		/* bit n: logical block n holds the disk's bytes */
	unsigned long dirty;		/* bit n: block n is newer than the disk */
	unsigned long wb_mask;		/* the dirty bits the running write-back took */
	unsigned int count;		/* references: users, buffers in use, I/O */
	bool locked;			/* bdev_page_lock(): filling it, copying into it */
	bool readahead;			/* reaching it starts the next read-ahead (PG_readahead) */
	struct buffer_head *bhs;	/* buffer heads on the page, through b_next */
};

struct buffer_head {
	struct gendisk *b_disk;
	struct bdev_page *b_page;	/* holding b_data; referenced while b_count > 0 */
	struct buffer_head *b_next;	/* on b_page */
	sector_t b_blocknr;		/* on the whole disk, in b_size units */
	size_t b_size;
	char *b_data;
	atomic_t b_count;		/* users; 0: the cache may free it with its page */
	struct mutex b_lock;		/* lock_buffer(): b_data and b_dirty */
	bool b_dirty;			/* marked dirty since lock_buffer() */
};

/*
 * bdev_page_get() - page @index of @disk's cache, referenced (put it with
 * bdev_page_put()), added (nothing up to date) if it was not there; may
 * write back and free others first (see above). NULL on -ENOMEM or an
 * @index past the end of the disk. Sleeps.
 */
struct bdev_page *bdev_page_get(struct gendisk *disk, unsigned long index);

/* bdev_page_put() - drop a reference from bdev_page_get(). Never sleeps. */
void bdev_page_put(struct gendisk *disk, struct bdev_page *p);

/*
 * bdev_page_lock() - lock @p (referenced) for filling or copying into it,
 * waiting while someone else has it; bdev_page_trylock() does not wait
 * (returns whether it locked); bdev_page_unlock() releases it.
 */
void bdev_page_lock(struct gendisk *disk, struct bdev_page *p);
bool bdev_page_trylock(struct gendisk *disk, struct bdev_page *p);
void bdev_page_unlock(struct gendisk *disk, struct bdev_page *p);

/*
 * bdev_page_read() - make the blocks of @p covering bytes [@off, @off +
 * @len) up to date, @p locked by the caller. When @p holds nothing yet,
 * up to @ra - 1 following pages that hold nothing and are not locked are
 * read with it (read-ahead), in one bio; if that fails, only the blocks
 * asked for are read again. Returns 0 or -errno (-EIO, -ENODEV, -ENOMEM).
 */
int bdev_page_read(struct gendisk *disk, struct bdev_page *p, unsigned int off,
		   unsigned int len, unsigned int ra);

/*
 * bdev_page_uptodate() - whether the blocks of @p covering [@off, @off +
 * @len) hold the disk's bytes. Never sleeps.
 */
bool bdev_page_uptodate(struct gendisk *disk, struct bdev_page *p, unsigned int off,
			unsigned int len);

/*
 * bdev_page_dirty() - the blocks of @p covering [@off, @off + @len) are
 * up to date and newer than the disk (their bytes were written in full,
 * or they were up to date before). Never sleeps.
 */
void bdev_page_dirty(struct gendisk *disk, struct bdev_page *p, unsigned int off,
		     unsigned int len);

/*
 * bdev_writeback() - write the dirty blocks of pages @first..@last of
 * @disk, in as few bios as they make, all in flight at once, and wait.
 * Returns 0, -ENOMEM (the blocks not written stay dirty) or the device's
 * error (those blocks are clean; the error is also kept for the next
 * sync_blockdev()). Sleeps.
 */
int bdev_writeback(struct gendisk *disk, unsigned long first, unsigned long last);

static inline void *bdev_page_address(struct bdev_page *p)
{
	return page_address(p->page);
}

static inline void lock_buffer(struct buffer_head *bh)
{
	mutex_lock(&bh->b_lock);
}

/* unlock_buffer() - release lock_buffer(); a buffer marked dirty makes its blocks dirty. */
void unlock_buffer(struct buffer_head *bh);

/* buffer_uptodate() - whether b_data holds the block's bytes. Never sleeps. */
bool buffer_uptodate(struct buffer_head *bh);

/*
 * __getblk() - the cached buffer of block @block of @bdev, with a
 * reference, not read (check buffer_uptodate()). Returns NULL on -ENOMEM
 * or when @size is not a possible size (see above) or @block is past the
 * end.
 */
struct buffer_head *__getblk(struct block_device *bdev, sector_t block, unsigned int size);

/*
 * bh_read() - read @bh from the disk unless it is up to date; @bh locked
 * by the caller. Returns 0 or -errno (-EIO, -ENXIO, -ENOMEM).
 */
int bh_read(struct buffer_head *bh);

/* __bread() - __getblk() then bh_read(); NULL on any error. */
struct buffer_head *__bread(struct block_device *bdev, sector_t block, unsigned int size);

/*
 * sb_bread() - block @block (in s_blocksize units) of @sb's device, read;
 * NULL on error (-EIO, -ENOMEM, or past the end of the device). Sleeps.
 */
static inline struct buffer_head *sb_bread(struct super_block *sb, sector_t block)
{
	return __bread(sb->s_bdev, block, sb->s_blocksize);
}

/* brelse() - drop a reference (NULL is fine). Never sleeps. */
void brelse(struct buffer_head *bh);

/*
 * mark_buffer_dirty() - @bh (up to date, locked) must be written back;
 * its blocks become dirty at unlock_buffer(), after the caller's changes.
 * Never sleeps.
 */
void mark_buffer_dirty(struct buffer_head *bh);

/*
 * sync_dirty_buffer() - write @bh's page now if it is dirty; @bh not
 * locked. Returns 0 or -errno.
 */
int sync_dirty_buffer(struct buffer_head *bh);

/*
 * sync_blockdev() - write back every dirty block of @bdev's disk and
 * flush the device. Returns 0, or the first error of a write-back since
 * the last call (then cleared).
 */
int sync_blockdev(struct block_device *bdev);

/*
 * invalidate_disk_buffers() - write back (errors dropped) and free every
 * unreferenced page of @disk, dirty or not: one that could not be
 * written (-ENOMEM) is lost. Sleeps.
 */
void invalidate_disk_buffers(struct gendisk *disk);

#endif /* _LINUX_BUFFER_HEAD_H */
