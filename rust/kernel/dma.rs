// SPDX-License-Identifier: GPL-2.0-only

//! DMA memory (`include/linux/dma-mapping.h`).
//!
//! [`CoherentAllocation<T>`] is an array of `count` values of `T` that a
//! device and the CPU share: the device reaches it at
//! [`dma_handle`](CoherentAllocation::dma_handle) (the address a driver
//! programs into the hardware), the CPU through bounds-checked
//! [`read`](CoherentAllocation::read) and
//! [`write`](CoherentAllocation::write). As the device may change the
//! memory at any time, the CPU never holds a reference into it: every
//! access is a volatile copy of one element, and `T` must be valid for
//! any bytes the device leaves there ([`FromBytes`]) and have no padding
//! it could read ([`AsBytes`]).
//!
//! # Examples
//!
//! ```
//! use kernel::dma::CoherentAllocation;
//! use kernel::prelude::*;
//!
//! # fn example(dev: &kernel::device::Device) -> Result {
//! let ring = CoherentAllocation::<u64>::alloc_coherent(dev, 16, GFP_KERNEL)?;
//! ring.write(0, 0x1234)?;
//! assert_eq!(ring.read(0)?, 0x1234);
//! assert!(ring.read(16).is_err()); // EINVAL: past the end
//! let _device_address = ring.dma_handle(); // for the device's registers
//! # Ok(()) }
//! # let _ = example;
//! ```

use crate::alloc::Flags;
use crate::device::Device;
use crate::error::{code::*, Result};
use crate::transmute::{AsBytes, FromBytes};
use crate::types::ARef;
use core::ffi::c_void;

/// `count` values of `T` in coherent DMA memory, freed when dropped.
///
/// # Invariants
///
/// `cpu_addr` is a live `dma_alloc_coherent()` block of
/// `count * size_of::<T>()` bytes for `dev`, at device address
/// `dma_handle`, aligned for `T` (it is page aligned).
pub struct CoherentAllocation<T: AsBytes + FromBytes> {
    dev: ARef<Device>,
    dma_handle: bindings::dma_addr_t,
    count: usize,
    cpu_addr: *mut T,
}

// SAFETY: the allocation is plain memory owned by this value; accesses
// are volatile copies of `T`, which is plain data.
unsafe impl<T: AsBytes + FromBytes + Send> Send for CoherentAllocation<T> {}
// SAFETY: as above: `&self` only allows volatile element copies, which
// race with each other (and with the device) no worse than in C.
unsafe impl<T: AsBytes + FromBytes + Send> Sync for CoherentAllocation<T> {}

impl<T: AsBytes + FromBytes> CoherentAllocation<T> {
    /// Allocates `count` zeroed values for `dev`. [`EINVAL`] for a count
    /// of 0 or a size that overflows, [`ENOMEM`]. May sleep with
    /// `GFP_KERNEL`.
    pub fn alloc_coherent(dev: &Device, count: usize, gfp: Flags) -> Result<Self> {
        let size = count.checked_mul(size_of::<T>()).ok_or(EINVAL)?;
        if size == 0 {
            return Err(EINVAL);
        }
        let mut dma_handle: bindings::dma_addr_t = 0;
        // SAFETY: `dev` is alive; `dma_handle` is a valid place to write.
        let cpu_addr = unsafe {
            bindings::dma_alloc_coherent(dev.as_raw(), size, &mut dma_handle, gfp.as_raw())
        };
        if cpu_addr.is_null() {
            return Err(ENOMEM);
        }
        // INVARIANT: a fresh block of `size` bytes, page aligned.
        Ok(CoherentAllocation {
            dev: dev.into(),
            dma_handle,
            count,
            cpu_addr: cpu_addr.cast::<T>(),
        })
    }

    /// The device address of element 0, for the hardware.
    pub fn dma_handle(&self) -> u64 {
        self.dma_handle
    }

