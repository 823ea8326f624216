// SPDX-License-Identifier: GPL-2.0-only

//! `make rustmacrocheck`: must NOT compile. The impl forgets `#[vtable]`,
//! so its `HAS_` constants keep the trait's defaults, which must fail to
//! evaluate with a message that says what to add. The `const _` reads
//! one, as an abstraction building its C table would.
// expect: an impl of `Ops` lacks #[vtable]: add #[vtable]

#![no_std]

/// A `#[vtable]` trait.
#[kernel::vtable]
pub trait Ops {
    /// Provided.
    fn read(&self) -> u8 {
        0
    }
}

/// An implementation.
pub struct Impl;

impl Ops for Impl {
    fn read(&self) -> u8 {
        1
    }
}

const _: bool = <Impl as Ops>::HAS_READ;
