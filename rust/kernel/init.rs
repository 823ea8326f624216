// SPDX-License-Identifier: GPL-2.0-only

//! Safe in-place, pinned initialisation.
//!
//! Some kernel objects must be initialised where they will live and never
//! move afterwards: Ferrite's C `struct mutex`, `wait_queue_head` and
//! `completion` contain a `list_head` that points to itself once
//! initialised. Rust normally builds a value and then moves it into place,
//! which would leave such a pointer dangling. This module lets a value be
//! *described* first and *built* later, directly in its final memory.
//!
//! # The pieces
//!
//! - An **initialiser** is a value implementing [`PinInit<T, E>`]: a
//!   recipe that, given uninitialised memory for a `T`, fills it in (or
//!   fails with `E` and leaves the memory uninitialised). [`Init<T, E>`] is
//!   the stronger form for values that may be moved afterwards. Any `T` is
//!   an initialiser of itself. Constructors of pinned types return one:
//!   [`new_mutex!`](crate::new_mutex),
//!   [`CondVar::new`](crate::sync::CondVar::new), ...
//! - Memory that **runs an initialiser** on its final address and then
//!   keeps it there: [`InPlaceInit::pin_init`] for [`KBox`],
//!   [`Arc::pin_init`](crate::sync::Arc::pin_init), the stack
//!   ([`stack_pin_init!`](crate::stack_pin_init)), and `static`s
//!   ([`global_lock!`](crate::global_lock)).
//! - Structs made of several such fields: declare them with
//!   [`pin_data!`](crate::pin_data), marking with `#[pin]` the fields that
//!   are initialised in place, and build them with
//!   [`pin_init!`](crate::pin_init): `field: value` moves a value in,
//!   `field <- initialiser` runs an initialiser on the field's address.
//!
//! # Why it is safe
//!
//! Only `unsafe` code can run an initialiser ([`PinInit::__pinned_init`]
//! is an `unsafe fn`), and every such place in this crate promises what a
//! pinned value needs: the memory is not moved and is dropped in place
//! before it is reused. [`pin_data!`](crate::pin_data) makes a struct
//! `Unpin` only if its `#[pin]` fields are, and forbids a user
//! `impl Unpin` and `impl Drop` (both would be ways to move a pinned field
//! out) and `#[repr(packed)]` (pinned fields must be aligned).
//! [`pin_init!`](crate::pin_init) checks at compile time that every field
//! is initialised exactly once, drops the fields already initialised if a
//! later one fails, evaluates the caller's expressions outside any
//! `unsafe` block, and accepts `<-` on a field not marked `#[pin]` only
//! for initialisers that allow moving ([`Init`]).
//!
//! [`KBox`]: crate::alloc::KBox
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::sync::{Arc, CondVar, Mutex};
//!
//! kernel::pin_data! {
//!     /// A counter whose changes can be waited for.
//!     struct Shared {
//!         #[pin]
//!         count: Mutex<u32>,
//!         #[pin]
//!         changed: CondVar,
//!         name: &'static str,
//!     }
//! }
//!
//! // On the heap: the mutex and the wait queue are initialised on their
//! // final addresses inside the allocation.
//! let shared = KBox::pin_init(
//!     pin_init!(Shared {
//!         count <- new_mutex!(1),
//!         changed <- CondVar::new(),
//!         name: "demo",
//!     }),
//!     GFP_KERNEL,
//! )?;
//! *shared.count.lock() += 1;
//! assert_eq!(*shared.count.lock(), 2);
//! shared.changed.notify_all();
//! assert_eq!(shared.name, "demo");
//!
//! // Shared between threads: the same initialiser, in an `Arc`.
//! let shared = Arc::pin_init(
//!     pin_init!(Shared {
//!         count <- new_mutex!(7),
//!         changed <- CondVar::new(),
//!         name: "arc",
//!     }),
//!     GFP_KERNEL,
//! )?;
//! assert_eq!(*shared.count.lock(), 7);
//!
//! // On the stack, for the current scope.
//! kernel::stack_pin_init!(let local = new_mutex!(5u8));
//! assert_eq!(*local.lock(), 5);
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{AllocError, Allocator, Flags};
use crate::error::{self, Error};
use core::convert::Infallible;
use core::marker::PhantomData;
use core::mem::MaybeUninit;
use core::pin::Pin;

/// An initialiser for a pinned `T`: fills in uninitialised memory for a
/// `T` that will not move afterwards, or fails with `E`.
///
/// Created by the constructors of pinned types (`new_mutex!(..)`), by
/// [`pin_init!`](crate::pin_init) and, in `unsafe` code, by
/// [`pin_init_from_closure`]. Every `T` is a `PinInit<T>` of itself (with
/// the [`Infallible`] error).
/// Run one with [`InPlaceInit::pin_init`], `Arc::pin_init` or
/// [`stack_pin_init!`](crate::stack_pin_init).
///
/// # Safety
///
/// An implementation of [`PinInit::__pinned_init`] that returns `Ok(())`
/// has fully initialised `*slot` with a valid `T`. One that returns `Err`
/// has left `*slot` uninitialised: anything it had initialised is dropped
/// again, and nothing keeps a pointer into the slot, so the memory may be
/// freed or reused.
#[must_use = "an initialiser does nothing until it is run (e.g. by KBox::pin_init)"]
pub unsafe trait PinInit<T: ?Sized, E = Infallible>: Sized {
    /// Initialises `slot`.
    ///
    /// # Safety
    ///
    /// `slot` is valid for writes and aligned for `T`, and nothing else
    /// uses it during the call. On `Ok(())`, the caller treats `*slot` as
    /// pinned: it never moves the value, and drops it in place before the
    /// memory is freed or reused. On `Err`, `*slot` is uninitialised.
    unsafe fn __pinned_init(self, slot: *mut T) -> Result<(), E>;

    /// Runs `f` on the initialised, pinned value after `self` succeeds;
    /// if `f` fails, the value is dropped in place and `f`'s error is
    /// returned.
    fn pin_chain<F>(self, f: F) -> ChainPinInit<Self, F, T, E>
    where
        F: FnOnce(Pin<&mut T>) -> Result<(), E>,
    {
        ChainPinInit(self, f, PhantomData)
    }
}