    /// The number of elements.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Element `index`, as the memory holds it now; [`EINVAL`] past the end.
    pub fn read(&self, index: usize) -> Result<T> {
        if index >= self.count {
            return Err(EINVAL);
        }
        // SAFETY: by the type invariant and the check, the element is
        // inside the block and aligned; any bytes are a valid `T`.
        Ok(unsafe { self.cpu_addr.add(index).read_volatile() })
    }

    /// Stores `value` as element `index`; [`EINVAL`] past the end.
    pub fn write(&self, index: usize, value: T) -> Result {
        if index >= self.count {
            return Err(EINVAL);
        }
        // SAFETY: as in `read`; nothing borrows the block's memory.
        unsafe { self.cpu_addr.add(index).write_volatile(value) };
        Ok(())
    }
}

impl<T: AsBytes + FromBytes> Drop for CoherentAllocation<T> {
    fn drop(&mut self) {
        let size = self.count * size_of::<T>();
        // SAFETY: by the type invariant this is our block, with the size
        // and handle it was allocated with; the device must be done with
        // it (the driver stops its DMA before dropping the allocation).
        unsafe {
            bindings::dma_free_coherent(
                self.dev.as_raw(),
                size,
                self.cpu_addr.cast::<c_void>(),
                self.dma_handle,
            )
        };
    }
}

/// Which way the data of a lent range moves (C's `enum dma_data_direction`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The device reads the memory.
    ToDevice,
    /// The device writes the memory.
    FromDevice,
}

impl Direction {
    pub(crate) fn as_raw(self) -> bindings::dma_data_direction {
        match self {
            Direction::ToDevice => bindings::dma_data_direction_DMA_TO_DEVICE,
            Direction::FromDevice => bindings::dma_data_direction_DMA_FROM_DEVICE,
        }
    }
}

/// Memory that a value lends to a device for as long as the value lives,
/// as ranges of device addresses: C's streaming mappings
/// (`dma_map_page()`), e.g. the pages of a block request in flight
/// ([`block::mq::Request`](crate::block::mq::Request)). A queue that
/// hands the ranges to a device keeps the value until the device is done
/// with them (`virtio::Virtqueue::add_lent`). Ferrite has no IOMMU:
/// a range needs no unmapping (`dma_unmap_page()` has nothing to undo),
/// so nothing is done when the value is dropped.
///
/// # Safety
///
/// While the value is alive, every range [`Lent::for_each_range`]
/// reports stays allocated, the CPU does not use it, and the device may
/// access it in the direction [`Lent::direction`] gives.
pub unsafe trait Lent {
    /// Which way the data moves.
    fn direction(&self) -> Direction;

    /// Calls `f(device address, length)` for each range, in order, as
    /// `dev` reaches it; stops at and returns `f`'s first error. Any
    /// context; never sleeps.
    fn for_each_range(&self, dev: &Device, f: &mut dyn FnMut(u64, u32) -> Result) -> Result;
}

// Every case drives QEMU's edu PCI device.
#[cfg(CONFIG_PCI)]
#[crate::kunit_tests(rust_dma)]
mod tests {
    use super::*;
    use crate::pci;
    use crate::prelude::*;

    const EDU_DMA_SRC: usize = 0x80;
    const EDU_DMA_DST: usize = 0x88;
    const EDU_DMA_COUNT: usize = 0x90;
    const EDU_DMA_CMD: usize = 0x98;
    const EDU_DMA_START: u64 = 1;
    const EDU_DMA_TO_RAM: u64 = 2;
    /// edu's own 4 KiB buffer, at this address on its side.
    const EDU_BUFFER: u64 = 0x40000;
    /// Words copied: 1 KiB, well inside the buffer (QEMU 7.2's edu
    /// rejects a transfer that ends at the buffer's very end, and a
    /// rejected transfer stops QEMU).
    const WORDS: usize = 256;

