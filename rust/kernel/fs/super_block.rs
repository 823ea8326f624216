// SPDX-License-Identifier: GPL-2.0-only

//! A mounted instance of a Rust filesystem (`struct super_block`), as its
//! [`FileSystem`] methods see it: the device's blocks, the block size, and
//! what `statfs(2)` reports ([`Stat`]).

use super::buffer::{Device, Head};
use super::registration::FileSystem;
use crate::error::{code::*, Result};
use crate::types::Opaque;
use core::marker::PhantomData;

/// A super block of filesystem `T`, mounted from a block device.
///
/// # Invariants
///
/// Only made by `SuperBlock::from_raw`: a super block made by
/// `mount_bdev()` for `T`'s type, with its device claimed, valid while
/// borrowed.
#[repr(transparent)]
pub struct SuperBlock<T: FileSystem> {
    sb: Opaque<bindings::super_block>,
    _p: PhantomData<T>,
}

impl<T: FileSystem> SuperBlock<T> {
    /// The super block at `sb`.
    ///
    /// # Safety
    ///
    /// `sb` is a super block of `T`'s type made by `mount_bdev()` (it has
    /// a device), valid for `'a`, and no one else changes its block size
    /// during `'a`.
    pub(crate) unsafe fn from_raw<'a>(sb: *mut bindings::super_block) -> &'a Self {
        // SAFETY: `Self` is a transparent wrapper of the super block, valid
        // for `'a` (the caller's promise).
        unsafe { &*sb.cast::<Self>() }
    }

    pub(crate) fn as_ptr(&self) -> *mut bindings::super_block {
        self.sb.get()
    }

    /// The size of the blocks [`SuperBlock::bread`] reads, in bytes.
    pub fn block_size(&self) -> usize {
        // SAFETY: the super block is valid (type invariant); only
        // `set_block_size` changes the size.
        unsafe { (*self.as_ptr()).s_blocksize }
    }

    /// Makes `size` (a power of two from the device's logical block size
    /// to the page size) the size of the blocks [`SuperBlock::bread`]
    /// reads (`sb_set_blocksize()`). Only while mounting (in
    /// [`FileSystem::fill_super`]): `EBUSY` once mounted, as other calls
    /// may then read the size at the same time. `EINVAL` for a size the
    /// device cannot have. Blocks read before with another size stay
    /// valid but are no longer the cache's. May sleep.
    pub fn set_block_size(&self, size: usize) -> Result {
        let size = i32::try_from(size).map_err(|_| EINVAL)?;
        let sb = self.as_ptr();
        // SAFETY: the super block is valid (type invariant); `s_flags`
        // gets `SB_ACTIVE` only after `fill_super` returned, on the
        // mounting thread.
        if unsafe { (*sb).s_flags } & bindings::SB_ACTIVE as ffi::c_ulong != 0 {
            return Err(EBUSY);
        }
        // SAFETY: the super block is valid and has a device (type
        // invariant), and is not mounted yet, so nothing else reads its
        // block size; the C function checks `size`.
        if unsafe { bindings::sb_set_blocksize(sb, size) } == 0 {
            return Err(EINVAL);
        }
        Ok(())
    }

    /// Whether it is mounted read-only (`SB_RDONLY`: `mount -o ro`).
    pub fn read_only(&self) -> bool {
        // SAFETY: the super block is valid (type invariant); `SB_RDONLY`
        // changes only by remount, never while mounting.
        unsafe { (*self.as_ptr()).s_flags & bindings::SB_RDONLY as ffi::c_ulong != 0 }
    }

    /// The device's size in bytes.
    pub fn device_size(&self) -> u64 {
        // SAFETY: the super block has a claimed device while mounted (type
        // invariant); its size does not change while claimed.
        unsafe { (*(*self.as_ptr()).s_bdev).bd_nr_sectors << 9 }
    }

    /// The device, referenced, for the filesystem's data to read from
    /// after mounting ([`Device::bread`]).
    pub fn device(&self) -> Device {
        // SAFETY: the super block has a claimed, so live, device (type
        // invariant).
        unsafe { Device::get((*self.as_ptr()).s_bdev) }
    }

    /// Block `nr` of the device, in units of [`SuperBlock::block_size`],
    /// read through the buffer cache (`sb_bread()`). Errors: `EIO` (the
    /// device failed, `nr` is past its end, or no memory: the C function
    /// does not tell them apart). May sleep.
    pub fn bread(&self, nr: u64) -> Result<Head> {
        // SAFETY: the super block has a claimed device (type invariant);
        // `__bread` checks `nr` and the size.
        let bh = unsafe {
            let sb = self.as_ptr();
            bindings::__bread((*sb).s_bdev, nr, (*sb).s_blocksize as u32)
        };
        // SAFETY: `__bread` returned NULL or a referenced buffer, given
        // away here.
        unsafe { Head::from_bread(bh) }.ok_or(EIO)
    }
}

/// What `statfs(2)` reports of a mounted filesystem, in units of
/// [`SuperBlock::block_size`] for the blocks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stat {
    /// Blocks in all.
    pub blocks: u64,
    /// Free blocks.
    pub bfree: u64,
    /// Free blocks an unprivileged user may take.
    pub bavail: u64,
    /// Inodes in all.
    pub files: u64,
    /// Free inodes.
    pub ffree: u64,
    /// The longest name, in bytes.
    pub namelen: u32,
}
