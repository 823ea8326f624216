// SPDX-License-Identifier: GPL-2.0-only
/*
 * Buffer heads (see linux/buffer_head.h): blocks of a file system's size
 * on the pages of the disk's cache (block/bdev_cache.c). Each page keeps
 * the buffers made on it in a list, freed with the page; a buffer in use
 * holds one reference to its page per reference to itself.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/bio.h>
#include <linux/buffer_head.h>
#include <linux/fs.h>

static unsigned int bh_offset(struct buffer_head *bh)
{
	return ((u64)bh->b_blocknr * bh->b_size) & (PAGE_SIZE - 1);
}

/* The buffer of @blocknr and @size on @p, referenced, or NULL; bd_cache_lock held. */
static struct buffer_head *find_get_bh(struct bdev_page *p, sector_t blocknr, size_t size)
{
	struct buffer_head *bh;

	for (bh = p->bhs; bh; bh = bh->b_next) {
		if (bh->b_blocknr == blocknr && bh->b_size == size) {
			atomic_inc(&bh->b_count);
			return bh;
		}
	}
	return NULL;
}

struct buffer_head *__getblk(struct block_device *bdev, sector_t block, unsigned int size)
{
	struct gendisk *disk = bdev->bd_disk;
	sector_t blocknr, per_block = size >> SECTOR_SHIFT;
	struct buffer_head *bh, *new;
	struct bdev_page *p;

	if (size < bdev_logical_block_size(bdev) || size > PAGE_SIZE || !is_power_of_2(size) ||
	    block >= bdev_nr_sectors(bdev) / per_block || bdev->bd_start_sect % per_block)
		return NULL;
	blocknr = block + bdev->bd_start_sect / per_block;
	p = bdev_page_get(disk, ((u64)blocknr * size) >> PAGE_SHIFT);
	if (!p)
		return NULL;
	spin_lock(&disk->bd_cache_lock);
	bh = find_get_bh(p, blocknr, size);
	spin_unlock(&disk->bd_cache_lock);
	if (bh)
		return bh;	/* with the page's reference */

	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new) {
		bdev_page_put(disk, p);
		return NULL;
	}
	new->b_disk = disk;
	new->b_page = p;
	new->b_blocknr = blocknr;
	new->b_size = size;
	new->b_data = (char *)bdev_page_address(p) + bh_offset(new);
	atomic_set(&new->b_count, 1);
	mutex_init(&new->b_lock);
	spin_lock(&disk->bd_cache_lock);
	bh = find_get_bh(p, blocknr, size);	/* someone else was quicker */
	if (!bh) {
		new->b_next = p->bhs;
		p->bhs = new;
		bh = new;
		new = NULL;
	}
	spin_unlock(&disk->bd_cache_lock);
	kfree(new);
	return bh;
}

bool buffer_uptodate(struct buffer_head *bh)
{
	return bdev_page_uptodate(bh->b_disk, bh->b_page, bh_offset(bh), bh->b_size);
}

int bh_read(struct buffer_head *bh)
{
	struct bdev_page *p = bh->b_page;
	int err;

	if (buffer_uptodate(bh))
		return 0;
	bdev_page_lock(bh->b_disk, p);
	err = bdev_page_read(bh->b_disk, p, bh_offset(bh), bh->b_size, 1);
	bdev_page_unlock(bh->b_disk, p);
	return err;
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
	if (!bh)
		return;
	WARN_ON(atomic_dec_return(&bh->b_count) < 0);
	bdev_page_put(bh->b_disk, bh->b_page);
}

void mark_buffer_dirty(struct buffer_head *bh)
{
	WARN_ON(!buffer_uptodate(bh));
	bh->b_dirty = true;
}

/*
 * The page's blocks become dirty only here, after the holder's changes:
 * a write-back between mark_buffer_dirty() and them would otherwise
 * leave them clean and unwritten.
 */
void unlock_buffer(struct buffer_head *bh)
{
	if (bh->b_dirty) {
		bh->b_dirty = false;
		bdev_page_dirty(bh->b_disk, bh->b_page, bh_offset(bh), bh->b_size);
	}
	mutex_unlock(&bh->b_lock);
}

int sync_dirty_buffer(struct buffer_head *bh)
{
	return bdev_writeback(bh->b_disk, bh->b_page->index, bh->b_page->index);
}

int sync_blockdev(struct block_device *bdev)
{
	struct gendisk *disk = bdev->bd_disk;
	int err = bdev_writeback(disk, 0, ULONG_MAX);
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
	sb->s_blocksize = size;
	sb->s_blocksize_bits = ilog2_u64(size);
	return size;
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
