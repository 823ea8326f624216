// SPDX-License-Identifier: GPL-2.0-only
/*
 * The buffer cache (see linux/buffer_head.h): per disk, a list of buffers
 * in least-recently-used order under the disk's bd_buffer_lock. Lookup is
 * a walk of that list, which BH_CACHE_MAX keeps short. I/O on a buffer is
 * one bio of one segment, under the buffer's lock.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/bio.h>
#include <linux/buffer_head.h>
#include <linux/fs.h>

static void free_buffer(struct buffer_head *bh)
{
	kfree(bh->b_data);
	kfree(bh);
}

static struct buffer_head *lookup_locked(struct gendisk *disk, sector_t blocknr, size_t size)
{
	struct buffer_head *bh;

	list_for_each_entry(bh, &disk->bd_buffers, b_lru) {
		if (bh->b_blocknr == blocknr && bh->b_size == size) {
			atomic_inc(&bh->b_count);
			list_move_tail(&bh->b_lru, &disk->bd_buffers);
			return bh;
		}
	}
	return NULL;
}

/* One bio for the whole of @bh; @bh locked. */
static int bh_submit(struct buffer_head *bh, unsigned int op)
{
	struct gendisk *disk = bh->b_disk;
	struct bio *bio = bio_alloc(disk->part0, 1, op, GFP_KERNEL);
	int err;

	if (!bio)
		return -ENOMEM;
	bio->bi_sector = bh->b_blocknr * (bh->b_size >> SECTOR_SHIFT);
	bio_add_page(bio, virt_to_page(bh->b_data), bh->b_size, offset_in_page(bh->b_data));
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}

int bh_read(struct buffer_head *bh)
{
	int err;

	if (bh->b_uptodate)
		return 0;
	err = bh_submit(bh, REQ_OP_READ);
	if (!err)
		bh->b_uptodate = true;
	return err;
}

/* Write @bh if dirty; @bh locked. A failure is kept for the next sync_blockdev(). */
static int write_locked(struct buffer_head *bh)
{
	int err;

	if (!bh->b_dirty)
		return 0;
	err = bh_submit(bh, REQ_OP_WRITE);
	if (err == -ENOMEM)
		return err;	/* still dirty: try again later */
	bh->b_dirty = false;
	if (err)
		atomic_cmpxchg(&bh->b_disk->bd_wb_err, 0, err);
	return err;
}

int sync_dirty_buffer(struct buffer_head *bh)
{
	int err;

	lock_buffer(bh);
	err = write_locked(bh);
	unlock_buffer(bh);
	return err;
}

/*
 * Bring the cache of @disk down to @max buffers: free unreferenced ones,
 * least recently used first, writing dirty ones back first unless
 * @drop_dirty.
 */
static void shrink_cache(struct gendisk *disk, unsigned int max, bool drop_dirty)
{
	struct buffer_head *bh, *victim;

	mutex_lock(&disk->bd_buffer_lock);
	while (disk->bd_nr_buffers > max) {
		victim = NULL;
		list_for_each_entry(bh, &disk->bd_buffers, b_lru) {
			if (!atomic_read(&bh->b_count)) {
				victim = bh;
				break;
			}
		}
		if (!victim)
			break;
		if (!drop_dirty && READ_ONCE(victim->b_dirty)) {
			atomic_inc(&victim->b_count);
			mutex_unlock(&disk->bd_buffer_lock);
			sync_dirty_buffer(victim);
			mutex_lock(&disk->bd_buffer_lock);
			atomic_dec(&victim->b_count);
			if (READ_ONCE(victim->b_dirty))
				break;	/* cannot be written now (-ENOMEM): keep it */
			continue;	/* look again: the list may have changed */
		}
		list_del(&victim->b_lru);
		disk->bd_nr_buffers--;
		free_buffer(victim);
	}
	mutex_unlock(&disk->bd_buffer_lock);
}

struct buffer_head *__getblk(struct block_device *bdev, sector_t block, unsigned int size)
{
	struct gendisk *disk = bdev->bd_disk;
	sector_t blocknr, per_block = size >> SECTOR_SHIFT;
	struct buffer_head *bh, *old;