/// An initialiser for a `T` that may be moved once initialised: a
/// [`PinInit`] with no pinning requirement.
///
/// Every `T` is an `Init<T>` of itself, and `Init` initialisers can
/// also be run without pinning ([`InPlaceInit::init`]).
///
/// # Safety
///
/// As for [`PinInit`], for [`Init::__init`]; in addition the initialised
/// value does not rely on staying at its address.
#[must_use = "an initialiser does nothing until it is run (e.g. by KBox::init)"]
pub unsafe trait Init<T: ?Sized, E = Infallible>: PinInit<T, E> {
    /// Initialises `slot`.
    ///
    /// # Safety
    ///
    /// `slot` is valid for writes and aligned for `T`, and nothing else
    /// uses it during the call. On `Err`, `*slot` is uninitialised.
    unsafe fn __init(self, slot: *mut T) -> Result<(), E>;

    /// Runs `f` on the initialised value after `self` succeeds; if `f`
    /// fails, the value is dropped in place and `f`'s error is returned.
    fn chain<F>(self, f: F) -> ChainInit<Self, F, T, E>
    where
        F: FnOnce(&mut T) -> Result<(), E>,
    {
        ChainInit(self, f, PhantomData)
    }
}

// SAFETY: writing a whole `T` initialises the slot and never fails.
//
// Only with the `Infallible` error, so that the error type of a plain value
// is never ambiguous (`KBox::init([0u8; 4], GFP_KERNEL)?`); `?` in
// `try_pin_init!` and friends converts it to any error with
// `From<Infallible>`.
unsafe impl<T> Init<T> for T {
    unsafe fn __init(self, slot: *mut T) -> Result<(), Infallible> {
        // SAFETY: `slot` is valid for writes and aligned, as the caller
        // guarantees.
        unsafe { slot.write(self) };
        Ok(())
    }
}

// SAFETY: as for `Init` above; a value that was never pinned may be moved
// into place.
unsafe impl<T> PinInit<T> for T {
    unsafe fn __pinned_init(self, slot: *mut T) -> Result<(), Infallible> {
        // SAFETY: same requirements, forwarded from our caller.
        unsafe { self.__init(slot) }
    }
}

/// Ties an initialiser type to what it initialises (`T`) and its error
/// (`E`), invariantly, without owning either.
type InitMarker<T, E> = PhantomData<fn(*mut T) -> Result<(), E>>;

/// The initialiser returned by [`PinInit::pin_chain`].
pub struct ChainPinInit<I, F, T: ?Sized, E>(I, F, InitMarker<T, E>);

// SAFETY: on success of both steps the slot holds the value `I` made; if
// `I` fails the slot is uninitialised (by `I`'s contract), and if `F` fails
// the value is dropped in place, leaving it uninitialised.
unsafe impl<T: ?Sized, E, I, F> PinInit<T, E> for ChainPinInit<I, F, T, E>
where
    I: PinInit<T, E>,
    F: FnOnce(Pin<&mut T>) -> Result<(), E>,
{
    unsafe fn __pinned_init(self, slot: *mut T) -> Result<(), E> {
        // SAFETY: forwarded from our caller.
        unsafe { self.0.__pinned_init(slot)? };
        // SAFETY: `slot` now holds a valid `T`, which the caller keeps
        // pinned (our own caller's promise).
        let value = unsafe { Pin::new_unchecked(&mut *slot) };
        (self.1)(value).inspect_err(|_| {
            // SAFETY: the value is initialised and no reference to it is
            // left (`value` was consumed by `f`).
            unsafe { core::ptr::drop_in_place(slot) }
        })
    }
}

/// The initialiser returned by [`Init::chain`].
pub struct ChainInit<I, F, T: ?Sized, E>(I, F, InitMarker<T, E>);

// SAFETY: as for `ChainPinInit`; nothing here relies on the address.
unsafe impl<T: ?Sized, E, I, F> Init<T, E> for ChainInit<I, F, T, E>
where
    I: Init<T, E>,
    F: FnOnce(&mut T) -> Result<(), E>,
{
    unsafe fn __init(self, slot: *mut T) -> Result<(), E> {
        // SAFETY: forwarded from our caller.
        unsafe { self.0.__init(slot)? };
        // SAFETY: `slot` now holds a valid `T` that only we use.
        let value = unsafe { &mut *slot };
        (self.1)(value).inspect_err(|_| {
            // SAFETY: the value is initialised and no reference to it is
            // left.
            unsafe { core::ptr::drop_in_place(slot) }
        })
    }
}

// SAFETY: `__init` above keeps the `Init` promises, which imply the
// `PinInit` ones.
unsafe impl<T: ?Sized, E, I, F> PinInit<T, E> for ChainInit<I, F, T, E>
where
    I: Init<T, E>,
    F: FnOnce(&mut T) -> Result<(), E>,
{
    unsafe fn __pinned_init(self, slot: *mut T) -> Result<(), E> {
        // SAFETY: forwarded from our caller.
        unsafe { self.__init(slot) }
    }
}

/// An initialiser made from a closure (see [`pin_init_from_closure`]).
struct InitClosure<F, T: ?Sized, E>(F, InitMarker<T, E>);

// SAFETY: the creator of the `InitClosure` (an unsafe function) promised
// that the closure keeps the `PinInit` contract.
unsafe impl<T: ?Sized, E, F> PinInit<T, E> for InitClosure<F, T, E>
where
    F: FnOnce(*mut T) -> Result<(), E>,
{
    unsafe fn __pinned_init(self, slot: *mut T) -> Result<(), E> {
        (self.0)(slot)
    }
}

// SAFETY: the creator promised the `Init` contract (`init_from_closure`);
// `pin_init_from_closure` hides this impl behind `impl PinInit`.
unsafe impl<T: ?Sized, E, F> Init<T, E> for InitClosure<F, T, E>
where
    F: FnOnce(*mut T) -> Result<(), E>,
{
    unsafe fn __init(self, slot: *mut T) -> Result<(), E> {
        (self.0)(slot)
    }
}

/// Makes a pinned initialiser from a closure that initialises the memory
/// it is given.
///
/// # Safety
///
/// `f`, given a pointer valid for writes and aligned for `T` whose value
/// will stay pinned, either fully initialises it and returns `Ok(())`, or
/// returns `Err` with the memory uninitialised again (whatever it had
/// initialised dropped) and no pointer into it kept.
pub unsafe fn pin_init_from_closure<T: ?Sized, E>(
    f: impl FnOnce(*mut T) -> Result<(), E>,
) -> impl PinInit<T, E> {
    InitClosure(f, PhantomData)
}

