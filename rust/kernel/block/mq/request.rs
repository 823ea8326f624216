// SPDX-License-Identifier: GPL-2.0-only

//! [`Request`]: one I/O handed to a Rust block driver, and its data
//! [`Segment`]s.
//!
//! Ownership is counted in the request's private area (after the C
//! `struct request`), as Linux does: 0 while the block layer owns the
//! request (free, or ended), and once [`Operations::queue_rq`] receives
//! it, 1 for being in flight plus 1 per [`ARef`]. Ending it is a
//! compare-and-exchange from 2 (the one `ARef` being consumed, and the
//! flight) to 0, so it succeeds once, and only when no other `ARef` can
//! still reach the request: a request cannot end twice, and nothing can
//! use it after it ended.

use super::operations::{to_blk_status, Operations};
use crate::device::Device;
use crate::dma::{Direction, Lent};
use crate::error::Result;
use crate::time::{self, Jiffies};
use crate::types::{ARef, AlwaysRefCounted, Opaque};
use core::marker::PhantomData;
use core::ptr::{addr_of, addr_of_mut, NonNull};
use core::sync::atomic::{AtomicUsize, Ordering};

/// What a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// Read into the segments.
    Read,
    /// Write the segments.
    Write,
    /// Make every completed write durable; no segments.
    Flush,
}

/// What the block layer's request has after it for a Rust driver (its
/// `cmd_size` bytes).
#[repr(C)]
pub(crate) struct RequestDataWrapper<T: Operations> {
    /// The ownership count (see the module documentation).
    pub(crate) refcount: AtomicUsize,
    /// [`Request::complete_after`]'s timer, set up with the request.
    timer: Opaque<bindings::timer_list>,
    data: T::RequestData,
}

impl<T: Operations> RequestDataWrapper<T> {
    /// Initialises the wrapper at `ptr` with the driver's `data`.
    ///
    /// # Safety
    ///
    /// `ptr` is the private area of a request not in use, valid for
    /// writes and aligned (checked in [`super::TagSet::new`]), not
    /// initialised yet.
    pub(crate) unsafe fn init(ptr: *mut Self, data: T::RequestData) {
        // SAFETY: `ptr` is valid for writes (the caller's guarantee); the
        // timer is set up in place, where it stays.
        unsafe {
            addr_of_mut!((*ptr).refcount).write(AtomicUsize::new(0));
            addr_of_mut!((*ptr).data).write(data);
            bindings::timer_setup(
                Opaque::raw_get(addr_of!((*ptr).timer)),
                Some(timer_callback::<T>),
                0,
            );
        }
    }
}

/// The timer of [`Request::complete_after`]: hands its reference to
/// [`Operations::complete`] (a driver without one: ends the request).
///
/// # Safety
///
/// Called by the timer wheel for a timer armed by
/// [`Request::complete_after`], which gave up a reference for it.
unsafe extern "C" fn timer_callback<T: Operations>(timer: *mut bindings::timer_list) {
    let offset = core::mem::offset_of!(RequestDataWrapper<T>, timer);
    // SAFETY: the timer is the `timer` field of a wrapper, which is the
    // private area of a request (see `RequestDataWrapper::init`), right
    // after it (`blk_mq_rq_from_pdu()`).
    let rq = unsafe { timer.byte_sub(offset).cast::<bindings::request>().sub(1) };
    // SAFETY: `complete_after` gave up its reference for this call.
    let rq = unsafe { Request::<T>::aref_from_raw(rq) };
    if T::HAS_COMPLETE {
        T::complete(rq)
    } else {
        // The only reference: `complete_after` checked.
        let _ = Request::end_ok(rq);
    }
}

/// A request in a Rust driver's hands (C's `struct request`), reached
/// only through [`ARef<Request<T>>`](ARef) or a borrow of one.
///
/// # Invariants
///
/// The request belongs to a tag set of `T` (its private area is a
/// `RequestDataWrapper<T>`), and while a `&Request` exists it is in
/// flight in the driver: its count is at least 2.
#[repr(transparent)]
pub struct Request<T: Operations>(Opaque<bindings::request>, PhantomData<T>);

