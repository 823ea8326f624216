// SPDX-License-Identifier: GPL-2.0-only

//! `ioctl` command numbers, encoded as Linux does.
//!
//! A command is a `u32` made of four fields (the generic layout, which
//! x86-64, arm64, riscv64 and arm use; `include/uapi/asm-generic/ioctl.h`):
//!
//! ```text
//!  31  30 29                 16 15        8 7          0
//! +------+---------------------+-----------+------------+
//! | dir  |        size         |   type    |     nr     |
//! +------+---------------------+-----------+------------+
//! ```
//!
//! - `dir`: what the argument does: [`_IOC_NONE`] (no data), [`_IOC_WRITE`]
//!   (user space writes it, the driver reads it), [`_IOC_READ`] (the driver
//!   writes it for user space to read), or both;
//! - `size`: the size of the argument type (14 bits, so below 16 KiB);
//! - `type`: the driver's "magic" character, e.g. `b'e'`;
//! - `nr`: the command's number within the driver.
//!
//! powerpc gives `dir` 3 bits and `size` 13, and `_IOC_NONE` a bit of its
//! own: the field widths and directions come from the architecture's
//! `asm/ioctl.h`, through the `uapi` crate, so they always match the C
//! macros.
//!
//! The functions are `const`, so command numbers are constants usable as
//! `match` patterns. An argument type too large for the `size` field is a
//! build error.
//!
//! # Examples
//!
//! ```
//! use kernel::ioctl::*;
//!
//! const ECHO_CLEAR: u32 = _IO(b'e', 0);
//! const ECHO_GET_LEN: u32 = _IOR::<u64>(b'e', 1);
//!
//! // The numbers of the driver's C header (include/uapi/linux/echo_dev.h).
//! assert_eq!(ECHO_CLEAR, kernel::uapi::ECHO_CLEAR);
//! assert_eq!(ECHO_GET_LEN, kernel::uapi::ECHO_GET_LEN);
//! assert_eq!(_IOC_DIR(ECHO_GET_LEN), _IOC_READ);
//! assert_eq!(_IOC_TYPE(ECHO_GET_LEN), u32::from(b'e'));
//! assert_eq!(_IOC_NR(ECHO_GET_LEN), 1);
//! assert_eq!(_IOC_SIZE(ECHO_GET_LEN), 8);
//!
//! fn dispatch(cmd: u32) -> &'static str {
//!     match cmd {
//!         ECHO_CLEAR => "clear",
//!         ECHO_GET_LEN => "get length",
//!         _ => "unknown",
//!     }
//! }
//! assert_eq!(dispatch(kernel::uapi::ECHO_CLEAR), "clear");
//! ```

#![allow(non_snake_case)]

use core::mem::size_of;

/// Bits of the `nr` field.
pub const _IOC_NRBITS: u32 = 8;
/// Bits of the `type` field.
pub const _IOC_TYPEBITS: u32 = 8;
/// Bits of the `size` field (the architecture's: 14, or 13 on powerpc).
pub const _IOC_SIZEBITS: u32 = uapi::_IOC_SIZEBITS;
/// Bits of the `dir` field (2, or 3 on powerpc).
pub const _IOC_DIRBITS: u32 = uapi::_IOC_DIRBITS;

/// Mask of the `nr` field (after shifting).
pub const _IOC_NRMASK: u32 = (1 << _IOC_NRBITS) - 1;
/// Mask of the `type` field (after shifting).
pub const _IOC_TYPEMASK: u32 = (1 << _IOC_TYPEBITS) - 1;
/// Mask of the `size` field (after shifting).
pub const _IOC_SIZEMASK: u32 = (1 << _IOC_SIZEBITS) - 1;
/// Mask of the `dir` field (after shifting).
pub const _IOC_DIRMASK: u32 = (1 << _IOC_DIRBITS) - 1;

/// Where the `nr` field starts.
pub const _IOC_NRSHIFT: u32 = 0;
/// Where the `type` field starts.
pub const _IOC_TYPESHIFT: u32 = _IOC_NRSHIFT + _IOC_NRBITS;
/// Where the `size` field starts.
pub const _IOC_SIZESHIFT: u32 = _IOC_TYPESHIFT + _IOC_TYPEBITS;
/// Where the `dir` field starts.
pub const _IOC_DIRSHIFT: u32 = _IOC_SIZESHIFT + _IOC_SIZEBITS;

/// No data transferred.
pub const _IOC_NONE: u32 = uapi::_IOC_NONE;
/// User space writes the argument; the driver reads it.
pub const _IOC_WRITE: u32 = uapi::_IOC_WRITE;
/// The driver writes the argument; user space reads it.
pub const _IOC_READ: u32 = uapi::_IOC_READ;

