// SPDX-License-Identifier: GPL-2.0-only

//! Where ext2's bytes come from, and how its little-endian fields are read.
//!
//! Every field of an on-disk structure is read through [`le16`], [`le32`]
//! or [`bytes`], which check the range against the buffer: a structure cut
//! short by a hostile length gives [`EFSCORRUPTED`], never a panic.

use core::ops::Deref;
use kernel::prelude::*;

/// The error for metadata that contradicts itself: Linux's `EFSCORRUPTED`.
pub const EFSCORRUPTED: Error = EUCLEAN;

/// A block device as ext2 sees it: numbered blocks of one size.
///
/// The filesystem reads through the buffer cache ([`kernel::fs::buffer`]);
/// the KUnit tests read from an image in memory.
pub trait BlockDevice {
    /// A block's bytes, held for as long as the value lives.
    type Block<'a>: Deref<Target = [u8]>
    where
        Self: 'a;

    /// The device's size in bytes.
    fn size(&self) -> u64;

    /// Reads block `nr` of `size` bytes (a power of two, 1024 to 4096).
    /// The result holds `size` bytes. Errors: `EIO` from the device,
    /// `EINVAL` for a block past its end. May sleep.
    fn read_block(&self, nr: u64, size: usize) -> Result<Self::Block<'_>>;
}

/// The `N` bytes at `off` of `buf`, or [`EFSCORRUPTED`] if they are not
/// all inside it.
pub fn bytes<const N: usize>(buf: &[u8], off: usize) -> Result<[u8; N]> {
    let end = off.checked_add(N).ok_or(EFSCORRUPTED)?;
    let s = buf.get(off..end).ok_or(EFSCORRUPTED)?;
    <[u8; N]>::try_from(s).map_err(|_| EFSCORRUPTED)
}

/// The little-endian `u16` at `off` of `buf` (see [`bytes`]).
pub fn le16(buf: &[u8], off: usize) -> Result<u16> {
    Ok(u16::from_le_bytes(bytes(buf, off)?))
}

/// The little-endian `u32` at `off` of `buf` (see [`bytes`]).
pub fn le32(buf: &[u8], off: usize) -> Result<u32> {
    Ok(u32::from_le_bytes(bytes(buf, off)?))
}

/// `x` as a `usize`, or `EFBIG` where it does not fit (32-bit machines).
pub fn to_usize(x: u64) -> Result<usize> {
    usize::try_from(x).map_err(|_| EFBIG)
}
