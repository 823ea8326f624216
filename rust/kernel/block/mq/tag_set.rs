// SPDX-License-Identifier: GPL-2.0-only

//! [`TagSet`]: the requests of a Rust block driver (C's
//! `struct blk_mq_tag_set`).

use super::operations::OperationsVTable;
use super::request::RequestDataWrapper;
use super::Operations;
use crate::alloc::flags::GFP_KERNEL;
use crate::error::{to_result, Result};
use crate::sync::Arc;
use crate::types::Opaque;
use core::marker::PhantomData;

/// A set of `queue_depth` requests for driver `T`, each with its
/// [`Operations::RequestData`]; disks built on it share them. In an
/// [`Arc`], so it never moves and outlives the disks that hold it.
///
/// # Invariants
///
/// `inner` was allocated by `blk_mq_alloc_tag_set()` with `T`'s
/// operations, or its allocation failed and `tags` is NULL.
pub struct TagSet<T: Operations> {
    inner: Opaque<bindings::blk_mq_tag_set>,
    _p: PhantomData<T>,
}

// SAFETY: blk-mq's tag sets are used from any thread under their own
// lock; `T::RequestData` is `Send + Sync`.
unsafe impl<T: Operations> Send for TagSet<T> {}
// SAFETY: as above; `&TagSet` only lends the C pointer to blk-mq.
unsafe impl<T: Operations> Sync for TagSet<T> {}

impl<T: Operations> TagSet<T> {
    /// Makes `queue_depth` requests (1..=1024), each with
    /// [`Operations::new_request_data`]. `EINVAL` for a bad depth,
    /// `ENOMEM`, or the first error of `new_request_data` (nothing is
    /// left allocated). May sleep.
    pub fn new(queue_depth: u32) -> Result<Arc<Self>> {
        // The private area starts right after the C request (`rq + 1`),
        // so it has the request's alignment and no more.
        crate::static_assert!(
            align_of::<bindings::request>() >= 8
                && size_of::<bindings::request>().is_multiple_of(8)
        );
        crate::build_assert!(
            align_of::<RequestDataWrapper<T>>() <= 8,
            "Operations::RequestData needs more than 8-byte alignment"
        );
        let set = Arc::new(
            TagSet {
                inner: Opaque::zeroed(),
                _p: PhantomData,
            },
            GFP_KERNEL,
        )?;
        let raw = set.inner.get();
        // SAFETY: `raw` is ours, zeroed, not shared with C yet; once
        // allocated, it stays at this address inside the `Arc`.
        to_result(unsafe {
            (*raw).ops = OperationsVTable::<T>::build();
            (*raw).nr_hw_queues = 1;
            (*raw).queue_depth = queue_depth;
            (*raw).cmd_size = size_of::<RequestDataWrapper<T>>() as u32;
            bindings::blk_mq_alloc_tag_set(raw)
        })?;
        // INVARIANT: allocated just now (on failure, `tags` stays NULL
        // and dropping `set` frees nothing).
        Ok(set)
    }

    /// The C tag set, for the disks built on it.
    pub(crate) fn as_raw(&self) -> *mut bindings::blk_mq_tag_set {
        self.inner.get()
    }
}

impl<T: Operations> Drop for TagSet<T> {
    fn drop(&mut self) {
        // SAFETY: allocated, or `tags` is NULL and nothing is freed; no
        // disk uses the set any more (each holds the `Arc` until its
        // `del_gendisk()`), so no request is in flight.
        unsafe { bindings::blk_mq_free_tag_set(self.inner.get()) }
    }
}
