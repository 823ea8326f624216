// SPDX-License-Identifier: GPL-2.0-only

//! Sleeping locks: [`Mutex<T>`], a [`Lock`] over the C `struct mutex`.
//!
//! A task waiting for a mutex sleeps, so `lock()` may only be called where
//! sleeping is allowed (not with a spinlock held nor in an interrupt); the
//! holder may sleep. Waiters get the mutex in FIFO order.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::sync::Arc;
//!
//! let m = Arc::pin_init(new_mutex!(10u64), GFP_KERNEL)?;
//! let m2 = m.clone();
//! *m2.lock() += 5;
//! let g = m.lock();
//! assert_eq!(*g, 15);
//! // Held: another attempt fails instead of sleeping.
//! assert!(m2.try_lock().is_none());
//! drop(g);
//! assert!(m2.try_lock().is_some());
//! # Ok::<(), Error>(())
//! ```

use super::lock::{Backend, Guard, Lock};
use crate::error::{to_result, Result};

/// A sleeping lock protecting a `T`; see [`Lock`] for the methods.
pub type Mutex<T> = Lock<T, MutexBackend>;

/// The guard of a held [`Mutex`].
pub type MutexGuard<'a, T> = Guard<'a, T, MutexBackend>;

/// The [`Backend`] of [`Mutex`]: the C `struct mutex`.
pub struct MutexBackend;

// SAFETY: `mutex_lock`/`mutex_trylock` give the mutex to one task at a
// time until `mutex_unlock` (which the guard, not `Send`, calls from the
// owning task), ordering memory through the mutex's internal spinlock;
// `mutex_init` makes an unlocked mutex, valid while it does not move.
unsafe impl Backend for MutexBackend {
    type State = bindings::mutex;
    type GuardState = ();

    #[inline]
    unsafe fn init(
        ptr: *mut Self::State,
        name: *const ffi::c_char,
        key: *mut bindings::lock_class_key,
    ) {
        // SAFETY: `ptr` is valid for writes and stays in place, `name` and
        // `key` live forever, as the caller guarantees.
        unsafe { bindings::__mutex_init(ptr, name, key) }
    }

    #[inline]
    unsafe fn lock(ptr: *mut Self::State) -> Self::GuardState {
        // SAFETY: `ptr` is an initialised mutex, as the caller guarantees.
        unsafe { bindings::mutex_lock(ptr) }
    }

    unsafe fn try_lock(ptr: *mut Self::State) -> Option<Self::GuardState> {
        // SAFETY: `ptr` is an initialised mutex, as the caller guarantees.
        if unsafe { bindings::mutex_trylock(ptr) } != 0 {
            Some(())
        } else {
            None
        }
    }

    #[inline]
    unsafe fn unlock(ptr: *mut Self::State, _guard_state: &Self::GuardState) {
        // SAFETY: the current task holds the mutex, as the caller
        // guarantees.
        unsafe { bindings::mutex_unlock(ptr) }
    }
}

/// An initialiser of a [`Mutex`] protecting `$inner`, in a lock class of
/// this call site's own (the C `mutex_init()`), named `$name` or else after
/// the call site.
#[macro_export]
macro_rules! new_mutex {
    ($inner:expr $(, $name:literal)? $(,)?) => {
        $crate::sync::Mutex::new(
            $inner,
            $crate::optional_name!($($name)?),
            $crate::static_lock_class!(),
        )
    };
}

impl<T: ?Sized> Lock<T, MutexBackend> {
    /// Acquires the mutex, sleeping interruptibly: `Err(EINTR)` if a
    /// signal arrives first (kernel threads never get one).
    pub fn lock_interruptible(&self) -> Result<Guard<'_, T, MutexBackend>> {
        // SAFETY: the mutex was initialised and has not moved (pinned).
        to_result(unsafe { bindings::mutex_lock_interruptible(self.state_ptr()) })?;
        // SAFETY: the mutex was just acquired by the current task.
        Ok(unsafe { Guard::new(self, ()) })
    }

    /// Whether the mutex is held (by anyone). Only a hint: it may change
    /// at once.
    pub fn is_locked(&self) -> bool {
        // SAFETY: the mutex was initialised; this only reads its owner.
        unsafe { bindings::mutex_is_locked(self.state_ptr()) }
    }
}

impl<T> Lock<T, MutexBackend> {
    /// A mutex for a `static` (see [`global_lock!`](crate::global_lock)):
    /// the C `__MUTEX_INITIALIZER`, whose wait list points to itself.
    ///
    /// # Safety
    ///
    /// The result is stored at `this` and never moved (a `static`).
    #[doc(hidden)]
    pub const unsafe fn __new_static(t: T, this: *const Self) -> Self {
        let list = this
            .cast::<u8>()
            .wrapping_add(Self::STATE_OFFSET + core::mem::offset_of!(bindings::mutex, wait_list))
            .cast::<bindings::list_head>()
            .cast_mut();
        // SAFETY: every field is an integer or a nullable pointer, and all
        // zero is an unowned mutex with an unlocked wait lock (and, with
        // `CONFIG_LOCKDEP`, empty class maps); the wait list is set below.
        let mut state: bindings::mutex = unsafe { core::mem::zeroed() };
        state.wait_lock = super::spinlock::raw_unlocked();
        state.wait_list = bindings::list_head {
            next: list,
            prev: list,
        };
        // SAFETY: `state` is an unlocked mutex with an empty wait list at
        // its final address, `this` (the caller's promise).
        unsafe { Lock::from_raw_state(state, t) }
    }
}
