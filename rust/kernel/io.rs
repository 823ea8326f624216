// SPDX-License-Identifier: GPL-2.0-only

//! Memory-mapped I/O (`include/linux/io.h`): device registers reached
//! through the architecture's `readl()`/`writel()` accessors.
//!
//! - [`IoRaw`]: an address and a length, promising nothing by itself.
//! - [`Io`]: a mapped region, with `read8`..`read64` and
//!   `write8`..`write64` at an offset. `SIZE` is the length known when
//!   the kernel is built: an access at a constant offset is checked
//!   against it by [`build_assert!`](macro@crate::build_assert) (an
//!   offset out of bounds does not link). The `try_` forms check against
//!   the region's real length at run time and return [`EINVAL`] for an
//!   offset out of bounds or not aligned to the access size.
//! - [`IoMem`]: a mapping made with `ioremap()`, unmapped when dropped,
//!   that dereferences to [`Io`].
//!
//! A bus hands drivers an [`IoMem`] (or, later, one that is revoked
//! when the driver unbinds); drivers never see addresses.
//!
//! # Examples
//!
//! ```
//! use kernel::io::{Io, IoRaw};
//! use kernel::prelude::*;
//!
//! // Offsets checked at build time against SIZE = 16...
//! fn status(regs: &Io<16>) -> u32 {
//!     regs.read32(0x8)
//! }
//! // ...or at run time against the region's real length.
//! fn status_at(regs: &Io, offset: usize) -> Result<u32> {
//!     regs.try_read32(offset)
//! }
//! // A region of 16 bytes cannot claim to be longer than it is.
//! assert!(IoRaw::<32>::new(0x1000, 16).is_err());
//! # let _ = (status, status_at);
//! # Ok::<(), Error>(())
//! ```

use crate::build_assert;
use crate::error::{code::*, Result};
use core::ffi::c_void;
use core::ops::Deref;

/// An I/O region's address and length, checked only for `len >= SIZE`.
///
/// It promises nothing about what is mapped there; a bus turns it into
/// an [`Io`] once it knows the region is mapped.
pub struct IoRaw<const SIZE: usize = 0> {
    addr: usize,
    maxsize: usize,
}

impl<const SIZE: usize> IoRaw<SIZE> {
    /// The region of `maxsize` bytes at `addr`; [`EINVAL`] if `maxsize`
    /// is below `SIZE`.
    pub fn new(addr: usize, maxsize: usize) -> Result<Self> {
        if maxsize < SIZE {
            return Err(EINVAL);
        }
        Ok(Self { addr, maxsize })
    }

    /// The region's first address.
    pub fn addr(&self) -> usize {
        self.addr
    }

    /// The region's length in bytes.
    pub fn maxsize(&self) -> usize {
        self.maxsize
    }
}

/// A mapped I/O region of at least `SIZE` bytes, with its accessors.
///
/// # Invariants
///
/// `[addr, addr + maxsize)` is mapped device memory (or memory the
/// accessors may touch) for as long as the `Io` is borrowed.
#[repr(transparent)]
pub struct Io<const SIZE: usize = 0>(IoRaw<SIZE>);

macro_rules! define_read {
    ($name:ident, $try_name:ident, $c_fn:ident -> $ty:ty) => {
        /// Reads the register at `offset`, a constant checked when the
        /// kernel is built (out of bounds or misaligned: a link error).
        #[inline(always)]
        pub fn $name(&self, offset: usize) -> $ty {
            let addr = self.io_addr_assert::<$ty>(offset);
            // SAFETY: by the type invariant and the bounds assertion,
            // `addr` is inside the mapped region and aligned.
            unsafe { bindings::$c_fn(addr as *const c_void) }
        }

        /// Reads the register at `offset`, checked at run time:
        /// [`EINVAL`] if out of bounds or misaligned.
        pub fn $try_name(&self, offset: usize) -> Result<$ty> {
            let addr = self.io_addr::<$ty>(offset)?;
            // SAFETY: by the type invariant and the check just made,
            // `addr` is inside the mapped region and aligned.
            Ok(unsafe { bindings::$c_fn(addr as *const c_void) })
        }
    };
}

