// SPDX-License-Identifier: GPL-2.0-only

//! Reference-counted shared ownership: [`Arc<T>`].
//!
//! The count and the value live in one `kmalloc` allocation, made with
//! the caller's GFP flags and failing with [`AllocError`] rather than
//! panicking. Cloning an `Arc` takes a reference (an atomic increment);
//! dropping the last one drops the value and frees the memory. The value
//! is never moved once in an `Arc`, so pinned values ([`Mutex`],
//! [`CondVar`]...) can live there: see [`Arc::pin_init`].
//!
//! [`ArcBorrow`] is a borrowed `Arc` (no count change) from which a new
//! `Arc` can be made; [`UniqueArc`] is an `Arc` known to be the only one,
//! so its value can be changed before it is shared.
//!
//! [`Mutex`]: super::Mutex
//! [`CondVar`]: super::CondVar
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::sync::{Arc, ArcBorrow, UniqueArc};
//!
//! let a = Arc::new(5u32, GFP_KERNEL)?;
//! let b = a.clone();
//! assert_eq!(Arc::strong_count(&a), 2);
//! assert!(Arc::ptr_eq(&a, &b));
//! drop(b);
//! assert_eq!(Arc::strong_count(&a), 1);
//!
//! fn read(v: ArcBorrow<'_, u32>) -> u32 {
//!     *v
//! }
//! assert_eq!(read(a.as_arc_borrow()), 5);
//!
//! let mut u = UniqueArc::new(KVec::new(), GFP_KERNEL)?;
//! u.push(1u8, GFP_KERNEL)?;
//! let shared: Arc<KVec<u8>> = u.into();
//! assert_eq!(shared.len(), 1);
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{AllocError, Flags, KBox};
use crate::init::{InPlaceInit, Init, PinInit};
use crate::types::ForeignOwnable;
use core::fmt;
use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::ops::{Deref, DerefMut};
use core::pin::Pin;
use core::ptr::NonNull;
use core::sync::atomic::{fence, AtomicUsize, Ordering};

/// Counts above this are treated as an overflow: the count is set to
/// [`SATURATED`] and the value is leaked rather than freed too early, as
/// C's `refcount_t` does.
const MAX_REFCOUNT: usize = isize::MAX as usize;

/// Where an overflowed count stays (far from both zero and the maximum).
const SATURATED: usize = MAX_REFCOUNT / 2 + MAX_REFCOUNT;

/// The allocation behind an [`Arc`]: the count, then the value.
#[repr(C)]
struct ArcInner<T: ?Sized> {
    refcount: AtomicUsize,
    data: T,
}

/// A reference-counted pointer to a `T` shared between threads (see the
/// [module documentation](self)).
pub struct Arc<T: ?Sized> {
    ptr: NonNull<ArcInner<T>>,
    /// `Arc` owns an `ArcInner<T>` (for the drop checker).
    _p: PhantomData<ArcInner<T>>,
}

// SAFETY: an `Arc` may drop the `T` on whichever thread holds the last
// reference (needs `T: Send`) and gives `&T` to every holder (needs
// `T: Sync`); the count is atomic.
unsafe impl<T: ?Sized + Send + Sync> Send for Arc<T> {}

// SAFETY: `&Arc<T>` can be cloned into an `Arc<T>` on another thread, so
// the same bounds as for `Send` apply.
unsafe impl<T: ?Sized + Send + Sync> Sync for Arc<T> {}

impl<T> Arc<T> {
    /// Moves `contents` into a new `Arc` allocated with `flags`.
    pub fn new(contents: T, flags: Flags) -> Result<Self, AllocError> {
        let inner = KBox::new(
            ArcInner {
                refcount: AtomicUsize::new(1),
                data: contents,
            },
            flags,
        )?;
        // SAFETY: a new allocation from `KBox` with a count of 1, owned by
        // the returned `Arc`.
        Ok(unsafe { Arc::from_inner(NonNull::from(KBox::leak(inner))) })
    }

    /// Takes back a reference given up by [`Arc::into_raw`].
    ///
    /// # Safety
    ///
    /// `ptr` came from `Arc::<T>::into_raw` and its reference has not been
    /// taken back yet.
    pub unsafe fn from_raw(ptr: *const T) -> Self {
        let offset = core::mem::offset_of!(ArcInner<T>, data);
        // SAFETY: `ptr` points to the `data` field of an `ArcInner<T>`, so
        // going back by the field's offset stays in the allocation.
        let inner = unsafe { ptr.byte_sub(offset) }
            .cast::<ArcInner<T>>()
            .cast_mut();
        // SAFETY: not null (it is in an allocation); the reference was
        // given up by `into_raw`, and is now owned again.
        unsafe { Arc::from_inner(NonNull::new_unchecked(inner)) }
    }
}

