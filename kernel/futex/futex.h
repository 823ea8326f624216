/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The futex core's inside (kernel/futex/): what core.c gives syscalls.c
 * and the KUnit suite. A waiter is a futex_q on its caller's stack, queued
 * in one of FUTEX_HASH_SIZE buckets chosen by its key; wakers walk that
 * bucket under its spinlock. Two buckets are locked in address order.
 */
#ifndef _KERNEL_FUTEX_H
#define _KERNEL_FUTEX_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#define FUTEX_HASH_BITS 8
#define FUTEX_HASH_SIZE (1 << FUTEX_HASH_BITS)

/*
 * What identifies a futex word: (mm, user address) for a private one,
 * (struct page, offset) for one in a MAP_SHARED mapping (any process
 * mapping that page finds it).
 */
struct futex_key {
	const void *ptr;
	unsigned long word;
};

struct futex_hash_bucket {
	spinlock_t lock;
	struct list_head chain;
};

struct futex_q {
	struct list_head list;		/* in hb->chain while queued */
	struct task_struct *task;	/* the waiter */
	struct futex_key key;
	u32 bitset;			/* FUTEX_WAIT_BITSET's mask */
	struct futex_hash_bucket *hb;	/* its bucket; NULL once woken */
};

/* futex_hash_index() - which bucket @key goes to; futex_hash() - that bucket. Any context. */
unsigned int futex_hash_index(const struct futex_key *key);
struct futex_hash_bucket *futex_hash(const struct futex_key *key);

/*
 * futex_queue() - queue @q (key, bitset and task set) on @hb. Caller
 * holds hb->lock, and sets its own state before testing q->hb.
 */
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb);

/*
 * futex_unqueue() - take @q off its bucket if still queued: true if it
 * was (not woken), false if a waker took it. Takes the bucket's lock.
 */
bool futex_unqueue(struct futex_q *q);

/*
 * futex_wake_key() - wake up to @nr waiters on @key whose bitset meets
 * @bitset, oldest first. Returns how many. Never sleeps.
 */
int futex_wake_key(const struct futex_key *key, int nr, u32 bitset);

/*
 * futex_requeue_key() - wake up to @nr_wake waiters on @key1 and move up
 * to @nr_requeue more to @key2, if @cmp is NULL or *@cmp (read with both
 * buckets locked) equals @cmpval; else -EAGAIN. Returns the number woken
 * plus moved. Never sleeps.
 */
int futex_requeue_key(const struct futex_key *key1, const struct futex_key *key2,
		      int nr_wake, int nr_requeue, const u32 *cmp, u32 cmpval);

/* double_lock_hb()/double_unlock_hb() - both buckets, in address order, once if equal. */
void double_lock_hb(struct futex_hash_bucket *a, struct futex_hash_bucket *b);
void double_unlock_hb(struct futex_hash_bucket *a, struct futex_hash_bucket *b);

#endif /* _KERNEL_FUTEX_H */
