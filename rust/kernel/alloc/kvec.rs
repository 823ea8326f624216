// SPDX-License-Identifier: GPL-2.0-only

//! [`Vec`]: a growable array whose every allocation takes GFP flags and
//! can fail. [`KVec`] is the `kmalloc` one.
//!
//! It dereferences to a slice, so everything slices do (indexing,
//! `iter()`, `len()`, sorting...) works on it; what grows it takes
//! [`Flags`] and returns `Result<_, AllocError>`. A vector that fails to
//! grow is left as it was.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//!
//! let mut v = KVec::with_capacity(4, GFP_KERNEL)?;
//! for i in 0..10u32 {
//!     v.push(i * i, GFP_KERNEL)?;
//! }
//! assert_eq!(v.len(), 10);
//! assert_eq!(v[3], 9);
//! assert_eq!(v.iter().filter(|&&x| x % 2 == 0).count(), 5);
//!
//! v.truncate(3);
//! v.extend_from_slice(&[100, 200], GFP_KERNEL)?;
//! assert_eq!(v.as_slice(), &[0, 1, 4, 100, 200]);
//! assert_eq!(v.pop(), Some(200));
//!
//! let mut sum = 0;
//! for x in v {
//!     sum += x;
//! }
//! assert_eq!(sum, 105);
//! # Ok::<(), Error>(())
//! ```

use super::{AllocError, Allocator, Flags, KVmalloc, Kmalloc, Vmalloc};
use core::alloc::Layout;
use core::fmt;
use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::ops::{Deref, DerefMut};
use core::ptr::{self, NonNull};
use core::slice;

/// A contiguous growable array, allocated by `A`.
///
/// Use the aliases: [`KVec`] (`kmalloc`), [`VVec`] (`vmalloc`), [`KVVec`]
/// (`kvmalloc`).
pub struct Vec<T, A: Allocator> {
    ptr: NonNull<T>,
    /// Elements the allocation can hold (`usize::MAX` for zero-sized `T`,
    /// which never allocates).
    cap: usize,
    len: usize,
    _p: PhantomData<(A, T)>,
}

/// A [`Vec`] in `kmalloc` memory.
pub type KVec<T> = Vec<T, Kmalloc>;
/// A [`Vec`] in `vmalloc` memory (process context only).
pub type VVec<T> = Vec<T, Vmalloc>;
/// A [`Vec`] in `kvmalloc` memory (process context only).
pub type KVVec<T> = Vec<T, KVmalloc>;

// SAFETY: a `Vec` owns its elements like an array of them would; the
// allocator is only a type, with no state.
unsafe impl<T: Send, A: Allocator> Send for Vec<T, A> {}
// SAFETY: as above, `&Vec<T>` only gives `&[T]`.
unsafe impl<T: Sync, A: Allocator> Sync for Vec<T, A> {}

impl<T, A: Allocator> Vec<T, A> {
    const IS_ZST: bool = size_of::<T>() == 0;

    /// An empty vector; allocates nothing until it grows.
    pub const fn new() -> Self {
        Vec {
            ptr: NonNull::dangling(),
            cap: if Self::IS_ZST { usize::MAX } else { 0 },
            len: 0,
            _p: PhantomData,
        }
    }

    /// An empty vector with room for at least `capacity` elements.
    pub fn with_capacity(capacity: usize, flags: Flags) -> Result<Self, AllocError> {
        let mut v = Self::new();
        v.reserve(capacity, flags)?;
        Ok(v)
    }

    /// A vector of `n` clones of `value`.
    pub fn from_elem(value: T, n: usize, flags: Flags) -> Result<Self, AllocError>
    where
        T: Clone,
    {
        let mut v = Self::with_capacity(n, flags)?;
        v.extend_with(n, value, flags)?;
        Ok(v)
    }

    /// The number of elements.
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many elements fit without reallocating.
    pub const fn capacity(&self) -> usize {
        self.cap
    }

    /// The elements, as a slice.
    pub fn as_slice(&self) -> &[T] {
        self
    }

