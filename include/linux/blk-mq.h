/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * blk-mq: how a block driver receives I/O. The driver fills a struct
 * blk_mq_tag_set (its operations, the queue depth, the bytes of private
 * data it wants after each request) and blk_mq_alloc_tag_set() makes that
 * many requests, each with a tag (its index). blk_mq_alloc_disk() then
 * gives a gendisk whose queue sends every bio to ->queue_rq() as one
 * struct request.
 *
 * Request life cycle:
 *   free --submit_bio()--> allocated (a tag is taken; when all are in use
 *   the submitter sleeps until one is freed, it never fails)
 *   --> ->queue_rq(): the block layer calls blk_mq_start_request() first;
 *   the driver starts the I/O and returns BLK_STS_OK, or an error status
 *   (the request ends with it), or BLK_STS_RESOURCE / BLK_STS_DEV_RESOURCE
 *   (it is offered again once another request of the queue has ended)
 *   --> the driver ends it with blk_mq_end_request(rq, status), either at
 *   once (inside ->queue_rq) or later from any context (an interrupt, a
 *   timer), or calls blk_mq_complete_request(rq), which runs ->complete(rq)
 *   later in process context (a workqueue) where the driver ends it.
 *   --> free: the bio is ended, the tag returns to the set.
 * A request must be ended exactly once; after that the driver must not
 * touch it.
 *
 * Bios are handed to ->queue_rq() one at a time, so bd->last is always
 * true and ->commit_rqs() is only called after ->queue_rq() asked for a
 * resubmission (to kick what the driver queued before).
 */
#ifndef _LINUX_BLK_MQ_H
#define _LINUX_BLK_MQ_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/blkdev.h>

struct blk_mq_tags;

struct request {
	struct request_queue *q;
	int tag;
	unsigned int cmd_flags;		/* the bio's REQ_OP_* | REQ_* */
	sector_t __sector;		/* on the whole disk */
	unsigned int __data_len;	/* bytes */
	struct bio *bio;		/* the one bio, NULL for a flush */
	/* Private to block/: */
	atomic_t state;			/* MQ_RQ_*: ends exactly once */
	struct work_struct complete_work;
};

enum mq_rq_state {
	MQ_RQ_IDLE = 0,
	MQ_RQ_IN_FLIGHT = 1,
};

struct blk_mq_queue_data {
	struct request *rq;
	bool last;
};

struct blk_mq_hw_ctx {
	struct request_queue *queue;
	void *driver_data;		/* the tag set's driver_data */
	unsigned int queue_num;
};

struct blk_mq_ops {
	/* Start @bd->rq (see the life cycle above). Process context; may sleep. */
	blk_status_t (*queue_rq)(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd);
	/* Optional: start what ->queue_rq() queued without starting. */
	void (*commit_rqs)(struct blk_mq_hw_ctx *hctx);
	/* Optional: after blk_mq_complete_request(); end the request here. */
	void (*complete)(struct request *rq);
	/*
	 * Optional: set up the driver's cmd_size bytes of @rq once, when
	 * blk_mq_alloc_tag_set() makes it (they start zeroed). Returns 0 or
	 * -errno, which fails the allocation. May sleep.
	 */
	int (*init_request)(struct blk_mq_tag_set *set, struct request *rq);
	/* Optional: undo ->init_request() when the request is freed. May sleep. */
	void (*exit_request)(struct blk_mq_tag_set *set, struct request *rq);
};

struct blk_mq_tag_set {
	const struct blk_mq_ops *ops;
	unsigned int nr_hw_queues;	/* must be 1 */
	unsigned int queue_depth;	/* requests, 1..BLK_MQ_MAX_DEPTH */
	unsigned int cmd_size;		/* driver bytes after each request */
	void *driver_data;
	/* Private to block/blk-mq.c: */
	struct blk_mq_tags *tags;
};

#define BLK_MQ_MAX_DEPTH	1024

/*
 * blk_mq_alloc_tag_set() - allocate @set's requests and call
 * ->init_request() on each. Returns 0, -EINVAL (bad depth, queue count or
 * missing ->queue_rq), -ENOMEM or ->init_request()'s error (nothing
 * allocated, every request set up is exited again). May sleep.
 */
int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set);

/* blk_mq_free_tag_set() - exit and free them; no disk may use @set any more. */
void blk_mq_free_tag_set(struct blk_mq_tag_set *set);

/*
 * blk_mq_alloc_disk() - a gendisk with a queue on @set, limits @lim (NULL:
 * 512-byte blocks) and queuedata @queuedata, capacity 0, not added yet.
 * Returns it or ERR_PTR(-EINVAL/-ENOMEM). Free with put_disk(). May sleep.
 */
struct gendisk *blk_mq_alloc_disk(struct blk_mq_tag_set *set, const struct queue_limits *lim,
				  void *queuedata);

/* blk_mq_start_request() - the driver owns @rq now (the block layer calls it). */
void blk_mq_start_request(struct request *rq);

/*
 * blk_mq_end_request() - end @rq with @error: its bio ends, its tag is
 * freed. Any context, never sleeps.
 */
void blk_mq_end_request(struct request *rq, blk_status_t error);

/*
 * blk_mq_complete_request() - have ->complete(@rq) called soon in process
 * context (without ->complete: end it with BLK_STS_OK). Any context,
 * never sleeps.
 */
void blk_mq_complete_request(struct request *rq);

/* The driver's cmd_size bytes after @rq, and back. */
static inline void *blk_mq_rq_to_pdu(struct request *rq)
{
	return rq + 1;
}

static inline struct request *blk_mq_rq_from_pdu(void *pdu)
{
	return (struct request *)pdu - 1;
}

static inline enum req_op req_op(const struct request *rq)
{
	return bio_op_of(rq->cmd_flags);
}

static inline int rq_data_dir(const struct request *rq)
{
	return op_is_write(rq->cmd_flags);
}

static inline sector_t blk_rq_pos(const struct request *rq)
{
	return rq->__sector;
}

static inline unsigned int blk_rq_bytes(const struct request *rq)
{
	return rq->__data_len;
}

/* rq_for_each_segment() - each bio_vec of @rq in turn (none for a flush). */
#define rq_for_each_segment(bv, rq)					\
	for (bv = (rq)->bio ? (rq)->bio->bi_io_vec : NULL;		\
	     bv && bv < (rq)->bio->bi_io_vec + (rq)->bio->bi_vcnt; bv++)

#endif /* _LINUX_BLK_MQ_H */