macro_rules! define_write {
    ($name:ident, $try_name:ident, $c_fn:ident <- $ty:ty) => {
        /// Writes `value` to the register at `offset`, a constant
        /// checked when the kernel is built.
        #[inline(always)]
        pub fn $name(&self, value: $ty, offset: usize) {
            let addr = self.io_addr_assert::<$ty>(offset);
            // SAFETY: by the type invariant and the bounds assertion,
            // `addr` is inside the mapped region and aligned.
            unsafe { bindings::$c_fn(value, addr as *mut c_void) }
        }

        /// Writes `value` to the register at `offset`, checked at run
        /// time: [`EINVAL`] if out of bounds or misaligned.
        pub fn $try_name(&self, value: $ty, offset: usize) -> Result {
            let addr = self.io_addr::<$ty>(offset)?;
            // SAFETY: by the type invariant and the check just made,
            // `addr` is inside the mapped region and aligned.
            unsafe { bindings::$c_fn(value, addr as *mut c_void) };
            Ok(())
        }
    };
}

impl<const SIZE: usize> Io<SIZE> {
    /// The accessors of `raw`.
    ///
    /// # Safety
    ///
    /// `raw` describes mapped device memory that stays mapped for as
    /// long as the returned reference lives.
    pub unsafe fn from_raw(raw: &IoRaw<SIZE>) -> &Self {
        // SAFETY: `Io` is a transparent wrapper of `IoRaw`; the caller
        // vouches for the mapping, which is the type invariant.
        unsafe { &*core::ptr::from_ref(raw).cast::<Self>() }
    }

    /// The region's first address.
    pub fn addr(&self) -> usize {
        self.0.addr()
    }

    /// The region's length in bytes (at least `SIZE`).
    pub fn maxsize(&self) -> usize {
        self.0.maxsize()
    }

    /// True when a `U` at `offset` lies inside `size` bytes and is aligned.
    #[inline(always)]
    const fn offset_valid<U>(offset: usize, size: usize) -> bool {
        let width = size_of::<U>();
        match offset.checked_add(width) {
            Some(end) => end <= size && offset.is_multiple_of(width),
            None => false,
        }
    }

    fn io_addr<U>(&self, offset: usize) -> Result<usize> {
        if !Self::offset_valid::<U>(offset, self.maxsize()) {
            return Err(EINVAL);
        }
        Ok(self.addr() + offset)
    }

    #[inline(always)]
    fn io_addr_assert<U>(&self, offset: usize) -> usize {
        build_assert!(Self::offset_valid::<U>(offset, SIZE));
        self.addr() + offset
    }

    define_read!(read8, try_read8, readb -> u8);
    define_read!(read16, try_read16, readw -> u16);
    define_read!(read32, try_read32, readl -> u32);
    define_read!(read64, try_read64, readq -> u64);
    define_write!(write8, try_write8, writeb <- u8);
    define_write!(write16, try_write16, writew <- u16);
    define_write!(write32, try_write32, writel <- u32);
    define_write!(write64, try_write64, writeq <- u64);
}

/// Device memory mapped with `ioremap()`, unmapped when dropped.
///
/// # Invariants
///
/// `raw` is a live `ioremap()` mapping of `raw.maxsize()` bytes.
pub struct IoMem<const SIZE: usize = 0> {
    raw: IoRaw<SIZE>,
}

impl<const SIZE: usize> IoMem<SIZE> {
    /// Maps `len` bytes of device memory at physical address `phys`.
    /// [`EINVAL`] if `len` is below `SIZE` or 0, [`ENOMEM`] if the
    /// mapping cannot be made. May sleep.
    ///
    /// # Safety
    ///
    /// `[phys, phys + len)` is device memory whose registers may be
    /// read and written without breaking whoever else uses them (in
    /// practice: a resource the caller's device owns).
    pub unsafe fn ioremap(phys: u64, len: usize) -> Result<Self> {
        if len < SIZE || len == 0 {
            return Err(EINVAL);
        }
        // SAFETY: `ioremap()` only builds page-table entries; the caller
        // vouches that touching that memory is allowed.
        let addr = unsafe { bindings::ioremap(phys as bindings::phys_addr_t, len) };
        if addr.is_null() {
            return Err(ENOMEM);
        }
        // INVARIANT: `addr` is a fresh mapping of `len` bytes.
        Ok(Self {
            raw: IoRaw::new(addr as usize, len)?,
        })
    }
}

impl<const SIZE: usize> Deref for IoMem<SIZE> {
    type Target = Io<SIZE>;

