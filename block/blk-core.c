// SPDX-License-Identifier: GPL-2.0-only
/*
 * Submitting a bio: check it against its device, remap a partition's bio
 * to the whole disk, and keep count of the bios inside the driver so that
 * del_gendisk() can wait for them (blk_queue_enter/exit).
 */
#include <linux/kernel.h>
#include <linux/blkdev.h>
#include "blk.h"

int blk_status_to_errno(blk_status_t status)
{
	switch (status) {
	case BLK_STS_OK:
		return 0;
	case BLK_STS_NOTSUPP:
		return -EOPNOTSUPP;
	case BLK_STS_RESOURCE:
	case BLK_STS_DEV_RESOURCE:
		return -ENOMEM;
	case BLK_STS_NOSPC:
		return -ENOSPC;
	case BLK_STS_OFFLINE:
		return -ENODEV;
	default:
		return -EIO;
	}
}

int blk_queue_enter(struct request_queue *q)
{
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&q->lock, flags);
	if (q->dying)
		err = -ENODEV;
	else
		q->nr_active++;
	spin_unlock_irqrestore(&q->lock, flags);
	return err;
}

void blk_queue_exit(struct request_queue *q)
{
	unsigned long flags;

	/* Wake under the lock: once nr_active is 0 and the lock is free, q may go. */
	spin_lock_irqsave(&q->lock, flags);
	if (!--q->nr_active)
		wake_up_all(&q->drain_wq);
	spin_unlock_irqrestore(&q->lock, flags);
}

static bool queue_drained(struct request_queue *q)
{
	unsigned long flags;
	bool drained;

	spin_lock_irqsave(&q->lock, flags);
	drained = q->nr_active == 0;
	spin_unlock_irqrestore(&q->lock, flags);
	return drained;
}

void blk_queue_start_drain(struct request_queue *q)
{
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	q->dying = true;
	spin_unlock_irqrestore(&q->lock, flags);
	wait_event(q->drain_wq, queue_drained(q));
}

/* A read or write must be whole aligned logical blocks inside the device. */
static bool bio_in_bounds(struct bio *bio)
{
	struct block_device *bdev = bio->bi_bdev;
	unsigned int mask = bdev_logical_block_size(bdev) - 1;
	sector_t nr = bio->bi_size >> SECTOR_SHIFT;

	if ((bio->bi_size & mask) || ((bio->bi_sector << SECTOR_SHIFT) & mask))
		return false;
	return bio->bi_sector <= bdev->bd_nr_sectors &&
	       nr <= bdev->bd_nr_sectors - bio->bi_sector;
}

void submit_bio(struct bio *bio)
{
	struct block_device *bdev = bio->bi_bdev;
	struct request_queue *q = bdev->bd_disk->queue;
	enum req_op op = bio_op_of(bio->bi_opf);

	bio->bi_status = BLK_STS_OK;
	if (op == REQ_OP_FLUSH) {
		if (bio->bi_size) {
			bio_io_error(bio);
			return;
		}
		if (!(q->limits.features & BLK_FEAT_WRITE_CACHE)) {
			bio_endio(bio);		/* nothing volatile to flush */
			return;
		}
	} else if (op != REQ_OP_READ && op != REQ_OP_WRITE) {
		bio->bi_status = BLK_STS_NOTSUPP;
		bio_endio(bio);
		return;
	} else if (!bio_in_bounds(bio)) {
		bio_io_error(bio);
		return;
	} else if (!bio->bi_size) {
		bio_endio(bio);
		return;
	} else if (bio_needs_split(q, bio)) {
		bio_submit_split(bio);
		return;
	}
	if (blk_queue_enter(q)) {
		bio->bi_status = BLK_STS_OFFLINE;
		bio_endio(bio);
		return;
	}
	bio->bi_sector += bdev->bd_start_sect;
	bio->bi_bdev = bdev->bd_disk->part0;
	blk_mq_submit_bio(q, bio);	/* ends with blk_queue_exit() */
}
