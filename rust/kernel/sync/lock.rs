// SPDX-License-Identifier: GPL-2.0-only

//! The generic lock: [`Lock<T, B>`] protects a `T` with a C lock chosen by
//! the [`Backend`] `B`, and [`Guard`] gives access to the `T` while the
//! lock is held, releasing it when dropped.
//!
//! [`SpinLock`](super::SpinLock) and [`Mutex`](super::Mutex) are this type
//! with the spinlock and mutex backends.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::sync::{lock::Guard, Mutex, MutexBackend};
//!
//! fn bump(g: &mut Guard<'_, u32, MutexBackend>) {
//!     **g += 1;
//! }
//!
//! let m = KBox::pin_init(new_mutex!(0u32), GFP_KERNEL)?;
//! {
//!     let mut g = m.lock();
//!     bump(&mut g);
//!     bump(&mut g);
//! } // unlocked here
//! assert_eq!(*m.lock(), 2);
//! # Ok::<(), Error>(())
//! ```

use super::LockClassKey;
use crate::init::{PinInit, Wrapper};
use crate::str::CStr;
use crate::types::{Opaque, ScopeGuard};
use core::cell::UnsafeCell;
use core::marker::{PhantomData, PhantomPinned};
use core::ops::{Deref, DerefMut};
use core::pin::Pin;

/// A C lock that [`Lock`] can use.
///
/// # Safety
///
/// - Between a successful `lock`/`try_lock`/`relock` and the matching
///   `unlock`, no other `lock`/`try_lock` on the same state succeeds: the
///   holder has exclusive access to the protected data, and the lock's
///   acquire and release order memory accordingly.
/// - `init` leaves the state as an unlocked lock; a state initialised
///   there stays valid as long as it does not move.
pub unsafe trait Backend {
    /// The C lock (`spinlock_t`, `struct mutex`).
    type State;

    /// What a held lock carries until it is released (e.g. saved
    /// interrupt flags).
    type GuardState;

    /// Initialises the lock, unlocked, at `ptr`, in the lock-order
    /// checker's class `key` named `name`.
    ///
    /// # Safety
    ///
    /// `ptr` is valid for writes and will not move while the lock is in
    /// use; `name` (a C string) and `key` live forever.
    unsafe fn init(
        ptr: *mut Self::State,
        name: *const ffi::c_char,
        key: *mut bindings::lock_class_key,
    );

    /// Acquires the lock, waiting for it as the lock does.
    ///
    /// # Safety
    ///
    /// `ptr` points to a lock initialised by [`Backend::init`].
    unsafe fn lock(ptr: *mut Self::State) -> Self::GuardState;

    /// Acquires the lock if it is free, without waiting.
    ///
    /// # Safety
    ///
    /// As for [`Backend::lock`].
    unsafe fn try_lock(ptr: *mut Self::State) -> Option<Self::GuardState>;

    /// Releases the lock.
    ///
    /// # Safety
    ///
    /// The caller holds the lock (acquired in this context, which for a
    /// mutex means by the current task) with `guard_state`.
    unsafe fn unlock(ptr: *mut Self::State, guard_state: &Self::GuardState);

    /// Acquires the lock again after an [`Backend::unlock`], in the same
    /// way as it was first acquired (e.g. saving the interrupt flags anew).
    ///
    /// # Safety
    ///
    /// As for [`Backend::lock`]; `guard_state` is the state of the
    /// released guard.
    unsafe fn relock(ptr: *mut Self::State, guard_state: &mut Self::GuardState) {
        // SAFETY: forwarded from our caller.
        *guard_state = unsafe { Self::lock(ptr) };
    }
}