	if (size < bdev_logical_block_size(bdev) || size > PAGE_SIZE || !is_power_of_2(size) ||
	    block >= bdev_nr_sectors(bdev) / per_block || bdev->bd_start_sect % per_block)
		return NULL;
	blocknr = block + bdev->bd_start_sect / per_block;
	mutex_lock(&disk->bd_buffer_lock);
	bh = lookup_locked(disk, blocknr, size);
	mutex_unlock(&disk->bd_buffer_lock);
	if (bh)
		return bh;

	bh = kzalloc(sizeof(*bh), GFP_KERNEL);
	if (!bh)
		return NULL;
	bh->b_data = kzalloc(size, GFP_KERNEL);	/* power of two: within one page */
	if (!bh->b_data) {
		kfree(bh);
		return NULL;
	}
	bh->b_disk = disk;
	bh->b_blocknr = blocknr;
	bh->b_size = size;
	atomic_set(&bh->b_count, 1);
	mutex_init(&bh->b_lock);
	mutex_lock(&disk->bd_buffer_lock);
	old = lookup_locked(disk, blocknr, size);	/* someone else was quicker */
	if (!old) {
		list_add_tail(&bh->b_lru, &disk->bd_buffers);
		disk->bd_nr_buffers++;
	}
	mutex_unlock(&disk->bd_buffer_lock);
	if (old) {
		free_buffer(bh);
		return old;
	}
	if (disk->bd_nr_buffers > BH_CACHE_MAX)
		shrink_cache(disk, BH_CACHE_MAX, false);
	return bh;
}

struct buffer_head *__bread(struct block_device *bdev, sector_t block, unsigned int size)
{
	struct buffer_head *bh = __getblk(bdev, block, size);
	int err;

	if (!bh)
		return NULL;
	lock_buffer(bh);
	err = bh_read(bh);
	unlock_buffer(bh);
	if (err) {
		brelse(bh);
		return NULL;
	}
	return bh;
}

void brelse(struct buffer_head *bh)
{
	if (bh)
		WARN_ON(atomic_dec_return(&bh->b_count) < 0);
}

void mark_buffer_dirty(struct buffer_head *bh)
{
	WARN_ON(!bh->b_uptodate);
	bh->b_dirty = true;
}

/* Write back every dirty buffer of @disk; returns the first error. */
static int write_disk_buffers(struct gendisk *disk)
{
	struct buffer_head *bh;
	int err, ret = 0;
	bool again = true;

	/* The list may change while a buffer is written: start over until clean. */
	while (again) {
		again = false;
		mutex_lock(&disk->bd_buffer_lock);
		list_for_each_entry(bh, &disk->bd_buffers, b_lru) {
			if (!READ_ONCE(bh->b_dirty))
				continue;
			atomic_inc(&bh->b_count);
			mutex_unlock(&disk->bd_buffer_lock);
			err = sync_dirty_buffer(bh);
			brelse(bh);
			if (err && !ret)
				ret = err;
			again = err != -ENOMEM;
			mutex_lock(&disk->bd_buffer_lock);
			break;
		}
		mutex_unlock(&disk->bd_buffer_lock);
	}
	return ret;
}

int sync_blockdev(struct block_device *bdev)
{
	struct gendisk *disk = bdev->bd_disk;
	int err = write_disk_buffers(disk);
	int wb_err = atomic_xchg(&disk->bd_wb_err, 0);
	int flush_err = blkdev_issue_flush(bdev);

	if (err == -ENOMEM)
		return err;
	return wb_err ? wb_err : flush_err;
}

int sb_set_blocksize(struct super_block *sb, int size)
{
	struct block_device *bdev = sb->s_bdev;

	if (size < (int)bdev_logical_block_size(bdev) || size > (int)PAGE_SIZE ||
	    !is_power_of_2(size) || bdev->bd_start_sect % (size >> SECTOR_SHIFT))
		return 0;
	if (sb->s_blocksize != (unsigned long)size) {
		/* Buffers of the old size would alias the new ones: write back, drop. */
		sync_blockdev(bdev);
		shrink_cache(bdev->bd_disk, 0, false);
	}
	sb->s_blocksize = size;
	sb->s_blocksize_bits = ilog2_u64(size);
	return size;
}

void invalidate_disk_buffers(struct gendisk *disk)
{
	write_disk_buffers(disk);
	shrink_cache(disk, 0, true);
}

int blkdev_issue_flush(struct block_device *bdev)
{
	struct bio *bio = bio_alloc(bdev, 0, REQ_OP_FLUSH, GFP_KERNEL);
	int err;

	if (!bio)
		return -ENOMEM;
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}
