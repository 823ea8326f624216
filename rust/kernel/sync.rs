// SPDX-License-Identifier: GPL-2.0-only

//! Synchronisation primitives over Ferrite's C ones.
//!
//! - [`SpinLock<T>`] and [`Mutex<T>`]: a `T` that can only be reached
//!   through the guard of the held lock ([`Lock`], [`Guard`]);
//! - [`CondVar`]: sleep with a lock released until notified;
//! - [`Completion`]: wait for an event;
//! - [`barrier`]: ordering of memory shared with a device;
//! - [`Arc<T>`]: shared ownership with an atomic count ([`ArcBorrow`],
//!   [`UniqueArc`]).
//!
//! The C objects behind the first four must not move once initialised, so
//! they are created in place: their constructors return initialisers
//! ([`crate::init`]) that [`KBox::pin_init`](crate::init::InPlaceInit),
//! [`Arc::pin_init`](crate::init::InPlaceInit), a
//! [`pin_init!`](crate::pin_init) struct or
//! [`stack_pin_init!`](crate::stack_pin_init) run on the final address.
//! [`global_lock!`](crate::global_lock) declares them as `static`s.
//!
//! Locks are created with [`new_spinlock!`](crate::new_spinlock) and
//! [`new_mutex!`](crate::new_mutex), which give each call site its own
//! [`LockClassKey`]: the lock-order checker
//! (`Documentation/locking/lockdep.rst`) groups the locks made there in
//! one class, as C's `spin_lock_init()` and `mutex_init()` do.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::sync::{Arc, Mutex};
//! use kernel::task;
//!
//! // Four threads add to a shared counter.
//! let counter = Arc::pin_init(new_mutex!(0u32), GFP_KERNEL)?;
//! let mut threads = KVec::new();
//! for _ in 0..4 {
//!     let c = counter.clone();
//!     threads.push(
//!         task::spawn(kernel::c_str!("rust_sync_doc"), move || {
//!             for _ in 0..100 {
//!                 *c.lock() += 1;
//!             }
//!         })?,
//!         GFP_KERNEL,
//!     )?;
//! }
//! for t in threads {
//!     t.join();
//! }
//! assert_eq!(*counter.lock(), 400);
//! # Ok::<(), Error>(())
//! ```

use crate::types::Opaque;

pub mod arc;
pub mod barrier;
pub mod completion;
pub mod condvar;
pub mod lock;
pub mod mutex;
pub mod spinlock;

#[cfg(CONFIG_LOCKDEP)]
mod lockdep_tests;
mod locktorture;
mod tests;

pub use self::arc::{Arc, ArcBorrow, UniqueArc};
pub use self::completion::Completion;
pub use self::condvar::{CondVar, CondVarTimeoutResult};
pub use self::lock::{Backend, Guard, Lock};
pub use self::mutex::{Mutex, MutexBackend, MutexGuard};
pub use self::spinlock::{SpinLock, SpinLockBackend, SpinLockGuard, SpinLockGuardState};

/// A lock class of the lock-order checker: the C `struct lock_class_key`,
/// whose address is the class. Made by
/// [`static_lock_class!`](crate::static_lock_class), one `static` per call
/// site.
#[repr(transparent)]
pub struct LockClassKey(Opaque<bindings::lock_class_key>);

// SAFETY: the key is never read or written, by C or Rust: only its address
// is used, from any thread.
unsafe impl Sync for LockClassKey {}

impl LockClassKey {
    /// A key for a `static`; use [`static_lock_class!`](crate::static_lock_class).
    #[doc(hidden)]
    pub const fn new_static() -> Self {
        LockClassKey(Opaque::uninit())
    }

    /// The C key, for the lock initialisers.
    pub(crate) fn as_ptr(&self) -> *mut bindings::lock_class_key {
        self.0.get()
    }
}

