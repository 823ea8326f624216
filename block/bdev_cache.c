// SPDX-License-Identifier: GPL-2.0-only
/*
 * The cache of a disk's pages (see linux/buffer_head.h): lookup in the
 * disk's tree, reads with read-ahead, write-back and eviction. I/O goes
 * in bios of many pages (a bio holds the blocks of consecutive pages that
 * follow each other on the disk), all submitted before any is waited for
 * (struct bio_batch); the block layer splits one the driver cannot take
 * whole, and the children run side by side too. The disk's count of
 * dirty pages (bd_nr_dirty) starts its flusher (block/bdev_writeback.c)
 * once it passes bd_dirty_background.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/bio.h>
#include <linux/buffer_head.h>
#include "blk.h"

/* The mask of the logical blocks of page @index that lie on @disk. */
static unsigned long page_blocks(struct gendisk *disk, unsigned long index)
{
	unsigned int bs = queue_logical_block_size(disk->queue);
	u64 first = (u64)index << PAGE_SHIFT;
	u64 size = (u64)get_capacity(disk) << SECTOR_SHIFT;
	u64 n;

	if (first >= size)
		return 0;
	n = min_t(u64, (size - first) / bs, PAGE_SIZE / bs);	/* at most 8: a long holds them */
	return (1UL << n) - 1;
}

/* The mask of the blocks covering bytes [@off, @off + @len) of a page; @len > 0. */
static unsigned long range_blocks(struct gendisk *disk, unsigned int off, unsigned int len)
{
	unsigned int bs = queue_logical_block_size(disk->queue);
	unsigned int first = off / bs, last = (off + len - 1) / bs;

	return ((1UL << (last + 1)) - 1) & ~((1UL << first) - 1);
}

/* The page of the least index >= @index; bd_cache_lock held. */
static struct bdev_page *lower_bound(struct gendisk *disk, unsigned long index)
{
	struct rb_node *n = disk->bd_pages.rb_node;
	struct bdev_page *found = NULL;

	while (n) {
		struct bdev_page *p = rb_entry(n, struct bdev_page, node);

		if (p->index >= index) {
			found = p;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return found;
}

/*
 * Page @index referenced and made the most recently used, or NULL;
 * bd_cache_lock held. A sequential reader or writer asks for the page
 * after the last one found: the hint and its successor in the tree are
 * tried before a walk from the root (16 levels and more for a cache of
 * 64 MiB, a cache miss each).
 */
static struct bdev_page *find_get(struct gendisk *disk, unsigned long index)
{
	struct bdev_page *p = disk->bd_hint;
	struct rb_node *next;

	if (p && p->index != index) {
		next = p->index < index ? rb_next(&p->node) : NULL;
		p = next ? rb_entry(next, struct bdev_page, node) : NULL;
	}
	if (!p || p->index != index)
		p = lower_bound(disk, index);
	if (!p || p->index != index)
		return NULL;
	p->count++;
	list_move_tail(&p->lru, &disk->bd_lru);
	disk->bd_hint = p;
	return p;
}

static void insert(struct gendisk *disk, struct bdev_page *p)
{
	struct rb_node **link = &disk->bd_pages.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (p->index < rb_entry(parent, struct bdev_page, node)->index)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&p->node, parent, link);
	rb_insert_color(&p->node, &disk->bd_pages);
	list_add_tail(&p->lru, &disk->bd_lru);
	disk->bd_hint = p;
	disk->bd_nr_pages++;
}

/* Free @p (out of the cache, unreferenced) and the buffer heads on it. */
static void free_bdev_page(struct bdev_page *p)
{
	struct buffer_head *bh, *next;

	for (bh = p->bhs; bh; bh = next) {
		next = bh->b_next;
		WARN_ON(atomic_read(&bh->b_count));
		kfree(bh);
	}
	__free_page(p->page);
	kfree(p);
}

/*
 * Free unreferenced pages of @disk, least recently used first, until
 * @target are left; dirty ones too with @drop_dirty. Returns whether
 * @target was reached.
 */
static bool evict(struct gendisk *disk, unsigned long target, bool drop_dirty)
{
	struct bdev_page *p, *next;
	LIST_HEAD(victims);
	bool reached;

	spin_lock(&disk->bd_cache_lock);
	list_for_each_entry_safe(p, next, &disk->bd_lru, lru) {
		if (disk->bd_nr_pages <= target)
			break;
		if (p->count || (p->dirty && !drop_dirty))
			continue;
		if (p->dirty)
			disk->bd_nr_dirty--;
		rb_erase(&p->node, &disk->bd_pages);
		if (disk->bd_hint == p)
			disk->bd_hint = NULL;
		list_move_tail(&p->lru, &victims);
		disk->bd_nr_pages--;
	}
	reached = disk->bd_nr_pages <= target;
	spin_unlock(&disk->bd_cache_lock);
	list_for_each_entry_safe(p, next, &victims, lru)
		free_bdev_page(p);
	return reached;
}

/*
 * Bring @disk's cache down to @target pages: free unreferenced clean
 * pages, least recently used first, and if that is not enough write
 * every dirty page back and free again; with @drop_dirty dirty pages
 * are dropped instead.
 */
static void shrink_cache(struct gendisk *disk, unsigned long target, bool drop_dirty)
{
	if (evict(disk, target, drop_dirty) || drop_dirty)
		return;
	bdev_writeback(disk, 0, ULONG_MAX);	/* an error waits for the next fsync */
	evict(disk, target, false);
}

/* A new page for @index, or NULL; when memory runs out, the disk's clean pages go first. */
static struct bdev_page *alloc_bdev_page(struct gendisk *disk, unsigned long index)
{
	struct bdev_page *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->page = alloc_page(GFP_KERNEL);
	if (!p->page) {
		shrink_cache(disk, READ_ONCE(disk->bd_nr_pages) / 2, false);
		p->page = alloc_page(GFP_KERNEL);
	}
	if (!p->page) {
		kfree(p);
		return NULL;
	}
	p->index = index;
	p->count = 1;
	return p;
}

struct bdev_page *bdev_page_get(struct gendisk *disk, unsigned long index)
{
	struct bdev_page *p, *old;

