// SPDX-License-Identifier: GPL-2.0-only
/*
 * Background write-back of the disks' caches, in the shape of Linux's
 * flusher (wb_workfn() on bdi_wq) and balance_dirty_pages(): once a
 * disk's cache holds bd_dirty_background dirty pages its flusher work
 * writes them back, WB_BATCH_PAGES at a time with all their bios in
 * flight, while writers go on copying; a writer that finds
 * bd_dirty_limit dirty pages waits until the flusher has taken some.
 * Each pass holds the disk's bd_wb_lock, so fsync() (sync_blockdev())
 * waits for the batch in flight and then writes the rest itself; a
 * device error is kept in bd_wb_err for it, as any write-back's is.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/delay.h>
#include <linux/mm.h>
#include <linux/buffer_head.h>
#include "blk.h"

#define WB_BATCH_PAGES	(4 * BDEV_BIO_PAGES)	/* 4 MiB per pass */
#define WB_RETRY_MS	10	/* after a failed allocation */

/* One worker for every disk's flusher; each pass queues the next behind the others'. */
static struct workqueue_struct *bdi_wq;

static void wb_workfn(struct work_struct *work)
{
	struct gendisk *disk = container_of(work, struct gendisk, bd_wb_work);

	if (__bdev_writeback(disk, 0, ULONG_MAX, WB_BATCH_PAGES) == -ENOMEM)
		msleep(WB_RETRY_MS);	/* the pages not written are dirty still */
	if (READ_ONCE(disk->bd_nr_dirty))
		queue_work(bdi_wq, work);
}

/*
 * The thresholds, as fractions of the cache's limit (a quarter of
 * memory) where Linux's dirty_background_ratio and dirty_ratio are 10%
 * and 20% of memory: a quarter and a half of it, so that the cache can
 * always make room from clean pages.
 */
void disk_writeback_init(struct gendisk *disk)
{
	disk->bd_dirty_background = disk->bd_cache_max / 4;
	disk->bd_dirty_limit = disk->bd_cache_max / 2;
	INIT_WORK(&disk->bd_wb_work, wb_workfn);
	init_waitqueue_head(&disk->bd_dirty_wait);
}

void disk_start_background_writeback(struct gendisk *disk)
{
	if (bdi_wq)
		queue_work(bdi_wq, &disk->bd_wb_work);
}

void disk_writeback_stop(struct gendisk *disk)
{
	cancel_work_sync(&disk->bd_wb_work);
}

static bool under_limit(struct gendisk *disk)
{
	return READ_ONCE(disk->bd_nr_dirty) < READ_ONCE(disk->bd_dirty_limit);
}

void balance_dirty_pages(struct gendisk *disk)
{
	if (under_limit(disk))
		return;
	if (!bdi_wq) {		/* no flusher: write back here */
		bdev_writeback(disk, 0, ULONG_MAX);
		return;
	}
	disk_start_background_writeback(disk);
	wait_event(disk->bd_dirty_wait, under_limit(disk));
}

static int __init bdi_wq_init(void)
{
	bdi_wq = alloc_workqueue("writeback", 0, 0);
	return bdi_wq ? 0 : -ENOMEM;
}
postcore_initcall(bdi_wq_init);
