// SPDX-License-Identifier: GPL-2.0-only

//! Workqueues (`include/linux/workqueue.h`): run a closure later, in
//! process context, on a queue's worker thread.
//!
//! - [`system`] is the shared queue (C's `system_wq`, the `events`
//!   thread); [`OwnedQueue`] is a queue of one's own, drained and freed
//!   when dropped.
//! - [`Queue::try_spawn`] queues a closure: it is moved into a new
//!   allocation with its C `work_struct` (so spawning can fail, with
//!   [`AllocError`]), runs once on the worker, and is freed after it ran.
//! - [`Queue::flush`] waits until everything queued before has run.
//!
//! Every queue runs its works one at a time, in order. A closure may
//! sleep and allocate. It must not flush its own queue (the worker would
//! wait for itself: a deadlock, not memory unsafety).
//!
//! # Examples
//!
//! ```
//! use core::sync::atomic::{AtomicU32, Ordering};
//! use kernel::prelude::*;
//! use kernel::sync::Arc;
//! use kernel::workqueue;
//!
//! let sum = Arc::new(AtomicU32::new(0), GFP_KERNEL)?;
//! for i in 1..=4 {
//!     let sum = sum.clone();
//!     workqueue::system().try_spawn(GFP_KERNEL, move || {
//!         sum.fetch_add(i, Ordering::Relaxed);
//!     })?;
//! }
//! workqueue::system().flush();
//! assert_eq!(sum.load(Ordering::Relaxed), 10);
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{AllocError, Flags, KBox};
use crate::error::{code::ENOMEM, Result};
use crate::str::CStr;
use crate::types::Opaque;
use core::ops::Deref;
use core::ptr::NonNull;

/// A workqueue: a C `struct workqueue_struct`, seen by reference.
///
/// # Invariants
///
/// A `&Queue` refers to a live workqueue, which is not destroyed while
/// the reference exists.
#[repr(transparent)]
pub struct Queue(Opaque<bindings::workqueue_struct>);

// SAFETY: queueing and flushing are thread-safe in C (the queue has its
// own lock) and work from any thread.
unsafe impl Send for Queue {}
// SAFETY: as above: `&Queue` only allows queueing and flushing.
unsafe impl Sync for Queue {}

/// The system workqueue (`system_wq`), made at boot and never destroyed.
pub fn system() -> &'static Queue {
    // SAFETY: `system_wq` is set once by an early initcall (before any
    // Rust code runs) and never changed or freed.
    let wq = unsafe { bindings::system_wq };
    // SAFETY: as above: a live queue for the rest of the kernel's life.
    unsafe { Queue::from_raw(wq) }
}

impl Queue {
    /// A borrowed `Queue` from a C pointer.
    ///
    /// # Safety
    ///
    /// `ptr` is a live workqueue that is not destroyed for `'a`.
    pub unsafe fn from_raw<'a>(ptr: *mut bindings::workqueue_struct) -> &'a Queue {
        // SAFETY: `Queue` wraps the C struct transparently; the caller
        // guarantees that it lives for 'a.
        unsafe { &*ptr.cast::<Queue>() }
    }

    /// The C pointer.
    pub fn as_raw(&self) -> *mut bindings::workqueue_struct {
        self.0.get()
    }

    /// Queues `func` to run once on the queue's worker thread; the
    /// closure is freed after it ran. Fails only if the allocation (with
    /// `flags`) fails, and then `func` is dropped without running.
    ///
    /// Never sleeps if `flags` does not (e.g. `GFP_ATOMIC`).
    pub fn try_spawn<F>(&self, flags: Flags, func: F) -> Result<(), AllocError>
    where
        F: FnOnce() + Send + 'static,
    {
        let work = KBox::new(
            ClosureWork {
                work: Opaque::uninit(),
                func,
            },
            flags,
        )?;
        let raw = KBox::into_raw(work);
        // SAFETY: `raw` is a valid, unique allocation; `work` is its first
        // field (`repr(C)`), initialised here before it is queued. Its
        // ownership passes to the queue: `run_closure::<F>` takes it back
        // exactly once, when the work runs (a new work is never pending,
        // so `queue_work` always queues it).
        unsafe {
            let work = Opaque::raw_get(core::ptr::addr_of!((*raw).work));
            bindings::init_work(work, Some(run_closure::<F>));
            bindings::queue_work(self.as_raw(), work);
        }
        Ok(())
    }

    /// Waits until every closure queued before the call has run. Sleeps;
    /// never from a closure running on this same queue.
    pub fn flush(&self) {
        // SAFETY: the queue is alive.
        unsafe { bindings::flush_workqueue(self.as_raw()) }
    }
}

/// A closure with its C work, in one allocation.
#[repr(C)]
struct ClosureWork<F> {
    /// First, so that a pointer to it is a pointer to the whole.
    work: Opaque<bindings::work_struct>,
    func: F,
}

/// The C work function of a [`ClosureWork<F>`]: takes it back, frees it
/// and runs the closure.
unsafe extern "C" fn run_closure<F: FnOnce()>(work: *mut bindings::work_struct) {
    // SAFETY: `work` is the first field of a `ClosureWork<F>` that
    // `try_spawn` leaked with `KBox::into_raw` and gave to the queue; the
    // worker calls this once per queueing, and the work is queued once,
    // so ownership comes back here exactly once. The worker does not touch
    // the work after this function returns.
    let work = unsafe { KBox::from_raw(work.cast::<ClosureWork<F>>()) };
    let ClosureWork { func, .. } = KBox::into_inner(work);
    func();
}

