// SPDX-License-Identifier: GPL-2.0-only
/*
 * null_blk: block devices that do nothing, or keep their data in memory,
 * to test and measure the block layer (and the twin of
 * drivers/block/rnull.rs). Module parameters, from the command line:
 *   null_blk.nr_devices=1      disks /dev/nullb0.. made at boot
 *   null_blk.size=16           MiB each
 *   null_blk.bs=512            logical block size
 *   null_blk.irqmode=1         0: end requests at once, 1: through
 *                              ->complete() (a workqueue), 2: from a timer
 *   null_blk.completion_nsec=10000  timer mode's delay (a tick at least)
 *   null_blk.memory_backed=1   keep written data (Linux's default is 0;
 *                              here there is no configfs to turn it on)
 *   null_blk.hw_queue_depth=64 requests in flight per disk
 * Memory is a page per 4 KiB of the device, allocated at the first write
 * to it; a write that cannot get its page fails with -ENOSPC, as in Linux.
 * Requests may run concurrently: pages are inserted under nb->lock, data
 * is copied without it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/cmdline.h>
#include <linux/timer.h>
#include <linux/ktime.h>
#include <linux/blk-mq.h>
#include "null_blk.h"

#define NULLB_MAX_DEVICES	64

struct nullb {
	struct nullb_config cfg;
	struct blk_mq_tag_set tag_set;
	struct gendisk *disk;
	int index;
	unsigned long nr_pages;
	struct page **pages;
	spinlock_t lock;		/* pages[] slots */
	atomic_long_t nr_flushes;
};

struct nullb_cmd {
	struct timer_list timer;
	blk_status_t error;
};

static int null_major;
static DEFINE_MUTEX(nullb_indexes_lock);
static struct nullb *nullb_indexes[NULLB_MAX_DEVICES];

/* Copy @len bytes between @buf and the device at byte @pos. */
static blk_status_t null_copy(struct nullb *nb, u64 pos, void *buf, size_t len, bool write)
{
	while (len) {
		unsigned long idx = pos >> PAGE_SHIFT;
		size_t off = pos & (PAGE_SIZE - 1), n = min(len, (size_t)(PAGE_SIZE - off));
		struct page *page = READ_ONCE(nb->pages[idx]), *new;
		unsigned long flags;

		if (!page && write) {
			new = alloc_page(GFP_KERNEL | __GFP_ZERO);
			if (!new)
				return BLK_STS_NOSPC;
			spin_lock_irqsave(&nb->lock, flags);
			page = nb->pages[idx];
			if (!page)
				page = nb->pages[idx] = new;
			spin_unlock_irqrestore(&nb->lock, flags);
			if (page != new)
				__free_page(new);
		}
		if (write)
			memcpy(page_address(page) + off, buf, n);
		else if (page)
			memcpy(buf, page_address(page) + off, n);
		else
			memset(buf, 0, n);
		pos += n;
		buf += n;
		len -= n;
	}
	return BLK_STS_OK;
}

static blk_status_t null_handle_rq(struct nullb *nb, struct request *rq)
{
	u64 pos = (u64)blk_rq_pos(rq) << SECTOR_SHIFT;
	sector_t nr = blk_rq_bytes(rq) >> SECTOR_SHIFT;
	struct bio_vec *bv;
	blk_status_t ret;

	if (req_op(rq) == REQ_OP_FLUSH) {
		atomic_long_inc(&nb->nr_flushes);
		return BLK_STS_OK;
	}
	if (nb->cfg.badblock_nr && blk_rq_pos(rq) < nb->cfg.badblock_start + nb->cfg.badblock_nr &&
	    nb->cfg.badblock_start < blk_rq_pos(rq) + nr)
		return BLK_STS_IOERR;
	if (!nb->cfg.memory_backed) {
		if (rq_data_dir(rq))
			return BLK_STS_OK;
	}
	rq_for_each_segment(bv, rq) {
		void *buf = page_address(bv->bv_page) + bv->bv_offset;

		if (!nb->cfg.memory_backed) {
			memset(buf, 0, bv->bv_len);
			continue;
		}
		ret = null_copy(nb, pos, buf, bv->bv_len, rq_data_dir(rq));
		if (ret)
			return ret;
		pos += bv->bv_len;
	}
	return BLK_STS_OK;
}

static void null_timer_fn(struct timer_list *t)
{
	struct nullb_cmd *cmd = from_timer(cmd, t, timer);

	blk_mq_end_request(blk_mq_rq_from_pdu(cmd), cmd->error);
}

static blk_status_t null_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd)
{
	struct nullb *nb = hctx->queue->queuedata;
	struct request *rq = bd->rq;
	struct nullb_cmd *cmd = blk_mq_rq_to_pdu(rq);

	cmd->error = null_handle_rq(nb, rq);
	switch (nb->cfg.irqmode) {
	case NULL_IRQ_SOFTIRQ:
		blk_mq_complete_request(rq);
		break;
	case NULL_IRQ_TIMER:
		timer_setup(&cmd->timer, null_timer_fn, 0);
		mod_timer(&cmd->timer, jiffies + DIV_ROUND_UP(nb->cfg.completion_nsec,
							     NSEC_PER_SEC / HZ));
		break;
	default:
		blk_mq_end_request(rq, cmd->error);
	}
	return BLK_STS_OK;
}

static void null_complete_rq(struct request *rq)
{
	struct nullb_cmd *cmd = blk_mq_rq_to_pdu(rq);

	blk_mq_end_request(rq, cmd->error);
}

