/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The configuration of a null block device, shared by the twin drivers
 * drivers/block/null_blk.c (C, /dev/nullbN) and drivers/block/rnull.rs
 * (Rust, /dev/rnullbN): both make their boot devices from their module
 * parameters into one of these, and their tests make more
 * (include/kunit/null_blk.h).
 */
#ifndef _LINUX_NULL_BLK_H
#define _LINUX_NULL_BLK_H

#include <linux/types.h>

enum {
	NULL_IRQ_NONE = 0,	/* end each request inside ->queue_rq() */
	NULL_IRQ_SOFTIRQ = 1,	/* blk_mq_complete_request(): ->complete() later */
	NULL_IRQ_TIMER = 2,	/* end it from a timer, completion_nsec later */
};

struct nullb_config {
	unsigned long size;		/* MiB, 1..1048576 */
	unsigned int bs;		/* logical block size */
	unsigned int irqmode;		/* NULL_IRQ_* */
	unsigned long completion_nsec;	/* timer mode's delay (rounded up to a tick) */
	bool memory_backed;		/* keep written data (else reads give zeroes) */
	unsigned int hw_queue_depth;
	sector_t badblock_start;	/* with badblock_nr: these sectors fail (-EIO) */
	sector_t badblock_nr;
};

#endif /* _LINUX_NULL_BLK_H */
