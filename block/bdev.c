// SPDX-License-Identifier: GPL-2.0-only
/*
 * struct block_device: allocation, the table of live ones that opening a
 * node consults, and their release. The whole disk's block device owns
 * the gendisk: its release frees the disk, its queue and its buffer cache.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/blk-mq.h>
#include <linux/buffer_head.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include "blk.h"

static LIST_HEAD(all_bdevs);
static DEFINE_MUTEX(bdev_lock);		/* all_bdevs */

struct class block_class = {
	.name = "block",
};

static void bdev_free(struct device *dev)
{
	struct block_device *bdev = dev_to_bdev(dev);
	struct gendisk *disk = bdev->bd_disk;

	if (bdev_is_partition(bdev)) {
		put_device(&disk->part0->bd_device);
	} else {
		disk_writeback_stop(disk);
		invalidate_disk_buffers(disk);
		WARN_ON(disk->bd_nr_pages);
		free_ext_devt(disk);
		kfree(disk->queue->hctx);
		kfree(disk->queue);
		kfree(disk);
	}
	kfree(bdev);
}

struct block_device *bdev_alloc(struct gendisk *disk, u8 partno)
{
	struct block_device *bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);

	if (!bdev)
		return NULL;
	bdev->bd_disk = disk;
	bdev->bd_partno = partno;
	INIT_LIST_HEAD(&bdev->bd_list);
	device_initialize(&bdev->bd_device);
	bdev->bd_device.class = &block_class;
	bdev->bd_device.release = bdev_free;
	if (partno)
		get_device(&disk->part0->bd_device);
	return bdev;
}

int bdev_add(struct block_device *bdev)
{
	int err;

	bdev->bd_device.devt = bdev->bd_dev;
	err = device_add(&bdev->bd_device);
	if (err)
		return err;
	mutex_lock(&bdev_lock);
	list_add_tail(&bdev->bd_list, &all_bdevs);
	mutex_unlock(&bdev_lock);
	return 0;
}

void bdev_del(struct block_device *bdev)
{
	mutex_lock(&bdev_lock);
	list_del_init(&bdev->bd_list);
	mutex_unlock(&bdev_lock);
	device_del(&bdev->bd_device);
	put_device(&bdev->bd_device);
}

struct block_device *blkdev_get_by_dev(dev_t dev)
{
	struct block_device *bdev;

	mutex_lock(&bdev_lock);
	list_for_each_entry(bdev, &all_bdevs, bd_list) {
		if (bdev->bd_dev == dev) {
			get_device(&bdev->bd_device);
			mutex_unlock(&bdev_lock);
			return bdev;
		}
	}
	mutex_unlock(&bdev_lock);
	return ERR_PTR(-ENXIO);
}

void blkdev_put(struct block_device *bdev)
{
	put_device(&bdev->bd_device);
}

/* Drop @holder's claim on @bdev, if it has one. */
static void bdev_release_claim(struct block_device *bdev, void *holder)
{
	if (!holder)
		return;
	mutex_lock(&bdev_lock);
	if (!WARN_ON(bdev->bd_holder != holder) && !--bdev->bd_holders)
		bdev->bd_holder = NULL;
	mutex_unlock(&bdev_lock);
}

struct block_device *blkdev_get_by_path(const char *path, blk_mode_t mode, void *holder)
{
	struct block_device *bdev;
	struct gendisk *disk;
	struct path p;
	dev_t dev;
	int err = kern_path(path, LOOKUP_FOLLOW, &p);

	if (err)
		return ERR_PTR(err);
	dev = p.dentry->d_inode->i_rdev;
	err = S_ISBLK(p.dentry->d_inode->i_mode) ? 0 : -ENOTBLK;
	path_put(&p);
	if (err)
		return ERR_PTR(err);
	bdev = blkdev_get_by_dev(dev);
	if (IS_ERR(bdev))
		return bdev;
	mutex_lock(&bdev_lock);
	if (bdev->bd_holder && bdev->bd_holder != holder)
		err = -EBUSY;
	else if (holder && !bdev->bd_holders++)
		bdev->bd_holder = holder;
	mutex_unlock(&bdev_lock);
	disk = bdev->bd_disk;
	if (!err && disk->fops && disk->fops->open) {
		err = disk->fops->open(disk, mode);
		if (err)
			bdev_release_claim(bdev, holder);
	}
	if (err) {
		blkdev_put(bdev);
		return ERR_PTR(err);
	}
	atomic_inc(&bdev->bd_openers);
	return bdev;
}

void bdev_release(struct block_device *bdev, void *holder)
{
	struct gendisk *disk = bdev->bd_disk;

	if (atomic_dec_and_test(&bdev->bd_openers))
		blkdev_flush_mapping(bdev);
	if (disk->fops && disk->fops->release)
		disk->fops->release(disk);
	bdev_release_claim(bdev, holder);
	blkdev_put(bdev);
}

void sync_all_bdevs(void)
{
	struct block_device *bdev;

	mutex_lock(&bdev_lock);
	list_for_each_entry(bdev, &all_bdevs, bd_list)
		if (!bdev_is_partition(bdev))
			sync_blockdev(bdev);
	mutex_unlock(&bdev_lock);
}

static int __init block_class_init(void)
{
	return class_register(&block_class);
}
core_initcall(block_class_init);
