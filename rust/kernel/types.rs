// SPDX-License-Identifier: GPL-2.0-only

//! Types used by the abstractions to describe C data and ownership.
//!
//! # Examples
//!
//! ```
//! use kernel::types::Opaque;
//!
//! // A C object Rust never reads directly: only C functions touch it.
//! let slot: Opaque<u64> = Opaque::uninit();
//! assert!(!slot.get().is_null());
//! ```

use core::cell::UnsafeCell;
use core::mem::MaybeUninit;

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
}
