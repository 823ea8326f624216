// SPDX-License-Identifier: GPL-2.0-only

//! Polling: [`PollTable`] (the C `poll_table` a `poll` method receives),
//! [`PollCondVar`] (a [`CondVar`] that pollers may wait on) and the event
//! bits ([`POLLIN`], [`POLLOUT`]...).
//!
//! A driver's `poll` reports which events are ready now, and registers
//! the wait queues that will be woken when that changes, so the poller
//! can sleep on them:
//!
//! ```text
//! fn poll(dev, file, table) -> u32 {
//!     table.register_wait(file, &dev.readable);   // poll_wait()
//!     if has_data { POLLIN | POLLRDNORM } else { 0 }
//! }
//! ```
//!
//! The wait queue is the one of a [`PollCondVar`], which is a [`CondVar`]
//! for the driver's own blocking reads and writes too: one notification
//! wakes both the tasks sleeping in `read` and the pollers.
//!
//! # Examples
//!
//! ```
//! use kernel::poll::{PollCondVar, PollTable, POLLIN, POLLOUT};
//! use kernel::prelude::*;
//! use kernel::sync::Mutex;
//!
//! kernel::pin_data! {
//!     struct Pipe {
//!         #[pin]
//!         bytes: Mutex<usize>,
//!         #[pin]
//!         changed: PollCondVar,
//!     }
//! }
//!
//! let p = KBox::pin_init(pin_init!(Pipe { bytes <- new_mutex!(0), changed <- PollCondVar::new() }), GFP_KERNEL)?;
//! // A poll method's answer: readable if there is data, always writable.
//! let mask = |p: &Pipe| if *p.bytes.lock() > 0 { POLLIN | POLLOUT } else { POLLOUT };
//! assert_eq!(mask(&p), POLLOUT);
//! *p.bytes.lock() = 3;
//! p.changed.notify_all(); // wakes readers and pollers
//! assert_eq!(mask(&p), POLLIN | POLLOUT);
//! // A NULL table (the caller only asks) accepts registrations and ignores them.
//! PollTable::with_null(|t| assert!(t.is_null()));
//! # Ok::<(), Error>(())
//! ```

use crate::fs::File;
use crate::init::{OnlyCallFromDrop, PinInit, PinnedDrop};
use crate::sync::CondVar;
use core::marker::PhantomData;
use core::ops::Deref;
use core::pin::Pin;

/// There is data to read.
pub const POLLIN: u32 = bindings::EPOLLIN;
/// There is urgent data to read.
pub const POLLPRI: u32 = bindings::EPOLLPRI;
/// Writing will not block.
pub const POLLOUT: u32 = bindings::EPOLLOUT;
/// An error condition.
pub const POLLERR: u32 = bindings::EPOLLERR;
/// Hung up (the other end is gone).
pub const POLLHUP: u32 = bindings::EPOLLHUP;
/// Normal data to read (reported with [`POLLIN`]).
pub const POLLRDNORM: u32 = bindings::EPOLLRDNORM;
/// Normal data may be written (reported with [`POLLOUT`]).
pub const POLLWRNORM: u32 = bindings::EPOLLWRNORM;

/// The C `poll_table` a `poll` method is given (possibly NULL: the caller
/// only asks and will not sleep).
///
/// # Invariants
///
/// `table` is NULL or a valid poll table for `'a`, whose queueing function
/// (if any) removes its wait entries from a queue once woken, before the
/// queue is freed.
pub struct PollTable<'a> {
    table: *mut bindings::poll_table_struct,
    _p: PhantomData<&'a mut bindings::poll_table_struct>,
}

impl<'a> PollTable<'a> {
    /// Wraps a C poll table.
    ///
    /// # Safety
    ///
    /// `table` is NULL or a valid poll table for `'a`, whose queueing
    /// function (if any) removes its wait entries from a queue before the
    /// queue is freed: [`PollCondVar`]'s drop wakes every entry so that
    /// the poller can do so.
    #[inline(always)]
    pub unsafe fn from_raw(table: *mut bindings::poll_table_struct) -> Self {
        // INVARIANT: the caller's promise.
        PollTable {
            table,
            _p: PhantomData,
        }
    }