    /// Runs one edu DMA transfer, `args` = source, destination, length in
    /// bytes and command, and waits for its end; `swapped`: edu's
    /// registers are byte-swapped (`pci::edu_swapped()`).
    fn edu_dma(regs: &pci::Bar<0x100>, swapped: bool, args: [u64; 4]) -> bool {
        let order = |v: u64| if swapped { v.swap_bytes() } else { v };
        let [src, dst, len, cmd] = args;
        regs.write64(order(src), EDU_DMA_SRC);
        regs.write64(order(dst), EDU_DMA_DST);
        regs.write64(order(len), EDU_DMA_COUNT);
        regs.write64(order(cmd | EDU_DMA_START), EDU_DMA_CMD);
        for _ in 0..100 {
            if order(regs.read64(EDU_DMA_CMD)) & EDU_DMA_START == 0 {
                return true;
            }
            crate::task::msleep(10);
        }
        false
    }

    #[test]
    fn bounds_and_sizes() -> Result {
        // Any PCI function will do: the virtio RNG is on every machine.
        let dev = pci::Device::get(0x1af4, 0x1005).ok_or(ENODEV)?;
        let slab = crate::alloc::fault_inject::slab_bytes();
        {
            let buf = CoherentAllocation::<u32>::alloc_coherent(&dev, 8, GFP_KERNEL)?;
            kunit_assert_eq!(buf.count(), 8);
            kunit_assert_eq!(buf.read(7), Ok(0)); // zeroed
            kunit_assert!(buf.write(7, 0xabcd).is_ok());
            kunit_assert_eq!(buf.read(7), Ok(0xabcd));
            kunit_assert_eq!(buf.read(8), Err(EINVAL));
            kunit_assert_eq!(buf.write(usize::MAX, 0), Err(EINVAL));
            kunit_assert_eq!(buf.dma_handle() % 4096, 0);
            kunit_assert!(matches!(
                CoherentAllocation::<u32>::alloc_coherent(&dev, 0, GFP_KERNEL),
                Err(e) if e == EINVAL
            ));
            kunit_assert!(matches!(
                CoherentAllocation::<u64>::alloc_coherent(&dev, usize::MAX / 4, GFP_KERNEL),
                Err(e) if e == EINVAL
            ));
        }
        kunit_assert_eq!(crate::alloc::fault_inject::slab_bytes(), slab);
        Ok(())
    }

    /// The device copies a buffer into its memory and back into another.
    #[test]
    fn edu_copies_through_dma() -> Result {
        let Some(dev) = pci::edu_or_skip() else {
            return Ok(());
        };
        dev.enable_device()?;
        dev.set_master();
        let regs = dev.iomap_region::<0x100>(0)?;
        let src = CoherentAllocation::<u32>::alloc_coherent(&dev, WORDS, GFP_KERNEL)?;
        let dst = CoherentAllocation::<u32>::alloc_coherent(&dev, WORDS, GFP_KERNEL)?;
        for i in 0..WORDS {
            src.write(i, 0x5a00_0000 | i as u32)?;
        }
        let len = (WORDS * 4) as u64;
        let swapped = pci::edu_swapped(regs.read32(0)).ok_or(ENODEV)?;
        let to_edu = [src.dma_handle(), EDU_BUFFER, len, 0];
        kunit_assert!(edu_dma(&regs, swapped, to_edu));
        let to_ram = [EDU_BUFFER, dst.dma_handle(), len, EDU_DMA_TO_RAM];
        kunit_assert!(edu_dma(&regs, swapped, to_ram));
        kunit_assert_eq!(dst.read(0), Ok(0x5a00_0000));
        kunit_assert_eq!(dst.read(WORDS - 1), Ok(0x5a00_0000 | (WORDS as u32 - 1)));
        let same = (0..WORDS).all(|i| dst.read(i) == src.read(i));
        kunit_assert!(same);
        drop(regs);
        dev.disable_device();
        Ok(())
    }
}