    /// The elements, as a mutable slice.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        self
    }

    /// A pointer to the first element (dangling if nothing is allocated).
    pub const fn as_ptr(&self) -> *const T {
        self.ptr.as_ptr()
    }

    /// A mutable pointer to the first element (dangling if nothing is
    /// allocated).
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr.as_ptr()
    }

    /// The unused capacity: room after the last element, for writing new
    /// elements before [`Vec::set_len`].
    pub fn spare_capacity_mut(&mut self) -> &mut [MaybeUninit<T>] {
        // SAFETY: `len <= cap`, the allocation holds `cap` elements, and
        // `&mut self` makes the access exclusive; `MaybeUninit` needs no
        // initialisation.
        unsafe {
            slice::from_raw_parts_mut(
                self.ptr.as_ptr().add(self.len).cast::<MaybeUninit<T>>(),
                self.cap - self.len,
            )
        }
    }

    /// Sets the number of elements.
    ///
    /// # Safety
    ///
    /// `new_len <= capacity()`, and the elements up to `new_len` are
    /// initialised. Elements beyond `new_len` are forgotten, not dropped.
    pub unsafe fn set_len(&mut self, new_len: usize) {
        self.len = new_len;
    }

    /// Makes room for at least `additional` more elements.
    ///
    /// On failure, the vector is unchanged. With
    /// [`__GFP_ZERO`](super::flags::__GFP_ZERO) the new capacity is
    /// zeroed.
    pub fn reserve(&mut self, additional: usize, flags: Flags) -> Result<(), AllocError> {
        let needed = self.len.checked_add(additional).ok_or(AllocError)?;
        if needed <= self.cap {
            return Ok(());
        }
        // Grow geometrically, and not by tiny steps.
        let min = if size_of::<T>() <= 1024 { 4 } else { 1 };
        let new_cap = needed.max(self.cap.saturating_mul(2)).max(min);
        let layout = Layout::array::<T>(new_cap)
            .or_else(|_| Layout::array::<T>(needed))
            .map_err(|_| AllocError)?;
        self.realloc(layout, flags)
    }

    /// Reallocates to `layout` (an array layout of `T`).
    fn realloc(&mut self, layout: Layout, flags: Flags) -> Result<(), AllocError> {
        let old_layout = self.layout();
        let old = if old_layout.size() == 0 {
            None
        } else {
            Some(self.ptr.cast::<u8>())
        };
        // SAFETY: `old` is None or this vector's live block, allocated by
        // `A` for `old_layout`, with the same alignment; on success it is
        // replaced below and never used again.
        let block = unsafe { A::realloc(old, layout, old_layout, flags)? };
        self.ptr = block.cast();
        self.cap = layout.size() / size_of::<T>();
        Ok(())
    }

    /// The layout of the current allocation.
    fn layout(&self) -> Layout {
        if Self::IS_ZST {
            return Layout::new::<T>();
        }
        // `cap` elements were allocated, so the layout exists.
        Layout::array::<T>(self.cap).unwrap_or(Layout::new::<()>())
    }

    /// Gives back unused capacity, keeping room for the elements.
    pub fn shrink_to_fit(&mut self, flags: Flags) -> Result<(), AllocError> {
        if Self::IS_ZST || self.cap == self.len {
            return Ok(());
        }
        let layout = Layout::array::<T>(self.len).map_err(|_| AllocError)?;
        self.realloc(layout, flags)
    }

    /// Appends `x`, growing the allocation if needed.
    pub fn push(&mut self, x: T, flags: Flags) -> Result<(), AllocError> {
        self.reserve(1, flags)?;
        self.push_within_capacity(x).map_err(|_| AllocError)
    }

    /// Appends `x` if there is room, never allocating; gives `x` back if
    /// there is not.
    pub fn push_within_capacity(&mut self, x: T) -> Result<(), T> {
        if self.len == self.cap {
            return Err(x);
        }
        // SAFETY: `len < cap`: the slot is inside the allocation and free.
        unsafe { self.ptr.as_ptr().add(self.len).write(x) };
        self.len += 1;
        Ok(())
    }

    /// Removes and returns the last element.
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the element at the old `len - 1` is initialised and, no
        // longer counted, is read once.
        Some(unsafe { self.ptr.as_ptr().add(self.len).read() })
    }

    /// Inserts `x` at `index`, moving the later elements up.
    ///
    /// Fails with `EINVAL` if `index > len()` and with `ENOMEM` if the
    /// vector cannot grow (`x` is then dropped).
    pub fn insert(&mut self, index: usize, x: T, flags: Flags) -> crate::error::Result {
        if index > self.len {
            return Err(crate::error::code::EINVAL);
        }
        self.reserve(1, flags)?;
        // SAFETY: `index <= len < cap`: the move stays inside the
        // allocation, and the slot at `index` is then overwritten.
        unsafe {
            let p = self.ptr.as_ptr().add(index);
            ptr::copy(p, p.add(1), self.len - index);
            p.write(x);
        }
        self.len += 1;
        Ok(())
    }

    /// Removes and returns the element at `index`, moving the later ones
    /// down; `None` if `index` is out of bounds.
    pub fn remove(&mut self, index: usize) -> Option<T> {
        if index >= self.len {
            return None;
        }
        // SAFETY: `index < len`: the element is read once, and the later
        // elements are moved over it inside the allocation.
        let x = unsafe {
            let p = self.ptr.as_ptr().add(index);
            let x = p.read();
            ptr::copy(p.add(1), p, self.len - index - 1);
            x
        };
        self.len -= 1;
        Some(x)
    }

    /// Removes and returns the element at `index`, replacing it with the
    /// last one; `None` if `index` is out of bounds.
    pub fn swap_remove(&mut self, index: usize) -> Option<T> {
        if index >= self.len {
            return None;
        }
        let last = self.len - 1;
        self.as_mut_slice().swap(index, last);
        self.pop()
    }

    /// Drops the elements from `len` on; nothing happens if there are
    /// fewer.
    pub fn truncate(&mut self, len: usize) {
        if len >= self.len {
            return;
        }
        let tail = ptr::slice_from_raw_parts_mut(
            // In bounds: `len < self.len`.
            self.ptr.as_ptr().wrapping_add(len),
            self.len - len,
        );
        // Forget them first: if a destructor panics, none is dropped twice.
        self.len = len;
        // SAFETY: the tail elements are initialised, no longer counted, and
        // dropped once.
        unsafe { ptr::drop_in_place(tail) };
    }

    /// Drops every element, keeping the allocation.
    #[inline]
    pub fn clear(&mut self) {
        if !core::mem::needs_drop::<T>() {
            // Nothing to drop: no need to look at the old length.
            self.len = 0;
            return;
        }
        self.truncate(0);
    }

    /// Keeps only the elements for which `f` returns true, in order.
    pub fn retain(&mut self, mut f: impl FnMut(&T) -> bool) {
        let mut kept = 0;
        let len = self.len;
        // Elements are forgotten while they are shuffled, so a panic in
        // `f` leaks them instead of dropping any twice.
        self.len = 0;
        for i in 0..len {
            // SAFETY: `i < len`: an initialised element not yet moved.
            let p = unsafe { self.ptr.as_ptr().add(i) };
            // SAFETY: as above.
            if f(unsafe { &*p }) {
                if i != kept {
                    // SAFETY: `kept < i`: the element moves down into a
                    // slot already moved out or dropped.
                    unsafe { ptr::copy_nonoverlapping(p, self.ptr.as_ptr().add(kept), 1) };
                }
                kept += 1;
            } else {
                // SAFETY: the element is initialised and dropped once.
                unsafe { ptr::drop_in_place(p) };
            }
        }
        self.len = kept;
    }

    /// Appends clones of the elements of `other`.
    pub fn extend_from_slice(&mut self, other: &[T], flags: Flags) -> Result<(), AllocError>
    where
        T: Clone,
    {
        self.reserve(other.len(), flags)?;
        for x in other {
            // Room was reserved above.
            self.push_within_capacity(x.clone())
                .map_err(|_| AllocError)?;
        }
        Ok(())
    }

    /// Appends `n` clones of `value`.
    pub fn extend_with(&mut self, n: usize, value: T, flags: Flags) -> Result<(), AllocError>
    where
        T: Clone,
    {
        if n == 0 {
            return Ok(());
        }
        self.reserve(n, flags)?;
        for _ in 1..n {
            self.push_within_capacity(value.clone())
                .map_err(|_| AllocError)?;
        }
        self.push_within_capacity(value).map_err(|_| AllocError)
    }

    /// Takes the vector apart: the pointer, the length and the capacity,
    /// for [`Vec::from_raw_parts`].
    pub fn into_raw_parts(self) -> (*mut T, usize, usize) {
        let v = ManuallyDrop::new(self);
        (v.ptr.as_ptr(), v.len, v.cap)
    }

    /// Puts a vector back together from [`Vec::into_raw_parts`].
    ///
    /// # Safety
    ///
    /// The parts come from `Vec::<T, A>::into_raw_parts` (same `T` and
    /// `A`), unchanged, or the length was lowered with its elements
    /// dropped; each set of parts is used once.
    pub unsafe fn from_raw_parts(ptr: *mut T, len: usize, cap: usize) -> Self {
        Vec {
            // SAFETY: the vector's pointer is never null.
            ptr: unsafe { NonNull::new_unchecked(ptr) },
            cap,
            len,
            _p: PhantomData,
        }
    }
}