static const struct blk_mq_ops null_mq_ops = {
	.queue_rq = null_queue_rq,
	.complete = null_complete_rq,
};

static const struct block_device_operations null_ops = {
};

static void null_free(struct nullb *nb)
{
	unsigned long i;

	if (nb->pages)
		for (i = 0; i < nb->nr_pages; i++)
			if (nb->pages[i])
				__free_page(nb->pages[i]);
	kvfree(nb->pages);
	kfree(nb);
}

static int null_get_index(struct nullb *nb)
{
	int i;

	mutex_lock(&nullb_indexes_lock);
	for (i = 0; i < NULLB_MAX_DEVICES && nullb_indexes[i]; i++)
		;
	if (i < NULLB_MAX_DEVICES)
		nullb_indexes[i] = nb;
	mutex_unlock(&nullb_indexes_lock);
	return i < NULLB_MAX_DEVICES ? i : -ENOSPC;
}

static void null_put_index(int index)
{
	mutex_lock(&nullb_indexes_lock);
	nullb_indexes[index] = NULL;
	mutex_unlock(&nullb_indexes_lock);
}

struct nullb *null_add_dev(const struct nullb_config *cfg)
{
	struct queue_limits lim = { .logical_block_size = cfg->bs,
				    .features = BLK_FEAT_WRITE_CACHE };
	struct nullb *nb;
	int err = -EINVAL;

	if (!null_major || !cfg->size || cfg->size > (1UL << 20) ||
	    cfg->irqmode > NULL_IRQ_TIMER)
		return ERR_PTR(-EINVAL);
	nb = kzalloc(sizeof(*nb), GFP_KERNEL);
	if (!nb)
		return ERR_PTR(-ENOMEM);
	nb->cfg = *cfg;
	spin_lock_init(&nb->lock);
	nb->nr_pages = (cfg->size << 20) >> PAGE_SHIFT;
	if (cfg->memory_backed) {
		nb->pages = kvcalloc(nb->nr_pages, sizeof(*nb->pages), GFP_KERNEL);
		if (!nb->pages) {
			err = -ENOMEM;
			goto out_free;
		}
	}
	nb->index = null_get_index(nb);
	if (nb->index < 0) {
		err = nb->index;
		goto out_free;
	}
	nb->tag_set.ops = &null_mq_ops;
	nb->tag_set.nr_hw_queues = 1;
	nb->tag_set.queue_depth = cfg->hw_queue_depth;
	nb->tag_set.cmd_size = sizeof(struct nullb_cmd);
	nb->tag_set.driver_data = nb;
	err = blk_mq_alloc_tag_set(&nb->tag_set);
	if (err)
		goto out_index;
	nb->disk = blk_mq_alloc_disk(&nb->tag_set, &lim, nb);
	if (IS_ERR(nb->disk)) {
		err = PTR_ERR(nb->disk);
		goto out_tags;
	}
	nb->disk->major = null_major;
	nb->disk->first_minor = nb->index * (DISK_MAX_PARTS + 1);
	nb->disk->fops = &null_ops;
	snprintf(nb->disk->disk_name, DISK_NAME_LEN, "nullb%d", nb->index);
	set_capacity(nb->disk, (sector_t)cfg->size << (20 - SECTOR_SHIFT));
	err = add_disk(nb->disk);
	if (err)
		goto out_disk;
	return nb;
out_disk:
	put_disk(nb->disk);
out_tags:
	blk_mq_free_tag_set(&nb->tag_set);
out_index:
	null_put_index(nb->index);
out_free:
	null_free(nb);
	return ERR_PTR(err);
}

void null_del_dev(struct nullb *nb)
{
	del_gendisk(nb->disk);
	put_disk(nb->disk);
	blk_mq_free_tag_set(&nb->tag_set);
	null_put_index(nb->index);
	null_free(nb);
}

const char *null_disk_name(struct nullb *nb)
{
	return nb->disk->disk_name;
}

unsigned long null_nr_flushes(struct nullb *nb)
{
	return atomic_long_read(&nb->nr_flushes);
}

int null_peek(struct nullb *nb, u64 pos, void *buf, size_t len)
{
	if (!nb->cfg.memory_backed || pos > (u64)nb->cfg.size << 20 ||
	    len > ((u64)nb->cfg.size << 20) - pos)
		return -EINVAL;
	null_copy(nb, pos, buf, len, false);
	return 0;
}

static long null_param(const char *name, long def)
{
	long val;

	return cmdline_get_long(boot_command_line, name, &val) ? def : val;
}

static int __init null_init(void)
{
	struct nullb_config cfg = {
		.size = null_param("null_blk.size", 16),
		.bs = null_param("null_blk.bs", 512),
		.irqmode = null_param("null_blk.irqmode", NULL_IRQ_SOFTIRQ),
		.completion_nsec = null_param("null_blk.completion_nsec", 10000),
		.memory_backed = null_param("null_blk.memory_backed", 1),
		.hw_queue_depth = null_param("null_blk.hw_queue_depth", 64),
	};
	long i, nr = null_param("null_blk.nr_devices", 1);
	struct nullb *nb;

	null_major = register_blkdev(0, "nullb");
	if (null_major < 0)
		return null_major;
	for (i = 0; i < nr; i++) {
		nb = null_add_dev(&cfg);
		if (IS_ERR(nb)) {
			pr_err("null_blk: cannot add nullb%ld: %ld\n", i, PTR_ERR(nb));
			return PTR_ERR(nb);
		}
	}
	return 0;
}
module_init(null_init);
