// SPDX-License-Identifier: GPL-2.0-only
/*
 * The files of block device nodes: open finds the live block device of
 * the node's number; read and write go through the disk's buffer cache
 * one logical block at a time (a partial block is read first); llseek
 * stays within the device; fsync writes the cache back and flushes.
 * Reads stop at the end of the device; a write there gives -ENOSPC.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <linux/buffer_head.h>
#include <uapi/linux/fs.h>
#include "blk.h"

/* One block's part of a transfer; @bh is locked. Returns bytes copied or -errno. */
static ssize_t bh_copy(struct buffer_head *bh, size_t off, size_t n, struct iov_iter *iter,
		       bool write)
{
	size_t done;
	int err = 0;

	if (!write || n < bh->b_size)
		err = bh_read(bh);
	if (err)
		return err;
	if (!write)
		return copy_to_iter(bh->b_data + off, n, iter);
	done = copy_from_iter(bh->b_data + off, n, iter);
	if (!bh->b_uptodate && done < n)
		return 0;	/* a whole block only partly given: keep nothing */
	bh->b_uptodate = true;
	if (done)
		mark_buffer_dirty(bh);
	return done;
}

ssize_t bdev_rw_iter(struct block_device *bdev, loff_t *pos, struct iov_iter *iter, bool write)
{
	unsigned int bs = bdev_logical_block_size(bdev);
	loff_t size = (loff_t)bdev_nr_sectors(bdev) << SECTOR_SHIFT;
	ssize_t done = 0, got = 0;

	if (*pos < 0)
		return -EINVAL;
	if (write && *pos >= size && iov_iter_count(iter))
		return -ENOSPC;
	while (iov_iter_count(iter) && *pos < size) {
		size_t off = *pos & (bs - 1);
		size_t n = min(min((size_t)(bs - off), iov_iter_count(iter)),
			       (size_t)(size - *pos));
		struct buffer_head *bh = __getblk(bdev, *pos / bs, bs);

		if (!bh)
			return done ? done : -ENOMEM;
		lock_buffer(bh);
		got = bh_copy(bh, off, n, iter, write);
		unlock_buffer(bh);
		brelse(bh);
		if (got > 0) {
			*pos += got;
			done += got;
		}
		if (got < (ssize_t)n)
			break;
	}
	if (done)
		return done;
	return got < 0 ? got : (iov_iter_count(iter) && *pos < size) ? -EFAULT : 0;
}

int read_disk_bytes(struct gendisk *disk, u64 pos, void *buf, size_t len)
{
	struct kvec kv = { .iov_base = buf, .iov_len = len };
	struct iov_iter iter;
	loff_t p = pos;
	ssize_t ret;

	if (pos > LLONG_MAX)
		return -EINVAL;
	iov_iter_kvec(&iter, ITER_DEST, &kv, 1, len);
	ret = bdev_rw_iter(disk->part0, &p, &iter, false);
	if (ret < 0)
		return ret;
	return ret == len ? 0 : -EIO;
}

static ssize_t blkdev_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return bdev_rw_iter(iocb->ki_filp->private_data, &iocb->ki_pos, to, false);
}

static ssize_t blkdev_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return bdev_rw_iter(iocb->ki_filp->private_data, &iocb->ki_pos, from, true);
}

static loff_t blkdev_llseek(struct file *file, loff_t offset, int whence)
{
	struct block_device *bdev = file->private_data;

	return fixed_size_llseek(file, offset, whence,
				 (loff_t)bdev_nr_sectors(bdev) << SECTOR_SHIFT);
}

static int blkdev_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return sync_blockdev(file->private_data);
}

static long blkdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct block_device *bdev = file->private_data;
	void __user *argp = (void __user *)arg;
	u64 size = (u64)bdev_nr_sectors(bdev) << SECTOR_SHIFT;
	unsigned long sectors = bdev_nr_sectors(bdev);
	int lbs = bdev_logical_block_size(bdev);
	unsigned int pbs = bdev->bd_disk->queue->limits.physical_block_size;
	int err;

	switch (cmd) {
	case BLKGETSIZE64:
		return copy_to_user(argp, &size, sizeof(size)) ? -EFAULT : 0;
	case BLKGETSIZE:
		return copy_to_user(argp, &sectors, sizeof(sectors)) ? -EFAULT : 0;
	case BLKSSZGET:
		return copy_to_user(argp, &lbs, sizeof(lbs)) ? -EFAULT : 0;
	case BLKPBSZGET:
		return copy_to_user(argp, &pbs, sizeof(pbs)) ? -EFAULT : 0;
	case BLKFLSBUF:
		err = sync_blockdev(bdev);
		invalidate_disk_buffers(bdev->bd_disk);
		return err;
	case BLKRRPART:
		if (bdev_is_partition(bdev))
			return -EINVAL;
		return bdev_disk_changed(bdev->bd_disk);
	default:
		return -ENOTTY;
	}
}

static int blkdev_open(struct inode *inode, struct file *file)
{
	struct block_device *bdev = blkdev_get_by_dev(inode->i_rdev);
	struct gendisk *disk;
	int err = 0;

	if (IS_ERR(bdev))
		return PTR_ERR(bdev);
	disk = bdev->bd_disk;
	if (disk->fops && disk->fops->open)
		err = disk->fops->open(disk, file->f_mode);
	if (err) {
		blkdev_put(bdev);
		return err;
	}
	atomic_inc(&bdev->bd_openers);
	file->private_data = bdev;
	return 0;
}

static int blkdev_release(struct inode *inode, struct file *file)
{
	struct block_device *bdev = file->private_data;
	struct gendisk *disk = bdev->bd_disk;

	atomic_dec(&bdev->bd_openers);
	if (disk->fops && disk->fops->release)
		disk->fops->release(disk);
	blkdev_put(bdev);
	return 0;
}

const struct file_operations def_blk_fops = {
	.open = blkdev_open,
	.release = blkdev_release,
	.llseek = blkdev_llseek,
	.read_iter = blkdev_read_iter,
	.write_iter = blkdev_write_iter,
	.fsync = blkdev_fsync,
	.unlocked_ioctl = blkdev_ioctl,
};