    /// Runs `f` with a NULL table (for tests and for in-kernel callers
    /// that only want the mask).
    pub fn with_null<R>(f: impl FnOnce(&mut PollTable<'_>) -> R) -> R {
        // SAFETY: NULL is allowed.
        let mut t = unsafe { PollTable::from_raw(core::ptr::null_mut()) };
        f(&mut t)
    }

    /// Whether the table is NULL (nobody will wait).
    #[inline]
    pub fn is_null(&self) -> bool {
        self.table.is_null()
    }

    /// Tells the poller that `cv` will be notified when `file`'s state
    /// changes (`poll_wait()`). Does nothing for a NULL table. Never sleeps.
    #[inline]
    pub fn register_wait(&mut self, file: &File, cv: &PollCondVar) {
        if self.table.is_null() {
            return;
        }
        // SAFETY: the file is valid (its type invariant) and so is the
        // table (ours); the wait queue is initialised and pinned
        // (`CondVar`'s invariant), and lives until `PollCondVar`'s drop
        // has woken every poller, which then removes its entry (our
        // invariant).
        unsafe { bindings::poll_wait(file.as_ptr(), cv.wait_queue(), self.table) }
    }
}

crate::pin_data! {
    #[pinned_drop]
    /// A [`CondVar`] whose wait queue pollers may register on
    /// ([`PollTable::register_wait`]). Use it as a plain `CondVar` (it
    /// dereferences to one); dropping it wakes every waiter left, so that
    /// pollers remove their entries.
    pub struct PollCondVar {
        #[pin]
        inner: CondVar,
    }
}

impl PollCondVar {
    /// An initialiser for a new condition variable.
    pub fn new() -> impl PinInit<Self> {
        crate::pin_init!(Self {
            inner <- CondVar::new(),
        })
    }

    /// The C wait queue.
    fn wait_queue(&self) -> *mut bindings::wait_queue_head {
        self.inner.wait_queue_ptr()
    }
}

impl PinnedDrop for PollCondVar {
    fn drop(self: Pin<&mut Self>, _: OnlyCallFromDrop) {
        // Pollers still registered must notice that the queue goes away.
        self.inner.notify_all();
    }
}

impl Deref for PollCondVar {
    type Target = CondVar;

    fn deref(&self) -> &CondVar {
        &self.inner
    }
}

#[crate::kunit_tests(rust_poll)]
mod tests {
    use super::*;
    use crate::prelude::*;
    use crate::types::Opaque;

    /// A queueing function that records the wait queue it was given.
    unsafe extern "C" fn record(
        _file: *mut bindings::file,
        wq: *mut bindings::wait_queue_head,
        pt: *mut bindings::poll_table_struct,
    ) {
        // SAFETY: `pt` is the first field of a `Recorder` (see below).
        unsafe { (*pt.cast::<Recorder>()).seen = wq };
    }

    #[repr(C)]
    struct Recorder {
        table: bindings::poll_table_struct,
        seen: *mut bindings::wait_queue_head,
    }

    #[test]
    fn register_wait_reaches_the_queue() -> Result {
        let cv = KBox::pin_init(PollCondVar::new(), GFP_KERNEL)?;
        let file = Opaque::<bindings::file>::zeroed();
        // SAFETY: a zeroed `struct file` is only passed through to `record`,
        // which ignores it.
        let file = unsafe { File::from_raw(file.get()) };
        let mut rec = Recorder {
            table: bindings::poll_table_struct {
                _qproc: Some(record),
                _key: !0,
            },
            seen: core::ptr::null_mut(),
        };
        {
            // SAFETY: `rec.table` is valid for this block; `record` keeps
            // no entry on the queue.
            let mut t = unsafe { PollTable::from_raw(&mut rec.table) };
            kunit_assert!(!t.is_null());
            t.register_wait(file, &cv);
        }
        kunit_assert_eq!(rec.seen, cv.wait_queue());
        PollTable::with_null(|t| t.register_wait(file, &cv));
        kunit_assert_eq!(POLLIN | POLLRDNORM, 0x41);
        kunit_assert_eq!(POLLOUT | POLLWRNORM, 0x104);
        Ok(())
    }
}
