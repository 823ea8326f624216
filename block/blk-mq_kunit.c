// SPDX-License-Identifier: GPL-2.0-only
/*
 * blk-mq with a driver written here to misbehave on purpose: a bio out of
 * bounds or misaligned never reaches the driver, an error status from
 * ->queue_rq() reaches the submitter, BLK_STS_RESOURCE is offered again,
 * a flush without a write cache ends at once, and a disk without a major
 * gets numbers of BLOCK_EXT_MAJOR, given back at its release;
 * ->init_request()/->exit_request() pair up even when one init fails; and
 * a bio with more segments than the disk's max_segments is split.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/blk-mq.h>
#include <linux/fault-inject.h>
#include <kunit/slab.h>

struct test_dev {
	struct blk_mq_tag_set set;
	struct gendisk *disk;
	int calls;			/* ->queue_rq() calls */
	int busy;			/* answer BLK_STS_RESOURCE this many times */
	blk_status_t status;		/* then end with this */
	unsigned int max_segs;		/* the most segments a request had */
};

/* A read gets each sector filled with the low byte of its number. */
static void test_fill(struct request *rq)
{
	sector_t sector = blk_rq_pos(rq);
	struct bio_vec *bv;

	if (req_op(rq) != REQ_OP_READ)
		return;
	rq_for_each_segment(bv, rq)
		for (unsigned int off = 0; off < bv->bv_len; off += SECTOR_SIZE)
			memset(page_address(bv->bv_page) + bv->bv_offset + off, (u8)sector++,
			       SECTOR_SIZE);
}

static blk_status_t test_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd)
{
	struct test_dev *td = hctx->queue->queuedata;
	struct bio *bio = bd->rq->bio;

	td->calls++;
	if (bio && bio->bi_vcnt > td->max_segs)
		td->max_segs = bio->bi_vcnt;
	if (td->busy) {
		td->busy--;
		return BLK_STS_RESOURCE;
	}
	if (td->status)
		return td->status;
	test_fill(bd->rq);
	blk_mq_end_request(bd->rq, BLK_STS_OK);
	return BLK_STS_OK;
}

static const struct blk_mq_ops test_mq_ops = {
	.queue_rq = test_queue_rq,
};

/* A 64-sector disk named @name with major 0 and limits @lim, added; NULL on failure. */
static struct test_dev *test_dev_add_lim(const char *name, const struct queue_limits *lim)
{
	struct test_dev *td = kzalloc(sizeof(*td), GFP_KERNEL);

	if (!td)
		return NULL;
	td->set.ops = &test_mq_ops;
	td->set.nr_hw_queues = 1;
	td->set.queue_depth = 2;
	if (blk_mq_alloc_tag_set(&td->set))
		goto out_free;
	td->disk = blk_mq_alloc_disk(&td->set, lim, td);
	if (IS_ERR(td->disk))
		goto out_set;
	strscpy(td->disk->disk_name, name, DISK_NAME_LEN);
	set_capacity(td->disk, 64);
	if (!add_disk(td->disk))
		return td;
	put_disk(td->disk);
out_set:
	blk_mq_free_tag_set(&td->set);
out_free:
	kfree(td);
	return NULL;
}

static struct test_dev *test_dev_add(const char *name)
{
	return test_dev_add_lim(name, NULL);
}

static void test_dev_del(struct test_dev *td)
{
	del_gendisk(td->disk);
	put_disk(td->disk);
	blk_mq_free_tag_set(&td->set);
	kfree(td);
}

/* One read of @bytes at @sector of @td's disk: 0 or -errno. */
static int test_read(struct test_dev *td, sector_t sector, unsigned int bytes)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct bio *bio = bio_alloc(td->disk->part0, 1, REQ_OP_READ, GFP_KERNEL);
	int err = -ENOMEM;

	if (page && bio) {
		bio->bi_sector = sector;
		bio_add_page(bio, page, bytes, 0);
		err = submit_bio_wait(bio);
	}
	if (bio)
		bio_put(bio);
	if (page)
		__free_page(page);
	return err;
}