/// A workqueue of one's own (`alloc_workqueue()`), with its own worker
/// thread; dropping it runs what is still queued, then frees it
/// (`destroy_workqueue()`). Dereferences to [`Queue`].
///
/// # Examples
///
/// ```
/// use core::sync::atomic::{AtomicUsize, Ordering};
/// use kernel::prelude::*;
/// use kernel::workqueue::OwnedQueue;
///
/// static RAN: AtomicUsize = AtomicUsize::new(0);
///
/// let wq = OwnedQueue::new(c_str!("rust_doc_wq"))?;
/// wq.try_spawn(GFP_KERNEL, || {
///     RAN.fetch_add(1, Ordering::Relaxed);
/// })?;
/// drop(wq); // drains: the closure has run
/// assert_eq!(RAN.load(Ordering::Relaxed), 1);
/// # Ok::<(), Error>(())
/// ```
pub struct OwnedQueue {
    wq: NonNull<bindings::workqueue_struct>,
}

// SAFETY: as for `Queue`; destroying works from any thread (but not from
// one of the queue's own closures, which `'static` closures cannot reach
// without a reference, see `drop`).
unsafe impl Send for OwnedQueue {}
// SAFETY: as above: `&OwnedQueue` only gives `&Queue`.
unsafe impl Sync for OwnedQueue {}

impl OwnedQueue {
    /// A new queue with its worker thread named `name` (cut to 23
    /// bytes). Errors: `ENOMEM`.
    pub fn new(name: &CStr) -> Result<Self> {
        // SAFETY: "%s" with a NUL-terminated string, which the C function
        // copies; flags and max_active are ignored.
        let wq = unsafe { bindings::alloc_workqueue(c"%s".as_ptr().cast(), 0, 0, name.as_ptr()) };
        Ok(OwnedQueue {
            wq: NonNull::new(wq).ok_or(ENOMEM)?,
        })
    }
}

impl Deref for OwnedQueue {
    type Target = Queue;

    fn deref(&self) -> &Queue {
        // SAFETY: the queue lives until `drop`, and the reference cannot
        // outlive `self`.
        unsafe { Queue::from_raw(self.wq.as_ptr()) }
    }
}

impl Drop for OwnedQueue {
    fn drop(&mut self) {
        // SAFETY: the queue was made by `new` and is destroyed once. No
        // `&Queue` to it is left (they borrow `self`), so nothing queues
        // on it any more; the queued closures run (and are freed) first.
        unsafe { bindings::destroy_workqueue(self.wq.as_ptr()) }
    }
}

#[crate::kunit_tests(rust_workqueue)]
mod tests {
    use super::*;
    use crate::alloc::fault_inject;
    use crate::prelude::*;
    use crate::sync::Arc;
    use core::sync::atomic::{AtomicUsize, Ordering};

    use fault_inject::slab_bytes;

    #[test]
    fn runs_on_the_worker_in_order() -> Result {
        let wq = OwnedQueue::new(c_str!("rust_wq_order"))?;
        let next = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        let wrong = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        let me = crate::current!().pid();
        for i in 0..16 {
            let (next, wrong) = (next.clone(), wrong.clone());
            wq.try_spawn(GFP_KERNEL, move || {
                // Each closure must see the ones before it done.
                if next
                    .compare_exchange(i, i + 1, Ordering::AcqRel, Ordering::Relaxed)
                    .is_err()
                    || crate::current!().pid() == me
                {
                    wrong.fetch_add(1, Ordering::Relaxed);
                }
            })?;
        }
        wq.flush();
        kunit_assert_eq!(next.load(Ordering::Relaxed), 16);
        kunit_assert_eq!(wrong.load(Ordering::Relaxed), 0);
        Ok(())
    }

    #[test]
    fn allocation_failure_drops_the_closure() -> Result {
        struct Token(Arc<AtomicUsize>);
        impl Drop for Token {
            fn drop(&mut self) {
                self.0.fetch_add(1, Ordering::Relaxed);
            }
        }
        let drops = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        let ran = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        let token = Token(drops.clone());
        let ran2 = ran.clone();
        let res = {
            let _fail = fault_inject::fail_after_scoped(0);
            system().try_spawn(GFP_KERNEL | __GFP_NOWARN, move || {
                let _t = &token;
                ran2.fetch_add(1, Ordering::Relaxed);
            })
        };
        kunit_assert!(res.is_err());
        kunit_assert_eq!(drops.load(Ordering::Relaxed), 1);
        system().flush();
        kunit_assert_eq!(ran.load(Ordering::Relaxed), 0);
        Ok(())
    }

    // Tasks alive (a stopped thread is reaped shortly after it exits).
    use crate::task::nr_tasks;

    #[test]
    fn closures_and_queues_are_freed() -> Result {
        let start = slab_bytes();
        let tasks = nr_tasks();
        {
            let count = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
            let wq = OwnedQueue::new(c_str!("rust_wq_leak"))?;
            kunit_assert_eq!(nr_tasks(), tasks + 1);
            for _ in 0..8 {
                let count = count.clone();
                wq.try_spawn(GFP_KERNEL, move || {
                    count.fetch_add(1, Ordering::Relaxed);
                })?;
            }
            // Dropping the queue drains it.
            drop(wq);
            kunit_assert_eq!(count.load(Ordering::Relaxed), 8);
            kunit_assert_eq!(Arc::strong_count(&count), 1);
        }
        // The worker has exited; its task is freed once it is switched
        // away from for the last time.
        for _ in 0..100 {
            if nr_tasks() == tasks {
                break;
            }
            crate::task::msleep(1);
        }
        kunit_assert_eq!(nr_tasks(), tasks);
        kunit_assert_eq!(slab_bytes(), start);
        Ok(())
    }
}
