/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Random numbers (drivers/char/random.c). Not cryptographic: a fast
 * generator seeded from the clock, good enough for AT_RANDOM, stack
 * canaries of test programs and hash seeds, not for keys.
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

/* Fill @buf with @len random bytes. Any context; never sleeps. */
void get_random_bytes(void *buf, size_t len);

/* One random 64-bit value. Any context. */
u64 get_random_u64(void);

#endif /* _LINUX_RANDOM_H */
