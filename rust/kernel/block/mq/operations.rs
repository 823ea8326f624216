// SPDX-License-Identifier: GPL-2.0-only

//! The [`Operations`] a Rust block driver implements, and the C
//! `struct blk_mq_ops` built from them.

use super::request::{Request, RequestDataWrapper};
use crate::error::{code::*, Error, Result};
use crate::types::{ARef, ForeignOwnable};
use core::marker::PhantomData;
use core::sync::atomic::Ordering;

/// A block driver's request handling (C's `struct blk_mq_ops`).
///
/// Implement it with [`#[vtable]`](crate::vtable); the optional methods
/// left out are NULL in the C table.
#[crate::vtable]
pub trait Operations: Sized + 'static {
    /// The driver's data in every request (C's `cmd_size` bytes), made
    /// once per request by [`Operations::new_request_data`] when the
    /// [`TagSet`](super::TagSet) is made, dropped when it is freed.
    type RequestData: Send + Sync;

    /// The driver's data for each disk, given to
    /// [`GenDiskBuilder::build`](super::GenDiskBuilder::build) and lent
    /// to [`Operations::queue_rq`]: a [`KBox`](crate::alloc::KBox), an
    /// [`Arc`](crate::sync::Arc), or `()`.
    type QueueData: ForeignOwnable + Send + Sync;

    /// The data of a new request. May sleep; an error fails the tag set.
    fn new_request_data() -> Result<Self::RequestData>;

    /// Starts `rq` (started for the driver already: `blk_mq_start_request`).
    ///
    /// `Ok`: the driver owns the request and ends it once, now or later
    /// ([`Request::end`], [`Request::complete`]). `Err`: the request
    /// ends with that error (`EBUSY` or `ENOMEM`: it is offered again
    /// after another request ended), unless the driver kept a reference
    /// to it, which must then end it. `is_last` is always `true` (bios
    /// come one at a time). Process context; may sleep.
    fn queue_rq(
        queue_data: <Self::QueueData as ForeignOwnable>::Borrowed<'_>,
        rq: ARef<Request<Self>>,
        is_last: bool,
    ) -> Result;

    /// Starts what `queue_rq` queued without starting it; called after
    /// `queue_rq` asked for a retry. Process context.
    fn commit_rqs(_queue_data: <Self::QueueData as ForeignOwnable>::Borrowed<'_>) {
        crate::build_error!("Operations::commit_rqs called without #[vtable]")
    }

    /// A request handed over with [`Request::complete`] (in process
    /// context, from a workqueue) or [`Request::complete_after`] (from a
    /// timer: any context, must not sleep): end it here.
    fn complete(_rq: ARef<Request<Self>>) {
        crate::build_error!("Operations::complete called without #[vtable]")
    }
}

/// The block layer's status for a driver's error: `EBUSY` and `ENOMEM`
/// ask for a retry, as Linux's `errno_to_blk_status()` has it.
pub(crate) fn to_blk_status(err: Error) -> bindings::blk_status_t {
    let status = if err == EBUSY || err == ENOMEM {
        bindings::BLK_STS_RESOURCE
    } else if err == ENOSPC {
        bindings::BLK_STS_NOSPC
    } else if err == EOPNOTSUPP {
        bindings::BLK_STS_NOTSUPP
    } else if err == ENODEV {
        bindings::BLK_STS_OFFLINE
    } else {
        bindings::BLK_STS_IOERR
    };
    status as bindings::blk_status_t
}

/// The `struct blk_mq_ops` of an [`Operations`] implementation `T`.
pub(crate) struct OperationsVTable<T: Operations>(PhantomData<T>);

impl<T: Operations> OperationsVTable<T> {
    const VTABLE: bindings::blk_mq_ops = bindings::blk_mq_ops {
        queue_rq: Some(Self::queue_rq),
        commit_rqs: if T::HAS_COMMIT_RQS {
            Some(Self::commit_rqs)
        } else {
            None
        },
        complete: if T::HAS_COMPLETE {
            Some(Self::complete)
        } else {
            None
        },
        init_request: Some(Self::init_request),
        exit_request: Some(Self::exit_request),
    };