crate::pin_data! {
    /// A `T` protected by a lock of kind `B`.
    ///
    /// Create one with [`new_spinlock!`](crate::new_spinlock) or
    /// [`new_mutex!`](crate::new_mutex) ([`Lock::new`]), in place (see
    /// [`crate::init`]): a C lock must not move once initialised. For a
    /// `static`, use [`global_lock!`](crate::global_lock).
    ///
    /// # Invariants
    ///
    /// `state` is an initialised lock of kind `B` (by [`Backend::init`] or
    /// a static initialiser) that has not moved since; `data` is only
    /// accessed by whoever holds it, or through `&mut Lock`.
    pub struct Lock<T: ?Sized, B: Backend> {
        /// The C lock.
        #[pin]
        state: Opaque<B::State>,
        /// The C lock must not move (Ferrite's mutex points to itself).
        #[pin]
        _pin: PhantomPinned,
        /// The protected data, pinned with the lock.
        #[pin]
        data: UnsafeCell<T>,
    }
}

// SAFETY: sending the lock sends the `T` (hence `T: Send`); the C lock
// itself, unlocked (a guard borrows the lock, so it cannot be sent while
// held), does not belong to any thread.
unsafe impl<T: ?Sized + Send, B: Backend> Send for Lock<T, B> {}

// SAFETY: `&Lock` lets any thread lock it and get `&mut T`, one thread at a
// time (the backend's promise): like `std`'s `Mutex`, this needs `T: Send`
// but not `T: Sync`. The C lock is made for concurrent use.
unsafe impl<T: ?Sized + Send, B: Backend> Sync for Lock<T, B> {}

impl<T, B: Backend> Lock<T, B> {
    /// An initialiser for a lock protecting `t` (a value, or an
    /// initialiser of one), in the lock-order checker's class `key` named
    /// `name`: what [`new_spinlock!`](crate::new_spinlock) and
    /// [`new_mutex!`](crate::new_mutex) call with a key of their call site.
    pub fn new(
        t: impl PinInit<T>,
        name: &'static CStr,
        key: &'static LockClassKey,
    ) -> impl PinInit<Self> {
        // INVARIANT: `state` is initialised by `B::init` at its final
        // address, and the lock is pinned from then on.
        crate::pin_init!(Self {
            data <- UnsafeCell::pin_init(t),
            _pin: PhantomPinned,
            // SAFETY: `slot` is valid for writes and stays in place until
            // the lock is dropped (`ffi_init`'s promise); `name` and `key`
            // are `'static`.
            state <- Opaque::ffi_init(|slot| unsafe { B::init(slot, name.as_ptr(), key.as_ptr()) }),
        })
    }

    /// A lock whose C state is `state`: for the `static` constructors.
    ///
    /// # Safety
    ///
    /// `state` is a valid unlocked lock for the address where the result
    /// will live, and the result is never moved (a `static`).
    pub(crate) const unsafe fn from_raw_state(state: B::State, t: T) -> Self {
        Lock {
            state: Opaque::new(state),
            _pin: PhantomPinned,
            data: UnsafeCell::new(t),
        }
    }

    /// The byte offset of the C lock in the struct (for static
    /// initialisers that point into it).
    pub(crate) const STATE_OFFSET: usize = core::mem::offset_of!(Self, state);
}

impl<T: ?Sized, B: Backend> Lock<T, B> {
    /// Acquires the lock, waiting for it, and returns a guard that gives
    /// access to the data and releases the lock when dropped.
    #[inline]
    pub fn lock(&self) -> Guard<'_, T, B> {
        // SAFETY: the state is initialised and has not moved (type
        // invariant).
        let state = unsafe { B::lock(self.state.get()) };
        // SAFETY: the lock was just acquired with `state`.
        unsafe { Guard::new(self, state) }
    }

    /// Acquires the lock if it is free; `None` if it is held (by anyone,
    /// the caller included).
    pub fn try_lock(&self) -> Option<Guard<'_, T, B>> {
        // SAFETY: as in `lock`.
        let state = unsafe { B::try_lock(self.state.get())? };
        // SAFETY: the lock was just acquired with `state`.
        Some(unsafe { Guard::new(self, state) })
    }

    /// The C lock, for the backends' own methods.
    pub(crate) fn state_ptr(&self) -> *mut B::State {
        self.state.get()
    }
}

