/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct bio: one block I/O, a run of contiguous sectors of a block device
 * read into or written from a list of memory segments (struct bio_vec: a
 * page, an offset and a length). The submitter builds it, submit_bio()
 * hands it to the disk's queue, and bio_endio() reports its status through
 * ->bi_end_io, from any context.
 *
 * Sectors are 512 bytes whatever the device's block size; an I/O must be
 * a whole number of logical blocks, aligned on one, or it fails with
 * BLK_STS_IOERR (-EIO), as must one past the end of the device.
 */
#ifndef _LINUX_BIO_H
#define _LINUX_BIO_H

#include <linux/types.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/atomic.h>

struct block_device;
struct bio;

#define SECTOR_SHIFT	9
#define SECTOR_SIZE	(1 << SECTOR_SHIFT)

/* blk_status_t: Linux's numbers; blk_status_to_errno() maps them. */
typedef u8 blk_status_t;
#define BLK_STS_OK		0
#define BLK_STS_NOTSUPP		1
#define BLK_STS_NOSPC		3	/* the device has no room: -ENOSPC */
#define BLK_STS_RESOURCE	9	/* the driver is out of room: resubmit later */
#define BLK_STS_IOERR		10
#define BLK_STS_DEV_RESOURCE	13
#define BLK_STS_OFFLINE		17	/* the disk is gone (del_gendisk()): -ENODEV */

/* blk_status_to_errno() - 0, -EOPNOTSUPP, -ENOMEM... or -EIO. Any context. */
int blk_status_to_errno(blk_status_t status);

/* Operations (the low bits of bi_opf) and flags (above them). */
enum req_op {
	REQ_OP_READ = 0,
	REQ_OP_WRITE = 1,
	REQ_OP_FLUSH = 2,	/* make every completed write durable; no data */
};
#define REQ_OP_MASK	0xff
#define REQ_PREFLUSH	(1U << 8)	/* flush before this write */
#define REQ_FUA		(1U << 9)	/* this write is durable when it completes */

static inline enum req_op bio_op_of(unsigned int opf)
{
	return opf & REQ_OP_MASK;
}

static inline bool op_is_write(unsigned int opf)
{
	return bio_op_of(opf) == REQ_OP_WRITE;
}

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;		/* within bv_page; bv_offset + bv_len <= PAGE_SIZE */
};

typedef void (bio_end_io_t)(struct bio *bio);

struct bio {
	struct block_device *bi_bdev;	/* the device (a partition or the whole disk) */
	unsigned int bi_opf;		/* REQ_OP_* | REQ_* flags */
	blk_status_t bi_status;
	sector_t bi_sector;		/* first sector, relative to bi_bdev */
	unsigned int bi_size;		/* bytes, the sum of the segments' lengths */
	unsigned short bi_vcnt;		/* segments used */
	unsigned short bi_max_vecs;	/* segments allocated */
	bio_end_io_t *bi_end_io;
	void *bi_private;
	atomic_t __bi_remaining;	/* block/: split children not ended yet */
	struct bio_vec bi_io_vec[];
};

/*
 * bio_alloc() - a bio for @bdev and @opf with room for @nr_vecs segments.
 * Returns NULL when @gfp cannot be met. May sleep with GFP_KERNEL.
 */
struct bio *bio_alloc(struct block_device *bdev, unsigned short nr_vecs,
		      unsigned int opf, gfp_t gfp);

/* bio_put() - free a bio that is not (or no longer) submitted. */
void bio_put(struct bio *bio);

/*
 * bio_add_page() - append @len bytes at @off in @page as a segment.
 * Returns @len, or 0 when the bio is full or the range leaves the page.
 * Never sleeps.
 */
int bio_add_page(struct bio *bio, struct page *page, unsigned int len, unsigned int off);

/* bio_endio() - report the end of @bio (bi_status set) to ->bi_end_io. Any context. */
void bio_endio(struct bio *bio);

static inline void bio_io_error(struct bio *bio)
{
	bio->bi_status = BLK_STS_IOERR;
	bio_endio(bio);
}

/*
 * submit_bio() - start @bio on its device's queue; ->bi_end_io runs when it
 * ends, possibly before this returns. A bio for a partition is remapped to
 * the whole disk (bi_bdev and bi_sector change). Waits (never fails) while
 * every tag of the queue is in use. Process context; may sleep.
 */
void submit_bio(struct bio *bio);

/*
 * submit_bio_wait() - submit_bio() and wait for the end. Returns 0 or a
 * negative errno (blk_status_to_errno() of bi_status). Overwrites
 * bi_end_io and bi_private. Process context; sleeps.
 */
int submit_bio_wait(struct bio *bio);

/* bio_for_each_bvec() - each used segment of @bio in turn. */
#define bio_for_each_bvec(bv, bio)					\
	for (bv = (bio)->bi_io_vec; bv < (bio)->bi_io_vec + (bio)->bi_vcnt; bv++)

#endif /* _LINUX_BIO_H */
