// SPDX-License-Identifier: GPL-2.0-only

//! Types used by the abstractions to describe C data and ownership.
//!
//! - [`Opaque`]: storage for a C object that Rust does not look into;
//! - [`ScopeGuard`]: runs a closure when it goes out of scope;
//! - [`ForeignOwnable`]: an owning pointer that can be lent to C as a
//!   `void *` and taken back;
//! - [`AlwaysRefCounted`] and [`ARef`]: a C object with its own reference
//!   count, and an owned reference to it;
//! - [`Either`]: one of two types.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::types::{ForeignOwnable, Opaque, ScopeGuard};
//!
//! // A C object Rust never reads directly: only C functions touch it.
//! let slot: Opaque<u64> = Opaque::uninit();
//! assert!(!slot.get().is_null());
//!
//! // Clean-up on every exit path, unless the work succeeded.
//! let mut undone = false;
//! {
//!     let _guard = ScopeGuard::new(|| undone = true);
//! }
//! assert!(undone);
//!
//! // An owned value lent to C as `void *`, then taken back.
//! let ptr = KBox::new(7u32, GFP_KERNEL)?.into_foreign();
//! // SAFETY: `ptr` came from `into_foreign` and has not been taken back.
//! let borrowed: &u32 = unsafe { <KBox<u32> as ForeignOwnable>::borrow(ptr) };
//! assert_eq!(*borrowed, 7);
//! // SAFETY: `ptr` came from `into_foreign`, and is taken back once.
//! let b = unsafe { KBox::<u32>::from_foreign(ptr) };
//! assert_eq!(*b, 7);
//! # Ok::<(), Error>(())
//! ```

use crate::init::{pin_init_from_closure, PinInit};
use core::cell::UnsafeCell;
use core::convert::Infallible;
use core::fmt;
use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::ops::{Deref, DerefMut};
use core::ptr::NonNull;

/// Storage for a C object that Rust does not look into.
///
/// C may change it at any time (another CPU, an interrupt, the C side of
/// an abstraction), so Rust never makes a reference to the inside: it only
/// passes [`Opaque::get`]'s raw pointer to C functions. The inside may be
/// uninitialised until a C initialiser runs on it.
#[repr(transparent)]
pub struct Opaque<T> {
    value: UnsafeCell<MaybeUninit<T>>,
}

impl<T> Opaque<T> {
    /// Storage with uninitialised contents; a C function must initialise
    /// it before use.
    pub const fn uninit() -> Self {
        Self {
            value: UnsafeCell::new(MaybeUninit::uninit()),
        }
    }

    /// Storage holding `value`.
    pub const fn new(value: T) -> Self {
        Self {
            value: UnsafeCell::new(MaybeUninit::new(value)),
        }
    }

    /// Storage with all bytes zero (valid for most C structs).
    pub const fn zeroed() -> Self {
        Self {
            value: UnsafeCell::new(MaybeUninit::zeroed()),
        }
    }

    /// A raw pointer to the inside, for C functions.
    pub const fn get(&self) -> *mut T {
        UnsafeCell::get(&self.value).cast::<T>()
    }

    /// [`Opaque::get`] from a raw pointer to the `Opaque`.
    pub const fn raw_get(this: *const Self) -> *mut T {
        UnsafeCell::raw_get(this.cast::<UnsafeCell<MaybeUninit<T>>>()).cast::<T>()
    }

    /// An initialiser that hands the storage's final (pinned) address to
    /// `init_func`, typically a C initialiser (`init_waitqueue_head()`),
    /// which fills it in place.
    ///
    /// The closure is safe to pass: an `Opaque` may hold any bytes, so
    /// whatever it writes (or leaves unwritten) is a valid `Opaque`. The
    /// `unsafe` C call inside it justifies itself, and may rely on the
    /// address staying put until the `Opaque` is dropped.
    pub fn ffi_init(init_func: impl FnOnce(*mut T)) -> impl PinInit<Self> {
        Self::try_ffi_init(move |slot| {
            init_func(slot);
            Ok::<(), Infallible>(())
        })
    }