impl<T: ?Sized> Arc<T> {
    /// Wraps an allocation, taking over one of its references.
    ///
    /// # Safety
    ///
    /// `inner` is a live `ArcInner` allocated by `KBox`, and the caller
    /// owns one of the references its count accounts for.
    unsafe fn from_inner(inner: NonNull<ArcInner<T>>) -> Self {
        Arc {
            ptr: inner,
            _p: PhantomData,
        }
    }

    fn inner(&self) -> &ArcInner<T> {
        // SAFETY: the allocation lives as long as any reference to it, and
        // `self` is one.
        unsafe { self.ptr.as_ref() }
    }

    /// Gives up the reference as a pointer to the value, for
    /// [`Arc::from_raw`] to take back (the value stays alive until then).
    pub fn into_raw(this: Self) -> *const T {
        let this = ManuallyDrop::new(this);
        // SAFETY: the allocation is live (the reference is kept); no
        // reference to it is made, only a field address.
        unsafe { &raw const (*this.ptr.as_ptr()).data }
    }

    /// A borrowed `Arc`: no count change, valid while `self` is.
    pub fn as_arc_borrow(&self) -> ArcBorrow<'_, T> {
        // SAFETY: `self` keeps the allocation alive for the borrow.
        unsafe { ArcBorrow::new(self.ptr) }
    }

    /// Whether two `Arc`s share the same allocation.
    pub fn ptr_eq(this: &Self, other: &Self) -> bool {
        core::ptr::addr_eq(this.ptr.as_ptr(), other.ptr.as_ptr())
    }

    /// The number of references now. Other threads may change it at any
    /// time: only a hint (and for tests).
    pub fn strong_count(this: &Self) -> usize {
        this.inner().refcount.load(Ordering::Relaxed)
    }
}

impl<T: ?Sized> Clone for Arc<T> {
    fn clone(&self) -> Self {
        // Relaxed: the new reference comes from an existing one, which
        // already orders access to the value.
        let old = self.inner().refcount.fetch_add(1, Ordering::Relaxed);
        if old > MAX_REFCOUNT {
            // Overflow (references leaked on purpose?): leak the value.
            self.inner().refcount.store(SATURATED, Ordering::Relaxed);
        }
        // SAFETY: one more reference was just counted for the new `Arc`.
        unsafe { Arc::from_inner(self.ptr) }
    }
}

impl<T: ?Sized> Arc<T> {
    /// The end of a `drop` whose count was `old` before it (not `2..=
    /// MAX_REFCOUNT`): frees the value if that was the last reference,
    /// and otherwise (a count that had overflowed or dropped below zero)
    /// saturates the count, leaking the value. Out of line, so that the
    /// common drop is a decrement and a comparison, with no call or stack
    /// frame; it takes the allocation by value, so that the caller keeps
    /// nothing on its stack for it.
    ///
    /// # Safety
    ///
    /// `ptr` is the allocation of the `Arc` being dropped, and `old` the
    /// count its decrement returned.
    #[cold]
    #[inline(never)]
    unsafe fn drop_slow(ptr: NonNull<ArcInner<T>>, old: usize) {
        if old != 1 {
            // SAFETY: other references keep the allocation alive.
            unsafe { ptr.as_ref() }
                .refcount
                .store(SATURATED, Ordering::Relaxed);
            return;
        }
        // Acquire: every other holder's uses happen before the drop.
        fence(Ordering::Acquire);
        // SAFETY: this was the last reference, so nothing else uses the
        // allocation, which `KBox` made.
        drop(unsafe { KBox::from_raw(ptr.as_ptr()) });
    }
}

impl<T: ?Sized> Drop for Arc<T> {
    #[inline]
    fn drop(&mut self) {
        // Release: our uses of the value happen before the last holder
        // frees it.
        let old = self.inner().refcount.fetch_sub(1, Ordering::Release);
        // Other references remain, and no overflow (`old` was 2 to
        // `MAX_REFCOUNT`): one comparison.
        if old.wrapping_sub(2) > MAX_REFCOUNT - 2 {
            // SAFETY: our allocation, and its count before our decrement.
            unsafe { Self::drop_slow(self.ptr, old) };
        }
    }
}

impl<T: ?Sized> Deref for Arc<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner().data
    }
}

impl<T: ?Sized> AsRef<T> for Arc<T> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Arc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: ?Sized + fmt::Display> fmt::Display for Arc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl<T> InPlaceInit<T> for Arc<T> {
    /// An `Arc` never moves its value: it is pinned already.
    type PinnedSelf = Self;

