// SPDX-License-Identifier: GPL-2.0-only
/*
 * blk-mq: tag sets, requests and their life cycle (see linux/blk-mq.h).
 * A tag set's requests live in one array; free tags are a stack under a
 * spinlock, and submitters sleep on the set's wait queue while it is
 * empty. Every request ended wakes them and bumps nr_ended, which is also
 * what a queue that asked for a resubmission waits for.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/blk-mq.h>
#include "blk.h"

struct blk_mq_tags {
	spinlock_t lock;
	unsigned int nr_free;
	unsigned int *free;		/* free tags, nr_free of them */
	unsigned long nr_ended;		/* requests ended so far */
	wait_queue_head_t wait;
	size_t rq_size;			/* request + cmd_size, aligned */
	char *rqs;
};

static struct request *tag_to_rq(struct blk_mq_tags *tags, unsigned int tag)
{
	return (struct request *)(tags->rqs + tag * tags->rq_size);
}

/* ->exit_request() on the first @nr requests of @set. */
static void exit_requests(struct blk_mq_tag_set *set, struct blk_mq_tags *tags, unsigned int nr)
{
	while (set->ops->exit_request && nr--)
		set->ops->exit_request(set, tag_to_rq(tags, nr));
}

int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set)
{
	struct blk_mq_tags *tags;
	unsigned int i;
	int err;

	if (!set->ops || !set->ops->queue_rq || set->nr_hw_queues != 1 ||
	    !set->queue_depth || set->queue_depth > BLK_MQ_MAX_DEPTH)
		return -EINVAL;
	tags = kzalloc(sizeof(*tags), GFP_KERNEL);
	if (!tags)
		return -ENOMEM;
	tags->rq_size = ALIGN(sizeof(struct request) + set->cmd_size, 16);
	tags->free = kcalloc(set->queue_depth, sizeof(*tags->free), GFP_KERNEL);
	tags->rqs = kvzalloc(set->queue_depth * tags->rq_size, GFP_KERNEL);
	if (!tags->free || !tags->rqs) {
		kfree(tags->free);
		kvfree(tags->rqs);
		kfree(tags);
		return -ENOMEM;
	}
	spin_lock_init(&tags->lock);
	init_waitqueue_head(&tags->wait);
	for (i = 0; i < set->queue_depth; i++) {
		struct request *rq = tag_to_rq(tags, i);

		rq->tag = i;
		tags->free[tags->nr_free++] = set->queue_depth - 1 - i;
		err = set->ops->init_request ? set->ops->init_request(set, rq) : 0;
		if (err) {
			exit_requests(set, tags, i);
			kfree(tags->free);
			kvfree(tags->rqs);
			kfree(tags);
			return err;
		}
	}
	set->tags = tags;
	return 0;
}

void blk_mq_free_tag_set(struct blk_mq_tag_set *set)
{
	struct blk_mq_tags *tags = set->tags;

	if (!tags)
		return;
	WARN_ON(tags->nr_free != set->queue_depth);
	exit_requests(set, tags, set->queue_depth);
	kfree(tags->free);
	kvfree(tags->rqs);
	kfree(tags);
	set->tags = NULL;
}

static bool try_get_tag(struct blk_mq_tags *tags, unsigned int *tag)
{
	unsigned long flags;
	bool got = false;

	spin_lock_irqsave(&tags->lock, flags);
	if (tags->nr_free) {
		*tag = tags->free[--tags->nr_free];
		got = true;
	}
	spin_unlock_irqrestore(&tags->lock, flags);
	return got;
}

static unsigned long tags_ended(struct blk_mq_tags *tags)
{
	return READ_ONCE(tags->nr_ended);
}

void blk_mq_start_request(struct request *rq)
{
	atomic_set(&rq->state, MQ_RQ_IN_FLIGHT);
}

void blk_mq_end_request(struct request *rq, blk_status_t error)
{
	struct request_queue *q = rq->q;
	struct blk_mq_tags *tags = q->tag_set->tags;
	struct bio *bio = rq->bio;
	unsigned long flags;

	if (WARN_ON(atomic_xchg(&rq->state, MQ_RQ_IDLE) != MQ_RQ_IN_FLIGHT))
		return;		/* ended twice: the driver's bug, not the bio's */
	spin_lock_irqsave(&tags->lock, flags);
	tags->free[tags->nr_free++] = rq->tag;
	tags->nr_ended++;
	spin_unlock_irqrestore(&tags->lock, flags);
	wake_up_all(&tags->wait);
	bio->bi_status = error;
	bio_endio(bio);
	blk_queue_exit(q);
}

static void blk_mq_complete_work(struct work_struct *work)
{
	struct request *rq = container_of(work, struct request, complete_work);
	const struct blk_mq_ops *ops = rq->q->tag_set->ops;

	if (ops->complete)
		ops->complete(rq);
	else
		blk_mq_end_request(rq, BLK_STS_OK);
}

void blk_mq_complete_request(struct request *rq)
{
	queue_work(system_wq, &rq->complete_work);
}

/* Hand @bio to the driver as one request; the queue was entered for it. */
void blk_mq_submit_bio(struct request_queue *q, struct bio *bio)
{
	struct blk_mq_tag_set *set = q->tag_set;
	struct blk_mq_tags *tags = set->tags;
	struct blk_mq_queue_data bd = { .last = true };
	unsigned int tag;
	blk_status_t ret;

	wait_event(tags->wait, try_get_tag(tags, &tag));
	bd.rq = tag_to_rq(tags, tag);
	bd.rq->q = q;
	bd.rq->bio = bio;
	bd.rq->cmd_flags = bio->bi_opf;
	bd.rq->__sector = bio->bi_sector;
	bd.rq->__data_len = bio->bi_size;
	INIT_WORK(&bd.rq->complete_work, blk_mq_complete_work);
	for (;;) {
		unsigned long ended = tags_ended(tags);

		blk_mq_start_request(bd.rq);
		ret = set->ops->queue_rq(q->hctx, &bd);
		if (ret != BLK_STS_RESOURCE && ret != BLK_STS_DEV_RESOURCE)
			break;
		/* Not started after all: offer it again after another one ends. */
		atomic_set(&bd.rq->state, MQ_RQ_IDLE);
		if (set->ops->commit_rqs)
			set->ops->commit_rqs(q->hctx);
		wait_event_timeout(tags->wait, tags_ended(tags) != ended, 1);
	}
	if (ret != BLK_STS_OK)
		blk_mq_end_request(bd.rq, ret);
}