/// Makes an initialiser (the value may be moved afterwards) from a
/// closure that initialises the memory it is given.
///
/// # Safety
///
/// As for [`pin_init_from_closure`], and the value `f` builds does not
/// depend on its address.
pub unsafe fn init_from_closure<T: ?Sized, E>(
    f: impl FnOnce(*mut T) -> Result<(), E>,
) -> impl Init<T, E> {
    InitClosure(f, PhantomData)
}

/// An initialiser that runs `f` when it is run, then the initialiser `f`
/// returns: for constructors that must do fallible work (reserve numbers,
/// allocate) before they know how to initialise the value, without doing
/// it when the initialiser is only made. `f`'s error fails the
/// initialiser, with nothing initialised.
///
/// # Examples
///
/// ```
/// use kernel::init::pin_init_scope;
/// use kernel::prelude::*;
/// use kernel::sync::Mutex;
///
/// kernel::pin_data! {
///     struct Ticket {
///         #[pin]
///         number: Mutex<u32>,
///     }
/// }
///
/// // The number is checked when the initialiser runs, not when it is made.
/// fn ticket(n: i64) -> impl PinInit<Ticket, Error> {
///     pin_init_scope(move || {
///         let n = u32::try_from(n)?;
///         Ok(try_pin_init!(Ticket { number <- new_mutex!(n) }))
///     })
/// }
///
/// let t = KBox::pin_init(ticket(5), GFP_KERNEL)?;
/// assert_eq!(*t.number.lock(), 5);
/// assert_eq!(KBox::pin_init(ticket(-1), GFP_KERNEL).err(), Some(EINVAL));
/// # Ok::<(), Error>(())
/// ```
pub fn pin_init_scope<T, E, I, F>(f: F) -> impl PinInit<T, E>
where
    I: PinInit<T, E>,
    F: FnOnce() -> Result<I, E>,
{
    // SAFETY: `slot` is handed unchanged to the initialiser `f` returns,
    // which keeps the contract; if `f` fails, nothing was written.
    unsafe { pin_init_from_closure(move |slot: *mut T| f()?.__pinned_init(slot)) }
}

/// An initialiser that makes `init`'s error a kernel [`Error`].
fn into_kernel_error<T, E>(init: impl PinInit<T, E>) -> impl PinInit<T, Error>
where
    Error: From<E>,
{
    let f = move |slot: *mut T| {
        // SAFETY: our caller's guarantees about `slot`, forwarded.
        unsafe { init.__pinned_init(slot) }.map_err(Error::from)
    };
    // SAFETY: `init` keeps the contract; only its error is converted.
    unsafe { pin_init_from_closure(f) }
}

/// An [`Init`] whose error is a kernel [`Error`].
fn into_kernel_error_init<T, E>(init: impl Init<T, E>) -> impl Init<T, Error>
where
    Error: From<E>,
{
    let f = move |slot: *mut T| {
        // SAFETY: our caller's guarantees about `slot`, forwarded.
        unsafe { init.__init(slot) }.map_err(Error::from)
    };
    // SAFETY: `init` keeps the contract; only its error is converted.
    unsafe { init_from_closure(f) }
}

/// Memory that can run an initialiser in place: implemented for
/// [`KBox`](crate::alloc::KBox) (and the other boxes of
/// [`crate::alloc`]), [`Arc`](crate::sync::Arc) and
/// [`UniqueArc`](crate::sync::UniqueArc).
///
/// # Examples
///
/// ```
/// use kernel::prelude::*;
/// use kernel::sync::SpinLock;
///
/// let lock: Pin<KBox<SpinLock<u64>>> = KBox::pin_init(new_spinlock!(3), GFP_KERNEL)?;
/// assert_eq!(*lock.lock(), 3);
///
/// // Plain values are initialisers too, and may use `init` (no pinning).
/// let b: KBox<[u8; 4]> = KBox::init([1, 2, 3, 4], GFP_KERNEL)?;
/// assert_eq!(b[3], 4);
/// # Ok::<(), Error>(())
/// ```
pub trait InPlaceInit<T>: Sized {
    /// What a pinned initialisation returns: `Pin<Self>`, or `Self` for a
    /// type that never moves its contents (`Arc`).
    type PinnedSelf;

    /// Allocates memory with `flags` and runs `init` on it; `E` says how
    /// an allocation failure is reported.
    fn try_pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> Result<Self::PinnedSelf, E>
    where
        E: From<AllocError>;

    /// Allocates memory with `flags` and runs `init` on it, returning a
    /// kernel [`Error`] (`ENOMEM` if the allocation fails).
    fn pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> error::Result<Self::PinnedSelf>
    where
        Error: From<E>,
    {
        Self::try_pin_init(into_kernel_error(init), flags)
    }

    /// Allocates memory with `flags` and runs `init` (which allows moving
    /// the value afterwards) on it.
    fn try_init<E>(init: impl Init<T, E>, flags: Flags) -> Result<Self, E>
    where
        E: From<AllocError>;

    /// As [`InPlaceInit::try_init`], returning a kernel [`Error`].
    fn init<E>(init: impl Init<T, E>, flags: Flags) -> error::Result<Self>
    where
        Error: From<E>,
    {
        Self::try_init(into_kernel_error_init(init), flags)
    }
}

impl<T, A: Allocator> InPlaceInit<T> for crate::alloc::Box<T, A> {
    type PinnedSelf = Pin<Self>;

    fn try_pin_init<E>(init: impl PinInit<T, E>, flags: Flags) -> Result<Pin<Self>, E>
    where
        E: From<AllocError>,
    {
        let mut slot = crate::alloc::Box::<T, A>::new_uninit(flags)?;
        // SAFETY: the box's memory is valid for writes, aligned and only
        // ours. On success it is pinned: it is returned as `Pin<Box>`, which
        // never moves it and drops it in place. On failure it is
        // uninitialised and freed as a `MaybeUninit` (no drop).
        unsafe { init.__pinned_init(slot.as_mut_ptr())? };
        // SAFETY: initialised just above.
        Ok(crate::alloc::Box::into_pin(unsafe {
            crate::alloc::Box::assume_init(slot)
        }))
    }

