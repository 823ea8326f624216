/* SPDX-License-Identifier: GPL-2.0-only */
/* Fixed-width and kernel-wide basic types, with Linux's names. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef long long s64;

typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s32 __s32;
typedef s64 __s64;

typedef __PTRDIFF_TYPE__ ssize_t;	/* as wide as size_t: long, or int on ILP32 */
typedef long long loff_t;
typedef unsigned long phys_addr_t;
typedef unsigned int gfp_t;
typedef long long time64_t;
typedef s64 ktime_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned short umode_t;
typedef u32 dev_t;
typedef u64 sector_t;		/* a 512-byte sector number (block layer) */

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

typedef struct {
	s64 counter;
} atomic64_t;

struct list_head {
	struct list_head *next, *prev;
};

/* Hash-table chains: a one-pointer head, so big tables stay small. */
struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif /* _LINUX_TYPES_H */