    fn deref(&self) -> &Io<SIZE> {
        // SAFETY: by the type invariant the region is mapped until drop,
        // which cannot happen while `self` is borrowed.
        unsafe { Io::from_raw(&self.raw) }
    }
}

impl<const SIZE: usize> Drop for IoMem<SIZE> {
    fn drop(&mut self) {
        // SAFETY: by the type invariant this is our mapping, unused from now on.
        unsafe { bindings::iounmap(self.raw.addr() as *mut c_void) };
    }
}

// SAFETY: the accessors are plain loads and stores to device memory,
// which any thread may perform; the mapping belongs to nobody's stack.
unsafe impl<const SIZE: usize> Send for IoMem<SIZE> {}
// SAFETY: as above; concurrent register accesses are the driver's
// business, as in C, and never memory-unsafe.
unsafe impl<const SIZE: usize> Sync for IoMem<SIZE> {}

// Every case drives QEMU's edu PCI device.
#[cfg(CONFIG_PCI)]
#[crate::kunit_tests(rust_io)]
mod tests {
    use super::*;
    use crate::prelude::*;

    const EDU_IDENT: usize = 0x00;
    const EDU_LIVENESS: usize = 0x04;
    const EDU_BAR0_LEN: usize = 1 << 20;

    /// QEMU's edu device, enabled, with its BAR 0's physical address;
    /// disabled on drop.
    struct Edu(crate::types::ARef<crate::pci::Device>, u64);

    impl Edu {
        /// `None`, the case skipped, where the machine has no edu.
        fn get() -> Result<Option<Self>> {
            let Some(dev) = crate::pci::edu_or_skip() else {
                return Ok(None);
            };
            let bar0 = dev.resource_start(0)?;
            dev.enable_device()?;
            Ok(Some(Edu(dev, bar0)))
        }
    }

    impl Drop for Edu {
        fn drop(&mut self) {
            self.0.disable_device();
        }
    }

    /// Bytes in live slab objects.
    fn slab_bytes() -> usize {
        crate::alloc::fault_inject::slab_bytes()
    }

    #[test]
    fn registers_answer_within_bounds() -> Result {
        let slab = slab_bytes();
        {
            let Some(edu) = Edu::get()? else {
                return Ok(());
            };
            // SAFETY: BAR 0 of a device we enabled is its register block.
            let regs = unsafe { IoMem::<0x100>::ioremap(edu.1, EDU_BAR0_LEN)? };
            kunit_assert!(crate::pci::edu_swapped(regs.read32(EDU_IDENT)).is_some());
            regs.write32(0x1234_5678, EDU_LIVENESS);
            kunit_assert_eq!(regs.read32(EDU_LIVENESS), !0x1234_5678);
            // Run-time checks: against the whole 1 MiB, not SIZE.
            kunit_assert_eq!(regs.maxsize(), EDU_BAR0_LEN);
            let ident = regs.try_read32(EDU_IDENT);
            kunit_assert!(matches!(ident.map(crate::pci::edu_swapped), Ok(Some(_))));
            kunit_assert!(regs.try_read32(EDU_BAR0_LEN - 4).is_ok());
            kunit_assert_eq!(regs.try_read32(EDU_BAR0_LEN), Err(EINVAL));
            kunit_assert_eq!(regs.try_read64(EDU_BAR0_LEN - 4), Err(EINVAL));
            kunit_assert_eq!(regs.try_read32(2), Err(EINVAL));
            kunit_assert_eq!(regs.try_write16(0, usize::MAX - 1), Err(EINVAL));
            kunit_assert!(regs.try_write32(!0, EDU_LIVENESS).is_ok());
            kunit_assert_eq!(regs.try_read32(EDU_LIVENESS), Ok(0));
        }
        kunit_assert_eq!(slab_bytes(), slab);
        Ok(())
    }

    #[test]
    fn mapping_shorter_than_size_is_refused() -> Result {
        let Some(edu) = Edu::get()? else {
            return Ok(());
        };
        // SAFETY: as above; both calls fail before mapping anything.
        let short = unsafe { IoMem::<0x1000>::ioremap(edu.1, 0x800) };
        kunit_assert!(matches!(short, Err(e) if e == EINVAL));
        // SAFETY: as above.
        let empty = unsafe { IoMem::<0>::ioremap(edu.1, 0) };
        kunit_assert!(matches!(empty, Err(e) if e == EINVAL));
        Ok(())
    }
}
