// SPDX-License-Identifier: GPL-2.0-only
#include <linux/spinlock.h>

/* spin_lock_init() with the class key and name of the Rust call site. */
void rust_helper_spin_lock_init(spinlock_t *lock, const char *name,
				struct lock_class_key *key);
void rust_helper_spin_lock_init(spinlock_t *lock, const char *name,
				struct lock_class_key *key)
{
	__spin_lock_init(lock, name, key);
}

void rust_helper_spin_lock(spinlock_t *lock);
void rust_helper_spin_lock(spinlock_t *lock)
{
	spin_lock(lock);
}

void rust_helper_spin_unlock(spinlock_t *lock);
void rust_helper_spin_unlock(spinlock_t *lock)
{
	spin_unlock(lock);
}

int rust_helper_spin_trylock(spinlock_t *lock);
int rust_helper_spin_trylock(spinlock_t *lock)
{
	return spin_trylock(lock);
}

unsigned long rust_helper_spin_lock_irqsave(spinlock_t *lock);
unsigned long rust_helper_spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags;

	spin_lock_irqsave(lock, flags);
	return flags;
}

void rust_helper_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
void rust_helper_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock_irqrestore(lock, flags);
}