// SAFETY: a request may be ended, and its data used, from any thread
// (`blk_mq_end_request()` and the count are thread-safe), and
// `T::RequestData` is `Send + Sync`.
unsafe impl<T: Operations> Send for Request<T> {}
// SAFETY: as above; `&Request` only reads the C request and lends `&T::RequestData`.
unsafe impl<T: Operations> Sync for Request<T> {}

// SAFETY: the count never frees the request (its tag set does, once no
// request is in flight), and a `Request` only exists while it is in
// flight, which an `ARef` keeps it (ending needs every other reference
// gone). The count is atomic.
unsafe impl<T: Operations> AlwaysRefCounted for Request<T> {
    fn inc_ref(&self) {
        self.wrapper().refcount.fetch_add(1, Ordering::Relaxed);
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: the caller's reference keeps the request in flight.
        let wrapper = unsafe { obj.as_ref() }.wrapper();
        // Never reaches zero here: the flight's count stays until an end.
        wrapper.refcount.fetch_sub(1, Ordering::Release);
    }
}

impl<T: Operations> Request<T> {
    /// The private area of `rq`.
    ///
    /// # Safety
    ///
    /// `rq` is a request of a tag set of `T`.
    #[inline]
    pub(crate) unsafe fn wrapper_ptr(rq: *mut bindings::request) -> *mut RequestDataWrapper<T> {
        // `blk_mq_rq_to_pdu()`, an inline `rq + 1` in C: the private area
        // starts right after the request.
        // SAFETY: one past the request is inside its allocation (blk-mq
        // gives each request its `cmd_size` bytes after it).
        unsafe { rq.add(1) }.cast()
    }

    fn wrapper(&self) -> &RequestDataWrapper<T> {
        // SAFETY: by the type invariant the private area is an
        // initialised wrapper, alive while the request is.
        unsafe { &*Self::wrapper_ptr(self.0.get()) }
    }

    /// Hands a request just started by blk-mq to the driver.
    ///
    /// # Safety
    ///
    /// `rq` is a request of a tag set of `T`, just started, with no Rust
    /// reference to it (its count is 0).
    pub(crate) unsafe fn start(rq: *mut bindings::request) -> ARef<Self> {
        // SAFETY: the caller's guarantee.
        let wrapper = unsafe { &*Self::wrapper_ptr(rq) };
        // INVARIANT: the flight's count and the `ARef`'s.
        wrapper.refcount.store(2, Ordering::Relaxed);
        // SAFETY: the reference just counted is given to the `ARef`.
        unsafe { Self::aref_from_raw(rq) }
    }

    /// Takes back a reference given up with [`ARef::into_raw`].
    ///
    /// # Safety
    ///
    /// The caller owns a counted reference to `rq`, a request in flight
    /// in a driver of `T`, and gives it to the `ARef`.
    pub(crate) unsafe fn aref_from_raw(rq: *mut bindings::request) -> ARef<Self> {
        // SAFETY: `rq` is not null (a live request); `Request<T>` is a
        // transparent wrapper of it; the caller gives its reference.
        unsafe { ARef::from_raw(NonNull::new_unchecked(rq.cast::<Self>())) }
    }

    fn raw(&self) -> &bindings::request {
        // SAFETY: the request is in flight (type invariant): blk-mq does
        // not change these fields until it ends.
        unsafe { &*self.0.get() }
    }

    /// The first sector (512 bytes) on the whole disk.
    pub fn sector(&self) -> u64 {
        self.raw().__sector
    }

    /// The length in bytes (0 for a flush).
    pub fn bytes(&self) -> u32 {
        self.raw().__data_len
    }

    /// The operation.
    pub fn op(&self) -> Op {
        match self.raw().cmd_flags & bindings::REQ_OP_MASK {
            bindings::req_op_REQ_OP_WRITE => Op::Write,
            bindings::req_op_REQ_OP_FLUSH => Op::Flush,
            _ => Op::Read,
        }
    }

    /// Whether the request moves data to the device.
    pub fn is_write(&self) -> bool {
        self.op() == Op::Write
    }

    /// The request's tag: its index in the tag set, below the depth.
    pub fn tag(&self) -> u32 {
        self.raw().tag as u32
    }

