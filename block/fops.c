// SPDX-License-Identifier: GPL-2.0-only
/*
 * The files of block device nodes: open finds the live block device of
 * the node's number; read and write go through the disk's page cache a
 * page at a time (a block written in part is read first; a read that
 * misses reads ahead, see ra_window() and ra_async(); a writer past the disk's dirty
 * limit waits for its flusher); llseek stays within the device; fsync
 * writes the cache back and flushes.
 * Reads stop at the end of the device; a write there gives -ENOSPC.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <linux/buffer_head.h>
#include <uapi/linux/fs.h>
#include "blk.h"

/*
 * The pages to read at a miss on page @index, the rest of the read being
 * @count bytes from disk byte @dpos: what the read covers, and on a
 * sequential read (it starts where the last window ended) twice the last
 * window, up to BDEV_BIO_PAGES. Linux's ondemand_readahead() grows its
 * window the same way.
 */
static unsigned int ra_window(struct block_device *bdev, unsigned long index, u64 dpos,
			      size_t count)
{
	unsigned long want = ((dpos + count - 1) >> PAGE_SHIFT) - index + 1;
	unsigned int ra = min_t(unsigned long, want, BDEV_BIO_PAGES);
	unsigned int last = READ_ONCE(bdev->bd_ra_pages);

	if (index == READ_ONCE(bdev->bd_ra_next) && last)
		ra = min_t(unsigned int, max(ra, 2 * last), BDEV_BIO_PAGES);
	WRITE_ONCE(bdev->bd_ra_pages, ra);
	WRITE_ONCE(bdev->bd_ra_next, index + ra);
	return ra;
}

/*
 * Start reading the window after the last one, twice its size (up to
 * BDEV_BIO_PAGES), without waiting: its first page is marked, and the
 * reader that reaches it starts the next one (Linux's asynchronous
 * read-ahead and PG_readahead), so a sequential reader finds its pages
 * read or on their way.
 */
static void ra_async(struct block_device *bdev)
{
	unsigned long next = READ_ONCE(bdev->bd_ra_next);
	unsigned int ra = min_t(unsigned int, 2 * READ_ONCE(bdev->bd_ra_pages), BDEV_BIO_PAGES);

	WRITE_ONCE(bdev->bd_ra_pages, ra);
	WRITE_ONCE(bdev->bd_ra_next, next + ra);
	bdev_readahead(bdev->bd_disk, next, ra);
}

/*
 * Copy @n bytes at @off of @p (locked) to @iter; a sequential miss also
 * starts the window after the one it reads. Returns bytes copied or -errno.
 */
static ssize_t page_read(struct block_device *bdev, struct bdev_page *p, unsigned int off,
			 size_t n, struct iov_iter *iter, u64 dpos)
{
	bool seq = false;
	unsigned int ra = 1;
	int err;

	if (!READ_ONCE(p->uptodate)) {
		seq = p->index == READ_ONCE(bdev->bd_ra_next) && READ_ONCE(bdev->bd_ra_pages);
		ra = ra_window(bdev, p->index, dpos, iov_iter_count(iter));
	}
	err = bdev_page_read(bdev->bd_disk, p, off, n, ra);
	if (err)
		return err;
	if (seq)
		ra_async(bdev);
	return copy_to_iter((char *)bdev_page_address(p) + off, n, iter);
}

/* Copy @n bytes from @iter to @off of @p (locked). Returns bytes taken or -errno. */
static ssize_t page_write(struct block_device *bdev, struct bdev_page *p, unsigned int off,
			  size_t n, struct iov_iter *iter)
{
	struct gendisk *disk = bdev->bd_disk;
	unsigned int bs = bdev_logical_block_size(bdev), end;
	int err = 0;

	/* A block written in part keeps the rest of its bytes: read it first. */
	if (off & (bs - 1))
		err = bdev_page_read(disk, p, off, 1, 1);
	if (!err && ((off + n) & (bs - 1)))
		err = bdev_page_read(disk, p, off + n - 1, 1, 1);
	if (err)
		return err;
	end = off + copy_from_iter((char *)bdev_page_address(p) + off, n, iter);
	/* A block only partly given and never read: keep none of it. */
	if ((end & (bs - 1)) && !bdev_page_uptodate(disk, p, end, 1))
		end = ALIGN_DOWN(end, bs);
	if (end > off)
		bdev_page_dirty(disk, p, off, end - off);
	return end - off;
}

ssize_t bdev_rw_iter(struct block_device *bdev, loff_t *pos, struct iov_iter *iter, bool write)
{
	struct gendisk *disk = bdev->bd_disk;
	loff_t size = (loff_t)bdev_nr_sectors(bdev) << SECTOR_SHIFT;
	ssize_t done = 0, got = 0;

	if (*pos < 0)
		return -EINVAL;
	if (write && *pos >= size && iov_iter_count(iter))
		return -ENOSPC;
	while (iov_iter_count(iter) && *pos < size) {
		u64 dpos = ((u64)bdev->bd_start_sect << SECTOR_SHIFT) + *pos;
		unsigned int off = dpos & (PAGE_SIZE - 1);
		size_t n = min(min((size_t)(PAGE_SIZE - off), iov_iter_count(iter)),
			       (size_t)(size - *pos));
		struct bdev_page *p = bdev_page_get(disk, dpos >> PAGE_SHIFT);

		if (!p)
			return done ? done : -ENOMEM;
		if (!write && bdev_page_test_clear_readahead(disk, p))
			ra_async(bdev);		/* before waiting for this page's read */
		bdev_page_lock(disk, p);
		if (write)
			got = page_write(bdev, p, off, n, iter);
		else
			got = page_read(bdev, p, off, n, iter, dpos);
		bdev_page_unlock(disk, p);
		bdev_page_put(disk, p);
		if (write && got > 0)
			balance_dirty_pages(disk);
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

	if (atomic_dec_and_test(&bdev->bd_openers))
		blkdev_flush_mapping(bdev);
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
