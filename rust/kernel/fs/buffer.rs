// SPDX-License-Identifier: GPL-2.0-only

//! Blocks of a mounted filesystem's device through the buffer cache
//! (`include/linux/buffer_head.h`): a [`Head`] is one cached block, held
//! and locked for as long as the value lives; a [`Device`] is the mounted
//! device, for a filesystem's per-mount data to read from after mounting.
//!
//! A [`Head`] holds the buffer's lock (`lock_buffer()`, which the C side
//! takes around every use of `b_data`), so its bytes may be read and
//! changed ([`Head::data_mut`] marks the buffer dirty: written back by
//! `sync_blockdev()` at sync and unmount, or by [`Head::sync`]). Holding
//! two at once is for no caller: the second `bread` of the same block
//! would wait for the first forever.

use crate::error::{code::EIO, Result};
use core::ops::Deref;
use core::ptr::NonNull;

/// The block device a filesystem is mounted from, with a reference
/// (`get_device()` on its `bd_device`), from
/// [`SuperBlock::device`](super::SuperBlock::device).
///
/// The mount keeps the device claimed, and the filesystem's data (where a
/// `Device` lives) is dropped at unmount, before the claim is released.
///
/// # Invariants
///
/// `bdev` is a block device whose reference this value owns.
pub struct Device {
    bdev: NonNull<bindings::block_device>,
}

impl Device {
    /// Takes a reference to `bdev`.
    ///
    /// # Safety
    ///
    /// `bdev` is a live block device.
    pub(crate) unsafe fn get(bdev: *mut bindings::block_device) -> Self {
        // SAFETY: live (the caller's promise); the reference taken here
        // is this value's.
        unsafe { bindings::get_device(&raw mut (*bdev).bd_device) };
        // INVARIANT: referenced above; a live device is not NULL.
        Self {
            // SAFETY: as above.
            bdev: unsafe { NonNull::new_unchecked(bdev) },
        }
    }

    /// The device's size in bytes.
    pub fn size(&self) -> u64 {
        // SAFETY: referenced (type invariant); the size of a claimed
        // device does not change.
        unsafe { (*self.bdev.as_ptr()).bd_nr_sectors << 9 }
    }

    /// Block `nr` of `size` bytes (a power of two from the device's
    /// logical block size to the page size) through the buffer cache
    /// (`__bread()`), locked until the [`Head`] is dropped. Errors: `EIO` (the device failed, a bad size, `nr`
    /// past the end, or no memory: the C function does not tell them
    /// apart). May sleep.
    pub fn bread(&self, nr: u64, size: usize) -> Result<Head> {
        let size = u32::try_from(size).map_err(|_| EIO)?;
        // SAFETY: referenced (type invariant); `__bread` checks `nr` and
        // `size`.
        let bh = unsafe { bindings::__bread(self.bdev.as_ptr(), nr, size) };
        // SAFETY: `__bread` returned NULL or a referenced buffer, given
        // away here.
        unsafe { Head::from_bread(bh) }.ok_or(EIO)
    }
}

impl Drop for Device {
    fn drop(&mut self) {
        // SAFETY: this value owns one reference (type invariant).
        unsafe { bindings::put_device(&raw mut (*self.bdev.as_ptr()).bd_device) };
    }
}

// SAFETY: the reference may be dropped and the device read from any
// thread (`__bread` locks the cache).
unsafe impl Send for Device {}
// SAFETY: as for `Send`: reads through `&Device` are serialised by the
// cache.
unsafe impl Sync for Device {}

/// One block in the buffer cache, read and up to date, with a reference
/// and its lock (`unlock_buffer()` and `brelse()` on drop).
///
/// # Invariants
///
/// `bh` points to a buffer head whose reference and lock this value owns,
/// whose `b_data` holds `b_size` bytes of the block, read from the device.
pub struct Head {
    bh: NonNull<bindings::buffer_head>,
}

impl Head {
    /// Takes over the reference of `bh`, a result of `__bread()`
    /// (`None` for NULL, its error).
    ///
    /// # Safety
    ///
    /// `bh` is NULL or a buffer head returned by `__bread()` whose
    /// reference the caller gives away.
    pub(crate) unsafe fn from_bread(bh: *mut bindings::buffer_head) -> Option<Self> {
        let bh = NonNull::new(bh)?;
        // SAFETY: a referenced buffer (the caller's promise); its lock may
        // sleep, which `__bread` callers may.
        unsafe { bindings::lock_buffer(bh.as_ptr()) };
        // INVARIANT: `__bread()` returns a referenced, up-to-date buffer,
        // locked just above.
        Some(Self { bh })
    }

    /// The block's bytes, to change: the buffer is marked dirty
    /// (`mark_buffer_dirty()`) and written back at the next sync of its
    /// device. Never sleeps.
    pub fn data_mut(&mut self) -> &mut [u8] {
        let bh = self.bh.as_ptr();
        // SAFETY: referenced, locked and up to date (type invariant): the
        // lock makes `b_data` this value's alone until it is dropped, and
        // `&mut self` makes the slice the only one of it.
        unsafe {
            bindings::mark_buffer_dirty(bh);
            core::slice::from_raw_parts_mut((*bh).b_data.cast::<u8>(), (*bh).b_size)
        }
    }

    /// Writes the block now if it is dirty (`sync_dirty_buffer()`), and
    /// releases it. Errors: the device's (`EIO`), `ENOMEM`. May sleep.
    pub fn sync(self) -> Result {
        let this = core::mem::ManuallyDrop::new(self);
        let bh = this.bh.as_ptr();
        // SAFETY: this value owns the lock and the reference (type
        // invariant), given up here: the lock first, as
        // `sync_dirty_buffer` takes it.
        unsafe {
            bindings::unlock_buffer(bh);
            let err = bindings::sync_dirty_buffer(bh);
            bindings::brelse(bh);
            crate::error::to_result(err)
        }
    }
}

impl Deref for Head {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // SAFETY: `b_data` holds `b_size` bytes while the buffer is
        // referenced, and the lock this value holds keeps everyone else
        // from them (type invariant); `&self` keeps `data_mut` away.
        unsafe {
            let bh = self.bh.as_ptr();
            core::slice::from_raw_parts((*bh).b_data.cast::<u8>(), (*bh).b_size)
        }
    }
}

impl Drop for Head {
    fn drop(&mut self) {
        // SAFETY: this value owns the lock and one reference (type
        // invariant); neither call sleeps.
        unsafe {
            bindings::unlock_buffer(self.bh.as_ptr());
            bindings::brelse(self.bh.as_ptr());
        }
    }
}
