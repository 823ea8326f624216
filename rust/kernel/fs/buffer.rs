// SPDX-License-Identifier: GPL-2.0-only

//! Blocks of a mounted filesystem's device through the buffer cache
//! (`include/linux/buffer_head.h`): a [`Head`] is one cached block, held
//! for as long as the value lives; a [`Device`] is the mounted device, for
//! a filesystem's per-mount data to read from after mounting.

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
    /// (`__bread()`). Errors: `EIO` (the device failed, a bad size, `nr`
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
/// (`brelse()` on drop).
///
/// # Invariants
///
/// `bh` points to a buffer head whose reference this value owns, whose
/// `b_data` holds `b_size` bytes of the block, read from the device.
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
        // INVARIANT: `__bread()` returns a referenced, up-to-date buffer.
        NonNull::new(bh).map(|bh| Self { bh })
    }
}

impl Deref for Head {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // SAFETY: `b_data` holds `b_size` bytes while the buffer is
        // referenced (type invariant). A read-only filesystem never writes
        // them; the cache only rewrites a buffer's data when it is read
        // again from the device, which it never does while it is up to
        // date.
        unsafe {
            let bh = self.bh.as_ptr();
            core::slice::from_raw_parts((*bh).b_data.cast::<u8>(), (*bh).b_size)
        }
    }
}

impl Drop for Head {
    fn drop(&mut self) {
        // SAFETY: this value owns one reference (type invariant); `brelse`
        // never sleeps.
        unsafe { bindings::brelse(self.bh.as_ptr()) };
    }
}