impl<T, A: Allocator> Default for Vec<T, A> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T, A: Allocator> Drop for Vec<T, A> {
    fn drop(&mut self) {
        self.clear();
        if !Self::IS_ZST && self.cap != 0 {
            // SAFETY: the block was allocated by `A` for this layout; its
            // elements are gone.
            unsafe { A::free(self.ptr.cast(), self.layout()) };
        }
    }
}

impl<T, A: Allocator> Deref for Vec<T, A> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        // SAFETY: the first `len` elements are initialised; the pointer is
        // aligned and non-null even when nothing is allocated.
        unsafe { slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T, A: Allocator> DerefMut for Vec<T, A> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as above, and `&mut self` makes the access exclusive.
        unsafe { slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl<T, A: Allocator> AsRef<[T]> for Vec<T, A> {
    fn as_ref(&self) -> &[T] {
        self
    }
}

impl<T, A: Allocator> AsMut<[T]> for Vec<T, A> {
    fn as_mut(&mut self) -> &mut [T] {
        self
    }
}

impl<T: fmt::Debug, A: Allocator> fmt::Debug for Vec<T, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: PartialEq, A: Allocator, B: Allocator> PartialEq<Vec<T, B>> for Vec<T, A> {
    fn eq(&self, other: &Vec<T, B>) -> bool {
        **self == **other
    }
}

impl<T: PartialEq, A: Allocator> PartialEq<[T]> for Vec<T, A> {
    fn eq(&self, other: &[T]) -> bool {
        **self == *other
    }
}

impl<T: PartialEq, A: Allocator, const N: usize> PartialEq<[T; N]> for Vec<T, A> {
    fn eq(&self, other: &[T; N]) -> bool {
        **self == other[..]
    }
}

impl<'a, T, A: Allocator> IntoIterator for &'a Vec<T, A> {
    type Item = &'a T;
    type IntoIter = slice::Iter<'a, T>;

    fn into_iter(self) -> slice::Iter<'a, T> {
        self.iter()
    }
}

impl<'a, T, A: Allocator> IntoIterator for &'a mut Vec<T, A> {
    type Item = &'a mut T;
    type IntoIter = slice::IterMut<'a, T>;

    fn into_iter(self) -> slice::IterMut<'a, T> {
        self.iter_mut()
    }
}

