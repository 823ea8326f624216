// SPDX-License-Identifier: GPL-2.0-only
/*
 * Partitions: read the disk's table (GPT first, then MBR, as Linux does
 * when a protective MBR hides a GPT) and give each partition a block
 * device numbered after the disk's, named <disk><n> or, when the disk's
 * name ends in a digit, <disk>p<n>. A partition that is empty, does not
 * fit on the disk or is not aligned on the logical block size is skipped.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/ctype.h>
#include <linux/string.h>
#include <linux/blkdev.h>
#include "../blk.h"

static int add_partition(struct gendisk *disk, int partno, sector_t from, sector_t size)
{
	unsigned int mask = (queue_logical_block_size(disk->queue) >> SECTOR_SHIFT) - 1;
	const char *name = disk->disk_name;
	struct block_device *bdev;
	int err;

	if (!size || (from & mask) || (size & mask) || from >= get_capacity(disk) ||
	    size > get_capacity(disk) - from)
		return 0;
	bdev = bdev_alloc(disk, partno);
	if (!bdev)
		return -ENOMEM;
	bdev->bd_dev = MKDEV(disk->major, disk->first_minor + partno);
	bdev->bd_start_sect = from;
	bdev->bd_nr_sectors = size;
	err = dev_set_name(&bdev->bd_device, isdigit(name[strlen(name) - 1]) ? "%sp%d" : "%s%d",
			   name, partno);
	if (!err)
		err = bdev_add(bdev);
	if (err) {
		put_device(&bdev->bd_device);
		return err;
	}
	disk->parts[partno] = bdev;
	return 0;
}

int blk_add_partitions(struct gendisk *disk)
{
	struct parsed_partition *parts;
	int n, i, err = 0;

	parts = kcalloc(DISK_MAX_PARTS, sizeof(*parts), GFP_KERNEL);
	if (!parts)
		return -ENOMEM;
	n = efi_partition(disk, parts, DISK_MAX_PARTS);
	if (n == 0)
		n = msdos_partition(disk, parts, DISK_MAX_PARTS);
	for (i = 0; i < n && !err; i++)
		err = add_partition(disk, i + 1, parts[i].from, parts[i].size);
	kfree(parts);
	if (err)
		blk_drop_partitions(disk);
	return err == -ENOMEM ? err : 0;
}

void blk_drop_partitions(struct gendisk *disk)
{
	int i;

	for (i = 1; i <= DISK_MAX_PARTS; i++) {
		if (disk->parts[i])
			bdev_del(disk->parts[i]);
		disk->parts[i] = NULL;
	}
}
