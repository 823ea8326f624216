/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Allocation fault injection, for tests: make one chosen allocation fail on
 * purpose, to exercise error paths.
 *
 * Every allocation *request* counts once: a call to alloc_pages() (and the
 * helpers built on it: __get_free_pages(), get_zeroed_page(), ...),
 * kmalloc() and friends (kzalloc, kcalloc, krealloc when it must allocate,
 * kmem_cache_alloc()) and vmalloc()/vzalloc(). Pages or objects an
 * allocator takes internally to satisfy a request do not count again.
 *
 *	alloc_fail_after(2);
 *	a = kmalloc(8, GFP_KERNEL);	// succeeds
 *	b = kmalloc(8, GFP_KERNEL);	// succeeds
 *	c = kmalloc(8, GFP_KERNEL);	// fails (NULL), injection disarms itself
 *	d = kmalloc(8, GFP_KERNEL);	// succeeds
 *
 * An injected failure behaves exactly like a real one, including the
 * failure message unless __GFP_NOWARN. The countdown is global: any other
 * thread or interrupt handler allocating meanwhile consumes it too, so keep
 * the armed window short. All functions are callable from any context and
 * never sleep or allocate.
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/types.h>

/* Arm: the next n allocation requests succeed, the one after fails (once). */
void alloc_fail_after(unsigned int n);

/* Disarm without injecting anything. */
void alloc_fail_off(void);

/* True while armed (the failure has not happened yet). */
bool alloc_fail_armed(void);

/* Number of failures injected since boot. */
unsigned long alloc_fail_count(void);

/*
 * should_fail_alloc() - the allocators' hook: called once per allocation
 * request; true means "fail this one". Not for use by tests.
 */
bool should_fail_alloc(gfp_t gfp);

#endif /* _LINUX_FAULT_INJECT_H */
