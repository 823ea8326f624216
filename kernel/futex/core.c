// SPDX-License-Identifier: GPL-2.0-only
/*
 * The futex hash: waiters queued by key in FUTEX_HASH_SIZE buckets, each
 * with its own spinlock, and the wake and requeue operations on them
 * (kernel/futex/futex.h). Nothing here touches user memory: syscalls.c
 * turns user addresses into keys and reads the words.
 *
 * A woken waiter is off its bucket with q->hb NULL, written last by the
 * waker (with release order) so the waiter may return and its futex_q go
 * as soon as it sees it; the waker holds a task reference for the wake-up.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/sched.h>
#include "futex.h"

static struct futex_hash_bucket futex_queues[FUTEX_HASH_SIZE];

static int __init futex_init(void)
{
	for (int i = 0; i < FUTEX_HASH_SIZE; i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
	return 0;
}
core_initcall(futex_init);

unsigned int futex_hash_index(const struct futex_key *key)
{
	/* Multiplicative (Fibonacci) hashing: the top bits of the product. */
	u64 h = ((unsigned long)key->ptr ^ (key->word * 31)) * 0x61c8864680b583ebULL;

	return h >> (64 - FUTEX_HASH_BITS);
}

struct futex_hash_bucket *futex_hash(const struct futex_key *key)
{
	return &futex_queues[futex_hash_index(key)];
}

static bool key_eq(const struct futex_key *a, const struct futex_key *b)
{
	return a->ptr == b->ptr && a->word == b->word;
}

void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb)
{
	q->hb = hb;
	list_add_tail(&q->list, &hb->chain);
}

bool futex_unqueue(struct futex_q *q)
{
	struct futex_hash_bucket *hb;

	/* A requeue may move it between reading q->hb and locking that bucket. */
	for (;;) {
		hb = smp_load_acquire(&q->hb);
		if (!hb)
			return false;
		spin_lock(&hb->lock);
		if (hb == q->hb)
			break;
		spin_unlock(&hb->lock);
	}
	list_del_init(&q->list);
	q->hb = NULL;
	spin_unlock(&hb->lock);
	return true;
}

/* Take @q off its bucket (locked) and wake its task. */
static void wake_futex(struct futex_q *q)
{
	struct task_struct *p = q->task;

	get_task_struct(p);
	list_del_init(&q->list);
	smp_store_release(&q->hb, NULL);	/* from here on q may be gone */
	wake_up_process(p);
	put_task_struct(p);
}

int futex_wake_key(const struct futex_key *key, int nr, u32 bitset)
{
	struct futex_hash_bucket *hb = futex_hash(key);
	struct futex_q *q, *tmp;
	int woken = 0;

	spin_lock(&hb->lock);
	list_for_each_entry_safe(q, tmp, &hb->chain, list) {
		if (woken >= nr)
			break;
		if (key_eq(&q->key, key) && (q->bitset & bitset)) {
			wake_futex(q);
			woken++;
		}
	}
	spin_unlock(&hb->lock);
	return woken;
}

void double_lock_hb(struct futex_hash_bucket *a, struct futex_hash_bucket *b)
{
	if (a > b) {
		struct futex_hash_bucket *t = a;

		a = b;
		b = t;
	}
	spin_lock(&a->lock);
	if (a != b)
		spin_lock(&b->lock);
}

void double_unlock_hb(struct futex_hash_bucket *a, struct futex_hash_bucket *b)
{
	spin_unlock(&a->lock);
	if (a != b)
		spin_unlock(&b->lock);
}

int futex_requeue_key(const struct futex_key *key1, const struct futex_key *key2,
		      int nr_wake, int nr_requeue, const u32 *cmp, u32 cmpval)
{
	struct futex_hash_bucket *hb1 = futex_hash(key1), *hb2 = futex_hash(key2);
	struct futex_q *q, *tmp;
	int woken = 0, moved = 0;

	double_lock_hb(hb1, hb2);
	if (cmp && READ_ONCE(*cmp) != cmpval) {
		double_unlock_hb(hb1, hb2);
		return -EAGAIN;
	}
	list_for_each_entry_safe(q, tmp, &hb1->chain, list) {
		if (!key_eq(&q->key, key1))
			continue;
		if (woken < nr_wake) {
			wake_futex(q);
			woken++;
			continue;
		}
		if (moved >= nr_requeue)
			break;
		q->key = *key2;
		if (hb1 != hb2) {
			list_move_tail(&q->list, &hb2->chain);
			WRITE_ONCE(q->hb, hb2);
		}
		moved++;
	}
	double_unlock_hb(hb1, hb2);
	return woken + moved;
}
