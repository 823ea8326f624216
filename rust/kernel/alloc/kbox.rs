// SPDX-License-Identifier: GPL-2.0-only

//! [`Box`]: a value on the heap, allocated with GFP flags by an
//! [`Allocator`]. [`KBox`] is the `kmalloc` one.
//!
//! Unlike `alloc`'s `Box`, every constructor takes [`Flags`] and returns a
//! `Result`.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//!
//! struct Config {
//!     id: u32,
//!     name: [u8; 8],
//! }
//!
//! let mut c = KBox::new(Config { id: 1, name: *b"default\0" }, GFP_KERNEL)?;
//! c.id += 1;
//! assert_eq!(c.id, 2);
//!
//! // Handing it to C and back.
//! let raw = KBox::into_raw(c);
//! // SAFETY: `raw` comes from `KBox::into_raw` and is used once.
//! let c = unsafe { KBox::from_raw(raw) };
//! assert_eq!(&c.name[..7], b"default");
//!
//! // Pinned: the value never moves again.
//! let p = KBox::pin(0u64, GFP_KERNEL)?;
//! assert_eq!(*p, 0);
//! # Ok::<(), Error>(())
//! ```

use super::{AllocError, Allocator, Flags, KVmalloc, Kmalloc, Vmalloc};
use crate::types::ForeignOwnable;
use core::alloc::Layout;
use core::fmt;
use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::ops::{Deref, DerefMut};
use core::pin::Pin;
use core::ptr::{self, NonNull};

/// An owned value on the heap, allocated by `A`.
///
/// Use the aliases: [`KBox`] (`kmalloc`), [`VBox`] (`vmalloc`), [`KVBox`]
/// (`kvmalloc`). The value is dropped and its memory freed when the box
/// is dropped.
pub struct Box<T: ?Sized, A: Allocator> {
    ptr: NonNull<T>,
    _p: PhantomData<(A, T)>,
}

/// A [`Box`] in `kmalloc` memory.
pub type KBox<T> = Box<T, Kmalloc>;
/// A [`Box`] in `vmalloc` memory (process context only).
pub type VBox<T> = Box<T, Vmalloc>;
/// A [`Box`] in `kvmalloc` memory (process context only).
pub type KVBox<T> = Box<T, KVmalloc>;

// SAFETY: a `Box` owns its `T` like a `T` on the stack would; the
// allocator is only a type, with no state.
unsafe impl<T: ?Sized + Send, A: Allocator> Send for Box<T, A> {}
// SAFETY: as above, `&Box<T>` only gives `&T`.
unsafe impl<T: ?Sized + Sync, A: Allocator> Sync for Box<T, A> {}

// Moving the box moves the pointer, never the value.
impl<T: ?Sized, A: Allocator> Unpin for Box<T, A> {}

impl<T, A: Allocator> Box<T, A> {
    /// Moves `x` to a new allocation.
    pub fn new(x: T, flags: Flags) -> Result<Self, AllocError> {
        Ok(Box::write(Box::new_uninit(flags)?, x))
    }

    /// An allocation for a `T`, not yet initialised.
    ///
    /// With [`__GFP_ZERO`](super::flags::__GFP_ZERO) its bytes are zero.
    pub fn new_uninit(flags: Flags) -> Result<Box<MaybeUninit<T>, A>, AllocError> {
        let block = A::alloc(Layout::new::<T>(), flags)?;
        Ok(Box {
            ptr: block.cast(),
            _p: PhantomData,
        })
    }

    /// Moves `x` to a new allocation that is pinned: the value will never
    /// move again, until it is dropped.
    pub fn pin(x: T, flags: Flags) -> Result<Pin<Self>, AllocError> {
        Ok(Box::into_pin(Box::new(x, flags)?))
    }

    /// Moves the value out and frees the allocation.
    pub fn into_inner(b: Self) -> T {
        let b = ManuallyDrop::new(b);
        // SAFETY: the value is initialised; it is read once, and the box's
        // `Drop` will not run.
        let x = unsafe { ptr::read(b.ptr.as_ptr()) };
        // SAFETY: the block was allocated by `A` for this layout; the value
        // has been moved out.
        unsafe { A::free(b.ptr.cast(), Layout::new::<T>()) };
        x
    }
}

impl<T: ?Sized, A: Allocator> Box<T, A> {
    /// Gives up ownership: returns the pointer, to be turned back into a
    /// box by [`Box::from_raw`] (or the value leaks).
    pub fn into_raw(b: Self) -> *mut T {
        ManuallyDrop::new(b).ptr.as_ptr()
    }

    /// Takes ownership of a pointer from [`Box::into_raw`].
    ///
    /// # Safety
    ///
    /// `raw` was returned by `Box::<T, A>::into_raw` (same `T` and `A`)
    /// and is not owned by anything else: each pointer goes back into a
    /// box once.
    pub unsafe fn from_raw(raw: *mut T) -> Self {
        Box {
            // SAFETY: `into_raw` returns the non-null pointer of a box.
            ptr: unsafe { NonNull::new_unchecked(raw) },
            _p: PhantomData,
        }
    }

    /// Leaks the box: the value lives, and its memory stays allocated,
    /// for the rest of the kernel's life.
    pub fn leak<'a>(b: Self) -> &'a mut T
    where
        T: 'a,
    {
        // SAFETY: the pointer is valid, exclusively owned, and never freed.
        unsafe { &mut *Box::into_raw(b) }
    }

