// SPDX-License-Identifier: GPL-2.0-only

//! Types that may be built from, or seen as, plain bytes.
//!
//! Copying a value to or from user space (or any untyped buffer) is only
//! sound for types without padding, pointers or invalid bit patterns: a
//! `u64` may be read from any 8 bytes, a `bool` or a reference may not.
//! [`FromBytes`] and [`AsBytes`] mark such types; [`UserSliceReader::read`]
//! and [`UserSliceWriter::write`] require them.
//!
//! [`UserSliceReader::read`]: crate::uaccess::UserSliceReader::read
//! [`UserSliceWriter::write`]: crate::uaccess::UserSliceWriter::write
//!
//! # Examples
//!
//! ```
//! use kernel::transmute::{AsBytes, FromBytes};
//!
//! let v = 0x0102_0304u32;
//! assert_eq!(v.as_bytes(), &[4, 3, 2, 1]); // x86-64 is little-endian
//! assert_eq!(u16::from_bytes(&[0x34, 0x12]), Some(0x1234));
//! assert_eq!(u16::from_bytes(&[1, 2, 3]), None); // wrong size
//! let pair: [u8; 2] = [9, 8];
//! assert_eq!(<[u8; 2]>::from_bytes(pair.as_bytes()), Some([9, 8]));
//! ```

use core::mem::{size_of, size_of_val, MaybeUninit};

/// A type for which every bit pattern of its size is a valid value.
///
/// # Safety
///
/// Any `size_of::<Self>()` initialised bytes are a valid `Self`: no
/// padding requirement, no pointer, no enum or `bool` niche.
pub unsafe trait FromBytes: Sized {
    /// The value whose bytes are `bytes`, if there are exactly
    /// `size_of::<Self>()` of them.
    fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != size_of::<Self>() {
            return None;
        }
        let mut v = MaybeUninit::<Self>::uninit();
        // SAFETY: both ranges are `size_of::<Self>()` bytes and distinct
        // (one is a fresh local); any such bytes are a valid `Self` (the
        // trait's promise).
        unsafe {
            core::ptr::copy_nonoverlapping(
                bytes.as_ptr(),
                v.as_mut_ptr().cast::<u8>(),
                bytes.len(),
            );
            Some(v.assume_init())
        }
    }
}

/// A type whose every byte is initialised, so it can be seen as `[u8]`.
///
/// # Safety
///
/// A `Self` has no padding and no uninitialised byte (and no interior
/// mutability, so the bytes do not change while borrowed).
pub unsafe trait AsBytes {
    /// The value's bytes, in memory order.
    fn as_bytes(&self) -> &[u8] {
        let len = size_of_val(self);
        // SAFETY: `self` is `len` initialised bytes (the trait's promise),
        // borrowed for as long as the result.
        unsafe { core::slice::from_raw_parts((self as *const Self).cast::<u8>(), len) }
    }
}

macro_rules! impl_plain {
    ($($t:ty),*) => {
        $(
            // SAFETY: an integer has no padding, and every bit pattern is
            // a valid value.
            unsafe impl FromBytes for $t {}
            // SAFETY: as above: every byte is initialised.
            unsafe impl AsBytes for $t {}
        )*
    };
}

impl_plain!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

// SAFETY: an array of `FromBytes` has no padding between elements (its
// size is `N * size_of::<T>()`), and each element accepts any bytes.
unsafe impl<T: FromBytes, const N: usize> FromBytes for [T; N] {}
// SAFETY: as above: the elements are contiguous and fully initialised.
unsafe impl<T: AsBytes, const N: usize> AsBytes for [T; N] {}
// SAFETY: the elements of a slice are contiguous and fully initialised.
unsafe impl<T: AsBytes> AsBytes for [T] {}
