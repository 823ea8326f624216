/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Block devices and disks. A driver describes a disk with a struct gendisk
 * (its name, size, queue of requests and operations); add_disk() makes it
 * and the partitions found on it visible as block device nodes (/dev/vda,
 * /dev/vda1; /dev/nullb0p1 when the name ends in a digit), and
 * del_gendisk() takes them away again. Each of those nodes is a struct
 * block_device: the whole disk (part0, partition number 0) or one
 * partition (a range of its sectors).
 *
 * Data moves in bios (<linux/bio.h>) through the disk's request_queue to
 * the driver's blk-mq operations (<linux/blk-mq.h>). Files opened on a
 * block device node read and write through the disk's page cache
 * (<linux/buffer_head.h>), which is per disk, so the whole disk and its
 * partitions see the same bytes; fsync() and sync() write it back and
 * flush the device.
 *
 * Lifetime: a block_device is reference counted through its embedded
 * struct device; the whole disk's (part0) owns the gendisk and its queue
 * and frees them at its last put, and each partition holds a reference
 * on part0. Open files hold one on their block_device, so a disk removed
 * while open stays in memory; I/O that reaches it fails with -ENODEV.
 *
 * Limits: one hardware queue per disk, no I/O scheduler and no merging of
 * bios; at most DISK_MAX_PARTS partitions.
 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/device.h>
#include <linux/bio.h>

struct blk_mq_tag_set;
struct blk_mq_hw_ctx;
struct gendisk;

typedef unsigned int blk_mode_t;	/* the opening file's FMODE_* bits */

#define DISK_NAME_LEN	32
#define DISK_MAX_PARTS	15	/* partitions per disk; minors per disk = 16 */

/* What a driver says about its device (blk_mq_alloc_disk()). */
struct queue_limits {
	unsigned int logical_block_size;	/* power of two, 512..PAGE_SIZE; 0: 512 */
	unsigned int physical_block_size;	/* at least the logical one; 0: same */
	unsigned int features;			/* BLK_FEAT_* */
	/* Segments per request at most (0: no limit); bigger bios are split. */
	unsigned short max_segments;
	/* Bytes per segment at most (0: no limit; else at least PAGE_SIZE). */
	unsigned int max_segment_size;
};
#define BLK_FEAT_ROTATIONAL	(1U << 0)	/* a spinning disk (seeks cost) */
#define BLK_FEAT_WRITE_CACHE	(1U << 1)	/* volatile cache: flushes matter */

struct request_queue {
	struct blk_mq_tag_set *tag_set;
	struct blk_mq_hw_ctx *hctx;	/* the one hardware queue */
	void *queuedata;		/* the driver's, from blk_mq_alloc_disk() */
	struct queue_limits limits;
	struct gendisk *disk;
	/* Private to block/: bios inside the driver, and removal. */
	spinlock_t lock;
	unsigned int nr_active;		/* submit_bio() calls past blk_queue_enter() */
	bool dying;			/* del_gendisk() started: new I/O fails */
	wait_queue_head_t drain_wq;
};

struct block_device {
	dev_t bd_dev;
	struct gendisk *bd_disk;
	u8 bd_partno;			/* 0: the whole disk */
	sector_t bd_start_sect;		/* first sector on the disk */
	sector_t bd_nr_sectors;
	struct device bd_device;	/* the node, and the reference count */
	/* Private to block/: */
	struct list_head bd_list;	/* in the table of live block devices */
	atomic_t bd_openers;		/* open files */
	void *bd_holder;		/* who claimed it exclusively (a super block) */
	int bd_holders;			/* claims by bd_holder */
	/*
	 * Read-ahead of its files (block/fops.c), shared by all of them
	 * (Linux keeps one per open file): the page after the last window
	 * read, and that window's size in pages.
	 */
	unsigned long bd_ra_next;
	unsigned int bd_ra_pages;
};

struct block_device_operations {
	/* Optional: called at each open/last close of any node of the disk. */
	int (*open)(struct gendisk *disk, blk_mode_t mode);
	void (*release)(struct gendisk *disk);
};

struct gendisk {
	int major;
	int first_minor;		/* part0; partitions take the next minors */
	char disk_name[DISK_NAME_LEN];
	const struct block_device_operations *fops;
	struct request_queue *queue;
	void *private_data;
	struct block_device *part0;
	/* Private to block/: */
	struct mutex open_mutex;	/* partition table changes */
	struct block_device *parts[DISK_MAX_PARTS + 1];	/* [0] == part0 */
	bool added;
	bool ext_devt;			/* numbers picked by add_disk() */
	/* The cache of the whole disk's pages (linux/buffer_head.h). */
	spinlock_t bd_cache_lock;
	struct rb_root bd_pages;	/* struct bdev_page by index */
	struct bdev_page *bd_hint;	/* the page found or added last, or NULL */
	struct list_head bd_lru;	/* least recently used first */
	unsigned long bd_nr_pages;
	unsigned long bd_cache_max;	/* pages kept before write-back and eviction */
	wait_queue_head_t bd_page_wait;	/* for a page's lock, and the read-aheads' end */
	unsigned int bd_nr_readahead;	/* asynchronous read-aheads in flight (bd_cache_lock) */
	struct mutex bd_wb_lock;	/* one write-back at a time */
	atomic_t bd_wb_err;		/* a failed write-back, for the next fsync */
	/* Background write-back (block/bdev_writeback.c). */
	unsigned long bd_nr_dirty;	/* pages with dirty blocks (bd_cache_lock) */
	unsigned long bd_dirty_background;	/* dirty pages that start the flusher */
	unsigned long bd_dirty_limit;	/* dirty pages at which writers wait */
	struct work_struct bd_wb_work;	/* the flusher */
	wait_queue_head_t bd_dirty_wait;	/* writers waiting under bd_dirty_limit */
};

