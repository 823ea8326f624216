// SPDX-License-Identifier: GPL-2.0-only

//! `make rustmacrocheck`: must NOT compile. `#[vtable]` passes the impl
//! body through with its spans, so `-Funsafe_code` rejects the `unsafe`.
// expect: usage of an `unsafe` block

#![no_std]

/// A `#[vtable]` trait.
#[kernel::vtable]
pub trait Ops {
    /// Reads.
    fn read(&self) -> u8;
}

/// An implementation.
pub struct Impl;

#[kernel::vtable]
impl Ops for Impl {
    fn read(&self) -> u8 {
        let x = 1u8;
        // SAFETY: none; this must be refused.
        unsafe { core::ptr::read(&x) }
    }
}