	if (!page_blocks(disk, index))
		return NULL;
	spin_lock(&disk->bd_cache_lock);
	p = find_get(disk, index);
	spin_unlock(&disk->bd_cache_lock);
	if (p)
		return p;
	/* Over the limit: keep three quarters. */
	if (READ_ONCE(disk->bd_nr_pages) >= disk->bd_cache_max)
		shrink_cache(disk, disk->bd_cache_max / 4 * 3, false);
	p = alloc_bdev_page(disk, index);
	if (!p)
		return NULL;
	spin_lock(&disk->bd_cache_lock);
	old = find_get(disk, index);	/* someone else was quicker */
	if (!old)
		insert(disk, p);
	spin_unlock(&disk->bd_cache_lock);
	if (old)
		free_bdev_page(p);
	return old ? old : p;
}

void bdev_page_put(struct gendisk *disk, struct bdev_page *p)
{
	spin_lock(&disk->bd_cache_lock);
	WARN_ON(!p->count--);
	spin_unlock(&disk->bd_cache_lock);
}

bool bdev_page_trylock(struct gendisk *disk, struct bdev_page *p)
{
	bool got;

	spin_lock(&disk->bd_cache_lock);
	got = !p->locked;
	p->locked = true;
	spin_unlock(&disk->bd_cache_lock);
	return got;
}

void bdev_page_lock(struct gendisk *disk, struct bdev_page *p)
{
	wait_event(disk->bd_page_wait, bdev_page_trylock(disk, p));
}

void bdev_page_unlock(struct gendisk *disk, struct bdev_page *p)
{
	bool waiters;

	spin_lock(&disk->bd_cache_lock);
	WARN_ON(!p->locked);
	p->locked = false;
	/*
	 * A waiter queues itself before its trylock takes bd_cache_lock:
	 * if that trylock came first, its entry is seen here.
	 */
	waiters = waitqueue_active(&disk->bd_page_wait);
	spin_unlock(&disk->bd_cache_lock);
	if (waiters)
		wake_up_all(&disk->bd_page_wait);
}

bool bdev_page_uptodate(struct gendisk *disk, struct bdev_page *p, unsigned int off,
			unsigned int len)
{
	unsigned long want = range_blocks(disk, off, len);

	return (READ_ONCE(p->uptodate) & want) == want;
}

void bdev_page_dirty(struct gendisk *disk, struct bdev_page *p, unsigned int off,
		     unsigned int len)
{
	unsigned long blocks = range_blocks(disk, off, len);
	bool start;

	spin_lock(&disk->bd_cache_lock);
	p->uptodate |= blocks;
	start = !p->dirty && ++disk->bd_nr_dirty >= disk->bd_dirty_background;
	p->dirty |= blocks;
	spin_unlock(&disk->bd_cache_lock);
	if (start)
		disk_start_background_writeback(disk);
}

/*
 * Where read-aheads end (in process context: the cache's lock is not
 * taken with interrupts off). Its works never sleep, so a reader waiting
 * for a page never waits behind a work that waits for one too, as it
 * could on system_wq.
 */
static struct workqueue_struct *ra_wq;

static int __init ra_wq_init(void)
{
	ra_wq = alloc_workqueue("readahead", 0, 0);
	return ra_wq ? 0 : -ENOMEM;
}
postcore_initcall(ra_wq_init);

/*
 * Bios submitted together and waited for together, or with @work set
 * ended together: the last one to end queues @work. The first error is
 * kept.
 */
struct bio_batch {
	atomic_t pending;		/* bios not ended, plus one until bio_batch_put() */
	atomic_t err;
	struct completion done;
	struct work_struct *work;
};

static void bio_batch_init(struct bio_batch *b, struct work_struct *work)
{
	atomic_set(&b->pending, 1);
	atomic_set(&b->err, 0);
	init_completion(&b->done);
	b->work = work;
}

static void bio_batch_put(struct bio_batch *b)
{
	if (!atomic_dec_and_test(&b->pending))
		return;
	if (b->work)
		queue_work(ra_wq, b->work);
	else
		complete(&b->done);
}

static void bio_batch_endio(struct bio *bio)
{
	struct bio_batch *b = bio->bi_private;

	if (bio->bi_status)
		atomic_cmpxchg(&b->err, 0, blk_status_to_errno(bio->bi_status));
	bio_put(bio);
	bio_batch_put(b);
}

static void bio_batch_submit(struct bio_batch *b, struct bio *bio)
{
	bio->bi_end_io = bio_batch_endio;
	bio->bi_private = b;
	atomic_inc(&b->pending);
	submit_bio(bio);
}

/* Wait for every bio of @b (no @work); returns 0 or the first error. */
static int bio_batch_wait(struct bio_batch *b)
{
	bio_batch_put(b);
	wait_for_completion(&b->done);
	return atomic_read(&b->err);
}

/*
 * Add the blocks @mask of @p to the bio being built in *@biop (@op, room
 * for @nr_vecs segments), submitting it to @b first and starting another
 * wherever the blocks do not follow on the disk or it is full. Returns 0
 * or -ENOMEM (a bio could not be allocated; the blocks before are in).
 */
static int add_blocks(struct gendisk *disk, struct bio_batch *b, struct bio **biop,
		      struct bdev_page *p, unsigned long mask, unsigned int op,
		      unsigned int nr_vecs)
{
	unsigned int bs = queue_logical_block_size(disk->queue), blk = 0, run;
	struct bio *bio;
	sector_t sector;

	while (mask >> blk) {
		if (!(mask & (1UL << blk))) {
			blk++;
			continue;
		}
		for (run = 1; mask & (1UL << (blk + run)); run++)
			;
		sector = ((sector_t)p->index << (PAGE_SHIFT - SECTOR_SHIFT)) +
			 blk * (bs >> SECTOR_SHIFT);
		bio = *biop;
		if (bio && (bio->bi_sector + (bio->bi_size >> SECTOR_SHIFT) != sector ||
			    bio->bi_vcnt == bio->bi_max_vecs)) {
			bio_batch_submit(b, bio);
			bio = NULL;
		}
		if (!bio) {
			bio = bio_alloc(disk->part0, nr_vecs, op, GFP_NOIO);
			*biop = bio;
			if (!bio)
				return -ENOMEM;
			bio->bi_sector = sector;
		}
		bio_add_page(bio, p->page, run * bs, blk * bs);
		blk += run;
	}
	return 0;
}

/*
 * Add to *@biop (a new bio has room for @nr pages) pages @index.. (at
 * most @nr) that hold nothing and can be locked now, up to the first that
 * cannot; they go on @pages, locked and referenced. Returns how many.
 */
static unsigned int add_empty_pages(struct gendisk *disk, struct bio_batch *b,
				    struct bio **biop, unsigned long index, unsigned int nr,
				    struct list_head *pages)
{
	struct bdev_page *q;
	unsigned int n;