    /// The driver's data of this request.
    pub fn data(&self) -> &T::RequestData {
        &self.wrapper().data
    }

    /// The request's `bio_vec`s; none for a flush.
    fn bio_vecs(&self) -> &[bindings::bio_vec] {
        let bio = self.raw().bio;
        if bio.is_null() {
            return &[];
        }
        // SAFETY: the bio is the request's, alive until it ends (after
        // `self`); its first `bi_vcnt` vectors are filled in
        // (`bio_add_page()`) and not changed while it is in flight.
        unsafe {
            core::slice::from_raw_parts(
                addr_of!((*bio).bi_io_vec).cast::<bindings::bio_vec>(),
                usize::from((*bio).bi_vcnt),
            )
        }
    }

    /// The number of data segments (`blk_rq_nr_phys_segments()`).
    pub fn nr_segments(&self) -> usize {
        self.bio_vecs().len()
    }

    /// The request's data, one segment (part of a page) at a time; none
    /// for a flush.
    pub fn segments(&self) -> Segments<'_> {
        Segments {
            vecs: self.bio_vecs().iter(),
        }
    }

    /// Consumes `this` if it is the only reference: the count goes from
    /// 2 to 0 and the request is the caller's to end or hand over.
    fn take_ownership(this: ARef<Self>) -> Result<*mut bindings::request, ARef<Self>> {
        match this
            .wrapper()
            .refcount
            .compare_exchange(2, 0, Ordering::AcqRel, Ordering::Relaxed)
        {
            Ok(_) => Ok(ARef::into_raw(this).as_ptr().cast()),
            Err(_) => Err(this),
        }
    }

    /// Ends the request with `status` (its bio ends, its tag is free).
    /// Fails, giving `this` back, while other references to it exist.
    /// Any context; never sleeps.
    pub fn end(this: ARef<Self>, status: Result) -> Result<(), ARef<Self>> {
        let rq = Self::take_ownership(this)?;
        let status = match status {
            Ok(()) => bindings::BLK_STS_OK as bindings::blk_status_t,
            Err(err) => to_blk_status(err),
        };
        // SAFETY: the count went to 0: no reference to it remains, and
        // it ends exactly once, here.
        unsafe { bindings::blk_mq_end_request(rq, status) };
        Ok(())
    }

    /// [`Request::end`] with success.
    pub fn end_ok(this: ARef<Self>) -> Result<(), ARef<Self>> {
        Self::end(this, Ok(()))
    }

    /// Whether `this` is the only reference: then nothing else can take
    /// one, and it may be handed over whole.
    fn only_reference(this: &ARef<Self>) -> bool {
        this.wrapper().refcount.load(Ordering::Acquire) == 2
    }

    /// Has [`Operations::complete`] called with this request soon, in
    /// process context (`blk_mq_complete_request()`). Fails, giving
    /// `this` back, while other references exist. Any context.
    pub fn complete(this: ARef<Self>) -> Result<(), ARef<Self>> {
        if !Self::only_reference(&this) {
            return Err(this);
        }
        let rq = ARef::into_raw(this).as_ptr().cast();
        // SAFETY: the reference given up goes to `->complete()`, the only
        // user of this request until then (no other reference exists).
        unsafe { bindings::blk_mq_complete_request(rq) };
        Ok(())
    }

    /// Has [`Operations::complete`] called with this request from a
    /// timer, `delay` ticks from now (at least one); without
    /// `complete`, the timer ends it with success. Fails, giving `this`
    /// back, while other references exist. Any context.
    pub fn complete_after(this: ARef<Self>, delay: Jiffies) -> Result<(), ARef<Self>> {
        if !Self::only_reference(&this) {
            return Err(this);
        }
        let timer = this.wrapper().timer.get();
        // The reference goes to the timer's callback.
        let _ = ARef::into_raw(this);
        // SAFETY: the timer was set up with the request and is not
        // pending: it is only armed here, by the one reference, and its
        // callback gets that reference before anyone can arm it again.
        unsafe { bindings::mod_timer(timer, time::jiffies().wrapping_add(delay.max(1))) };
        Ok(())
    }
}