static void blk_mq_bad_bios_stay_out(struct kunit *test)
{
	struct test_dev *td = test_dev_add("blktest_a");

	KUNIT_ASSERT_NOT_NULL(test, td);
	td->calls = 0;		/* add_disk() read the partition tables */
	KUNIT_EXPECT_EQ(test, test_read(td, 63, 512), 0);
	KUNIT_EXPECT_EQ(test, td->calls, 1);
	KUNIT_EXPECT_EQ(test, test_read(td, 63, 1024), -EIO);	/* past the end */
	KUNIT_EXPECT_EQ(test, test_read(td, 64, 512), -EIO);
	KUNIT_EXPECT_EQ(test, test_read(td, 0, 100), -EIO);	/* not a whole block */
	KUNIT_EXPECT_EQ(test, td->calls, 1);
	test_dev_del(td);
}

static void blk_mq_status_and_resubmission(struct kunit *test)
{
	struct test_dev *td = test_dev_add("blktest_b");
	struct bio *flush;

	KUNIT_ASSERT_NOT_NULL(test, td);
	td->status = BLK_STS_IOERR;
	KUNIT_EXPECT_EQ(test, test_read(td, 0, 512), -EIO);
	td->status = BLK_STS_NOSPC;
	KUNIT_EXPECT_EQ(test, test_read(td, 0, 512), -ENOSPC);
	td->status = BLK_STS_OK;
	td->calls = 0;
	td->busy = 3;		/* offered four times, then done */
	KUNIT_EXPECT_EQ(test, test_read(td, 0, 512), 0);
	KUNIT_EXPECT_EQ(test, td->calls, 4);

	/* No BLK_FEAT_WRITE_CACHE: a flush has nothing to do. */
	flush = bio_alloc(td->disk->part0, 0, REQ_OP_FLUSH, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, flush);
	KUNIT_EXPECT_EQ(test, submit_bio_wait(flush), 0);
	bio_put(flush);
	KUNIT_EXPECT_EQ(test, td->calls, 4);
	test_dev_del(td);
}

static void blk_mq_ext_devt(struct kunit *test)
{
	struct test_dev *a = test_dev_add("blktest_c");
	struct test_dev *b = test_dev_add("blktest_d");
	struct path p;
	dev_t first;

	KUNIT_ASSERT_TRUE(test, a && b);
	first = a->disk->part0->bd_dev;
	KUNIT_EXPECT_EQ(test, MAJOR(first), 259U);
	KUNIT_EXPECT_EQ(test, MAJOR(b->disk->part0->bd_dev), 259U);
	KUNIT_EXPECT_EQ(test, MINOR(b->disk->part0->bd_dev) % (DISK_MAX_PARTS + 1), 0U);
	KUNIT_EXPECT_NE(test, b->disk->part0->bd_dev, first);
	KUNIT_ASSERT_EQ(test, kern_path("/dev/blktest_c", 0, &p), 0);
	KUNIT_EXPECT_EQ(test, p.dentry->d_inode->i_rdev, first);
	KUNIT_EXPECT_TRUE(test, S_ISBLK(p.dentry->d_inode->i_mode));
	path_put(&p);
	test_dev_del(a);
	KUNIT_EXPECT_EQ(test, kern_path("/dev/blktest_c", 0, &p), -ENOENT);
	a = test_dev_add("blktest_e");	/* the numbers were given back */
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, a->disk->part0->bd_dev, first);
	test_dev_del(a);
	test_dev_del(b);
}

static int nr_inits, nr_exits, fail_init_at;

static int count_init_request(struct blk_mq_tag_set *set, struct request *rq)
{
	if (nr_inits == fail_init_at)
		return -EIO;
	nr_inits++;
	*(int *)blk_mq_rq_to_pdu(rq) = rq->tag + 1;	/* pdus are distinct */
	return 0;
}

static void count_exit_request(struct blk_mq_tag_set *set, struct request *rq)
{
	WARN_ON(*(int *)blk_mq_rq_to_pdu(rq) != rq->tag + 1);
	nr_exits++;
}

static const struct blk_mq_ops init_mq_ops = {
	.queue_rq = test_queue_rq,
	.init_request = count_init_request,
	.exit_request = count_exit_request,
};