/// Access to the data of a held [`Lock`]; releases the lock when dropped.
///
/// Not `Send`: it must be released in the context that acquired it (a
/// mutex by the same task, a spinlock on the same CPU).
///
/// # Invariants
///
/// The current context holds `lock`, acquired with `state`, for as long
/// as the guard lives.
#[must_use = "the lock is released at once if the guard is not kept"]
pub struct Guard<'a, T: ?Sized, B: Backend> {
    lock: &'a Lock<T, B>,
    state: B::GuardState,
    _not_send: PhantomData<*mut ()>,
}

// SAFETY: a `&Guard` gives `&T` (needs `T: Sync`) and, through
// `lock_ref`, `&Lock` (which is `Sync` when `T: Send`); the guard state is
// only read through `&self` if it is `Sync`.
unsafe impl<T: ?Sized + Send + Sync, B: Backend> Sync for Guard<'_, T, B> where B::GuardState: Sync {}

impl<'a, T: ?Sized, B: Backend> Guard<'a, T, B> {
    /// Wraps a held lock.
    ///
    /// # Safety
    ///
    /// The current context holds `lock`, acquired with `state`, and the
    /// guard becomes responsible for releasing it.
    #[inline]
    pub(crate) unsafe fn new(lock: &'a Lock<T, B>, state: B::GuardState) -> Self {
        // INVARIANT: the caller's promise.
        Guard {
            lock,
            state,
            _not_send: PhantomData,
        }
    }

    /// The lock this guard holds.
    pub fn lock_ref(&self) -> &'a Lock<T, B> {
        self.lock
    }

    /// Pinned mutable access to the data (for data that must not move).
    pub fn as_pin_mut(&mut self) -> Pin<&mut T> {
        // SAFETY: the data is structurally pinned with the lock (never
        // moved: `Lock` is `!Unpin` and initialised in place), and the
        // guard holds the lock (type invariant): access is exclusive.
        unsafe { Pin::new_unchecked(&mut *self.lock.data.get()) }
    }

    /// Releases the lock, runs `f`, and acquires the lock again (in the
    /// same way) before returning `f`'s result: the data must be
    /// re-checked afterwards.
    pub(crate) fn do_unlocked<U>(&mut self, f: impl FnOnce() -> U) -> U {
        // SAFETY: the guard holds the lock with `self.state` (type
        // invariant); the scope guard below restores the invariant.
        unsafe { B::unlock(self.lock.state.get(), &self.state) };
        // Acquire it again even if `f` does not return normally (a kernel
        // panic does not unwind, but keep the guard's invariant local).
        let _relock = ScopeGuard::new(|| {
            // INVARIANT: the guard holds the lock again, with the state
            // `relock` stores.
            // SAFETY: the lock was released just before `f` and is
            // acquired again here, updating the guard's state.
            unsafe { B::relock(self.lock.state.get(), &mut self.state) }
        });
        f()
    }
}

impl<T: ?Sized, B: Backend> Deref for Guard<'_, T, B> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the guard holds the lock (type invariant), so no one
        // writes the data.
        unsafe { &*self.lock.data.get() }
    }
}

impl<T: ?Sized + Unpin, B: Backend> DerefMut for Guard<'_, T, B> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds the lock (type invariant), so this is
        // the only access to the data; `T: Unpin`, so it may be moved out through `&mut`.
        unsafe { &mut *self.lock.data.get() }
    }
}

impl<T: ?Sized, B: Backend> Drop for Guard<'_, T, B> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: the guard holds the lock with `self.state` (type
        // invariant), in this context (the guard is not `Send`).
        unsafe { B::unlock(self.lock.state.get(), &self.state) };
    }
}