    fn try_init<E>(init: impl Init<T, E>, flags: Flags) -> Result<Self, E>
    where
        E: From<AllocError>,
    {
        let mut slot = crate::alloc::Box::<T, A>::new_uninit(flags)?;
        // SAFETY: as above, without the pinning requirement (`Init`).
        unsafe { init.__init(slot.as_mut_ptr())? };
        // SAFETY: initialised just above.
        Ok(unsafe { crate::alloc::Box::assume_init(slot) })
    }
}

/// Declares a struct whose `#[pin]` fields are initialised in place with
/// [`pin_init!`](crate::pin_init).
///
/// Write the struct as usual inside the macro, with `#[pin]` before each
/// field that holds a pinned type (`Mutex`, `SpinLock`, `CondVar`,
/// `Completion`, another `pin_data!` struct...). The macro adds what
/// [`pin_init!`](crate::pin_init) needs, and keeps pinning sound:
///
/// - the struct is `Unpin` exactly when all its `#[pin]` fields are, and
///   no other `impl Unpin` may be written for it;
/// - it may not implement `Drop` (a `drop(&mut self)` could move a pinned
///   field out); put the clean-up in a field's type, or write
///   `#[pinned_drop]` as the first line inside the macro (before the doc
///   comment) and implement [`PinnedDrop`], whose `drop` gets the value
///   pinned and runs before the fields are dropped;
/// - it may not be `#[repr(packed)]`.
///
/// Generics: lifetimes and type parameters with bounds are accepted
/// (`<'a, T: Send + 'a>`), but not `const` parameters, `where` clauses or
/// bounds that contain `<`/`>` themselves (use a helper trait).
///
/// # Examples
///
/// ```
/// use kernel::prelude::*;
/// use kernel::sync::{Completion, SpinLock};
///
/// kernel::pin_data! {
///     /// A queue of requests and their completion.
///     pub struct Requests<T: Send> {
///         #[pin]
///         pending: SpinLock<KVec<T>>,
///         #[pin]
///         done: Completion,
///         limit: usize,
///     }
/// }
///
/// let r = KBox::pin_init(
///     pin_init!(Requests::<u32> {
///         pending <- new_spinlock!(KVec::new()),
///         done <- Completion::new(),
///         limit: 8,
///     }),
///     GFP_KERNEL,
/// )?;
/// r.pending.lock().push(5, GFP_ATOMIC)?;
/// assert_eq!(r.pending.lock().len(), 1);
/// assert!(r.limit == 8 && !r.done.is_done());
/// # Ok::<(), Error>(())
/// ```
#[macro_export]
macro_rules! pin_data {
    (#[pinned_drop] $($rest:tt)*) => {
        $crate::__pin_data!(@start pinned_drop $($rest)*);
    };
    ($($rest:tt)*) => {
        $crate::__pin_data!(@start no_drop $($rest)*);
    };
}