static inline struct block_device *dev_to_bdev(struct device *dev)
{
	return container_of(dev, struct block_device, bd_device);
}

/* The disk's size in sectors, and setting it (before add_disk()). */
static inline sector_t get_capacity(struct gendisk *disk)
{
	return disk->part0->bd_nr_sectors;
}

void set_capacity(struct gendisk *disk, sector_t sectors);

static inline sector_t bdev_nr_sectors(struct block_device *bdev)
{
	return bdev->bd_nr_sectors;
}

static inline unsigned int bdev_logical_block_size(struct block_device *bdev)
{
	return bdev->bd_disk->queue->limits.logical_block_size;
}

static inline unsigned int queue_logical_block_size(struct request_queue *q)
{
	return q->limits.logical_block_size;
}

static inline bool bdev_is_partition(struct block_device *bdev)
{
	return bdev->bd_partno != 0;
}

extern struct class block_class;

/*
 * register_blkdev() - reserve block major @major (0: pick a free one) for
 * @name. Returns the major picked (for 0), 0, or -EBUSY/-EINVAL. Undo
 * with unregister_blkdev(). May sleep.
 */
int register_blkdev(unsigned int major, const char *name);
void unregister_blkdev(unsigned int major, const char *name);

/*
 * add_disk() - make @disk live: /dev/<disk_name>, then a node per
 * partition found by reading its partition table (MBR or GPT; a table that
 * cannot be read or makes no sense gives no partitions, not an error).
 * The driver has set major and first_minor (a multiple of DISK_MAX_PARTS
 * + 1), or left major 0 for add_disk() to pick numbers of BLOCK_EXT_MAJOR
 * (259), and disk_name, fops and the capacity. Returns 0, -EINVAL,
 * -ENOMEM, -EEXIST or -EBUSY (no numbers left); nothing is made then.
 * Process context; sleeps (reads the disk).
 */
int add_disk(struct gendisk *disk);

/*
 * del_gendisk() - undo add_disk(): remove the nodes, write the page cache
 * back and drop it, fail new I/O with -ENODEV and wait for the bios inside
 * the driver to end. The driver may then free its tag set. May sleep.
 */
void del_gendisk(struct gendisk *disk);

/* put_disk() - drop the allocator's reference (after del_gendisk(), or instead of add_disk()). */
void put_disk(struct gendisk *disk);

/*
 * bdev_disk_changed() - read the partition table again (BLKRRPART):
 * writes the cache back, removes the old partitions and adds the new
 * ones. Returns 0, -EBUSY if a partition is open, -ENOMEM. Sleeps.
 */
int bdev_disk_changed(struct gendisk *disk);

/*
 * blkdev_get_by_dev() - the live block device numbered @dev, with a
 * reference taken (blkdev_put()), or ERR_PTR(-ENXIO). May sleep.
 */
struct block_device *blkdev_get_by_dev(dev_t dev);
void blkdev_put(struct block_device *bdev);

/*
 * blkdev_get_by_path() - open the block device whose node is at @path
 * (symbolic links followed) for @mode (FMODE_READ/FMODE_WRITE), and with a
 * non-NULL @holder claim it exclusively: it stays busy for any other
 * holder until bdev_release(). Returns the device referenced and counted
 * as open, or ERR_PTR(): the lookup's error, -ENOTBLK (not a block
 * device node), -ENXIO (no such device), -EBUSY (claimed by another
 * holder), or the driver's open error. May sleep.
 */
struct block_device *blkdev_get_by_path(const char *path, blk_mode_t mode, void *holder);

/* bdev_release() - undo blkdev_get_by_path() with the same @holder. May sleep. */
void bdev_release(struct block_device *bdev, void *holder);

/*
 * blkdev_issue_flush() - make every completed write to @bdev's disk
 * durable (a REQ_OP_FLUSH bio). Returns 0 or -errno. Sleeps.
 */
int blkdev_issue_flush(struct block_device *bdev);

/*
 * blk_queue_enter()/blk_queue_exit() - bracket the time a bio spends in
 * the driver; enter fails with -ENODEV once the disk is being deleted.
 * Any context.
 */
int blk_queue_enter(struct request_queue *q);
void blk_queue_exit(struct request_queue *q);

/* The block device file operations of S_IFBLK inodes (block/fops.c). */
extern const struct file_operations def_blk_fops;

/* sync_all_bdevs() - write back every disk's cache and flush it (sync(2)). Sleeps. */
void sync_all_bdevs(void);

#endif /* _LINUX_BLKDEV_H */
