// SPDX-License-Identifier: GPL-2.0-only

//! Blocks of a mounted filesystem's device through the buffer cache
//! (`include/linux/buffer_head.h`): a [`Head`] is one cached block, held
//! for as long as the value lives.

use core::ops::Deref;
use core::ptr::NonNull;

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
