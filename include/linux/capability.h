/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Capability sets (kernel/capability.c): a kernel_cap_t holds one bit per
 * CAP_* number of uapi/linux/capability.h, as Linux's does.
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>
#include <uapi/linux/capability.h>

typedef struct { u64 val; } kernel_cap_t;

#define CAP_VALID_MASK	((1ULL << (CAP_LAST_CAP + 1)) - 1)
#define CAP_EMPTY_SET	((kernel_cap_t) { 0 })
#define CAP_FULL_SET	((kernel_cap_t) { CAP_VALID_MASK })

/* What a file-system uid of 0 brings (dropped when fsuid leaves 0). */
#define CAP_FS_SET	((kernel_cap_t) { (1ULL << CAP_CHOWN) | (1ULL << CAP_MKNOD) | \
	(1ULL << CAP_DAC_OVERRIDE) | (1ULL << CAP_DAC_READ_SEARCH) | \
	(1ULL << CAP_FOWNER) | (1ULL << CAP_FSETID) | (1ULL << CAP_MAC_OVERRIDE) | \
	(1ULL << CAP_LINUX_IMMUTABLE) })

static inline bool cap_raised(kernel_cap_t c, int cap)
{
	return c.val & (1ULL << cap);
}

static inline kernel_cap_t cap_combine(kernel_cap_t a, kernel_cap_t b)
{
	return (kernel_cap_t) { a.val | b.val };
}

static inline kernel_cap_t cap_intersect(kernel_cap_t a, kernel_cap_t b)
{
	return (kernel_cap_t) { a.val & b.val };
}

static inline bool cap_issubset(kernel_cap_t a, kernel_cap_t set)
{
	return !(a.val & ~set.val);
}

static inline void cap_clear(kernel_cap_t *c)
{
	c->val = 0;
}

/*
 * capable() - whether current's effective set holds @cap (Linux also
 * records the use for the superuser flag; Ferrite does not). Never sleeps.
 */
bool capable(int cap);

#endif