    /// As [`Opaque::ffi_init`], for a C initialiser that may fail
    /// (`misc_register()`): its error fails the initialiser. On an error
    /// the C side must keep no pointer to the storage (it is freed or
    /// reused); a C function that fails cleanly does not.
    ///
    /// # Examples
    ///
    /// ```
    /// use kernel::prelude::*;
    /// use kernel::types::Opaque;
    ///
    /// // Stands for a C initialiser, which fails on odd values.
    /// let init = |v: u32| {
    ///     Opaque::try_ffi_init(move |slot: *mut u32| {
    ///         if v % 2 == 1 {
    ///             return Err(EINVAL);
    ///         }
    ///         // SAFETY: `slot` is valid for writes (`try_ffi_init`'s promise).
    ///         unsafe { slot.write(v) };
    ///         Ok(())
    ///     })
    /// };
    ///
    /// let ok = KBox::pin_init(init(4), GFP_KERNEL)?;
    /// // SAFETY: initialised above, and nothing else uses it.
    /// assert_eq!(unsafe { *ok.get() }, 4);
    /// assert_eq!(KBox::pin_init(init(3), GFP_KERNEL).err(), Some(EINVAL));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn try_ffi_init<E>(
        init_func: impl FnOnce(*mut T) -> Result<(), E>,
    ) -> impl PinInit<Self, E> {
        // SAFETY: the closure gets a pointer to the inside of the slot,
        // which is valid for writes and stays pinned (the initialiser
        // contract). On `Ok`, the `Opaque` is initialised whatever the
        // closure wrote: any contents are valid for `MaybeUninit`. On
        // `Err` there is nothing to drop (`Opaque` never drops its `T`),
        // and keeping no pointer into the slot is the C side's contract,
        // stated above and checked by the closure's own `SAFETY:`.
        unsafe { pin_init_from_closure(move |slot: *mut Self| init_func(Self::raw_get(slot))) }
    }
}

/// Runs a closure on `data` when it goes out of scope, unless dismissed.
///
/// For clean-up on every error path of a function: arm the guard after
/// each step that must be undone, dismiss it once everything succeeded.
///
/// # Examples
///
/// ```
/// use kernel::types::ScopeGuard;
///
/// fn setup(fail: bool, log: &mut [u8; 2]) -> Result<(), ()> {
///     log[0] = b'a'; // "acquire"
///     let guard = ScopeGuard::new_with_data(&mut *log, |log| log[0] = b'-');
///     if fail {
///         return Err(()); // the guard undoes the first step
///     }
///     let log = guard.dismiss(); // success: keep it
///     log[1] = b'b';
///     Ok(())
/// }
///
/// let mut log = [b' '; 2];
/// assert!(setup(true, &mut log).is_err());
/// assert_eq!(&log, b"- ");
/// assert!(setup(false, &mut log).is_ok());
/// assert_eq!(&log, b"ab");
/// ```
pub struct ScopeGuard<T, F: FnOnce(T)>(Option<(T, F)>);

impl<T, F: FnOnce(T)> ScopeGuard<T, F> {
    /// A guard that calls `cleanup(data)` when dropped.
    pub fn new_with_data(data: T, cleanup: F) -> Self {
        ScopeGuard(Some((data, cleanup)))
    }

    /// Disarms the guard and gives its data back; the closure never runs.
    pub fn dismiss(mut self) -> T {
        match self.0.take() {
            Some((data, _)) => data,
            // Only `dismiss` and `drop` take the data, each consuming the
            // guard, so it is always there.
            None => unreachable!(),
        }
    }
}

impl ScopeGuard<(), fn(())> {
    /// A guard that calls `cleanup()` when dropped.
    #[allow(clippy::new_ret_no_self)]
    pub fn new(cleanup: impl FnOnce()) -> ScopeGuard<(), impl FnOnce(())> {
        ScopeGuard::new_with_data((), move |()| cleanup())
    }
}

impl<T, F: FnOnce(T)> Deref for ScopeGuard<T, F> {
    type Target = T;

    fn deref(&self) -> &T {
        match &self.0 {
            Some((data, _)) => data,
            // As in `dismiss`: the data is there until the guard is gone.
            None => unreachable!(),
        }
    }
}

impl<T, F: FnOnce(T)> DerefMut for ScopeGuard<T, F> {
    fn deref_mut(&mut self) -> &mut T {
        match &mut self.0 {
            Some((data, _)) => data,
            // As in `dismiss`: the data is there until the guard is gone.
            None => unreachable!(),
        }
    }
}

impl<T, F: FnOnce(T)> Drop for ScopeGuard<T, F> {
    fn drop(&mut self) {
        if let Some((data, cleanup)) = self.0.take() {
            cleanup(data);
        }
    }
}

