// SPDX-License-Identifier: GPL-2.0-only
/* Small allocation helpers built on kmalloc() and vmalloc(). */
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/fault-inject.h>
#include "internal.h"

void *kvmalloc(size_t size, gfp_t gfp)
{
	void *p;

	/* One request for fault injection, whichever allocator serves it. */
	if (should_fail_alloc(gfp)) {
		warn_alloc(gfp, "kvmalloc(%zu) failure (injected), caller %pS",
			   size, __builtin_return_address(0));
		return NULL;
	}
	if (size <= PAGE_SIZE || !gfpflags_allow_blocking(gfp))
		return __kmalloc_nofault(size, gfp);
	/* Try physically contiguous memory first, quietly. */
	p = __kmalloc_nofault(size, gfp | __GFP_NOWARN);
	if (p)
		return p;
	return __vmalloc_nofault(size, PAGE_SIZE, gfp, __builtin_return_address(0));
}

void kvfree(const void *p)
{
	if (is_vmalloc_addr(p))
		vfree(p);
	else
		kfree(p);
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kstrndup(s, strlen(s), gfp) : NULL;
}
