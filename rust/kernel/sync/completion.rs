// SPDX-License-Identifier: GPL-2.0-only

//! Completions: [`Completion`] signals "this has happened" from one task
//! (or an interrupt) to others waiting for it.
//!
//! [`Completion::complete`] lets one waiter through (or the next one to
//! wait, if nobody is waiting yet: completions are counted);
//! [`Completion::complete_all`] lets every waiter through, now and later.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::sync::{Arc, Completion};
//!
//! let done = Arc::pin_init(Completion::new(), GFP_KERNEL)?;
//! assert!(!done.try_wait());
//! done.complete();
//! done.complete();
//! // Two completions: two waits pass without sleeping.
//! done.wait();
//! assert_eq!(done.wait_timeout(1), Ok(1));
//! // None left: the wait times out.
//! assert_eq!(done.wait_timeout(1), Err(ETIMEDOUT));
//! # Ok::<(), Error>(())
//! ```

use super::condvar::wait_queue_head_static;
use crate::error::{code::ETIMEDOUT, to_result, Result};
use crate::init::PinInit;
use crate::time::Jiffies;
use crate::types::Opaque;
use core::marker::PhantomPinned;

crate::pin_data! {
    /// A completion: see the [module documentation](self).
    ///
    /// Create one in place with [`Completion::new`] (its C wait queue must
    /// not move), or as a `static` with [`global_lock!`](crate::global_lock).
    ///
    /// # Invariants
    ///
    /// `inner` is an initialised `struct completion` that has not moved
    /// since.
    pub struct Completion {
        #[pin]
        inner: Opaque<bindings::completion>,
        /// The wait queue inside points to itself: it must not move.
        #[pin]
        _pin: PhantomPinned,
    }
}

// SAFETY: the completion belongs to no thread; it may be moved (before it
// is initialised) and dropped on any thread.
unsafe impl Send for Completion {}

// SAFETY: every C operation on a completion takes its internal spinlock,
// so it may be used from several threads (and interrupts) at once.
unsafe impl Sync for Completion {}

impl Completion {
    /// An initialiser for a new, not yet completed, completion.
    pub fn new() -> impl PinInit<Self> {
        // INVARIANT: initialised in place, and pinned from then on.
        crate::pin_init!(Self {
            // SAFETY: `slot` is valid for writes and stays in place until
            // the completion is dropped (`ffi_init`'s promise).
            inner <- Opaque::ffi_init(|slot| unsafe { bindings::init_completion(slot) }),
            _pin: PhantomPinned,
        })
    }

    /// A completion for a `static` (see
    /// [`global_lock!`](crate::global_lock)): the C
    /// `COMPLETION_INITIALIZER`.
    ///
    /// # Safety
    ///
    /// The result is stored at `this` and never moved (a `static`).
    #[doc(hidden)]
    pub const unsafe fn __new_static(this: *const Self) -> Self {
        let head = this
            .cast::<u8>()
            .wrapping_add(
                core::mem::offset_of!(Self, inner)
                    + core::mem::offset_of!(bindings::completion, wait)
                    + core::mem::offset_of!(bindings::wait_queue_head, head),
            )
            .cast::<bindings::list_head>()
            .cast_mut();
        // INVARIANT: the caller stores the result at `this`, the address
        // the wait queue's list head points into, and never moves it.
        Completion {
            inner: Opaque::new(bindings::completion {
                done: 0,
                wait: wait_queue_head_static(head),
            }),
            _pin: PhantomPinned,
        }
    }

    /// Lets one waiter through (the next one to wait, if none is waiting).
    /// Any context.
    pub fn complete(&self) {
        // SAFETY: the completion is initialised and pinned (type
        // invariant).
        unsafe { bindings::complete(self.inner.get()) }
    }

    /// Lets every waiter through, now and in the future. Any context.
    pub fn complete_all(&self) {
        // SAFETY: the completion is initialised and pinned (type
        // invariant).
        unsafe { bindings::complete_all(self.inner.get()) }
    }

    /// Sleeps until completed, and consumes one completion.
    pub fn wait(&self) {
        // SAFETY: the completion is initialised and pinned (type
        // invariant).
        unsafe { bindings::wait_for_completion(self.inner.get()) }
    }

    /// As [`Completion::wait`], but a signal ends the wait early with
    /// `ERESTARTSYS`.
    pub fn wait_interruptible(&self) -> Result {
        // SAFETY: the completion is initialised and pinned (type
        // invariant).
        to_result(unsafe { bindings::wait_for_completion_interruptible(self.inner.get()) })
    }

    /// As [`Completion::wait`], for at most `jiffies` timer ticks: the
    /// jiffies that were left (at least 1), or `ETIMEDOUT`.
    pub fn wait_timeout(&self, jiffies: Jiffies) -> Result<Jiffies> {
        // SAFETY: the completion is initialised and pinned (type
        // invariant).
        match unsafe { bindings::wait_for_completion_timeout(self.inner.get(), jiffies) } {
            0 => Err(ETIMEDOUT),
            left => Ok(left),
        }
    }

    /// Consumes one completion if there is one, without sleeping.
    pub fn try_wait(&self) -> bool {
        // SAFETY: the completion is initialised and pinned (type
        // invariant).
        unsafe { bindings::try_wait_for_completion(self.inner.get()) }
    }

    /// Whether a completion is available (nobody consumed it yet).
    pub fn is_done(&self) -> bool {
        // SAFETY: the completion is initialised and pinned (type
        // invariant).
        unsafe { bindings::completion_done(self.inner.get()) }
    }
}