/// The segments of a request ([`Request::segments`]).
pub struct Segments<'a> {
    vecs: core::slice::Iter<'a, bindings::bio_vec>,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    #[inline]
    fn next(&mut self) -> Option<Segment<'a>> {
        let bv = self.vecs.next()?;
        // SAFETY: the page is a kernel page in the direct map (any page
        // `bio_add_page()` takes is).
        let base = unsafe { bindings::page_address(bv.bv_page) }.cast::<u8>();
        // INVARIANT: `bio_add_page()` keeps `bv_offset + bv_len` within
        // the page, which the request holds while `'a` lasts.
        Some(Segment {
            // SAFETY: inside the page (as above).
            ptr: unsafe { base.add(bv.bv_offset as usize) },
            len: bv.bv_len as usize,
            _p: PhantomData,
        })
    }
}

// SAFETY: a request's pages are the submitter's, which does not touch
// them before the request ends (the bio contract), and they stay
// allocated until then; the request cannot end while this reference
// lives (ending needs the only reference). A write's pages go to the
// device, a read's come from it.
unsafe impl<T: Operations> Lent for ARef<Request<T>> {
    fn direction(&self) -> Direction {
        if self.is_write() {
            Direction::ToDevice
        } else {
            Direction::FromDevice
        }
    }

    fn for_each_range(&self, dev: &Device, f: &mut dyn FnMut(u64, u32) -> Result) -> Result {
        let dir = self.direction().as_raw();
        for bv in self.bio_vecs() {
            // SAFETY: `dev` is alive; the page and range are the
            // request's (within the page, as `bio_add_page()` checked).
            let addr = unsafe {
                bindings::dma_map_page(
                    dev.as_raw(),
                    bv.bv_page,
                    bv.bv_offset as usize,
                    bv.bv_len as usize,
                    dir,
                )
            };
            f(addr, bv.bv_len)?;
        }
        Ok(())
    }
}

/// A part of a page lent to a request: where a read puts its data,
/// where a write takes it from.
///
/// The memory is the submitter's, not Rust's: it is only reached through
/// copies (never a Rust reference), like memory a device writes by DMA.
/// Two threads copying into the same segment at once leave unspecified
/// bytes in it, never an invalid value.
///
/// # Invariants
///
/// `ptr` is valid for reads and writes of `len` bytes for `'a`.
pub struct Segment<'a> {
    ptr: *mut u8,
    len: usize,
    _p: PhantomData<&'a ()>,
}

impl Segment<'_> {
    /// Its length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it is empty (never, for a segment of a request).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Where its `len()` bytes start: valid for reads and writes while the
    /// segment lives, and only to be reached by copies (see above).
    #[inline]
    pub(crate) fn as_mut_ptr(&self) -> *mut u8 {
        self.ptr
    }

    /// Copies `src` into the segment at `offset`; `EINVAL` if it does
    /// not fit.
    #[inline]
    pub fn copy_from_slice(&self, offset: usize, src: &[u8]) -> Result {
        self.check(offset, src.len())?;
        // SAFETY: in bounds (checked), and `src` is Rust memory, which
        // the submitter's pages cannot overlap.
        unsafe { core::ptr::copy_nonoverlapping(src.as_ptr(), self.ptr.add(offset), src.len()) };
        Ok(())
    }

    /// Copies from the segment at `offset` into `dst`; `EINVAL` if the
    /// segment is shorter.
    #[inline]
    pub fn copy_to_slice(&self, offset: usize, dst: &mut [u8]) -> Result {
        self.check(offset, dst.len())?;
        // SAFETY: as in `copy_from_slice`.
        unsafe {
            core::ptr::copy_nonoverlapping(self.ptr.add(offset), dst.as_mut_ptr(), dst.len())
        };
        Ok(())
    }

    /// Fills the segment with zeroes.
    pub fn fill_zero(&self) {
        // SAFETY: `len` bytes at `ptr` are valid for writes (invariant).
        unsafe { core::ptr::write_bytes(self.ptr, 0, self.len) };
    }

    #[inline]
    fn check(&self, offset: usize, len: usize) -> Result {
        match offset.checked_add(len) {
            Some(end) if end <= self.len => Ok(()),
            _ => Err(crate::error::code::EINVAL),
        }
    }
}