impl<T, A: Allocator> IntoIterator for Vec<T, A> {
    type Item = T;
    type IntoIter = IntoIter<T, A>;

    fn into_iter(self) -> IntoIter<T, A> {
        let (ptr, len, cap) = self.into_raw_parts();
        IntoIter {
            // SAFETY: the parts come from `into_raw_parts` just above.
            vec: unsafe { Vec::from_raw_parts(ptr, 0, cap) },
            next: 0,
            end: len,
        }
    }
}

/// The iterator that moves the elements out of a [`Vec`]; what is not
/// taken is dropped with it.
pub struct IntoIter<T, A: Allocator> {
    /// Owns the allocation, with length 0: the elements `next..end` are
    /// initialised and owned by the iterator.
    vec: Vec<T, A>,
    next: usize,
    end: usize,
}

impl<T, A: Allocator> IntoIter<T, A> {
    /// The elements not taken yet.
    pub fn as_slice(&self) -> &[T] {
        // SAFETY: `next..end` are initialised elements inside the
        // allocation.
        unsafe { slice::from_raw_parts(self.vec.as_ptr().add(self.next), self.end - self.next) }
    }
}

impl<T, A: Allocator> Iterator for IntoIter<T, A> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.next == self.end {
            return None;
        }
        // SAFETY: `next < end`: an initialised element, read once.
        let x = unsafe { self.vec.as_ptr().add(self.next).read() };
        self.next += 1;
        Some(x)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }
}

impl<T, A: Allocator> DoubleEndedIterator for IntoIter<T, A> {
    fn next_back(&mut self) -> Option<T> {
        if self.next == self.end {
            return None;
        }
        self.end -= 1;
        // SAFETY: the element at the old `end - 1` is initialised and read
        // once.
        Some(unsafe { self.vec.as_ptr().add(self.end).read() })
    }
}

impl<T, A: Allocator> ExactSizeIterator for IntoIter<T, A> {}

impl<T, A: Allocator> Drop for IntoIter<T, A> {
    fn drop(&mut self) {
        let rest = ptr::slice_from_raw_parts_mut(
            self.vec.as_mut_ptr().wrapping_add(self.next),
            self.end - self.next,
        );
        // SAFETY: the elements not taken are initialised and dropped once;
        // `vec` then frees the allocation (its length is 0).
        unsafe { ptr::drop_in_place(rest) };
    }
}
