// SPDX-License-Identifier: GPL-2.0-only

//! Memory barriers (`asm/barrier.h`) for memory shared with a device.
//!
//! A DMA ring is written by the CPU and read by the device (or the other
//! way round) with no lock between them: the order in which the other side
//! sees the accesses is set by these barriers. [`mb`] orders all earlier
//! loads and stores before all later ones, [`rmb`] loads only, [`wmb`]
//! stores only. Each is also a compiler barrier.

/// Full barrier: every load and store before it is seen before any after.
#[inline]
pub fn mb() {
    // SAFETY: a barrier instruction; it touches no memory.
    unsafe { bindings::mb() }
}

/// Read barrier: loads before it complete before loads after it.
#[inline]
pub fn rmb() {
    // SAFETY: as above.
    unsafe { bindings::rmb() }
}

/// Write barrier: stores before it are seen before stores after it.
#[inline]
pub fn wmb() {
    // SAFETY: as above.
    unsafe { bindings::wmb() }
}
