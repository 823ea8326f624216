/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * null_blk's devices as its tests make them: a configuration
 * (<linux/null_blk.h>) in, a disk out. The boot creates
 * null_blk.nr_devices of them from the module parameters
 * (drivers/block/null_blk.c).
 */
#ifndef _DRIVERS_BLOCK_NULL_BLK_H
#define _DRIVERS_BLOCK_NULL_BLK_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/null_blk.h>

struct nullb;

/*
 * null_add_dev() - a new disk /dev/nullb<N> for @cfg, added. Returns it or
 * ERR_PTR(-EINVAL/-ENOMEM/-ENOSPC: no index left). Sleeps.
 */
struct nullb *null_add_dev(const struct nullb_config *cfg);

/* null_del_dev() - remove and free @nb. Sleeps. */
void null_del_dev(struct nullb *nb);

/* The disk's name ("nullb1") and its count of flushes received. */
const char *null_disk_name(struct nullb *nb);
unsigned long null_nr_flushes(struct nullb *nb);

/*
 * null_peek() - copy @len bytes of @nb's memory at byte @pos into @buf
 * (zeroes where nothing was written): what the device holds, under the
 * buffer cache. Returns 0 or -EINVAL (outside the device).
 */
int null_peek(struct nullb *nb, u64 pos, void *buf, size_t len);

#endif /* _DRIVERS_BLOCK_NULL_BLK_H */
