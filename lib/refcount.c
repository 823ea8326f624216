// SPDX-License-Identifier: GPL-2.0-only
/* The slow path of refcount_t (see linux/refcount.h). */
#include <linux/refcount.h>

void refcount_warn_saturate(refcount_t *r, const char *what)
{
	refcount_set(r, REFCOUNT_SATURATED);
	WARN(1, "refcount_t: %s\n", what);
}