/// An owning pointer that can be handed to C as a `void *` (a private
/// data field, a callback argument) and taken back later.
///
/// [`into_foreign`](ForeignOwnable::into_foreign) gives up ownership to
/// the pointer; [`from_foreign`](ForeignOwnable::from_foreign) takes it
/// back, once; in between, [`borrow`](ForeignOwnable::borrow) lends the
/// value to a callback that gets the pointer from C.
///
/// Implemented for [`KBox<T>`](crate::alloc::KBox) (and every
/// [`Box`](crate::alloc::Box)), `Pin<KBox<T>>`, and `()` (a null
/// pointer, for "no data").
///
/// # Examples
///
/// ```
/// use core::pin::Pin;
/// use kernel::prelude::*;
/// use kernel::types::ForeignOwnable;
///
/// let ptr = KBox::pin(5u64, GFP_KERNEL)?.into_foreign();
/// // SAFETY: from `into_foreign`, not taken back yet, no other borrow.
/// let mut v = unsafe { <Pin<KBox<u64>> as ForeignOwnable>::borrow_mut(ptr) };
/// *v += 1;
/// // SAFETY: from `into_foreign`, taken back once.
/// let back = unsafe { Pin::<KBox<u64>>::from_foreign(ptr) };
/// assert_eq!(*back, 6);
/// # Ok::<(), Error>(())
/// ```
pub trait ForeignOwnable: Sized {
    /// What [`ForeignOwnable::borrow`] lends out.
    type Borrowed<'a>;
    /// What [`ForeignOwnable::borrow_mut`] lends out.
    type BorrowedMut<'a>;

    /// Gives up ownership to a pointer for C; the value lives until
    /// [`ForeignOwnable::from_foreign`] takes it back.
    fn into_foreign(self) -> *mut ffi::c_void;

    /// Takes back ownership of a pointer from
    /// [`ForeignOwnable::into_foreign`].
    ///
    /// # Safety
    ///
    /// `ptr` came from `into_foreign` on this type, has not been taken
    /// back yet, and no borrow of it is still in use.
    unsafe fn from_foreign(ptr: *mut ffi::c_void) -> Self;

    /// As [`ForeignOwnable::from_foreign`], but `None` for a null `ptr`.
    ///
    /// # Safety
    ///
    /// `ptr` is null, or as for [`ForeignOwnable::from_foreign`].
    unsafe fn try_from_foreign(ptr: *mut ffi::c_void) -> Option<Self> {
        if ptr.is_null() {
            None
        } else {
            // SAFETY: not null, so from `into_foreign`, as the caller
            // guarantees.
            Some(unsafe { Self::from_foreign(ptr) })
        }
    }

    /// Lends the value behind a pointer from
    /// [`ForeignOwnable::into_foreign`].
    ///
    /// # Safety
    ///
    /// `ptr` came from `into_foreign` on this type, and is not taken back
    /// nor mutably borrowed for as long as `'a`.
    unsafe fn borrow<'a>(ptr: *mut ffi::c_void) -> Self::Borrowed<'a>;

    /// Lends the value behind a pointer from
    /// [`ForeignOwnable::into_foreign`] for changing.
    ///
    /// # Safety
    ///
    /// `ptr` came from `into_foreign` on this type, and is not taken back
    /// nor borrowed in any other way for as long as `'a`.
    unsafe fn borrow_mut<'a>(ptr: *mut ffi::c_void) -> Self::BorrowedMut<'a>;
}

impl ForeignOwnable for () {
    type Borrowed<'a> = ();
    type BorrowedMut<'a> = ();

    fn into_foreign(self) -> *mut ffi::c_void {
        core::ptr::null_mut()
    }

    unsafe fn from_foreign(_ptr: *mut ffi::c_void) -> Self {}

    unsafe fn borrow<'a>(_ptr: *mut ffi::c_void) -> Self::Borrowed<'a> {}

    unsafe fn borrow_mut<'a>(_ptr: *mut ffi::c_void) -> Self::BorrowedMut<'a> {}
}

/// A C object with its own reference count, which Rust may only hold
/// through an [`ARef`] (or borrow).
///
/// # Safety
///
/// The object stays alive while its count is above zero: after
/// [`inc_ref`](AlwaysRefCounted::inc_ref), until the matching
/// [`dec_ref`](AlwaysRefCounted::dec_ref). Both may be called from any
/// thread (the type is then `Send + Sync` through [`ARef`] if the
/// implementation says so).
pub unsafe trait AlwaysRefCounted {
    /// Takes one more reference (`get_*()` in C).
    fn inc_ref(&self);

    /// Drops one reference (`put_*()` in C); the object may be freed.
    ///
    /// # Safety
    ///
    /// The caller owns a reference (from `inc_ref`, or one it was given)
    /// and gives it up: `obj` is not used through it afterwards.
    unsafe fn dec_ref(obj: NonNull<Self>);
}

