// SPDX-License-Identifier: GPL-2.0-only

//! [`PageStore`]: the memory of a RAM-backed block device (rnull's), a
//! 4 KiB page per 4 KiB of the device, allocated at the first write to it
//! and kept until the store is dropped.
//!
//! Requests may use the store concurrently, without a lock, as C's
//! null_blk does with its page array: a slot is set once, by a
//! compare-and-exchange from null, and then never changes until the store
//! drops, so finding a page is one acquire load. The pages' bytes are
//! reached only through copies to and from request [`Segment`]s and
//! slices, never through a Rust reference: two requests writing the same
//! bytes at once leave one's or the other's bytes there (or a mix), never
//! an invalid value, the same promise [`Segment`] gives for the
//! submitter's memory.

use super::mq::Segment;
use crate::alloc::{flags::GFP_KERNEL, KBox, KVVec};
use crate::error::{code::*, Result};
use core::ptr;
use core::sync::atomic::{AtomicPtr, Ordering};

/// Bytes per page of a [`PageStore`].
pub const PAGE: usize = 4096;

/// One page of a store.
type Page = [u8; PAGE];

/// Pages for a device of a given size, allocated at their first write.
///
/// # Invariants
///
/// Each slot is null or the pointer of a `KBox<Page>` the store owns,
/// zeroed when allocated; a slot that is not null never changes until
/// the store drops.
pub struct PageStore {
    slots: KVVec<AtomicPtr<Page>>,
}

impl PageStore {
    /// A store for `bytes` bytes (rounded up to a page), none of them
    /// written yet. May sleep; allocates the slot array.
    pub fn new(bytes: u64) -> Result<Self> {
        let nr = usize::try_from(bytes.div_ceil(PAGE as u64)).map_err(|_| EINVAL)?;
        let mut slots = KVVec::with_capacity(nr, GFP_KERNEL)?;
        for _ in 0..nr {
            slots.push(AtomicPtr::new(ptr::null_mut()), GFP_KERNEL)?;
        }
        // INVARIANT: every slot is null.
        Ok(PageStore { slots })
    }

    /// The page at `idx`, allocated (zeroed) first if `alloc` and never
    /// written; null where nothing was written and not `alloc`. `EINVAL`
    /// past the end, `ENOMEM` when a page cannot be had.
    #[inline]
    fn page(&self, idx: usize, alloc: bool) -> Result<*mut u8> {
        let slot = self.slots.get(idx).ok_or(EINVAL)?;
        let page = slot.load(Ordering::Acquire);
        if page.is_null() && alloc {
            return Self::install(slot).map(|p| p.cast());
        }
        Ok(page.cast())
    }

    /// Puts a new zeroed page in the empty `slot`, unless another thread
    /// did first; the page now there. May sleep.
    #[cold]
    fn install(slot: &AtomicPtr<Page>) -> Result<*mut Page> {
        let new = KBox::<Page>::new_uninit(GFP_KERNEL)?;
        let new = KBox::into_raw(new).cast::<Page>();
        // SAFETY: `new` is a fresh allocation of `PAGE` bytes; zeroing
        // initialises it.
        unsafe { ptr::write_bytes(new.cast::<u8>(), 0, PAGE) };
        // Release: whoever loads the pointer sees the zeroes.
        match slot.compare_exchange(ptr::null_mut(), new, Ordering::AcqRel, Ordering::Acquire) {
            // INVARIANT: the store owns `new` from now on.
            Ok(_) => Ok(new),
            Err(there) => {
                // SAFETY: `new` came from `KBox::into_raw` and was not
                // published: it is still only ours.
                drop(unsafe { KBox::from_raw(new) });
                Ok(there)
            }
        }
    }

    /// Walks `len` bytes of the store from byte `pos` a page at a time:
    /// `step(page, off, done, n)` for the `n` bytes at `off` in the page
    /// `page` (null: never written; allocated first if `alloc`),
    /// `off + n <= PAGE`, and the `done` bytes walked before them.
    #[inline]
    fn walk(
        &self,
        pos: u64,
        len: usize,
        alloc: bool,
        mut step: impl FnMut(*mut u8, usize, usize, usize),
    ) -> Result {
        let mut done = 0;
        let mut idx = usize::try_from(pos / PAGE as u64).map_err(|_| EINVAL)?;
        let mut off = (pos % PAGE as u64) as usize;
        while done < len {
            let n = (len - done).min(PAGE - off);
            step(self.page(idx, alloc)?, off, done, n);
            done += n;
            idx += 1;
            off = 0;
        }
        Ok(())
    }

    /// Copies `len` bytes of the store from byte `pos` to `dst` (zeroes
    /// where nothing was written). `EINVAL` past the end (with part of
    /// `dst` filled). Any context; never sleeps.
    ///
    /// # Safety
    ///
    /// `len` bytes at `dst` are valid for writes, and no Rust reference
    /// to them is used meanwhile.
    #[inline]
    unsafe fn read_raw(&self, pos: u64, dst: *mut u8, len: usize) -> Result {
        self.walk(pos, len, false, |page, off, done, n| {
            // SAFETY: `done + n <= len` bytes at `dst` are the caller's
            // to write; `page`, when not null, is a page of the store,
            // alive while `self` is, and `off + n <= PAGE`; no Rust
            // reference reaches either (module documentation).
            unsafe {
                if page.is_null() {
                    ptr::write_bytes(dst.add(done), 0, n);
                } else {
                    ptr::copy_nonoverlapping(page.add(off), dst.add(done), n);
                }
            }
        })
    }

    /// Copies `seg.len()` bytes of the store from byte `pos` into `seg`
    /// (zeroes where nothing was written). `EINVAL` past the end (with
    /// part of `seg` filled). Any context; never sleeps.
    #[inline]
    pub fn read_segment(&self, pos: u64, seg: &Segment<'_>) -> Result {
        // SAFETY: a segment's `len()` bytes are valid for writes and only
        // reached by copies.
        unsafe { self.read_raw(pos, seg.as_mut_ptr(), seg.len()) }
    }

    /// Copies `buf.len()` bytes of the store from byte `pos` into `buf`
    /// (zeroes where nothing was written); `EINVAL` past the end. Any
    /// context; never sleeps.
    pub fn read(&self, pos: u64, buf: &mut [u8]) -> Result {
        // SAFETY: `buf` is borrowed mutably for the call: valid for
        // writes and not used otherwise meanwhile.
        unsafe { self.read_raw(pos, buf.as_mut_ptr(), buf.len()) }
    }

    /// Copies `seg` into the store at byte `pos`, allocating the pages
    /// it reaches first. `EINVAL` past the end, `ENOMEM` when a page
    /// cannot be had (with part of `seg` copied). May sleep.
    #[inline]
    pub fn write_segment(&self, pos: u64, seg: &Segment<'_>) -> Result {
        let src = seg.as_mut_ptr();
        self.walk(pos, seg.len(), true, |page, off, done, n| {
            // SAFETY: as in `read_raw`, reading the segment's bytes; with
            // `alloc`, `walk` gives a page, never null.
            unsafe { ptr::copy_nonoverlapping(src.add(done), page.add(off), n) }
        })
    }
}

impl Drop for PageStore {
    fn drop(&mut self) {
        for slot in self.slots.iter() {
            let page = slot.load(Ordering::Acquire);
            if !page.is_null() {
                // SAFETY: a slot holds a `KBox<Page>` the store owns (type
                // invariant), and nothing uses it any more.
                drop(unsafe { KBox::from_raw(page) });
            }
        }
    }
}
