/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The buffer cache: one disk block in memory per struct buffer_head,
 * shared by every user of the disk (its partitions included). Block
 * numbers are in units of the buffer size, relative to the block device
 * given; the size is a power of two from that device's logical block size
 * to PAGE_SIZE (a partition must start on a multiple of it). Buffers of
 * different sizes over the same bytes are not kept coherent: a file system
 * picks one size (sb_set_blocksize(), which drops the others) and holds
 * its device exclusively.
 *
 *	bh = __bread(bdev, nr, size);	// read if not cached; NULL on error
 *	... bh->b_data ...
 *	mark_buffer_dirty(bh);		// written back later
 *	brelse(bh);
 *
 * Dirty buffers are written back by sync_dirty_buffer(), sync_blockdev()
 * (fsync of a block device, with a flush), sync(2), and when the disk's
 * cache grows past BH_CACHE_MAX buffers (the least recently used
 * unreferenced buffer is written back and freed). A write-back that fails
 * is remembered and returned by the next sync_blockdev() of the disk.
 *
 * Locking: lock_buffer() (a mutex) serialises the I/O and the use of
 * b_data; the cache's list is under the disk's bd_buffer_lock. All
 * functions may sleep except brelse() and mark_buffer_dirty(). Lock
 * order: bd_buffer_lock is never held while taking a buffer's lock.
 */
#ifndef _LINUX_BUFFER_HEAD_H
#define _LINUX_BUFFER_HEAD_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/blkdev.h>
#include <linux/fs.h>

#define BH_CACHE_MAX	256	/* buffers per disk before write-back and eviction */

struct buffer_head {
	struct gendisk *b_disk;
	sector_t b_blocknr;		/* on the whole disk, in b_size units */
	size_t b_size;
	char *b_data;
	atomic_t b_count;		/* users; 0: the cache may free it */
	struct mutex b_lock;		/* lock_buffer(): b_data and the flags below */
	bool b_uptodate;		/* b_data holds the block's contents */
	bool b_dirty;			/* b_data is newer than the disk */
	struct list_head b_lru;		/* in the disk's cache */
};

static inline void lock_buffer(struct buffer_head *bh)
{
	mutex_lock(&bh->b_lock);
}

static inline void unlock_buffer(struct buffer_head *bh)
{
	mutex_unlock(&bh->b_lock);
}

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

/* mark_buffer_dirty() - @bh (up to date, locked) must be written back. Never sleeps. */
void mark_buffer_dirty(struct buffer_head *bh);

/* sync_dirty_buffer() - write @bh now if dirty. Returns 0 or -errno. */
int sync_dirty_buffer(struct buffer_head *bh);

/*
 * sync_blockdev() - write back every dirty buffer of @bdev's disk and
 * flush the device. Returns 0, or the first error of a write-back since
 * the last call (then cleared).
 */
int sync_blockdev(struct block_device *bdev);

/*
 * invalidate_disk_buffers() - write back (errors dropped) and free every
 * unreferenced buffer of @disk, dirty or not: one that could not be
 * written (-ENOMEM) is lost. Sleeps.
 */
void invalidate_disk_buffers(struct gendisk *disk);

#endif /* _LINUX_BUFFER_HEAD_H */
