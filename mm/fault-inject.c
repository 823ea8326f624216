// SPDX-License-Identifier: GPL-2.0-only
/*
 * Allocation fault injection: a global countdown of allocation requests
 * that lets exactly one chosen request fail. See linux/fault-inject.h.
 */
#include <linux/fault-inject.h>
#include <linux/atomic.h>

/* Requests still allowed to succeed before the failure; -1 when disarmed. */
static atomic_long_t fail_countdown = ATOMIC_INIT(-1);
static atomic_long_t fail_injected = ATOMIC_INIT(0);

void alloc_fail_after(unsigned int n)
{
	atomic_long_set(&fail_countdown, n);
}

void alloc_fail_off(void)
{
	atomic_long_set(&fail_countdown, -1);
}

bool alloc_fail_armed(void)
{
	return atomic_long_read(&fail_countdown) >= 0;
}

unsigned long alloc_fail_count(void)
{
	return atomic_long_read(&fail_injected);
}

bool should_fail_alloc(gfp_t gfp)
{
	long c = atomic_long_read(&fail_countdown);

	for (;;) {
		if (c < 0)
			return false;
		if (atomic_long_try_cmpxchg(&fail_countdown, &c, c ? c - 1 : -1))
			break;
	}
	if (c)
		return false;
	atomic_long_inc(&fail_injected);
	return true;
}
