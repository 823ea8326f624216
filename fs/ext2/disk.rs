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

    /// Runs `f` on the bytes of block `nr` of `size` bytes to change
    /// them; they reach the device at the next sync. Returns `f`'s
    /// result. Errors: those of [`BlockDevice::read_block`]; `EROFS` for a
    /// device that cannot be written (the default). May sleep; `f` must
    /// not touch another block.
    fn modify_block<R>(
        &self,
        _nr: u64,
        _size: usize,
        _f: impl FnOnce(&mut [u8]) -> R,
    ) -> Result<R> {
        Err(EROFS)
    }

    /// Writes block `nr` of `size` bytes to the device now if it was
    /// changed; a device without a cache has nothing to do (the default).
    /// Errors: those of [`BlockDevice::read_block`], the device's `EIO`.
    /// May sleep.
    fn sync_block(&self, _nr: u64, _size: usize) -> Result {
        Ok(())
    }
}

/// Stores `v` little-endian at `off` of `buf`, or [`EFSCORRUPTED`] if it
/// does not fit inside.
pub fn put_le16(buf: &mut [u8], off: usize, v: u16) -> Result {
    put(buf, off, &v.to_le_bytes())
}

/// Stores `v` little-endian at `off` of `buf` (see [`put_le16`]).
pub fn put_le32(buf: &mut [u8], off: usize, v: u32) -> Result {
    put(buf, off, &v.to_le_bytes())
}

/// Copies `src` to `off` of `buf` (see [`put_le16`]).
pub fn put(buf: &mut [u8], off: usize, src: &[u8]) -> Result {
    let end = off.checked_add(src.len()).ok_or(EFSCORRUPTED)?;
    buf.get_mut(off..end)
        .ok_or(EFSCORRUPTED)?
        .copy_from_slice(src);
    Ok(())
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
