// SPDX-License-Identifier: GPL-2.0-only
/*
 * Disks: block majors, allocating a gendisk with its queue, add_disk()
 * and del_gendisk() (see linux/blkdev.h for the contracts).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mutex.h>
#include <linux/blk-mq.h>
#include <linux/buffer_head.h>
#include "blk.h"

#define BLKDEV_MAJOR_MAX	512
#define BLOCK_EXT_MAJOR		259	/* disks that asked for no major (Linux's) */

static const char *major_names[BLKDEV_MAJOR_MAX];
static DEFINE_MUTEX(major_names_lock);	/* major_names, ext_used */
static bool ext_used[256];		/* disks of BLOCK_EXT_MAJOR in use */

/* Give @disk the first free range of BLOCK_EXT_MAJOR minors. */
static int alloc_ext_devt(struct gendisk *disk)
{
	int i, err = -EBUSY;

	mutex_lock(&major_names_lock);
	for (i = 0; i < ARRAY_SIZE(ext_used); i++) {
		if (!ext_used[i]) {
			ext_used[i] = true;
			disk->major = BLOCK_EXT_MAJOR;
			disk->first_minor = i * (DISK_MAX_PARTS + 1);
			disk->ext_devt = true;
			err = 0;
			break;
		}
	}
	mutex_unlock(&major_names_lock);
	return err;
}

void free_ext_devt(struct gendisk *disk)
{
	if (!disk->ext_devt)
		return;
	mutex_lock(&major_names_lock);
	ext_used[disk->first_minor / (DISK_MAX_PARTS + 1)] = false;
	mutex_unlock(&major_names_lock);
	disk->ext_devt = false;
}

int register_blkdev(unsigned int major, const char *name)
{
	int ret = -EBUSY;

	if (major >= BLKDEV_MAJOR_MAX || !name)
		return -EINVAL;
	mutex_lock(&major_names_lock);
	if (!major) {
		for (major = 254; major > 0 && major_names[major]; major--)
			;
		if (major) {
			major_names[major] = name;
			ret = major;
		}
	} else if (!major_names[major]) {
		major_names[major] = name;
		ret = 0;
	}
	mutex_unlock(&major_names_lock);
	return ret;
}

void unregister_blkdev(unsigned int major, const char *name)
{
	mutex_lock(&major_names_lock);
	if (major < BLKDEV_MAJOR_MAX && major_names[major] &&
	    !strcmp(major_names[major], name))
		major_names[major] = NULL;
	mutex_unlock(&major_names_lock);
}

static int check_limits(struct queue_limits *lim)
{
	if (!lim->logical_block_size)
		lim->logical_block_size = SECTOR_SIZE;
	if (!lim->physical_block_size)
		lim->physical_block_size = lim->logical_block_size;
	if (!is_power_of_2(lim->logical_block_size) ||
	    lim->logical_block_size < SECTOR_SIZE || lim->logical_block_size > PAGE_SIZE ||
	    !is_power_of_2(lim->physical_block_size) ||
	    lim->physical_block_size < lim->logical_block_size ||
	    (lim->max_segment_size && lim->max_segment_size < PAGE_SIZE))
		return -EINVAL;
	return 0;
}

struct gendisk *blk_mq_alloc_disk(struct blk_mq_tag_set *set, const struct queue_limits *lim,
				  void *queuedata)
{
	struct queue_limits l = lim ? *lim : (struct queue_limits){};
	struct request_queue *q;
	struct gendisk *disk;

	if (check_limits(&l) || !set->tags)
		return ERR_PTR(-EINVAL);
	disk = kzalloc(sizeof(*disk), GFP_KERNEL);
	q = kzalloc(sizeof(*q), GFP_KERNEL);
	if (q)
		q->hctx = kzalloc(sizeof(*q->hctx), GFP_KERNEL);
	if (disk && q && q->hctx)
		disk->part0 = bdev_alloc(disk, 0);
	if (!disk || !disk->part0) {
		if (q)
			kfree(q->hctx);
		kfree(q);
		kfree(disk);
		return ERR_PTR(-ENOMEM);
	}
	q->tag_set = set;
	q->queuedata = queuedata;
	q->limits = l;
	q->disk = disk;
	spin_lock_init(&q->lock);
	init_waitqueue_head(&q->drain_wq);
	q->hctx->queue = q;
	q->hctx->driver_data = set->driver_data;
	disk->queue = q;
	disk->parts[0] = disk->part0;
	mutex_init(&disk->open_mutex);
	spin_lock_init(&disk->bd_cache_lock);
	disk->bd_pages = RB_ROOT;
	INIT_LIST_HEAD(&disk->bd_lru);
	disk->bd_cache_max = max(totalram_pages() / 4, 2UL * BDEV_BIO_PAGES);
	init_waitqueue_head(&disk->bd_page_wait);
	mutex_init(&disk->bd_wb_lock);
	disk_writeback_init(disk);
	return disk;
}

void set_capacity(struct gendisk *disk, sector_t sectors)
{
	disk->part0->bd_nr_sectors = sectors;
}

int add_disk(struct gendisk *disk)
{
	struct block_device *part0 = disk->part0;
	int err;

	if (disk->added || !disk->disk_name[0] || disk->first_minor % (DISK_MAX_PARTS + 1))
		return -EINVAL;
	if (!disk->major) {
		err = alloc_ext_devt(disk);
		if (err)
			return err;
	}
	part0->bd_dev = MKDEV(disk->major, disk->first_minor);
	err = dev_set_name(&part0->bd_device, "%s", disk->disk_name);
	if (err)
		goto out_devt;
	get_device(&part0->bd_device);		/* the table's, dropped by bdev_del() */
	err = bdev_add(part0);
	if (err) {
		put_device(&part0->bd_device);
		goto out_devt;
	}
	disk->added = true;
	mutex_lock(&disk->open_mutex);
	blk_add_partitions(disk);
	mutex_unlock(&disk->open_mutex);
	return 0;
out_devt:
	free_ext_devt(disk);
	return err;
}

void del_gendisk(struct gendisk *disk)
{
	if (!disk->added)
		return;
	mutex_lock(&disk->open_mutex);
	blk_drop_partitions(disk);
	bdev_del(disk->part0);
	disk->added = false;
	mutex_unlock(&disk->open_mutex);
	sync_blockdev(disk->part0);
	blk_queue_start_drain(disk->queue);
	invalidate_disk_buffers(disk);
}

void put_disk(struct gendisk *disk)
{
	if (disk)
		put_device(&disk->part0->bd_device);
}

int bdev_disk_changed(struct gendisk *disk)
{
	int err = 0, i;

	mutex_lock(&disk->open_mutex);
	for (i = 1; i <= DISK_MAX_PARTS; i++)
		if (disk->parts[i] && atomic_read(&disk->parts[i]->bd_openers))
			err = -EBUSY;
	if (!err && disk->added) {
		sync_blockdev(disk->part0);
		blk_drop_partitions(disk);
		err = blk_add_partitions(disk);
	}
	mutex_unlock(&disk->open_mutex);
	return err;
}