    fn try_pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> Result<Self, E>
    where
        E: From<AllocError>,
    {
        UniqueArc::try_pin_init(init, flags).map(Arc::from)
    }

    fn try_init<E>(init: impl Init<T, E>, flags: Flags) -> Result<Self, E>
    where
        E: From<AllocError>,
    {
        UniqueArc::try_init(init, flags).map(Arc::from)
    }
}

impl<T: 'static> ForeignOwnable for Arc<T> {
    type Borrowed<'a> = ArcBorrow<'a, T>;
    type BorrowedMut<'a> = ArcBorrow<'a, T>;

    fn into_foreign(self) -> *mut ffi::c_void {
        Arc::into_raw(self).cast_mut().cast()
    }

    unsafe fn from_foreign(ptr: *mut ffi::c_void) -> Self {
        // SAFETY: `ptr` came from `into_foreign`, i.e. `into_raw`, and is
        // taken back once, as the caller guarantees.
        unsafe { Arc::from_raw(ptr.cast::<T>()) }
    }

    unsafe fn borrow<'a>(ptr: *mut ffi::c_void) -> ArcBorrow<'a, T> {
        // SAFETY: `ptr` came from `into_foreign`, and the reference is not
        // taken back during 'a, as the caller guarantees.
        unsafe { ArcBorrow::from_raw(ptr.cast::<T>()) }
    }

    unsafe fn borrow_mut<'a>(ptr: *mut ffi::c_void) -> ArcBorrow<'a, T> {
        // SAFETY: as for `borrow` (an `Arc` only lends shared access).
        unsafe { ArcBorrow::from_raw(ptr.cast::<T>()) }
    }
}

/// A borrowed [`Arc`]: gives `&T` for `'a` without touching the count,
/// and can be turned into a new `Arc` (which takes a reference).
///
/// # Examples
///
/// ```
/// use kernel::prelude::*;
/// use kernel::sync::{Arc, ArcBorrow};
///
/// fn keep(v: ArcBorrow<'_, u8>) -> Arc<u8> {
///     v.into()
/// }
///
/// let a = Arc::new(1u8, GFP_KERNEL)?;
/// let b = keep(a.as_arc_borrow());
/// assert_eq!(Arc::strong_count(&a), 2);
/// assert_eq!(*b, 1);
/// # Ok::<(), Error>(())
/// ```
pub struct ArcBorrow<'a, T: ?Sized + 'a> {
    inner: NonNull<ArcInner<T>>,
    _p: PhantomData<&'a ()>,
}

// SAFETY: an `ArcBorrow` gives `&T` and can make an `Arc<T>` on the thread
// that holds it: the bounds of `Arc`'s `Send`.
unsafe impl<T: ?Sized + Send + Sync> Send for ArcBorrow<'_, T> {}

// SAFETY: as for `Send`, through `&ArcBorrow` (it is `Copy`).
unsafe impl<T: ?Sized + Send + Sync> Sync for ArcBorrow<'_, T> {}

impl<T: ?Sized> Clone for ArcBorrow<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for ArcBorrow<'_, T> {}

impl<T: ?Sized> ArcBorrow<'_, T> {
    /// Borrows the allocation `inner`.
    ///
    /// # Safety
    ///
    /// `inner` is the allocation of an `Arc` that keeps at least one
    /// reference for the whole lifetime `'a`.
    unsafe fn new(inner: NonNull<ArcInner<T>>) -> Self {
        ArcBorrow {
            inner,
            _p: PhantomData,
        }
    }
}

impl<T> ArcBorrow<'_, T> {
    /// Borrows the `Arc` behind a pointer from [`Arc::into_raw`].
    ///
    /// # Safety
    ///
    /// `ptr` came from `Arc::<T>::into_raw`, and that reference is not
    /// taken back (with [`Arc::from_raw`]) during `'a`.
    pub unsafe fn from_raw(ptr: *const T) -> Self {
        // SAFETY: `ptr` came from `into_raw` and its reference is kept.
        let arc = ManuallyDrop::new(unsafe { Arc::from_raw(ptr) });
        // SAFETY: the reference given up by `into_raw` keeps the
        // allocation alive during 'a, as the caller guarantees.
        unsafe { ArcBorrow::new(arc.ptr) }
    }
}

impl<T: ?Sized> From<ArcBorrow<'_, T>> for Arc<T> {
    fn from(b: ArcBorrow<'_, T>) -> Self {
        // SAFETY: the borrowed `Arc` keeps the allocation alive; the
        // `ManuallyDrop` keeps its reference, and the clone takes a new one.
        ManuallyDrop::new(unsafe { Arc::from_inner(b.inner) })
            .deref()
            .clone()
    }
}