/// A `&'static` [`LockClassKey`] of its own for this call site.
#[macro_export]
macro_rules! static_lock_class {
    () => {{
        static CLASS: $crate::sync::LockClassKey = $crate::sync::LockClassKey::new_static();
        &CLASS
    }};
}

/// A lock's name for the lock-order checker's reports: the literal given,
/// else the call site's `file:line`.
#[doc(hidden)]
#[macro_export]
macro_rules! optional_name {
    () => {
        $crate::c_str!(::core::concat!(::core::file!(), ":", ::core::line!()))
    };
    ($name:literal) => {
        $crate::c_str!($name)
    };
}

/// Declares `static` locks, condition variables and completions.
///
/// Each is built at compile time from the C static initialisers
/// (`__SPIN_LOCK_UNLOCKED`, `__MUTEX_INITIALIZER`,
/// `__WAIT_QUEUE_HEAD_INITIALIZER`, `COMPLETION_INITIALIZER`), pointing
/// into the static's own address where C's do; a `static` never moves, so
/// no run-time initialisation is needed and the declaration is safe.
///
/// ```text
/// global_lock! {
///     [pub] static NAME: SpinLock<T> = value;
///     [pub] static NAME: Mutex<T> = value;
///     [pub] static NAME: CondVar;
///     [pub] static NAME: Completion;
/// }
/// ```
///
/// The value must be a constant expression (as for any `static`).
///
/// # Examples
///
/// ```
/// use kernel::sync::{CondVar, Completion, Mutex, SpinLock};
///
/// kernel::global_lock! {
///     /// Events seen so far.
///     static EVENTS: SpinLock<u64> = 0;
///     static NAMES: Mutex<[u8; 4]> = *b"none";
///     static CHANGED: CondVar;
///     static READY: Completion;
/// }
///
/// *EVENTS.lock() += 1;
/// assert!(*EVENTS.lock() >= 1);
/// NAMES.lock().copy_from_slice(b"abcd");
/// assert_eq!(&*NAMES.lock(), b"abcd");
/// CHANGED.notify_all();
/// READY.complete();
/// assert!(READY.try_wait());
/// ```
#[macro_export]
macro_rules! global_lock {
    () => {};
    ($(#[$m:meta])* $v:vis static $name:ident: SpinLock<$t:ty> = $val:expr; $($rest:tt)*) => {
        $(#[$m])*
        $v static $name: $crate::sync::SpinLock<$t> = {
            let value: $t = $val;
            // SAFETY: the lock is built for the address of `$name`, where
            // it stays: a static never moves.
            unsafe { $crate::sync::SpinLock::<$t>::__new_static(value, &raw const $name) }
        };
        $crate::global_lock!($($rest)*);
    };
    ($(#[$m:meta])* $v:vis static $name:ident: Mutex<$t:ty> = $val:expr; $($rest:tt)*) => {
        $(#[$m])*
        $v static $name: $crate::sync::Mutex<$t> = {
            let value: $t = $val;
            // SAFETY: the mutex is built for the address of `$name`, where
            // it stays: a static never moves.
            unsafe { $crate::sync::Mutex::<$t>::__new_static(value, &raw const $name) }
        };
        $crate::global_lock!($($rest)*);
    };
    ($(#[$m:meta])* $v:vis static $name:ident: CondVar; $($rest:tt)*) => {
        $(#[$m])*
        $v static $name: $crate::sync::CondVar = {
            // SAFETY: the wait queue is built for the address of `$name`,
            // where it stays: a static never moves.
            unsafe { $crate::sync::CondVar::__new_static(&raw const $name) }
        };
        $crate::global_lock!($($rest)*);
    };
    ($(#[$m:meta])* $v:vis static $name:ident: Completion; $($rest:tt)*) => {
        $(#[$m])*
        $v static $name: $crate::sync::Completion = {
            // SAFETY: the completion is built for the address of `$name`,
            // where it stays: a static never moves.
            unsafe { $crate::sync::Completion::__new_static(&raw const $name) }
        };
        $crate::global_lock!($($rest)*);
    };
}
