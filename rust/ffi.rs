// SPDX-License-Identifier: GPL-2.0-only

//! C types as the Ferrite kernel's C code sees them.
//!
//! `core::ffi` describes the C types of the *target's* usual C ABI. The
//! kernel is compiled with its own flags, which can differ: most visibly
//! `-funsigned-char`, which makes plain `char` unsigned on every
//! architecture. Rust code that talks to C (the generated `bindings` crate
//! included) must use these aliases, never `core::ffi`'s.
//!
//! All supported architectures are LP64: `long` and pointers are 64 bits,
//! `int` is 32 bits.

#![no_std]

macro_rules! c_types {
    ($($(#[$meta:meta])* $name:ident = $ty:ty;)*) => {
        $(
            $(#[$meta])*
            #[allow(non_camel_case_types)]
            pub type $name = $ty;
        )*
    };
}

c_types! {
    /// C `char`: unsigned, because the kernel builds with `-funsigned-char`.
    c_char = u8;
    /// C `signed char`.
    c_schar = i8;
    /// C `unsigned char`.
    c_uchar = u8;
    /// C `short`.
    c_short = i16;
    /// C `unsigned short`.
    c_ushort = u16;
    /// C `int`.
    c_int = i32;
    /// C `unsigned int`.
    c_uint = u32;
    /// C `long`: as wide as a pointer in the kernel, so `isize`.
    c_long = isize;
    /// C `unsigned long`: as wide as a pointer in the kernel, so `usize`.
    c_ulong = usize;
    /// C `long long`.
    c_longlong = i64;
    /// C `unsigned long long`.
    c_ulonglong = u64;
    /// C `size_t`.
    c_size_t = usize;
    /// C `ssize_t`.
    c_ssize_t = isize;
    /// C `ptrdiff_t`.
    c_ptrdiff_t = isize;
}

pub use core::ffi::c_void;