    /// The table, with a `'static` address.
    pub(crate) const fn build() -> &'static bindings::blk_mq_ops {
        &Self::VTABLE
    }

    /// `->queue_rq()`: lends the disk's queue data and hands over `bd->rq`.
    ///
    /// # Safety
    ///
    /// Called by blk-mq for a disk of a [`TagSet<T>`](super::TagSet)
    /// built by [`GenDiskBuilder::build`](super::GenDiskBuilder::build),
    /// with a request it just started.
    unsafe extern "C" fn queue_rq(
        hctx: *mut bindings::blk_mq_hw_ctx,
        bd: *const bindings::blk_mq_queue_data,
    ) -> bindings::blk_status_t {
        // SAFETY: blk-mq passes valid pointers; the queue's `queuedata`
        // is the queue data `build` stored with `into_foreign`, taken
        // back only after `del_gendisk()` waited for every request.
        let (rq, last, queue_data) = unsafe {
            let queue = (*hctx).queue;
            (
                (*bd).rq,
                (*bd).last,
                T::QueueData::borrow((*queue).queuedata),
            )
        };
        // SAFETY: the request was just started and is the driver's.
        let aref = unsafe { Request::<T>::start(rq) };
        match T::queue_rq(queue_data, aref, last) {
            Ok(()) => bindings::BLK_STS_OK as bindings::blk_status_t,
            Err(err) => {
                // SAFETY: the request is ours until it ends, which needs
                // the count to drop to zero: it is still allocated.
                let wrapper = unsafe { &*Request::<T>::wrapper_ptr(rq) };
                // Only the block layer's count left: blk-mq ends it with
                // the error (or offers it again). Otherwise it has
                // already ended, or a reference the driver kept will.
                match wrapper
                    .refcount
                    .compare_exchange(1, 0, Ordering::AcqRel, Ordering::Acquire)
                {
                    Ok(_) => to_blk_status(err),
                    Err(_) => bindings::BLK_STS_OK as bindings::blk_status_t,
                }
            }
        }
    }

    /// `->commit_rqs()`.
    ///
    /// # Safety
    ///
    /// As for [`Self::queue_rq`].
    unsafe extern "C" fn commit_rqs(hctx: *mut bindings::blk_mq_hw_ctx) {
        // SAFETY: as in `queue_rq`.
        let queue_data = unsafe { T::QueueData::borrow((*(*hctx).queue).queuedata) };
        T::commit_rqs(queue_data)
    }

    /// `->complete()`: the reference [`Request::complete`] gave up.
    ///
    /// # Safety
    ///
    /// Called by blk-mq after `blk_mq_complete_request()`, which only
    /// [`Request::complete`] calls, with one reference given up for it.
    unsafe extern "C" fn complete(rq: *mut bindings::request) {
        // SAFETY: `Request::complete` gave up its reference for this call.
        T::complete(unsafe { Request::<T>::aref_from_raw(rq) })
    }

    /// `->init_request()`: the wrapper and the driver's data, in place.
    ///
    /// # Safety
    ///
    /// Called by `blk_mq_alloc_tag_set()` on a request of a set whose
    /// `cmd_size` is that of [`RequestDataWrapper<T>`].
    unsafe extern "C" fn init_request(
        _set: *mut bindings::blk_mq_tag_set,
        rq: *mut bindings::request,
    ) -> ffi::c_int {
        match T::new_request_data() {
            // SAFETY: the pdu is ours, uninitialised (zeroed) until now.
            Ok(data) => unsafe {
                RequestDataWrapper::<T>::init(Request::<T>::wrapper_ptr(rq), data);
                0
            },
            Err(err) => err.to_errno(),
        }
    }

    /// `->exit_request()`: drops what `init_request` made.
    ///
    /// # Safety
    ///
    /// Called by blk-mq once per request `init_request` set up, when no
    /// request of the set is in flight.
    unsafe extern "C" fn exit_request(
        _set: *mut bindings::blk_mq_tag_set,
        rq: *mut bindings::request,
    ) {
        // SAFETY: initialised by `init_request`, not used any more.
        unsafe { core::ptr::drop_in_place(Request::<T>::wrapper_ptr(rq)) }
    }
}