/// An owned reference to an [`AlwaysRefCounted`] object: cloning takes a
/// reference, dropping gives it back.
///
/// # Examples
///
/// ```
/// use core::cell::Cell;
/// use core::ptr::NonNull;
/// use kernel::types::{ARef, AlwaysRefCounted};
///
/// struct Counted {
///     refs: Cell<u32>,
/// }
///
/// // SAFETY: the object lives on the stack for the whole example, and is
/// // only used from this thread.
/// unsafe impl AlwaysRefCounted for Counted {
///     fn inc_ref(&self) {
///         self.refs.set(self.refs.get() + 1);
///     }
///     unsafe fn dec_ref(obj: NonNull<Self>) {
///         // SAFETY: the caller owns a reference, so `obj` is alive.
///         let obj = unsafe { obj.as_ref() };
///         obj.refs.set(obj.refs.get() - 1);
///     }
/// }
///
/// let c = Counted { refs: Cell::new(1) };
/// {
///     let a = ARef::from(&c);
///     let b = a.clone();
///     assert_eq!(b.refs.get(), 3);
/// }
/// assert_eq!(c.refs.get(), 1);
/// ```
pub struct ARef<T: AlwaysRefCounted> {
    ptr: NonNull<T>,
    _p: PhantomData<T>,
}

// SAFETY: an `ARef` is a shared reference that can be cloned and dropped
// from any thread: sending it needs `T: Sync` (it gives `&T`) and `T:
// Send` (the last drop may free it on another thread).
unsafe impl<T: AlwaysRefCounted + Sync + Send> Send for ARef<T> {}
// SAFETY: as above, sharing it lets other threads clone it.
unsafe impl<T: AlwaysRefCounted + Sync + Send> Sync for ARef<T> {}

impl<T: AlwaysRefCounted> ARef<T> {
    /// Takes over a reference the caller owns, without taking another.
    ///
    /// # Safety
    ///
    /// The caller owns one reference to `*ptr` and gives it to the
    /// `ARef`.
    pub unsafe fn from_raw(ptr: NonNull<T>) -> Self {
        ARef {
            ptr,
            _p: PhantomData,
        }
    }

    /// Gives up the reference to the caller, who must drop it later (e.g.
    /// with [`ARef::from_raw`]).
    pub fn into_raw(obj: Self) -> NonNull<T> {
        ManuallyDrop::new(obj).ptr
    }
}

impl<T: AlwaysRefCounted> Clone for ARef<T> {
    fn clone(&self) -> Self {
        ARef::from(&**self)
    }
}

impl<T: AlwaysRefCounted> From<&T> for ARef<T> {
    fn from(obj: &T) -> Self {
        obj.inc_ref();
        // SAFETY: the reference just taken is given to the `ARef`.
        unsafe { ARef::from_raw(NonNull::from(obj)) }
    }
}

impl<T: AlwaysRefCounted> Deref for ARef<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the reference held keeps the object alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T: AlwaysRefCounted + fmt::Debug> fmt::Debug for ARef<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: AlwaysRefCounted> Drop for ARef<T> {
    fn drop(&mut self) {
        // SAFETY: the `ARef` owns one reference and gives it up here.
        unsafe { T::dec_ref(self.ptr) }
    }
}

/// A value of one of two types.
///
/// # Examples
///
/// ```
/// use kernel::types::Either;
///
/// let values = [Either::Left(1u8), Either::Right("two")];
/// let n = values.iter().filter(|v| v.is_left()).count();
/// assert_eq!(n, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Either<L, R> {
    /// The first type.
    Left(L),
    /// The second type.
    Right(R),
}

impl<L, R> Either<L, R> {
    /// Whether it is a [`Either::Left`].
    pub const fn is_left(&self) -> bool {
        matches!(self, Either::Left(_))
    }

    /// Whether it is a [`Either::Right`].
    pub const fn is_right(&self) -> bool {
        matches!(self, Either::Right(_))
    }

    /// The left value, if it is one.
    pub fn left(self) -> Option<L> {
        match self {
            Either::Left(l) => Some(l),
            Either::Right(_) => None,
        }
    }

    /// The right value, if it is one.
    pub fn right(self) -> Option<R> {
        match self {
            Either::Left(_) => None,
            Either::Right(r) => Some(r),
        }
    }
}

