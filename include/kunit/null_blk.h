/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The null block twins as their shared tests drive them
 * (drivers/block/null_blk_kunit.c runs every case once on null_blk.c's
 * disks and once on rnull.rs's): make a disk from a configuration, look
 * at it, remove it. Test builds only.
 */
#ifndef _KUNIT_NULL_BLK_H
#define _KUNIT_NULL_BLK_H

#include <linux/types.h>
#include <linux/null_blk.h>

struct nullb_twin_ops {
	/*
	 * A new disk for @cfg, added; ERR_PTR(-EINVAL/-ENOMEM/-ENOSPC) on
	 * failure. Sleeps.
	 */
	void *(*add_dev)(const struct nullb_config *cfg);
	/* Remove and free it. Sleeps. */
	void (*del_dev)(void *dev);
	/* Its name ("nullb1", "rnullb1"), valid until del_dev. */
	const char *(*disk_name)(void *dev);
	/* Flushes it received. */
	unsigned long (*nr_flushes)(void *dev);
	/*
	 * Copy @len bytes of its memory at byte @pos into @buf (zeroes where
	 * nothing was written): what the device holds, under the buffer
	 * cache. Returns 0 or -EINVAL (outside the device, or not memory
	 * backed).
	 */
	int (*peek)(void *dev, u64 pos, void *buf, size_t len);
};

/*
 * rnull_twin_register() - rnull's operations, registered at its init; the
 * "rnull" suite runs on them. Once, at boot.
 */
void rnull_twin_register(const struct nullb_twin_ops *ops);

#endif /* _KUNIT_NULL_BLK_H */
