// SPDX-License-Identifier: GPL-2.0-only

//! Condition variables: [`CondVar`] lets a task holding a lock sleep until
//! another task changes the protected data and notifies it.
//!
//! The sleeper checks its condition with the lock held and calls
//! [`CondVar::wait`] with the lock's guard: it is queued before the lock is
//! released, so a notification sent after the change (made with the lock
//! held) cannot be missed. It wakes with the lock held again, and must
//! check the condition again (another task may have been first). Built on
//! a C `wait_queue_head` with exclusive waits: [`CondVar::notify_one`]
//! wakes one sleeper, [`CondVar::notify_all`] all of them.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::sync::{CondVar, Mutex};
//!
//! kernel::pin_data! {
//!     struct Flag {
//!         #[pin]
//!         set: Mutex<bool>,
//!         #[pin]
//!         cv: CondVar,
//!     }
//! }
//!
//! fn wait_for(f: &Flag) {
//!     let mut set = f.set.lock();
//!     while !*set {
//!         f.cv.wait(&mut set);
//!     }
//! }
//!
//! let f = KBox::pin_init(pin_init!(Flag { set <- new_mutex!(false), cv <- CondVar::new() }), GFP_KERNEL)?;
//! *f.set.lock() = true;
//! f.cv.notify_all();
//! wait_for(&f); // returns at once: the flag is set
//!
//! // Nobody notifies: the wait times out.
//! let mut g = f.set.lock();
//! assert!(f.cv.wait_timeout(&mut g, 2).timed_out());
//! # Ok::<(), Error>(())
//! ```

use super::lock::{Backend, Guard};
use crate::init::PinInit;
use crate::time::Jiffies;
use crate::types::Opaque;
use core::marker::PhantomPinned;
use ffi::{c_int, c_long};

crate::pin_data! {
    /// A condition variable: see the [module documentation](self).
    ///
    /// Create one in place with [`CondVar::new`] (a C wait queue must not
    /// move), or as a `static` with [`global_lock!`](crate::global_lock).
    ///
    /// # Invariants
    ///
    /// `wait_queue_head` is an initialised wait queue that has not moved
    /// since.
    pub struct CondVar {
        #[pin]
        wait_queue_head: Opaque<bindings::wait_queue_head>,
        /// The wait queue points to itself: it must not move.
        #[pin]
        _pin: PhantomPinned,
    }
}

// SAFETY: the wait queue belongs to no thread; a `CondVar` may be moved to
// (before it is initialised) and dropped on any thread.
unsafe impl Send for CondVar {}

// SAFETY: every operation on the wait queue takes its internal spinlock,
// so it may be used from several threads at once.
unsafe impl Sync for CondVar {}

/// What a wait with a timeout ended with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CondVarTimeoutResult {
    /// The time ran out.
    Timeout,
    /// Woken (by a notification, or spuriously) with `jiffies` left.
    Woken {
        /// The time that was left.
        jiffies: Jiffies,
    },
    /// A signal arrived (interruptible waits only), with `jiffies` left.
    Signal {
        /// The time that was left.
        jiffies: Jiffies,
    },
}

impl CondVarTimeoutResult {
    /// Whether the time ran out.
    pub fn timed_out(&self) -> bool {
        matches!(self, CondVarTimeoutResult::Timeout)
    }
}

/// `TASK_UNINTERRUPTIBLE`/`TASK_INTERRUPTIBLE` as `prepare_to_wait` takes
/// them.
const UNINTERRUPTIBLE: c_int = bindings::TASK_UNINTERRUPTIBLE as c_int;
const INTERRUPTIBLE: c_int = bindings::TASK_INTERRUPTIBLE as c_int;

impl CondVar {
    /// An initialiser for a new condition variable.
    pub fn new() -> impl PinInit<Self> {
        // INVARIANT: initialised in place, and pinned from then on.
        crate::pin_init!(Self {
            // SAFETY: `slot` is valid for writes and stays in place until
            // the condition variable is dropped (`ffi_init`'s promise).
            wait_queue_head <- Opaque::ffi_init(|slot| unsafe {
                bindings::init_waitqueue_head(slot)
            }),
            _pin: PhantomPinned,
        })
    }

    /// A condition variable for a `static` (see
    /// [`global_lock!`](crate::global_lock)): the C
    /// `__WAIT_QUEUE_HEAD_INITIALIZER`, whose list points to itself.
    ///
    /// # Safety
    ///
    /// The result is stored at `this` and never moved (a `static`).
    #[doc(hidden)]
    pub const unsafe fn __new_static(this: *const Self) -> Self {
        let head = this
            .cast::<u8>()
            .wrapping_add(
                core::mem::offset_of!(Self, wait_queue_head)
                    + core::mem::offset_of!(bindings::wait_queue_head, head),
            )
            .cast::<bindings::list_head>()
            .cast_mut();
        CondVar {
            wait_queue_head: Opaque::new(wait_queue_head_static(head)),
            _pin: PhantomPinned,
        }
    }

