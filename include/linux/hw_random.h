/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hardware random number generators (Linux's <linux/hw_random.h>): a
 * driver registers a struct hwrng; /dev/hwrng reads from the current one
 * (the first registered that is still there). See
 * Documentation/driver-api/hw_random.rst.
 */
#ifndef _LINUX_HW_RANDOM_H
#define _LINUX_HW_RANDOM_H

#include <linux/types.h>
#include <linux/list.h>

#define HWRNG_MINOR	183

/*
 * struct hwrng - one generator.
 * @name: unique among registered generators.
 * @read: fill up to @max bytes at @data; with @wait it may sleep until it
 *	has at least one byte, else it returns what it has at once (maybe 0).
 *	Returns the number of bytes or -errno. Called under the core's mutex,
 *	so never concurrently for one generator.
 * @priv: the driver's.
 */
struct hwrng {
	const char *name;
	int (*read)(struct hwrng *rng, void *data, size_t max, bool wait);
	unsigned long priv;
	struct list_head list;		/* private: in the core's list */
};

/*
 * hwrng_register() - make @rng available; it becomes current if none is.
 * Returns 0, -EINVAL (no name or read) or -EEXIST (name taken). May sleep.
 */
int hwrng_register(struct hwrng *rng);

/*
 * hwrng_unregister() - remove @rng; waits for a read in progress on it
 * to return (its driver must make a waiting read return). The next
 * registered generator, if any, becomes current. May sleep.
 */
void hwrng_unregister(struct hwrng *rng);

#endif /* _LINUX_HW_RANDOM_H */
