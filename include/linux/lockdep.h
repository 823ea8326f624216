/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The lock-order checker (kernel/locking/lockdep.c, CONFIG_LOCKDEP, on
 * whenever the tests are built; Documentation/locking/lockdep.rst).
 *
 * Locks are grouped in classes: a lock initialised at run time belongs to
 * the class of its spin_lock_init()/mutex_init() call site (a static
 * struct lock_class_key there), a statically defined lock is its own
 * class. Each acquisition records "held class -> acquired class" edges;
 * a new edge that closes a cycle, or a class taken both in hard IRQ
 * context and with interrupts enabled, is reported with the stacks of
 * both acquisitions.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/types.h>

struct lock_class_key {
	char dummy;			/* its address is the identity */
};

/* What a lock carries for the checker. */
struct lockdep_map {
	const struct lock_class_key *key;	/* NULL: keyed by this map's address */
	const char *name;
	unsigned short class_idx;		/* 0: not looked up yet */
};

#define MAX_LOCK_DEPTH 24

struct held_lock {
	struct lockdep_map *map;
	unsigned short class_idx;
	bool trylock;
};

/* The locks a task (or a CPU's hard IRQ context) holds, in order. */
struct lockdep_task {
	unsigned int depth;
	struct held_lock held[MAX_LOCK_DEPTH];
};

#ifdef CONFIG_LOCKDEP
#define STATIC_LOCKDEP_MAP_INIT(_name) .dep_map = { .name = _name },

/* lockdep_init_map() - give @map the class of @key (NULL: its own address). */
void lockdep_init_map(struct lockdep_map *map, const char *name,
		      const struct lock_class_key *key);

/*
 * lock_acquire() - the caller is about to hold @map (after a successful
 * trylock if @trylock, which orders nothing). lock_release() - it no
 * longer holds @map. Any context; never sleep or allocate.
 */
void lock_acquire(struct lockdep_map *map, bool trylock);
void lock_release(struct lockdep_map *map);

/* Reports made so far (tests compare before and after). */
extern unsigned long lockdep_reports;
#else
#define STATIC_LOCKDEP_MAP_INIT(_name)
static inline void lockdep_init_map(struct lockdep_map *map, const char *name,
				    const struct lock_class_key *key)
{
}
static inline void lock_acquire(struct lockdep_map *map, bool trylock)
{
}
static inline void lock_release(struct lockdep_map *map)
{
}
#endif

#endif /* _LINUX_LOCKDEP_H */
