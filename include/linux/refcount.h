/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * refcount_t: a reference counter that refuses to wrap. Incrementing from 0
 * (a use after free) or past the maximum, and decrementing below 0,
 * WARN once and leave the counter saturated at REFCOUNT_SATURATED, so the
 * object leaks instead of being freed while still in use. All operations
 * are atomic, never sleep, and work in any context.
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/kernel.h>

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n) }
#define REFCOUNT_MAX INT_MAX
#define REFCOUNT_SATURATED (INT_MIN / 2)

/* Report a misuse once and pin the counter at REFCOUNT_SATURATED. */
void refcount_warn_saturate(refcount_t *r, const char *what);

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return (unsigned int)atomic_read(&r->refs);
}

/* Take a reference unless the count is 0; returns false if it was 0. */
static inline bool refcount_inc_not_zero(refcount_t *r)
{
	int old = atomic_read(&r->refs);

	do {
		if (!old)
			return false;
		if (old < 0 || old == REFCOUNT_MAX) {
			refcount_warn_saturate(r, "saturated");
			return true;
		}
	} while (!atomic_try_cmpxchg(&r->refs, &old, old + 1));
	return true;
}

/* Take a reference; the caller must already hold one (count > 0). */
static inline void refcount_inc(refcount_t *r)
{
	int old = atomic_fetch_add(1, &r->refs);

	if (unlikely(old <= 0 || old == REFCOUNT_MAX))
		refcount_warn_saturate(r, old == 0 ? "increment on 0 (use after free)" : "saturated");
}

static inline void refcount_add(int i, refcount_t *r)
{
	int old = atomic_fetch_add(i, &r->refs);

	if (unlikely(old <= 0 || old + i < 0))
		refcount_warn_saturate(r, old == 0 ? "addition on 0 (use after free)" : "saturated");
}

/* Drop a reference; true if it was the last one (the caller frees). */
static inline bool refcount_dec_and_test(refcount_t *r)
{
	int old = atomic_fetch_add(-1, &r->refs);

	if (old == 1) {
		smp_mb();
		return true;
	}
	if (unlikely(old <= 0))
		refcount_warn_saturate(r, "underflow");
	return false;
}

/* Drop a reference that is known not to be the last. */
static inline void refcount_dec(refcount_t *r)
{
	if (unlikely(refcount_dec_and_test(r)))
		refcount_warn_saturate(r, "decrement hit 0 (leak)");
}

#endif /* _LINUX_REFCOUNT_H */