impl<T: ?Sized> Deref for ArcBorrow<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the allocation lives during 'a (`new`'s contract).
        unsafe { &self.inner.as_ref().data }
    }
}

/// An [`Arc`] known to hold the only reference: its value can be changed
/// (it is `DerefMut`) before it is shared with [`Arc::from`].
///
/// # Examples
///
/// ```
/// use kernel::prelude::*;
/// use kernel::sync::{Arc, Mutex, UniqueArc};
///
/// let u = UniqueArc::new_uninit(GFP_KERNEL)?;
/// let mut u = u.write(3u32);
/// *u += 1;
/// let a = Arc::from(u);
/// assert_eq!(*a, 4);
///
/// // Pinned values: `pin_init` gives a `Pin<UniqueArc<T>>`.
/// let m = UniqueArc::pin_init(new_mutex!(0u8), GFP_KERNEL)?;
/// let m: Arc<Mutex<u8>> = m.into();
/// assert_eq!(*m.lock(), 0);
/// # Ok::<(), Error>(())
/// ```
pub struct UniqueArc<T: ?Sized> {
    inner: Arc<T>,
}

impl<T> UniqueArc<T> {
    /// Moves `value` into a new `UniqueArc` allocated with `flags`.
    pub fn new(value: T, flags: Flags) -> Result<Self, AllocError> {
        Ok(UniqueArc {
            inner: Arc::new(value, flags)?,
        })
    }

    /// A new `UniqueArc` whose value is not initialised yet.
    pub fn new_uninit(flags: Flags) -> Result<UniqueArc<MaybeUninit<T>>, AllocError> {
        UniqueArc::new(MaybeUninit::uninit(), flags)
    }
}

impl<T> UniqueArc<MaybeUninit<T>> {
    /// Initialises the value with `value`.
    pub fn write(mut self, value: T) -> UniqueArc<T> {
        self.deref_mut().write(value);
        // SAFETY: initialised just above.
        unsafe { self.assume_init() }
    }

    /// Declares the value initialised.
    ///
    /// # Safety
    ///
    /// The value is initialised.
    pub unsafe fn assume_init(self) -> UniqueArc<T> {
        let ptr = ManuallyDrop::new(self).inner.ptr;
        // SAFETY: `ArcInner<MaybeUninit<T>>` and `ArcInner<T>` have the same
        // layout (`repr(C)`, and `MaybeUninit<T>` is laid out as `T`), the
        // value is initialised (the caller's promise), and the only
        // reference moves from `self` (not dropped) to the result.
        let inner = unsafe { Arc::from_inner(ptr.cast::<ArcInner<T>>()) };
        UniqueArc { inner }
    }
}

impl<T> InPlaceInit<T> for UniqueArc<T> {
    type PinnedSelf = Pin<Self>;

    fn try_pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> Result<Pin<Self>, E>
    where
        E: From<AllocError>,
    {
        let mut slot = UniqueArc::<T>::new_uninit(flags)?;
        // SAFETY: the slot is valid for writes, aligned and only ours. On
        // success it is returned pinned (`Pin<UniqueArc>`, and `Arc`s made
        // from it never move it); on failure it is uninitialised and
        // freed as a `MaybeUninit` (no drop).
        unsafe { init.__pinned_init(slot.as_mut_ptr())? };
        // SAFETY: initialised just above; pinned from now on.
        Ok(unsafe { Pin::new_unchecked(slot.assume_init()) })
    }

    fn try_init<E>(init: impl Init<T, E>, flags: Flags) -> Result<Self, E>
    where
        E: From<AllocError>,
    {
        let mut slot = UniqueArc::<T>::new_uninit(flags)?;
        // SAFETY: as above, without pinning (an `Init`).
        unsafe { init.__init(slot.as_mut_ptr())? };
        // SAFETY: initialised just above.
        Ok(unsafe { slot.assume_init() })
    }
}

impl<T: ?Sized> Deref for UniqueArc<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T: ?Sized> DerefMut for UniqueArc<T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: a `UniqueArc` holds the only reference, so this is the
        // only access to the value while the borrow lasts.
        unsafe { &mut (*self.inner.ptr.as_ptr()).data }
    }
}

impl<T: ?Sized> From<UniqueArc<T>> for Arc<T> {
    fn from(u: UniqueArc<T>) -> Self {
        u.inner
    }
}

impl<T: ?Sized> From<Pin<UniqueArc<T>>> for Arc<T> {
    fn from(u: Pin<UniqueArc<T>>) -> Self {
        // SAFETY: the value stays pinned: an `Arc` never moves it nor gives
        // `&mut` to it.
        unsafe { Pin::into_inner_unchecked(u) }.inner
    }
}