/// The implementation of [`pin_data!`](crate::pin_data).
#[doc(hidden)]
#[macro_export]
macro_rules! __pin_data {
    // The struct's head: whether it has a `PinnedDrop`, attributes,
    // visibility, name, then generics (if any) and fields.
    (@start $drop:ident
        $(#[$attr:meta])*
        $vis:vis struct $name:ident < $($rest:tt)*
    ) => {
        $crate::__pin_data!(@generics
            [$drop [$(#[$attr])*] [$vis] $name]
            [] [] $($rest)*
        );
    };
    (@start $drop:ident
        $(#[$attr:meta])*
        $vis:vis struct $name:ident { $($fields:tt)* }
    ) => {
        $crate::__pin_data!(@fields
            [$drop [$(#[$attr])*] [$vis] $name [] []]
            [] [] [] [] no $($fields)*
        );
    };
    // Generics: split `<...>` into parameters, each kept whole (for the
    // `impl<...>`) and by name (for `Name<...>`). Stops at the first `>`.
    (@generics $head:tt [$($cur:tt)*] [$($params:tt)*] > { $($fields:tt)* }) => {
        $crate::__pin_data!(@generics_end $head [$($params)*] [$($cur)*] { $($fields)* });
    };
    (@generics $head:tt [$($cur:tt)*] [$($params:tt)*] , $($rest:tt)*) => {
        $crate::__pin_data!(@generics $head [] [$($params)* [$($cur)*]] $($rest)*);
    };
    (@generics $head:tt [$($cur:tt)*] [$($params:tt)*] $t:tt $($rest:tt)*) => {
        $crate::__pin_data!(@generics $head [$($cur)* $t] [$($params)*] $($rest)*);
    };
    (@generics_end [$drop:ident $attrs:tt $vis:tt $name:ident] [$([$pn:tt $($pr:tt)*])*] [] { $($fields:tt)* }) => {
        $crate::__pin_data!(@fields
            [$drop $attrs $vis $name [$($pn $($pr)*),*] [$($pn),*]]
            [] [] [] [] no $($fields)*
        );
    };
    (@generics_end [$drop:ident $attrs:tt $vis:tt $name:ident] [$([$pn:tt $($pr:tt)*])*] [$cn:tt $($cr:tt)*] { $($fields:tt)* }) => {
        $crate::__pin_data!(@fields
            [$drop $attrs $vis $name [$($pn $($pr)*,)* $cn $($cr)*] [$($pn,)* $cn]]
            [] [] [] [] no $($fields)*
        );
    };

    // Fields: sort them into pinned and unpinned, keeping the order of
    // all of them. State: head, all, pinned, unpinned, current attributes,
    // whether the current field has `#[pin]`.
    (@fields $head:tt [$($all:tt)*] [$($pin:tt)*] [$($unpin:tt)*] [$($cur:tt)*] $is_pin:ident
        #[pin] $($rest:tt)*) => {
        $crate::__pin_data!(@fields $head [$($all)*] [$($pin)*] [$($unpin)*] [$($cur)*] yes $($rest)*);
    };
    (@fields $head:tt [$($all:tt)*] [$($pin:tt)*] [$($unpin:tt)*] [$($cur:tt)*] $is_pin:ident
        #[$m:meta] $($rest:tt)*) => {
        $crate::__pin_data!(@fields $head [$($all)*] [$($pin)*] [$($unpin)*] [$($cur)* #[$m]] $is_pin $($rest)*);
    };
    (@fields $head:tt [$($all:tt)*] [$($pin:tt)*] [$($unpin:tt)*] [$($cur:tt)*] yes
        $fvis:vis $field:ident : $ty:ty $(, $($rest:tt)*)?) => {
        $crate::__pin_data!(@fields $head
            [$($all)* [[$($cur)*] [$fvis] $field [$ty]]]
            [$($pin)* [[$fvis] $field [$ty]]]
            [$($unpin)*]
            [] no $($($rest)*)?
        );
    };
    (@fields $head:tt [$($all:tt)*] [$($pin:tt)*] [$($unpin:tt)*] [$($cur:tt)*] no
        $fvis:vis $field:ident : $ty:ty $(, $($rest:tt)*)?) => {
        $crate::__pin_data!(@fields $head
            [$($all)* [[$($cur)*] [$fvis] $field [$ty]]]
            [$($pin)*]
            [$($unpin)* [[$fvis] $field [$ty]]]
            [] no $($($rest)*)?
        );
    };
    (@fields [$drop:ident [$(#[$attr:meta])*] [$vis:vis] $name:ident [$($gen:tt)*] [$($arg:tt)*]]
        [$([[$(#[$fattr:meta])*] [$afvis:vis] $afield:ident [$aty:ty]])*]
        [$([[$pvis:vis] $pfield:ident [$pty:ty]])*]
        [$([[$uvis:vis] $ufield:ident [$uty:ty]])*]
        [] no) => {
        $(#[$attr])*
        $vis struct $name<$($gen)*> {
            $($(#[$fattr])* $afvis $afield: $aty,)*
        }

        const _: () = {
            /// What `pin_init!` knows about the struct: one method per
            /// field, which initialises it in place.
            #[allow(unreachable_pub)]
            $vis struct __ThePinData<$($gen)*> {
                __phantom: ::core::marker::PhantomData<fn($name<$($arg)*>) -> $name<$($arg)*>>,
            }

            impl<$($gen)*> ::core::clone::Clone for __ThePinData<$($arg)*> {
                fn clone(&self) -> Self {
                    *self
                }
            }

            impl<$($gen)*> ::core::marker::Copy for __ThePinData<$($arg)*> {}

            #[allow(dead_code, missing_docs, unreachable_pub, clippy::missing_safety_doc)]
            impl<$($gen)*> __ThePinData<$($arg)*> {
                $(
                    $pvis unsafe fn $pfield<__E>(
                        self,
                        slot: *mut $pty,
                        init: impl $crate::init::PinInit<$pty, __E>,
                    ) -> ::core::result::Result<(), __E> {
                        // SAFETY: the caller (`pin_init!`) passes the
                        // field's address inside a slot that stays
                        // pinned, and this field is structurally pinned.
                        unsafe { $crate::init::PinInit::__pinned_init(init, slot) }
                    }
                )*
                $(
                    $uvis unsafe fn $ufield<__E>(
                        self,
                        slot: *mut $uty,
                        init: impl $crate::init::Init<$uty, __E>,
                    ) -> ::core::result::Result<(), __E> {
                        // SAFETY: the caller (`pin_init!`) passes the
                        // field's address, valid for writes; the field is
                        // not pinned, which `Init` allows.
                        unsafe { $crate::init::Init::__init(init, slot) }
                    }
                )*
            }

            // SAFETY: the pin data's methods initialise exactly the
            // `#[pin]` fields with `PinInit` and the others with `Init`,
            // and the items below keep the `#[pin]` fields pinned.
            unsafe impl<$($gen)*> $crate::init::__internal::HasPinData for $name<$($arg)*> {
                type PinData = __ThePinData<$($arg)*>;

                fn __pin_data() -> Self::PinData {
                    __ThePinData { __phantom: ::core::marker::PhantomData }
                }
            }

            // SAFETY: `Datee` is the struct the methods initialise.
            unsafe impl<$($gen)*> $crate::init::__internal::PinData for __ThePinData<$($arg)*> {
                type Datee = $name<$($arg)*>;
            }

            // The struct is `Unpin` only if every `#[pin]` field is. The
            // lifetime keeps the bound from being trivially false (a
            // compile error) for types that are never `Unpin`.
            #[allow(dead_code)]
            struct __Unpin<'__pin, $($gen)*> {
                __phantom_pin: ::core::marker::PhantomData<fn(&'__pin ()) -> &'__pin ()>,
                __phantom: ::core::marker::PhantomData<fn($name<$($arg)*>) -> $name<$($arg)*>>,
                $($pfield: $pty,)*
            }

            impl<'__pin, $($gen)*> ::core::marker::Unpin for $name<$($arg)*>
            where
                __Unpin<'__pin, $($arg)*>: ::core::marker::Unpin,
            {
            }

            $crate::__pin_data!(@drop $drop $name [$($gen)*] [$($arg)*]);

            // Taking a reference to each field fails to compile for a
            // `#[repr(packed)]` struct, whose fields may be unaligned.
            #[allow(dead_code, clippy::needless_lifetimes)]
            fn __not_packed<$($gen)*>(s: &$name<$($arg)*>) {
                $(let _ = &s.$afield;)*
            }
        };
    };

    // Without `#[pinned_drop]`: a `Drop` impl would conflict with this one
    // (`drop(&mut self)` could move a pinned field out).
    (@drop no_drop $name:ident [$($gen:tt)*] [$($arg:tt)*]) => {
        #[allow(dead_code)]
        trait MustNotImplDrop {}
        #[allow(drop_bounds)]
        impl<T: ::core::ops::Drop + ?::core::marker::Sized> MustNotImplDrop for T {}
        impl<$($gen)*> MustNotImplDrop for $name<$($arg)*> {}
    };
    // With it: the only `Drop`, which lends the value pinned to
    // `PinnedDrop::drop` (a second `impl Drop` would not compile).
    (@drop pinned_drop $name:ident [$($gen:tt)*] [$($arg:tt)*]) => {
        impl<$($gen)*> ::core::ops::Drop for $name<$($arg)*> {
            fn drop(&mut self) {
                // SAFETY: the value is never used again after `drop`, so it
                // cannot move after being seen pinned.
                let pinned = unsafe { ::core::pin::Pin::new_unchecked(self) };
                // SAFETY: called from `Drop::drop`, once per value.
                let token = unsafe { $crate::init::__internal::OnlyCallFromDrop::new() };
                $crate::init::PinnedDrop::drop(pinned, token);
            }
        }
    };
}

/// The destructor of a [`pin_data!`](crate::pin_data) struct declared with
/// `#[pinned_drop]`: runs with the value pinned, before its fields are
/// dropped (in declaration order).
///
/// The token argument can only be made by the `Drop` impl `pin_data!`
/// writes, so `drop` runs once, when the value goes away.
///
/// # Examples
///
/// ```
/// use core::pin::Pin;
/// use core::sync::atomic::{AtomicU32, Ordering};
/// use kernel::init::{OnlyCallFromDrop, PinnedDrop};
/// use kernel::prelude::*;
/// use kernel::sync::Mutex;
///
/// static DROPS: AtomicU32 = AtomicU32::new(0);
///
/// kernel::pin_data! {
///     #[pinned_drop]
///     /// Counts its drops.
///     struct Counted {
///         #[pin]
///         value: Mutex<u32>,
///     }
/// }
///
/// impl PinnedDrop for Counted {
///     fn drop(self: Pin<&mut Self>, _: OnlyCallFromDrop) {
///         DROPS.fetch_add(*self.value.lock(), Ordering::Relaxed);
///     }
/// }
///
/// let c = KBox::pin_init(pin_init!(Counted { value <- new_mutex!(3) }), GFP_KERNEL)?;
/// drop(c);
/// assert_eq!(DROPS.load(Ordering::Relaxed), 3);
/// # Ok::<(), Error>(())
/// ```
pub trait PinnedDrop {
    /// Releases what the value holds; the fields are dropped afterwards.
    fn drop(self: Pin<&mut Self>, only_call_from_drop: OnlyCallFromDrop);
}

pub use __internal::OnlyCallFromDrop;

/// A type that wraps one value of another type in place
/// ([`UnsafeCell`](core::cell::UnsafeCell)): its initialiser is the inner
/// value's.
pub trait Wrapper<T> {
    /// An initialiser for the wrapper from one for the wrapped value,
    /// which stays pinned inside it.
    fn pin_init<E>(value_init: impl PinInit<T, E>) -> impl PinInit<Self, E>;
}

impl<T> Wrapper<T> for core::cell::UnsafeCell<T> {
    fn pin_init<E>(value_init: impl PinInit<T, E>) -> impl PinInit<Self, E> {
        // SAFETY: an `UnsafeCell<T>` is a `T` in memory (the same layout),
        // so initialising the `T` inside initialises the cell, or fails
        // leaving it uninitialised; the `T` is pinned where the cell is.
        unsafe {
            pin_init_from_closure(move |slot: *mut Self| {
                value_init.__pinned_init(core::cell::UnsafeCell::raw_get(slot))
            })
        }
    }
}

/// Creates an initialiser for a [`pin_data!`](crate::pin_data) struct.
///
/// `pin_init!(Name { a: value, b <- initialiser, c })`, with each field
/// exactly once (checked at compile time):
///
/// - `a: value` moves `value` into the field;
/// - `b <- initialiser` runs a [`PinInit`] (for a `#[pin]` field) or an
///   [`Init`] (for another field) on the field's final address;
/// - `c` alone is short for `c: c`.
///
/// The fields are initialised in the order written; the expressions run
/// only when the initialiser does (it is a `move` closure: it takes
/// ownership of the variables it uses), and may use `?`. If a field fails,
/// the ones before it are dropped and the whole initialiser fails. The
/// error type is [`Infallible`] unless given after the braces:
/// `pin_init!(Name { .. }? Error)`; each field's error converts to it with
/// `From`. See also [`try_pin_init!`](crate::try_pin_init). Generic
/// structs take their arguments as `Name::<T> { .. }` when they cannot be
/// inferred.
///
/// # Examples
///
/// ```
/// use kernel::prelude::*;
/// use kernel::sync::Mutex;
///
/// kernel::pin_data! {
///     struct Inner {
///         #[pin]
///         lock: Mutex<u32>,
///         id: u32,
///     }
/// }
/// kernel::pin_data! {
///     struct Outer {
///         #[pin]
///         inner: Inner,
///         tag: u8,
///     }
/// }
///
/// let id = 4;
/// let outer = KBox::pin_init(
///     pin_init!(Outer {
///         inner <- pin_init!(Inner { lock <- new_mutex!(10), id }),
///         tag: 1,
///     }),
///     GFP_KERNEL,
/// )?;
/// assert_eq!(*outer.inner.lock.lock() + outer.inner.id, 14);
///
/// // A failing field: the ones before it are dropped, the error returned.
/// let bad = KBox::pin_init(
///     pin_init!(Inner {
///         lock <- new_mutex!(1),
///         id: u32::try_from(-1i32)?,
///     }? Error),
///     GFP_KERNEL,
/// );
/// assert_eq!(bad.err(), Some(EINVAL));
/// # Ok::<(), Error>(())
/// ```
#[macro_export]
macro_rules! pin_init {
    ($($p:ident)::+ $(::<$($g:ty),* $(,)?>)? { $($fields:tt)* } $(? $err:ty)?) => {
        $crate::__pin_init!(
            [$($p)::+ $(::<$($g),*>)?]
            [$($err,)? ::core::convert::Infallible]
            { $($fields)* }
        )
    };
}

/// [`pin_init!`](crate::pin_init) with a kernel
/// [`Error`](crate::error::Error) as the default error type.
///
/// # Examples
///
/// ```
/// use kernel::prelude::*;
/// use kernel::sync::SpinLock;
///
/// kernel::pin_data! {
///     struct Buffer {
///         #[pin]
///         data: SpinLock<KVec<u8>>,
///     }
/// }
///
/// fn new_buffer(len: usize) -> impl PinInit<Buffer, Error> {
///     try_pin_init!(Buffer {
///         data <- new_spinlock!(KVec::from_elem(0u8, len, GFP_KERNEL)?),
///     })
/// }
///
/// let b = KBox::pin_init(new_buffer(16), GFP_KERNEL)?;
/// assert_eq!(b.data.lock().len(), 16);
/// # Ok::<(), Error>(())
/// ```
#[macro_export]
macro_rules! try_pin_init {
    ($($p:ident)::+ $(::<$($g:ty),* $(,)?>)? { $($fields:tt)* } $(? $err:ty)?) => {
        $crate::__pin_init!(
            [$($p)::+ $(::<$($g),*>)?]
            [$($err,)? $crate::error::Error]
            { $($fields)* }
        )
    };
}

/// The implementation of [`pin_init!`](crate::pin_init).
#[doc(hidden)]
#[macro_export]
macro_rules! __pin_init {
    ([$($t:tt)*] [$err:ty, $default:ty] { $($fields:tt)* }) => {
        $crate::__pin_init!([$($t)*] [$err] { $($fields)* })
    };
    ([$($t:tt)*] [$err:ty] { $($fields:tt)* }) => {{
        use $crate::init::__internal::HasPinData as _;
        use $crate::init::__internal::PinData as _;
        let __data = $($t)*::__pin_data();
        let __closure = __data.make_closure::<_, $err>(move |__slot| {
            $crate::__pin_init!(@fields __slot __data [$($t)*] [] [] $($fields)*);
            // SAFETY: every field was initialised just above (the
            // struct-literal check proves that they are all there).
            ::core::result::Result::Ok(unsafe { $crate::init::__internal::InitOk::new() })
        });
        let __closure = move |__slot| -> ::core::result::Result<(), $err> {
            __closure(__slot).map(|_: $crate::init::__internal::InitOk| ())
        };
        // SAFETY: the closure initialises every field of the slot on
        // success, and drops the fields it initialised on failure.
        unsafe { $crate::init::pin_init_from_closure::<_, $err>(__closure) }
    }};
    // `field <- initialiser`
    (@fields $slot:ident $data:ident [$($t:tt)*] [$($guards:ident)*] [$($done:ident)*]
        $field:ident <- $init:expr $(, $($rest:tt)*)?) => {
        let __init = $init;
        // SAFETY: `$slot` is valid for writes (the closure's contract) and
        // this field is not initialised yet; the pin data method checks
        // that the initialiser suits the field (pinned or not).
        let __result = unsafe { $data.$field(::core::ptr::addr_of_mut!((*$slot).$field), __init) };
        __result?;
        // SAFETY: the field was initialised just above; the guard drops it
        // again if a later field fails.
        let __guard = unsafe {
            $crate::init::__internal::DropGuard::new(::core::ptr::addr_of_mut!((*$slot).$field))
        };
        $crate::__pin_init!(@fields $slot $data [$($t)*] [$($guards)* __guard] [$($done)* $field]
            $($($rest)*)?);
    };
    // `field: value`
    (@fields $slot:ident $data:ident [$($t:tt)*] [$($guards:ident)*] [$($done:ident)*]
        $field:ident : $val:expr $(, $($rest:tt)*)?) => {
        let __value = $val;
        // SAFETY: `$slot` is valid for writes and this field is not
        // initialised yet.
        unsafe { ::core::ptr::addr_of_mut!((*$slot).$field).write(__value) };
        // SAFETY: the field was initialised just above.
        let __guard = unsafe {
            $crate::init::__internal::DropGuard::new(::core::ptr::addr_of_mut!((*$slot).$field))
        };
        $crate::__pin_init!(@fields $slot $data [$($t)*] [$($guards)* __guard] [$($done)* $field]
            $($($rest)*)?);
    };
    // `field` (short for `field: field`)
    (@fields $slot:ident $data:ident [$($t:tt)*] [$($guards:ident)*] [$($done:ident)*]
        $field:ident $(, $($rest:tt)*)?) => {
        $crate::__pin_init!(@fields $slot $data [$($t)*] [$($guards)*] [$($done)*]
            $field: $field $(, $($rest)*)?);
    };
    // All done: keep the fields, and check that each was named once.
    (@fields $slot:ident $data:ident [$($t:tt)*] [$($guards:ident)*] [$($done:ident)*]) => {
        $(::core::mem::forget($guards);)*
        // Never called: compiles only if the struct literal names every
        // field exactly once, and with the type of `$slot`.
        #[allow(unreachable_code, clippy::diverging_sub_expression)]
        let _ = $crate::init::__internal::same_type($slot, || {
            $($t)* { $($done: ::core::panic!(),)* }
        });
    };
}

/// Initialises a pinned value on the stack, for the rest of the scope.
///
/// `stack_pin_init!(let name = initialiser)` (or `let name: T = ...`)
/// binds `name: Pin<&mut T>`; the value is dropped when the scope ends.
/// The initialiser must not fail ([`Infallible`] error); see
/// [`stack_try_pin_init!`](crate::stack_try_pin_init) for fallible ones.
///
/// # Examples
///
/// ```
/// use kernel::new_mutex;
/// use kernel::sync::{CondVar, Mutex};
///
/// kernel::stack_pin_init!(let m: Mutex<u32> = new_mutex!(1));
/// kernel::stack_pin_init!(let cv = CondVar::new());
/// *m.lock() += 1;
/// cv.notify_one();
/// assert_eq!(*m.lock(), 2);
/// ```
#[macro_export]
macro_rules! stack_pin_init {
    (let $var:ident $(: $t:ty)? = $init:expr $(;)?) => {
        let __init = $init;
        let __slot = ::core::pin::pin!($crate::init::__internal::StackInit$(::<$t>)?::uninit());
        let $var = match $crate::init::__internal::StackInit::init(__slot, __init) {
            ::core::result::Result::Ok(v) => v,
            ::core::result::Result::Err(e) => $crate::init::__internal::unreachable(e),
        };
    };
}

/// Initialises a pinned value on the stack with a fallible initialiser.
///
/// `stack_try_pin_init!(let name = initialiser)` binds
/// `name: Result<Pin<&mut T>, E>`; `stack_try_pin_init!(let name =?
/// initialiser)` returns the error from the enclosing function with `?`.
///
/// # Examples
///
/// ```
/// use kernel::prelude::*;
/// use kernel::sync::Mutex;
///
/// kernel::pin_data! {
///     struct Big {
///         #[pin]
///         buf: Mutex<KVec<u8>>,
///     }
/// }
///
/// kernel::stack_try_pin_init!(let big =? try_pin_init!(Big {
///     buf <- new_mutex!(KVec::with_capacity(64, GFP_KERNEL)?),
/// }));
/// assert!(big.buf.lock().capacity() >= 64);
/// # Ok::<(), Error>(())
/// ```
#[macro_export]
macro_rules! stack_try_pin_init {
    (let $var:ident $(: $t:ty)? = $init:expr $(;)?) => {
        let __init = $init;
        let __slot = ::core::pin::pin!($crate::init::__internal::StackInit$(::<$t>)?::uninit());
        let $var = $crate::init::__internal::StackInit::init(__slot, __init);
    };
    (let $var:ident $(: $t:ty)? =? $init:expr $(;)?) => {
        let __init = $init;
        let __slot = ::core::pin::pin!($crate::init::__internal::StackInit$(::<$t>)?::uninit());
        let $var = $crate::init::__internal::StackInit::init(__slot, __init)?;
    };
}

/// Items the macros of this module expand to. Not an API.
///
/// # Examples
///
/// What [`stack_pin_init!`](crate::stack_pin_init) expands to:
///
/// ```
/// use kernel::init::__internal::StackInit;
/// use kernel::new_spinlock;
///
/// let slot = core::pin::pin!(StackInit::uninit());
/// let lock = match StackInit::init(slot, new_spinlock!(3u8)) {
///     Ok(lock) => lock,
///     Err(e) => kernel::init::__internal::unreachable(e),
/// };
/// assert_eq!(*lock.lock(), 3);
/// ```
#[doc(hidden)]
pub mod __internal {
    use super::{Infallible, MaybeUninit, Pin, PinInit};
    use core::marker::PhantomPinned;

    /// Proof that a [`pin_init!`](crate::pin_init) closure initialised
    /// every field: user code inside the closure cannot make one, so it
    /// cannot `return Ok(..)` early.
    pub struct InitOk(());

    impl InitOk {
        /// Makes the proof.
        ///
        /// # Safety
        ///
        /// Only `pin_init!`'s closure, after initialising every field.
        pub unsafe fn new() -> Self {
            InitOk(())
        }
    }

    /// The argument of [`PinnedDrop::drop`](super::PinnedDrop::drop),
    /// which only the `Drop` impl [`pin_data!`](crate::pin_data) writes
    /// can make: safe code cannot call that `drop` by hand.
    pub struct OnlyCallFromDrop(());

    impl OnlyCallFromDrop {
        /// Makes the token.
        ///
        /// # Safety
        ///
        /// Only in `Drop::drop` of the value `PinnedDrop::drop` is then
        /// called on.
        pub unsafe fn new() -> Self {
            OnlyCallFromDrop(())
        }
    }

    /// A struct declared with [`pin_data!`](crate::pin_data).
    ///
    /// # Safety
    ///
    /// `PinData`'s methods initialise each field correctly, with a
    /// `PinInit` only for fields the struct keeps pinned (it is not
    /// `Unpin` unless they are, is not packed, and has no `Drop` but the
    /// one that hands the value, pinned, to `PinnedDrop`).
    pub unsafe trait HasPinData {
        /// The struct's field initialisers.
        type PinData: PinData<Datee = Self>;

        /// The struct's field initialisers.
        fn __pin_data() -> Self::PinData;
    }

    /// The field initialisers of a [`HasPinData`] struct.
    ///
    /// # Safety
    ///
    /// `Datee` is the struct whose fields the methods initialise.
    pub unsafe trait PinData: Copy {
        /// The struct.
        type Datee: ?Sized + HasPinData;

        /// Returns `f`, fixing the type of its argument to the struct.
        fn make_closure<F, E>(self, f: F) -> F
        where
            F: FnOnce(*mut Self::Datee) -> Result<InitOk, E>,
        {
            f
        }
    }

    /// Drops a field in place unless forgotten: undoes a partial
    /// initialisation when a later field fails.
    pub struct DropGuard<T: ?Sized>(*mut T);

    impl<T: ?Sized> DropGuard<T> {
        /// Guards the value at `ptr`.
        ///
        /// # Safety
        ///
        /// `ptr` points to an initialised value that nothing else drops
        /// while the guard lives, and that may be dropped in place.
        pub unsafe fn new(ptr: *mut T) -> Self {
            DropGuard(ptr)
        }
    }

    impl<T: ?Sized> Drop for DropGuard<T> {
        fn drop(&mut self) {
            // SAFETY: `new`'s contract: the value is initialised and ours
            // to drop.
            unsafe { core::ptr::drop_in_place(self.0) }
        }
    }

    /// Type check only: `f` is never called.
    pub fn same_type<T>(_slot: *mut T, _f: impl FnOnce() -> T) {}

    /// The `Err` of an initialiser that cannot fail.
    pub fn unreachable(e: Infallible) -> ! {
        match e {}
    }

    /// Storage for [`stack_pin_init!`](crate::stack_pin_init): drops its
    /// value (if any) when it goes out of scope.
    pub struct StackInit<T> {
        value: MaybeUninit<T>,
        is_init: bool,
        _pin: PhantomPinned,
    }

    impl<T> StackInit<T> {
        /// Empty storage. It must be pinned (`core::pin::pin!`) to be used.
        pub fn uninit() -> Self {
            StackInit {
                value: MaybeUninit::uninit(),
                is_init: false,
                _pin: PhantomPinned,
            }
        }

        /// Runs `init` in the storage (dropping a previous value first).
        pub fn init<E>(self: Pin<&mut Self>, init: impl PinInit<T, E>) -> Result<Pin<&mut T>, E> {
            // SAFETY: nothing below moves the storage out of the pin.
            let this = unsafe { Pin::into_inner_unchecked(self) };
            if this.is_init {
                this.is_init = false;
                // SAFETY: `is_init` said the value was initialised.
                unsafe { this.value.assume_init_drop() };
            }
            // SAFETY: the storage is valid, aligned and only ours; it is
            // pinned (our `self`), and `Drop` drops the value in place.
            unsafe { init.__pinned_init(this.value.as_mut_ptr())? };
            this.is_init = true;
            // SAFETY: initialised just above, and pinned with the storage.
            Ok(unsafe { Pin::new_unchecked(this.value.assume_init_mut()) })
        }
    }

    impl<T> Drop for StackInit<T> {
        fn drop(&mut self) {
            if self.is_init {
                // SAFETY: `is_init` says the value is initialised.
                unsafe { self.value.assume_init_drop() };
            }
        }
    }
}
