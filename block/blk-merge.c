// SPDX-License-Identifier: GPL-2.0-only
/*
 * Splitting a bio that the queue's limits cannot take as one request
 * (Linux's bio_split_to_limits(); there is no merging here). A request is
 * one bio and a bio_vec never crosses a page, so max_segment_size (at
 * least a page) always holds and only max_segments needs a split: the
 * bio is cut into children of whole segments, at most max_segments each
 * and each a whole number of logical blocks, submitted in order. The
 * parent ends when the last child has, with an error of one of them.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/bio.h>
#include "blk.h"

/* Drop one count of @parent's __bi_remaining; the last one ends it. */
static void bio_remaining_done(struct bio *parent)
{
	if (atomic_dec_and_test(&parent->__bi_remaining))
		bio_endio(parent);
}

static void split_endio(struct bio *child)
{
	struct bio *parent = child->bi_private;

	if (child->bi_status)
		WRITE_ONCE(parent->bi_status, child->bi_status);
	bio_put(child);
	bio_remaining_done(parent);
}

/*
 * The number of @bio's segments from @first that make the next child: at
 * most @max, ending on a logical block boundary (0: none does; *@bytes
 * gets their length).
 */
static unsigned short split_segments(struct bio *bio, unsigned short first, unsigned int max,
				     unsigned int *bytes)
{
	unsigned int mask = bdev_logical_block_size(bio->bi_bdev) - 1, len = 0;
	unsigned short n, cut = 0;

	*bytes = 0;
	for (n = 1; n <= max && first + n <= bio->bi_vcnt; n++) {
		len += bio->bi_io_vec[first + n - 1].bv_len;
		if (!(len & mask)) {
			cut = n;
			*bytes = len;
		}
	}
	return cut;
}

void bio_submit_split(struct bio *bio)
{
	unsigned int max = bio->bi_bdev->bd_disk->queue->limits.max_segments, bytes;
	sector_t sector = bio->bi_sector;
	unsigned short first = 0, n;
	struct bio *child;

	atomic_set(&bio->__bi_remaining, 1);	/* ours until every child is out */
	while (first < bio->bi_vcnt) {
		n = split_segments(bio, first, max, &bytes);
		if (!n) {
			WRITE_ONCE(bio->bi_status, BLK_STS_IOERR);
			break;
		}
		child = bio_alloc(bio->bi_bdev, n, bio->bi_opf, GFP_NOIO);
		if (!child) {
			WRITE_ONCE(bio->bi_status, BLK_STS_RESOURCE);
			break;
		}
		memcpy(child->bi_io_vec, bio->bi_io_vec + first, n * sizeof(struct bio_vec));
		child->bi_vcnt = n;
		child->bi_size = bytes;
		child->bi_sector = sector;
		child->bi_end_io = split_endio;
		child->bi_private = bio;
		atomic_inc(&bio->__bi_remaining);
		submit_bio(child);
		first += n;
		sector += bytes >> SECTOR_SHIFT;
	}
	bio_remaining_done(bio);
}
