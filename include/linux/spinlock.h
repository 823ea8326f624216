/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Spinlocks. spin_lock() disables preemption, spin_lock_irq() also local
 * interrupts, spin_lock_irqsave() saves and restores their previous state.
 * The lock is a FIFO ticket lock, so SMP needs no change here. Holders must
 * not sleep. DEFINE_SPINLOCK() / spin_lock_init() initialise one. With
 * CONFIG_LOCKDEP the lock-order checker sees every spin_lock*() and
 * spin_unlock*() (<linux/lockdep.h>); the do_raw_spin_*() forms are unchecked.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/lockdep.h>
#include <asm/processor.h>

typedef struct spinlock {
	u16 next;	/* next ticket to hand out */
	u16 owner;	/* ticket now being served */
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
} spinlock_t;

typedef spinlock_t raw_spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { .next = 0, .owner = 0, STATIC_LOCKDEP_MAP_INIT(#name) }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

#ifdef CONFIG_LOCKDEP
/* The lock checker's hooks; spin_lock_init() keys the class by its call site. */
#define spin_acquire(lock, subclass, trylock) lock_acquire(&(lock)->dep_map, subclass, trylock)
#define spin_release(lock) lock_release(&(lock)->dep_map)
#define spin_lock_init(lock)						\
	do {								\
		static struct lock_class_key __key;			\
									\
		__spin_lock_init((lock), #lock, &__key);		\
	} while (0)
#else
#define spin_acquire(lock, subclass, trylock) do { } while (0)
#define spin_release(lock) do { } while (0)
#define spin_lock_init(lock) __spin_lock_init((lock), NULL, NULL)
#endif

static inline void __spin_lock_init(spinlock_t *lock, const char *name,
				    struct lock_class_key *key)
{
	lock->next = 0;
	lock->owner = 0;
#ifdef CONFIG_LOCKDEP
	lockdep_init_map(&lock->dep_map, name, key);
#endif
}

/*
 * do_raw_spin_lock(), do_raw_spin_trylock(), do_raw_spin_unlock(): the
 * lock operations alone, leaving preemption and interrupts as they are
 * (the caller has disabled them), as Linux's do_raw_spin_*() do.
 */
static __always_inline void do_raw_spin_lock(raw_spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static __always_inline bool do_raw_spin_trylock(raw_spinlock_t *lock)
{
	/*
	 * Acquire on the load of owner too: it is the last holder's release
	 * that this pairs with (the exchange only reads next, which the
	 * holder does not write), so its stores are seen after a success.
	 */
	u16 owner = __atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE);
	u16 expect = owner;

	return __atomic_compare_exchange_n(&lock->next, &expect, (u16)(owner + 1), false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static __always_inline void do_raw_spin_unlock(raw_spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1), __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->next) != READ_ONCE(lock->owner);
}

static __always_inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	spin_acquire(lock, 0, false);
	do_raw_spin_lock(lock);
}

/*
 * spin_lock_nested() - spin_lock() for the second (third...) lock of one
 * class held at once, in an order the caller guarantees: the checker
 * sees @lock as subclass @subclass (1..MAX_LOCKDEP_SUBCLASSES-1) of its
 * class (<linux/lockdep.h>). Same context rules as spin_lock().
 */
static __always_inline void spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	preempt_disable();
	spin_acquire(lock, subclass, false);
	do_raw_spin_lock(lock);
}

static __always_inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock)) {
		spin_acquire(lock, 0, true);
		return 1;
	}
	preempt_enable();
	return 0;
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
	spin_release(lock);
	do_raw_spin_unlock(lock);
	preempt_enable();
}

static __always_inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static __always_inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_release(lock);
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

#define spin_lock_irqsave(lock, flags)			\
	do {						\
		local_irq_save(flags);			\
		spin_lock(lock);			\
	} while (0)

static __always_inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_release(lock);
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

#define raw_spin_lock_irqsave spin_lock_irqsave
#define raw_spin_unlock_irqrestore spin_unlock_irqrestore

#endif /* _LINUX_SPINLOCK_H */