/* Every request is set up once and undone once, also when a setup fails. */
static void blk_mq_init_exit_request(struct kunit *test)
{
	struct blk_mq_tag_set set = {
		.ops = &init_mq_ops, .nr_hw_queues = 1, .queue_depth = 5,
		.cmd_size = sizeof(int),
	};

	nr_inits = nr_exits = 0;
	fail_init_at = 3;
	KUNIT_EXPECT_EQ(test, blk_mq_alloc_tag_set(&set), -EIO);
	KUNIT_EXPECT_EQ(test, nr_inits, 3);
	KUNIT_EXPECT_EQ(test, nr_exits, 3);
	KUNIT_EXPECT_NULL(test, set.tags);
	nr_inits = nr_exits = 0;
	fail_init_at = -1;
	KUNIT_ASSERT_EQ(test, blk_mq_alloc_tag_set(&set), 0);
	KUNIT_EXPECT_EQ(test, nr_inits, 5);
	KUNIT_EXPECT_EQ(test, nr_exits, 0);
	blk_mq_free_tag_set(&set);
	KUNIT_EXPECT_EQ(test, nr_exits, 5);
}

#define SPLIT_SEGS	8

/*
 * A read at sector 8 of SPLIT_SEGS one-sector segments, at offsets that
 * differ from page to page: 0 or -errno. The pages are in @pages.
 */
static int split_read(struct test_dev *td, struct page **pages)
{
	struct bio *bio = bio_alloc(td->disk->part0, SPLIT_SEGS, REQ_OP_READ, GFP_KERNEL);
	int err;

	if (!bio)
		return -ENOMEM;
	bio->bi_sector = 8;
	for (int i = 0; i < SPLIT_SEGS; i++)
		bio_add_page(bio, pages[i], SECTOR_SIZE, (i * SECTOR_SIZE) % PAGE_SIZE);
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}

/*
 * max_segments = 2: a read of eight segments reaches the driver as four
 * requests of two, each sector's data in its own segment; a child that
 * cannot be allocated ends the read with -ENOMEM, leaking nothing; with
 * 1 KiB blocks and one segment per request, 512-byte segments cannot be
 * cut on a block boundary: -EIO, and the driver sees nothing.
 */
static void blk_mq_split_to_max_segments(struct kunit *test)
{
	struct queue_limits lim = { .max_segments = 2 };
	struct page *pages[SPLIT_SEGS] = {};
	struct test_dev *td = test_dev_add_lim("blktest_f", &lim);
	unsigned long slab;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, td);
	for (i = 0; i < SPLIT_SEGS; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
	td->calls = 0;
	td->max_segs = 0;
	KUNIT_EXPECT_EQ(test, split_read(td, pages), 0);
	KUNIT_EXPECT_EQ(test, td->calls, SPLIT_SEGS / 2);
	KUNIT_EXPECT_EQ(test, td->max_segs, 2U);
	for (i = 0; i < SPLIT_SEGS; i++) {
		u8 *p = page_address(pages[i]) + (i * SECTOR_SIZE) % PAGE_SIZE;

		KUNIT_EXPECT_EQ(test, p[0], 8 + i);
		KUNIT_EXPECT_EQ(test, p[SECTOR_SIZE - 1], 8 + i);
	}

	kmem_cache_shrink_all();
	slab = slab_allocated_bytes();
	td->calls = 0;
	alloc_fail_after(1);	/* the read's own bio, then its first child fails */
	KUNIT_EXPECT_EQ(test, split_read(td, pages), -ENOMEM);
	alloc_fail_off();
	KUNIT_EXPECT_EQ(test, td->calls, 0);
	kmem_cache_shrink_all();
	KUNIT_EXPECT_EQ(test, slab_allocated_bytes(), slab);
	test_dev_del(td);

	lim = (struct queue_limits){ .logical_block_size = 1024, .max_segments = 1 };
	td = test_dev_add_lim("blktest_f", &lim);
	KUNIT_ASSERT_NOT_NULL(test, td);
	td->calls = 0;
	KUNIT_EXPECT_EQ(test, split_read(td, pages), -EIO);
	KUNIT_EXPECT_EQ(test, td->calls, 0);
	test_dev_del(td);
	for (i = 0; i < SPLIT_SEGS; i++)
		__free_page(pages[i]);
}

static struct kunit_case blk_mq_cases[] = {
	KUNIT_CASE(blk_mq_bad_bios_stay_out),
	KUNIT_CASE(blk_mq_status_and_resubmission),
	KUNIT_CASE(blk_mq_ext_devt),
	KUNIT_CASE(blk_mq_init_exit_request),
	KUNIT_CASE(blk_mq_split_to_max_segments),
	{}
};

static struct kunit_suite blk_mq_suite = {
	.name = "blk_mq",
	.test_cases = blk_mq_cases,
};
kunit_test_suites(&blk_mq_suite);
