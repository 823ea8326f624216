/* SPDX-License-Identifier: GPL-2.0-only */
/* Error values carried inside pointers: the top 4095 addresses are -errno. */
#ifndef _LINUX_ERR_H
#define _LINUX_ERR_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>

#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return unlikely(!ptr) || IS_ERR_VALUE((unsigned long)ptr);
}

/* ERR_CAST() - an error pointer of one type as another. */
static inline void *ERR_CAST(const void *ptr)
{
	return (void *)ptr;
}

/* PTR_ERR_OR_ZERO() - the -errno in @ptr, or 0 for a valid pointer. */
static inline int PTR_ERR_OR_ZERO(const void *ptr)
{
	return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0;
}

#endif /* _LINUX_ERR_H */
