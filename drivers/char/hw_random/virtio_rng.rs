// SPDX-License-Identifier: GPL-2.0-only

//! virtio-rng: the virtio entropy device (type 4) behind `/dev/hwrng`.
//!
//! The device has one queue; each device-writable buffer put on it comes
//! back filled with random bytes. The driver keeps one request in
//! flight at most: a read that finds no bytes left queues the 64-byte DMA
//! buffer and kicks the device, then (unless non-blocking) sleeps until
//! the interrupt says the buffer came back; it hands out what the device
//! wrote, and later reads take the rest before asking again.
//!
//! Locking: `state` is a spinlock taken with interrupts off, shared with
//! the interrupt handler ([`Rng::complete`]); readers sleep on
//! `have_data` with it released. The hw_random core serialises reads.
//!
//! Unbinding resets the device before the driver's data is dropped, so a
//! request in flight never completes: `Drop` marks the device removed
//! and wakes a sleeping reader (which returns `ENODEV`) before the
//! hw_random registration goes, which waits for that reader.

#![no_std]
#![forbid(unsafe_code)]

use kernel::dma::CoherentAllocation;
use kernel::hw_random::{self, HwRng};
use kernel::prelude::*;
use kernel::sync::{Arc, CondVar, SpinLock};
use kernel::virtio::{self, Buffer, Virtqueue};

module! {
    type: VirtioRngModule,
    name: "virtio_rng",
    authors: ["Ferrite developers"],
    description: "virtio entropy device as /dev/hwrng",
    license: "GPL",
}

/// Bytes asked of the device per request.
const BUF_SIZE: usize = 64;

/// The request and the bytes it brought, under [`Rng::state`].
struct State {
    /// A request is with the device.
    busy: bool,
    /// Bytes `pos..filled` of the buffer are random and not handed out.
    pos: usize,
    filled: usize,
    /// The device is gone: reads fail with `ENODEV`.
    removed: bool,
}

pin_data! {
    /// One device, shared by the interrupt handler and the reader.
    struct Rng {
        vq: Virtqueue<()>,
        mem: Arc<CoherentAllocation<u8>>,
        #[pin]
        state: SpinLock<State>,
        #[pin]
        have_data: CondVar,
    }
}

impl Rng {
    /// Takes the buffer back from the queue (interrupt context).
    fn complete(&self) {
        let mut st = self.state.lock_irqsave();
        while let Some(((), len)) = self.vq.get_buf() {
            st.busy = false;
            st.pos = 0;
            st.filled = len as usize;
        }
        drop(st);
        self.have_data.notify_all();
    }

    /// Marks the device gone and wakes a waiting reader.
    fn remove(&self) {
        self.state.lock_irqsave().removed = true;
        self.have_data.notify_all();
    }
}

/// What the hw_random core calls.
struct Reader(Arc<Rng>);

impl HwRng for Reader {
    fn read(&self, buf: &mut [u8], wait: bool) -> Result<usize> {
        let rng = &self.0;
        let mut st = rng.state.lock_irqsave();
        loop {
            if st.removed {
                return Err(ENODEV);
            }
            if st.pos < st.filled {
                let n = buf.len().min(st.filled - st.pos);
                for (i, byte) in buf[..n].iter_mut().enumerate() {
                    *byte = rng.mem.read(st.pos + i)?;
                }
                st.pos += n;
                return Ok(n);
            }
            if !st.busy {
                let whole = Buffer::whole(rng.mem.clone())?;
                rng.vq.add(&[], &[whole], ()).map_err(|(e, ())| e)?;
                st.busy = true;
                rng.vq.kick();
            }
            if !wait {
                return Ok(0);
            }
            if rng.have_data.wait_interruptible(&mut st) {
                return Err(ERESTARTSYS);
            }
        }
    }
}

/// The driver's data for one device.
struct VirtioRng {
    rng: Arc<Rng>,
    _hwrng: hw_random::Registration<Reader>,
}

