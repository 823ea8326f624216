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
 * both acquisitions. Code that holds two locks of one class in a fixed
 * order (parent before child) says so with a subclass, as in Linux:
 * spin_lock_nested()/mutex_lock_nested() with 1..MAX_LOCKDEP_SUBCLASSES-1
 * make the lock count as the class "name/subclass", whose order against
 * subclass 0 is checked like any other. lockdep_assert_held() states a
 * caller's "holds @lock" contract and reports a caller that does not.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/types.h>

#define MAX_LOCKDEP_SUBCLASSES 8

struct lock_class_key {
	/* the address of subkeys[n] is the identity of subclass n */
	char subkeys[MAX_LOCKDEP_SUBCLASSES];
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
 * trylock if @trylock, which orders nothing), as its class's @subclass
 * (0 normally; below MAX_LOCKDEP_SUBCLASSES). lock_release() - it no
 * longer holds @map. Any context; never sleep or allocate.
 */
void lock_acquire(struct lockdep_map *map, unsigned int subclass, bool trylock);
void lock_release(struct lockdep_map *map);

/*
 * lock_is_held() - whether the current context (the task, or the CPU's
 * hard IRQ context) took @map and has not released it; also true once
 * the checker has stopped (a table full), when it no longer knows. Any
 * context; never sleeps.
 */
bool lock_is_held(const struct lockdep_map *map);

/* Report (once per call site) a caller that does not hold @map. */
void lockdep_report_not_held(const struct lockdep_map *map, const char *file, int line);

/*
 * lockdep_assert_held(l) - the caller's contract says it holds @l (a
 * spinlock_t or struct mutex): report it if it does not. A no-op without
 * CONFIG_LOCKDEP.
 */
#define lockdep_assert_held(l)						\
	do {								\
		static bool __reported;					\
									\
		if (!lock_is_held(&(l)->dep_map) && !__reported) {	\
			__reported = true;				\
			lockdep_report_not_held(&(l)->dep_map, __FILE__, __LINE__); \
		}							\
	} while (0)

/* Reports made so far (tests compare before and after). */
extern unsigned long lockdep_reports;
#else
#define STATIC_LOCKDEP_MAP_INIT(_name)
static inline void lockdep_init_map(struct lockdep_map *map, const char *name,
				    const struct lock_class_key *key)
{
}
static inline void lock_acquire(struct lockdep_map *map, unsigned int subclass,
				bool trylock)
{
}
static inline void lock_release(struct lockdep_map *map)
{
}
#define lockdep_assert_held(l) do { (void)(l); } while (0)
#endif

#endif /* _LINUX_LOCKDEP_H */
