/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Cache-line alignment. Data that different CPUs write is kept in separate
 * lines, or every write by one CPU evicts the line from the others
 * (false sharing). 64 bytes is the line size of every CPU Ferrite runs on.
 */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <linux/compiler.h>

#define SMP_CACHE_BYTES 64
#define ____cacheline_aligned __aligned(SMP_CACHE_BYTES)

#endif /* _LINUX_CACHE_H */