impl virtio::Driver for VirtioRng {
    const ID_TABLE: &'static [u32] = &[virtio::ID_RNG];

    fn probe(dev: &virtio::Device) -> Result<Self> {
        let vq = dev.setup_vq(0, 8)?;
        let mem = CoherentAllocation::<u8>::alloc_coherent(dev.pci(), BUF_SIZE, GFP_KERNEL)?;
        let mem = Arc::new(mem, GFP_KERNEL)?;
        let rng = Arc::pin_init(
            pin_init!(Rng {
                vq,
                mem,
                state <- new_spinlock!(State {
                    busy: false,
                    pos: 0,
                    filled: 0,
                    removed: false,
                }),
                have_data <- CondVar::new(),
            }),
            GFP_KERNEL,
        )?;
        let hwrng = hw_random::Registration::new(c_str!("virtio_rng"), Reader(rng.clone()))?;
        Ok(VirtioRng { rng, _hwrng: hwrng })
    }

    fn queue_interrupt(&self) {
        self.rng.complete();
    }
}

impl Drop for VirtioRng {
    fn drop(&mut self) {
        // Before the registration is dropped (it waits for readers).
        self.rng.remove();
    }
}

struct VirtioRngModule {
    _drv: virtio::Registration<VirtioRng>,
}

impl Module for VirtioRngModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        Ok(VirtioRngModule {
            _drv: virtio::Registration::new(c_str!("virtio_rng"))?,
        })
    }
}

#[kunit_tests(virtio_rng)]
mod tests {
    use super::*;
    use kernel::alloc::fault_inject::memory_in_use;
    use kernel::fs::{flags::O_RDONLY, File};
    use kernel::irq::{self, IrqReturn};
    use kernel::pci;
    use kernel::types::ARef;

    fn rng_pci() -> Result<ARef<pci::Device>> {
        pci::Device::get(0x1af4, 0x1005).ok_or(ENODEV)
    }

    /// Reads `buf.len()` bytes from `/dev/hwrng`.
    fn read_hwrng(buf: &mut [u8]) -> Result<usize> {
        File::open(c_str!("/dev/hwrng"), O_RDONLY)?.kernel_read(buf)
    }

    /// Reads 4 KiB and checks they are not all the same byte.
    fn random_4k() -> Result<bool> {
        let mut buf = KVec::from_elem(0u8, 4096, GFP_KERNEL)?;
        let n = read_hwrng(&mut buf)?;
        Ok(n == 4096 && buf.iter().any(|&b| b != buf[0]))
    }

    struct NoOne;

    impl irq::Handler for NoOne {
        fn handle(&self) -> IrqReturn {
            IrqReturn::None
        }
    }

    #[test]
    fn bound_at_boot_and_serves_dev_hwrng() -> Result {
        kunit_assert!(rng_pci()?.is_bound());
        kunit_assert!(random_4k()?);
        Ok(())
    }

    #[test]
    fn unbind_frees_everything_and_rebind_serves_again() -> Result {
        let dev = rng_pci()?;
        let irq_line = dev.irq().ok_or(ENODEV)?;
        kunit_assert!(random_4k()?);
        let before = memory_in_use();
        dev.release_driver();
        kunit_assert!(!dev.is_bound());
        // No generator left: /dev/hwrng says so.
        let mut byte = [0u8; 1];
        kunit_assert_eq!(read_hwrng(&mut byte), Err(ENODEV));
        // The interrupt line was freed: it can be taken.
        let taken = irq::Registration::new(irq_line, c_str!("virtio-rng-test"), NoOne);
        kunit_assert!(taken.is_ok());
        drop(taken);
        kunit_assert_eq!(dev.attach(), Ok(true));
        kunit_assert!(random_4k()?);
        // Rebinding took back what unbinding freed, no more.
        kunit_assert_eq!(memory_in_use(), before);
        Ok(())
    }
}
