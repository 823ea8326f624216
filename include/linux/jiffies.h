/* SPDX-License-Identifier: GPL-2.0-only */
/* The tick counter and conversions. jiffies advances HZ times a second. */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ 250
/* Nanoseconds per tick. */
#define TICK_NSEC ((1000000000UL + HZ / 2) / HZ)

extern volatile unsigned long jiffies;

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return ((unsigned long)m * HZ + 999) / 1000;
}

static inline unsigned long usecs_to_jiffies(unsigned int u)
{
	return ((unsigned long)u * HZ + 999999) / 1000000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * (1000 / HZ));
}

static inline u64 jiffies_to_nsecs(unsigned long j)
{
	return (u64)j * (1000000000ULL / HZ);
}

#endif /* _LINUX_JIFFIES_H */