	for (n = 0; n < nr; n++) {
		q = bdev_page_get(disk, index + n);
		if (!q)
			break;
		if (!bdev_page_trylock(disk, q)) {
			bdev_page_put(disk, q);
			break;
		}
		if (READ_ONCE(q->uptodate) ||
		    add_blocks(disk, b, biop, q, page_blocks(disk, q->index), REQ_OP_READ, nr)) {
			bdev_page_unlock(disk, q);
			bdev_page_put(disk, q);
			break;
		}
		list_add_tail(&q->ra, pages);
	}
	return n;
}

/* The read of @pages ended with @err: mark them up to date unless it failed, unlock and put them. */
static void end_pages_read(struct gendisk *disk, struct list_head *pages, int err)
{
	struct bdev_page *q, *next;

	if (!err) {
		spin_lock(&disk->bd_cache_lock);
		list_for_each_entry(q, pages, ra)
			q->uptodate |= page_blocks(disk, q->index);
		spin_unlock(&disk->bd_cache_lock);
	}
	list_for_each_entry_safe(q, next, pages, ra) {
		list_del(&q->ra);
		bdev_page_unlock(disk, q);
		bdev_page_put(disk, q);
	}
}

/*
 * Read the blocks @mask of @p (locked), and with @ra > 1 up to @ra - 1
 * following pages that hold nothing and can be locked now, in one bio
 * where they follow each other.
 */
static int read_window(struct gendisk *disk, struct bdev_page *p, unsigned long mask,
		       unsigned int ra)
{
	struct bio_batch batch;
	struct bio *bio = NULL;
	LIST_HEAD(pages);	/* the following pages, locked */
	int err, ioerr;

	bio_batch_init(&batch, NULL);
	err = add_blocks(disk, &batch, &bio, p, mask, REQ_OP_READ, ra);
	if (!err)
		add_empty_pages(disk, &batch, &bio, p->index + 1, ra - 1, &pages);
	if (bio)
		bio_batch_submit(&batch, bio);
	ioerr = bio_batch_wait(&batch);
	if (!err)
		err = ioerr;
	if (!err) {
		spin_lock(&disk->bd_cache_lock);
		p->uptodate |= mask;
		spin_unlock(&disk->bd_cache_lock);
	}
	end_pages_read(disk, &pages, err);
	return err;
}

/* An asynchronous read-ahead: its pages stay locked until its bios have ended. */
struct ra_async {
	struct gendisk *disk;
	struct bio_batch batch;
	struct list_head pages;
	struct work_struct work;
};

/* The last bio of a read-ahead ended; on ra_wq. */
static void ra_async_workfn(struct work_struct *work)
{
	struct ra_async *ra = container_of(work, struct ra_async, work);
	struct gendisk *disk = ra->disk;

	end_pages_read(disk, &ra->pages, atomic_read(&ra->batch.err));
	kfree(ra);
	/* Wake under the lock: once the count is 0 and the lock free, @disk may go. */
	spin_lock(&disk->bd_cache_lock);
	if (!--disk->bd_nr_readahead)
		wake_up_all(&disk->bd_page_wait);
	spin_unlock(&disk->bd_cache_lock);
}

static bool no_readahead(struct gendisk *disk)
{
	bool none;

	spin_lock(&disk->bd_cache_lock);
	none = !disk->bd_nr_readahead;
	spin_unlock(&disk->bd_cache_lock);
	return none;
}

void bdev_readahead(struct gendisk *disk, unsigned long index, unsigned int nr)
{
	struct bdev_page *first;
	struct bio *bio = NULL;
	struct ra_async *ra;

	ra = ra_wq ? kmalloc(sizeof(*ra), GFP_KERNEL) : NULL;
	if (!ra)
		return;		/* read-ahead is only a hint */
	ra->disk = disk;
	INIT_LIST_HEAD(&ra->pages);
	INIT_WORK(&ra->work, ra_async_workfn);
	bio_batch_init(&ra->batch, &ra->work);
	if (!add_empty_pages(disk, &ra->batch, &bio, index, min(nr, BDEV_BIO_PAGES), &ra->pages)) {
		kfree(ra);
		return;
	}
	first = list_first_entry(&ra->pages, struct bdev_page, ra);
	spin_lock(&disk->bd_cache_lock);
	first->readahead = true;	/* where the reader starts the next one */
	disk->bd_nr_readahead++;
	spin_unlock(&disk->bd_cache_lock);
	if (bio)
		bio_batch_submit(&ra->batch, bio);
	bio_batch_put(&ra->batch);	/* from here @ra is the work's */
}

bool bdev_page_test_clear_readahead(struct gendisk *disk, struct bdev_page *p)
{
	bool was;

	if (!READ_ONCE(p->readahead))
		return false;
	spin_lock(&disk->bd_cache_lock);
	was = p->readahead;
	p->readahead = false;
	spin_unlock(&disk->bd_cache_lock);
	return was;
}

int bdev_page_read(struct gendisk *disk, struct bdev_page *p, unsigned int off,
		   unsigned int len, unsigned int ra)
{
	unsigned long all = page_blocks(disk, p->index);
	unsigned long want = range_blocks(disk, off, len) & all & ~READ_ONCE(p->uptodate);
	int err;

	if (!want)
		return 0;
	if (READ_ONCE(p->uptodate))
		return read_window(disk, p, want, 1);
	/* Nothing here yet: the whole page, and the window after it. */
	err = read_window(disk, p, all, ra);
	if (err && (ra > 1 || want != all))
		err = read_window(disk, p, want, 1);
	return err;
}

int __bdev_writeback(struct gendisk *disk, unsigned long first, unsigned long last,
		     unsigned long max_pages)
{
	struct bdev_page *p, *next, *stop = NULL;
	struct bio_batch batch;
	struct bio *bio = NULL;
	LIST_HEAD(pages);
	bool redirty = false;
	int err = 0, ioerr;

	mutex_lock(&disk->bd_wb_lock);
	spin_lock(&disk->bd_cache_lock);
	for (p = lower_bound(disk, first); p && p->index <= last && max_pages;
	     p = rb_entry_safe(rb_next(&p->node), struct bdev_page, node)) {
		if (!p->dirty)
			continue;
		p->wb_mask = p->dirty;
		p->dirty = 0;
		p->count++;
		disk->bd_nr_dirty--;
		max_pages--;
		list_add_tail(&p->wb, &pages);
	}
	spin_unlock(&disk->bd_cache_lock);
	wake_up_all(&disk->bd_dirty_wait);	/* writers held at bd_dirty_limit */
	bio_batch_init(&batch, NULL);
	list_for_each_entry(p, &pages, wb) {
		err = add_blocks(disk, &batch, &bio, p, p->wb_mask, REQ_OP_WRITE, BDEV_BIO_PAGES);
		if (err) {
			stop = p;
			break;
		}
	}
	if (bio)
		bio_batch_submit(&batch, bio);
	ioerr = bio_batch_wait(&batch);
	spin_lock(&disk->bd_cache_lock);
	list_for_each_entry_safe(p, next, &pages, wb) {
		redirty |= p == stop;	/* from the one that failed on: not written */
		if (redirty && !p->dirty)
			disk->bd_nr_dirty++;
		if (redirty)
			p->dirty |= p->wb_mask;
		list_del(&p->wb);
		p->count--;
	}
	spin_unlock(&disk->bd_cache_lock);
	mutex_unlock(&disk->bd_wb_lock);
	if (ioerr)
		atomic_cmpxchg(&disk->bd_wb_err, 0, ioerr);
	return err ? err : ioerr;
}

int bdev_writeback(struct gendisk *disk, unsigned long first, unsigned long last)
{
	return __bdev_writeback(disk, first, last, ULONG_MAX);
}

void invalidate_disk_buffers(struct gendisk *disk)
{
	/* Read-aheads in flight hold their pages. */
	wait_event(disk->bd_page_wait, no_readahead(disk));
	bdev_writeback(disk, 0, ULONG_MAX);
	shrink_cache(disk, 0, true);
}

void blkdev_flush_mapping(struct block_device *bdev)
{
	shrink_cache(bdev->bd_disk, 0, false);
}
