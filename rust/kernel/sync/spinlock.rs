// SPDX-License-Identifier: GPL-2.0-only

//! Spinlocks: [`SpinLock<T>`], a [`Lock`] over the C `spinlock_t`.
//!
//! A spinlock holder must not sleep: `lock()` disables preemption until
//! the guard is dropped. Data also used from interrupt handlers is locked
//! with [`lock_irqsave`](Lock::lock_irqsave), which also disables local
//! interrupts and restores them on unlock.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//!
//! let lock = KBox::pin_init(new_spinlock!(KVec::<u32>::new()), GFP_KERNEL)?;
//! lock.lock().push(1, GFP_ATOMIC)?;
//! {
//!     let mut v = lock.lock_irqsave();
//!     v.push(2, GFP_ATOMIC)?;
//!     // Held (even by us): `try_lock` fails.
//!     assert!(lock.try_lock().is_none());
//! }
//! assert_eq!(lock.try_lock().map(|v| v.len()), Some(2));
//! # Ok::<(), Error>(())
//! ```

use super::lock::{Backend, Guard, Lock};

/// A spinlock protecting a `T`; see [`Lock`] for the methods.
pub type SpinLock<T> = Lock<T, SpinLockBackend>;

/// The guard of a held [`SpinLock`].
pub type SpinLockGuard<'a, T> = Guard<'a, T, SpinLockBackend>;

/// The [`Backend`] of [`SpinLock`]: the C `spinlock_t`.
pub struct SpinLockBackend;

/// How a [`SpinLock`] guard was acquired, so it is released the same way.
#[derive(Clone, Copy, Debug)]
pub enum SpinLockGuardState {
    /// With [`Lock::lock`] or [`Lock::try_lock`]: `spin_lock()`.
    Plain,
    /// With [`Lock::lock_irqsave`]: `spin_lock_irqsave()`, with the saved
    /// interrupt flags.
    IrqSave(ffi::c_ulong),
}

// SAFETY: `spin_lock`/`spin_trylock`/`spin_lock_irqsave` and the unlocks
// give mutual exclusion with acquire/release ordering (a ticket lock);
// `spin_lock_init` makes an unlocked lock. Each unlock matches how the
// lock was taken (recorded in the guard state).
unsafe impl Backend for SpinLockBackend {
    type State = bindings::spinlock_t;
    type GuardState = SpinLockGuardState;

    #[inline]
    unsafe fn init(
        ptr: *mut Self::State,
        name: *const ffi::c_char,
        key: *mut bindings::lock_class_key,
    ) {
        // SAFETY: `ptr` is valid for writes, `name` and `key` live
        // forever, as the caller guarantees.
        unsafe { bindings::spin_lock_init(ptr, name, key) }
    }

    #[inline]
    unsafe fn lock(ptr: *mut Self::State) -> Self::GuardState {
        // SAFETY: `ptr` is an initialised spinlock, as the caller
        // guarantees.
        unsafe { bindings::spin_lock(ptr) };
        SpinLockGuardState::Plain
    }

    unsafe fn try_lock(ptr: *mut Self::State) -> Option<Self::GuardState> {
        // SAFETY: `ptr` is an initialised spinlock, as the caller
        // guarantees.
        if unsafe { bindings::spin_trylock(ptr) } != 0 {
            Some(SpinLockGuardState::Plain)
        } else {
            None
        }
    }

    #[inline]
    unsafe fn unlock(ptr: *mut Self::State, guard_state: &Self::GuardState) {
        match *guard_state {
            // SAFETY: the caller holds the lock, taken with `spin_lock`.
            SpinLockGuardState::Plain => unsafe { bindings::spin_unlock(ptr) },
            // SAFETY: the caller holds the lock, taken with
            // `spin_lock_irqsave` which returned `flags`.
            SpinLockGuardState::IrqSave(flags) => unsafe {
                bindings::spin_unlock_irqrestore(ptr, flags)
            },
        }
    }

    unsafe fn relock(ptr: *mut Self::State, guard_state: &mut Self::GuardState) {
        match guard_state {
            // SAFETY: `ptr` is an initialised spinlock, as the caller
            // guarantees.
            SpinLockGuardState::Plain => unsafe { bindings::spin_lock(ptr) },
            SpinLockGuardState::IrqSave(flags) => {
                // SAFETY: as above; the new flags replace the old ones.
                *flags = unsafe { bindings::spin_lock_irqsave(ptr) }
            }
        }
    }
}

impl<T: ?Sized> Lock<T, SpinLockBackend> {
    /// Acquires the lock with local interrupts disabled (saving their
    /// state, restored when the guard is dropped): for data shared with
    /// interrupt handlers.
    pub fn lock_irqsave(&self) -> Guard<'_, T, SpinLockBackend> {
        // SAFETY: the lock was initialised and has not moved (pinned).
        let flags = unsafe { bindings::spin_lock_irqsave(self.state_ptr()) };
        // SAFETY: the lock was just acquired this way.
        unsafe { Guard::new(self, SpinLockGuardState::IrqSave(flags)) }
    }
}

impl<T> Lock<T, SpinLockBackend> {
    /// A spinlock for a `static` (see [`global_lock!`](crate::global_lock)):
    /// the C `__SPIN_LOCK_UNLOCKED`.
    ///
    /// # Safety
    ///
    /// The result is stored at `_this` and never moved (a `static`).
    #[doc(hidden)]
    pub const unsafe fn __new_static(t: T, _this: *const Self) -> Self {
        // SAFETY: an all-zero ticket lock is unlocked, wherever it lives.
        unsafe { Lock::from_raw_state(raw_unlocked(), t) }
    }
}

/// An initialiser of a [`SpinLock`] protecting `$inner`, in a lock class of
/// this call site's own (the C `spin_lock_init()`), named `$name` or else
/// after the call site.
#[macro_export]
macro_rules! new_spinlock {
    ($inner:expr $(, $name:literal)? $(,)?) => {
        $crate::sync::SpinLock::new(
            $inner,
            $crate::optional_name!($($name)?),
            $crate::static_lock_class!(),
        )
    };
}

/// The C `__SPIN_LOCK_UNLOCKED`: an unlocked ticket lock and, with
/// `CONFIG_LOCKDEP`, an empty class map, which the lock-order checker keys
/// by the lock's address, as it does a C static lock.
pub(crate) const fn raw_unlocked() -> bindings::spinlock_t {
    // SAFETY: every field is an integer or a nullable pointer, for which
    // zero means "unlocked", "no class key" and "no name".
    unsafe { core::mem::zeroed() }
}