    /// Pins the box: the value will never move again.
    pub fn into_pin(b: Self) -> Pin<Self> {
        // SAFETY: the value is on the heap and only reachable through the
        // box; `Pin` never hands out `&mut` to it for `!Unpin` types, so
        // it cannot be moved out until it is dropped in place.
        unsafe { Pin::new_unchecked(b) }
    }
}

impl<T, A: Allocator> Box<MaybeUninit<T>, A> {
    /// Initialises the value with `x`.
    pub fn write(mut b: Self, x: T) -> Box<T, A> {
        (*b).write(x);
        // SAFETY: just initialised.
        unsafe { Box::assume_init(b) }
    }

    /// Asserts that the value has been initialised.
    ///
    /// # Safety
    ///
    /// The value is initialised (e.g. written, or allocated with
    /// `__GFP_ZERO` for a type for which all-zero bytes are valid).
    pub unsafe fn assume_init(b: Self) -> Box<T, A> {
        let raw = Box::into_raw(b);
        Box {
            // SAFETY: from a box, so not null; `MaybeUninit<T>` has the
            // layout of `T` and the caller guarantees it is initialised.
            ptr: unsafe { NonNull::new_unchecked(raw.cast::<T>()) },
            _p: PhantomData,
        }
    }
}

impl<T: ?Sized, A: Allocator> From<Box<T, A>> for Pin<Box<T, A>> {
    fn from(b: Box<T, A>) -> Self {
        Box::into_pin(b)
    }
}

impl<T: ?Sized, A: Allocator> Deref for Box<T, A> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the box owns a valid, initialised value.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T: ?Sized, A: Allocator> DerefMut for Box<T, A> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the box owns a valid, initialised value, and `&mut self`
        // makes this access exclusive.
        unsafe { self.ptr.as_mut() }
    }
}

impl<T: ?Sized, A: Allocator> AsRef<T> for Box<T, A> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T: ?Sized, A: Allocator> AsMut<T> for Box<T, A> {
    fn as_mut(&mut self) -> &mut T {
        self
    }
}

impl<T: ?Sized + fmt::Debug, A: Allocator> fmt::Debug for Box<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: ?Sized + fmt::Display, A: Allocator> fmt::Display for Box<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl<T: ?Sized + PartialEq, A: Allocator> PartialEq for Box<T, A> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: ?Sized, A: Allocator> Drop for Box<T, A> {
    fn drop(&mut self) {
        let layout = Layout::for_value::<T>(self);
        // SAFETY: the value is valid and owned; it is dropped once.
        unsafe { ptr::drop_in_place(self.ptr.as_ptr()) };
        // SAFETY: the block was allocated by `A` for this layout, and the
        // value in it is gone.
        unsafe { A::free(self.ptr.cast(), layout) };
    }
}

impl<T: 'static, A: Allocator> ForeignOwnable for Box<T, A> {
    type Borrowed<'a> = &'a T;
    type BorrowedMut<'a> = &'a mut T;

    fn into_foreign(self) -> *mut ffi::c_void {
        Box::into_raw(self).cast()
    }

    unsafe fn from_foreign(ptr: *mut ffi::c_void) -> Self {
        // SAFETY: `ptr` came from `into_foreign`, i.e. `into_raw`, and is
        // given back once, as the caller guarantees.
        unsafe { Box::from_raw(ptr.cast()) }
    }

    unsafe fn borrow<'a>(ptr: *mut ffi::c_void) -> &'a T {
        // SAFETY: `ptr` came from `into_foreign` and the box is not taken
        // back (nor mutably borrowed) during 'a, as the caller guarantees.
        unsafe { &*ptr.cast::<T>() }
    }

    unsafe fn borrow_mut<'a>(ptr: *mut ffi::c_void) -> &'a mut T {
        // SAFETY: as above, and no other borrow exists during 'a.
        unsafe { &mut *ptr.cast::<T>() }
    }
}

impl<T: 'static, A: Allocator> ForeignOwnable for Pin<Box<T, A>> {
    type Borrowed<'a> = Pin<&'a T>;
    type BorrowedMut<'a> = Pin<&'a mut T>;

    fn into_foreign(self) -> *mut ffi::c_void {
        // SAFETY: the pointer stays pinned: it only comes back as a
        // `Pin<Box<T>>` or pinned references.
        Box::into_raw(unsafe { Pin::into_inner_unchecked(self) }).cast()
    }

    unsafe fn from_foreign(ptr: *mut ffi::c_void) -> Self {
        // SAFETY: `ptr` came from `into_foreign`, i.e. from a pinned box,
        // and is given back once, as the caller guarantees.
        unsafe { Pin::new_unchecked(Box::from_raw(ptr.cast())) }
    }

    unsafe fn borrow<'a>(ptr: *mut ffi::c_void) -> Pin<&'a T> {
        // SAFETY: `ptr` came from a pinned box that outlives 'a and is not
        // mutably borrowed meanwhile, as the caller guarantees.
        unsafe { Pin::new_unchecked(&*ptr.cast::<T>()) }
    }

    unsafe fn borrow_mut<'a>(ptr: *mut ffi::c_void) -> Pin<&'a mut T> {
        // SAFETY: as above, and no other borrow exists during 'a.
        unsafe { Pin::new_unchecked(&mut *ptr.cast::<T>()) }
    }
}
