// SPDX-License-Identifier: GPL-2.0-only
#include <linux/mutex.h>

/*
 * mutex_init() is a macro keying the lock-order checker's class by its
 * call site, which would make every Rust mutex one class: without a key,
 * a mutex in run-time memory is not checked (Documentation/locking/lockdep.rst).
 */
void rust_helper_mutex_init(struct mutex *lock);
void rust_helper_mutex_init(struct mutex *lock)
{
	__mutex_init(lock, NULL, NULL);
}