    /// Sleeps in `state` for up to `timeout` jiffies with the guard's lock
    /// released; returns the jiffies left.
    fn wait_internal<T: ?Sized, B: Backend>(
        &self,
        state: c_int,
        guard: &mut Guard<'_, T, B>,
        timeout: c_long,
    ) -> c_long {
        let wait = Opaque::<bindings::wait_queue_entry>::uninit();
        // SAFETY: `wait` is valid for writes; this fills every field for
        // the current task, with an empty list.
        unsafe { bindings::init_wait_entry(wait.get()) };
        // SAFETY: the queue and the entry are initialised. The entry is a
        // local that does not move, and `finish_wait` below removes it from
        // the queue before it goes out of scope.
        unsafe {
            bindings::prepare_to_wait_exclusive(self.wait_queue_head.get(), wait.get(), state)
        };
        // SAFETY: the current task's state is set; `schedule_timeout` sleeps
        // until woken or the time runs out. The lock is released meanwhile.
        let left = guard.do_unlocked(|| unsafe { bindings::schedule_timeout(timeout) });
        // SAFETY: the entry was queued above on this queue.
        unsafe { bindings::finish_wait(self.wait_queue_head.get(), wait.get()) };
        left
    }

    /// Releases the guard's lock, sleeps until notified, and acquires the
    /// lock again. May also return spuriously: check the condition in a
    /// loop.
    pub fn wait<T: ?Sized, B: Backend>(&self, guard: &mut Guard<'_, T, B>) {
        self.wait_internal(UNINTERRUPTIBLE, guard, bindings::MAX_SCHEDULE_TIMEOUT);
    }

    /// As [`CondVar::wait`], but a signal also wakes the task: returns
    /// whether one is pending (the caller should then give up, usually
    /// with `ERESTARTSYS`).
    #[must_use = "a pending signal should end the wait"]
    pub fn wait_interruptible<T: ?Sized, B: Backend>(&self, guard: &mut Guard<'_, T, B>) -> bool {
        self.wait_internal(INTERRUPTIBLE, guard, bindings::MAX_SCHEDULE_TIMEOUT);
        signal_pending()
    }

    /// As [`CondVar::wait`], for at most `jiffies` timer ticks.
    pub fn wait_timeout<T: ?Sized, B: Backend>(
        &self,
        guard: &mut Guard<'_, T, B>,
        jiffies: Jiffies,
    ) -> CondVarTimeoutResult {
        let left = self.wait_internal(UNINTERRUPTIBLE, guard, to_timeout(jiffies));
        match left {
            0 => CondVarTimeoutResult::Timeout,
            left => CondVarTimeoutResult::Woken {
                jiffies: Jiffies::try_from(left).unwrap_or(0),
            },
        }
    }

    /// As [`CondVar::wait_interruptible`], for at most `jiffies` timer
    /// ticks.
    pub fn wait_interruptible_timeout<T: ?Sized, B: Backend>(
        &self,
        guard: &mut Guard<'_, T, B>,
        jiffies: Jiffies,
    ) -> CondVarTimeoutResult {
        let left = self.wait_internal(INTERRUPTIBLE, guard, to_timeout(jiffies));
        let jiffies = Jiffies::try_from(left).unwrap_or(0);
        if signal_pending() {
            CondVarTimeoutResult::Signal { jiffies }
        } else if left == 0 {
            CondVarTimeoutResult::Timeout
        } else {
            CondVarTimeoutResult::Woken { jiffies }
        }
    }

    /// The C wait queue, for abstractions that register on it
    /// ([`PollTable`](crate::poll::PollTable)).
    pub(crate) fn wait_queue_ptr(&self) -> *mut bindings::wait_queue_head {
        self.wait_queue_head.get()
    }

    /// Wakes one task waiting on the condition variable, if any.
    pub fn notify_one(&self) {
        // SAFETY: the wait queue is initialised; any context may wake.
        unsafe { bindings::wake_up(self.wait_queue_head.get()) }
    }

    /// Wakes every task waiting on the condition variable.
    pub fn notify_all(&self) {
        // SAFETY: the wait queue is initialised; any context may wake.
        unsafe { bindings::wake_up_all(self.wait_queue_head.get()) }
    }
}

/// A C `schedule_timeout` argument for `jiffies` (longer is forever).
fn to_timeout(jiffies: Jiffies) -> c_long {
    c_long::try_from(jiffies).unwrap_or(bindings::MAX_SCHEDULE_TIMEOUT)
}

/// Whether the current task has a signal pending.
fn signal_pending() -> bool {
    // SAFETY: `get_current` returns the running task, valid while it runs.
    unsafe { bindings::signal_pending(bindings::get_current()) }
}

/// The C `__WAIT_QUEUE_HEAD_INITIALIZER` for a queue whose list head is
/// at `head`.
pub(crate) const fn wait_queue_head_static(
    head: *mut bindings::list_head,
) -> bindings::wait_queue_head {
    bindings::wait_queue_head {
        lock: super::spinlock::raw_unlocked(),
        head: bindings::list_head {
            next: head,
            prev: head,
        },
    }
}