/// Builds a command from its four fields. Each is masked to its width,
/// except `size`, which must fit.
///
/// # Panics
///
/// If `size` does not fit in the `size` field; in a constant (the usual
/// use) that is a build error instead.
#[inline(always)]
pub const fn _IOC(dir: u32, ty: u8, nr: u8, size: usize) -> u32 {
    assert!(size <= _IOC_SIZEMASK as usize, "ioctl argument too large");
    ((dir & _IOC_DIRMASK) << _IOC_DIRSHIFT)
        | ((ty as u32) << _IOC_TYPESHIFT)
        | ((nr as u32) << _IOC_NRSHIFT)
        | ((size as u32) << _IOC_SIZESHIFT)
}

/// A command without an argument.
#[inline(always)]
pub const fn _IO(ty: u8, nr: u8) -> u32 {
    _IOC(_IOC_NONE, ty, nr, 0)
}

/// A command whose argument points to a `T` the driver writes.
#[inline(always)]
pub const fn _IOR<T>(ty: u8, nr: u8) -> u32 {
    _IOC(_IOC_READ, ty, nr, size_of::<T>())
}

/// A command whose argument points to a `T` the driver reads.
#[inline(always)]
pub const fn _IOW<T>(ty: u8, nr: u8) -> u32 {
    _IOC(_IOC_WRITE, ty, nr, size_of::<T>())
}

/// A command whose argument points to a `T` the driver reads and writes.
#[inline(always)]
pub const fn _IOWR<T>(ty: u8, nr: u8) -> u32 {
    _IOC(_IOC_READ | _IOC_WRITE, ty, nr, size_of::<T>())
}

/// The `dir` field of a command.
#[inline(always)]
pub const fn _IOC_DIR(cmd: u32) -> u32 {
    (cmd >> _IOC_DIRSHIFT) & _IOC_DIRMASK
}

/// The `type` field of a command.
#[inline(always)]
pub const fn _IOC_TYPE(cmd: u32) -> u32 {
    (cmd >> _IOC_TYPESHIFT) & _IOC_TYPEMASK
}

/// The `nr` field of a command.
#[inline(always)]
pub const fn _IOC_NR(cmd: u32) -> u32 {
    (cmd >> _IOC_NRSHIFT) & _IOC_NRMASK
}

/// The `size` field of a command: the argument's size in bytes.
#[inline(always)]
pub const fn _IOC_SIZE(cmd: u32) -> usize {
    ((cmd >> _IOC_SIZESHIFT) & _IOC_SIZEMASK) as usize
}

#[crate::kunit_tests(rust_ioctl)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn matches_linux_numbers() {
        // The C macros' values (include/uapi/, evaluated by the C compiler).
        kunit_assert_eq!(_IO(b'e', 0), uapi::ECHO_CLEAR);
        kunit_assert_eq!(_IOR::<u64>(b'e', 1), uapi::ECHO_GET_LEN);
        kunit_assert_eq!(_IOW::<u64>(b'r', 0), uapi::RANDOM_SEED);
        kunit_assert_eq!(_IO(b'k', 0), uapi::SCULL_RESET);
        // And Linux's numbers in the generic encoding, or powerpc's.
        if _IOC_DIRBITS == 2 {
            kunit_assert_eq!(_IOR::<i32>(b'T', 0x60), 0x8004_5460);
            kunit_assert_eq!(_IOW::<u64>(b'r', 0), 0x4008_7200);
            kunit_assert_eq!(_IOWR::<[u8; 16]>(b'x', 0xff), 0xc010_78ff);
            kunit_assert_eq!(_IO(b'e', 0), 0x6500);
            kunit_assert_eq!(_IOC(_IOC_READ, 0, 0, _IOC_SIZEMASK as usize), 0xbfff_0000);
        } else {
            kunit_assert_eq!(_IOR::<i32>(b'f', 127), 0x4004_667f); // FIONREAD
            kunit_assert_eq!(_IOW::<u64>(b'r', 0), 0x8008_7200);
            kunit_assert_eq!(_IOWR::<[u8; 16]>(b'x', 0xff), 0xc010_78ff);
            kunit_assert_eq!(_IO(b'e', 0), 0x2000_6500);
            kunit_assert_eq!(_IOC(_IOC_READ, 0, 0, _IOC_SIZEMASK as usize), 0x5fff_0000);
        }
    }

    #[test]
    fn fields_round_trip() {
        let cmd = _IOWR::<[u32; 100]>(0x7f, 200);
        kunit_assert_eq!(_IOC_DIR(cmd), _IOC_READ | _IOC_WRITE);
        kunit_assert_eq!(_IOC_TYPE(cmd), 0x7f);
        kunit_assert_eq!(_IOC_NR(cmd), 200);
        kunit_assert_eq!(_IOC_SIZE(cmd), 400);
        kunit_assert_eq!(_IOC_SIZE(_IO(1, 2)), 0);
        kunit_assert_eq!(_IOC_DIR(_IO(1, 2)), _IOC_NONE);
    }
}