#[crate::kunit_tests(rust_types)]
mod tests {
    use super::*;
    use crate::prelude::*;
    use core::cell::Cell;
    use core::pin::Pin;
    use core::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn scope_guard_runs_unless_dismissed() {
        let runs = Cell::new(0);
        {
            let _g = ScopeGuard::new(|| runs.set(runs.get() + 1));
        }
        kunit_assert_eq!(runs.get(), 1);
        {
            let g = ScopeGuard::new(|| runs.set(runs.get() + 10));
            g.dismiss();
        }
        kunit_assert_eq!(runs.get(), 1);
        {
            let mut g = ScopeGuard::new_with_data(5, |v| runs.set(v));
            *g += 1;
            kunit_assert_eq!(*g, 6);
        }
        kunit_assert_eq!(runs.get(), 6);
    }

    #[test]
    fn foreign_ownable_round_trip() -> Result {
        static DROPS: AtomicUsize = AtomicUsize::new(0);
        struct Payload(u32);
        impl Drop for Payload {
            fn drop(&mut self) {
                DROPS.fetch_add(1, Ordering::Relaxed);
            }
        }
        DROPS.store(0, Ordering::Relaxed);

        let ptr = KBox::new(Payload(3), GFP_KERNEL)?.into_foreign();
        kunit_assert!(!ptr.is_null());
        {
            // SAFETY: from `into_foreign`, not taken back, no other borrow.
            let p = unsafe { <KBox<Payload> as ForeignOwnable>::borrow_mut(ptr) };
            p.0 += 1;
        }
        // SAFETY: from `into_foreign`, not taken back, no mutable borrow.
        let p = unsafe { <KBox<Payload> as ForeignOwnable>::borrow(ptr) };
        kunit_assert_eq!(p.0, 4);
        kunit_assert_eq!(DROPS.load(Ordering::Relaxed), 0);
        // SAFETY: from `into_foreign`, taken back once; `p` is no longer used.
        let back = unsafe { KBox::<Payload>::try_from_foreign(ptr) };
        kunit_assert_eq!(back.as_ref().map(|b| b.0), Some(4));
        drop(back);
        kunit_assert_eq!(DROPS.load(Ordering::Relaxed), 1);

        let ptr = KBox::pin(Payload(8), GFP_KERNEL)?.into_foreign();
        // SAFETY: from `into_foreign`, not taken back, no mutable borrow.
        let p: Pin<&Payload> = unsafe { <Pin<KBox<Payload>>>::borrow(ptr) };
        kunit_assert_eq!(p.0, 8);
        // SAFETY: from `into_foreign`, taken back once.
        drop(unsafe { Pin::<KBox<Payload>>::from_foreign(ptr) });
        kunit_assert_eq!(DROPS.load(Ordering::Relaxed), 2);

        // `()` is a null pointer, and null means "nothing" to
        // `try_from_foreign`.
        kunit_assert!(().into_foreign().is_null());
        // SAFETY: null is allowed.
        let none = unsafe { KBox::<Payload>::try_from_foreign(core::ptr::null_mut()) };
        kunit_assert!(none.is_none());
        Ok(())
    }

    #[test]
    fn aref_counts_task_references() {
        let cur = crate::current!();
        let a: ARef<crate::task::Task> = ARef::from(&*cur);
        let b = a.clone();
        kunit_assert_eq!(a.pid(), b.pid());
        let raw = ARef::into_raw(b);
        // SAFETY: `raw` owns the reference `into_raw` gave up.
        let b = unsafe { ARef::from_raw(raw) };
        kunit_assert_eq!(b.as_ptr(), cur.as_ptr());
    }

    #[test]
    fn either() {
        let l: Either<u8, &str> = Either::Left(1);
        let r: Either<u8, &str> = Either::Right("r");
        kunit_assert!(l.is_left() && !l.is_right());
        kunit_assert_eq!(l.left(), Some(1));
        kunit_assert_eq!(r.right(), Some("r"));
        kunit_assert_eq!(r.left(), None);
    }

    #[test]
    fn build_assertions() {
        static_assert!(size_of::<Opaque<u64>>() == 8);

        #[inline(always)]
        fn checked_shift<const N: u32>(x: u64) -> u64 {
            build_assert!(N < 64, "shift too large");
            x << N
        }
        kunit_assert_eq!(checked_shift::<4>(1), 16);

        #[inline(always)]
        fn pick(n: usize) -> &'static str {
            match n {
                0 => "zero",
                1 => "one",
                _ => build_error!("pick: only 0 or 1"),
            }
        }
        kunit_assert_eq!(pick(1), "one");
    }
}
