// SPDX-License-Identifier: GPL-2.0-only

//! Virtio drivers (`include/linux/virtio.h`) over the virtio 1.x PCI
//! transport (see `Documentation/driver-api/pci.rst`).
//!
//! - [`Driver`]: what a virtio driver implements: the device types it
//!   drives ([`Driver::ID_TABLE`], e.g. [`ID_RNG`]), the device feature
//!   bits it understands, [`Driver::probe`] and the interrupt callbacks.
//!   The implementing type is the driver's per-device data; dropping it
//!   is the driver's *remove*.
//! - [`Registration`]: a registered driver, unregistered when dropped.
//! - [`Device`]: what `probe` gets: the negotiated features, the device
//!   configuration (read with the generation check) and
//!   [`Device::setup_vq`], which makes the [`Virtqueue`]s.
//! - [`Virtqueue`] and [`Buffer`]: split virtqueues ([`virtqueue`]).
//!
//! Binding follows the spec's initialisation (section 3.1.1): reset;
//! `ACKNOWLEDGE`; `DRIVER`; feature negotiation (the device must offer
//! `VIRTIO_F_VERSION_1`; the driver accepts that and the device bits of
//! [`Driver::FEATURES`] that the device offers); `FEATURES_OK`, which the
//! device must keep; then [`Driver::probe`], which sets up the queues;
//! the INTx interrupt; `DRIVER_OK`; and [`Driver::ready`]. A failure after `ACKNOWLEDGE`
//! sets `FAILED` and leaves the function unbound. The interrupt handler
//! reads the ISR register (which deasserts the line) and calls
//! [`Driver::queue_interrupt`] or [`Driver::config_changed`] in
//! interrupt context.
//!
//! Unbinding resets the device, so it no longer touches memory or
//! interrupts, then frees the interrupt and drops the driver's data:
//! that `Drop` must not wait for the device.
//!
//! # Examples
//!
//! A driver for the virtio RNG that QEMU gives every machine
//! (`scripts/qemu.sh`), which asks for 16 random bytes:
//!
//! ```
//! use core::sync::atomic::{AtomicU32, Ordering};
//! use kernel::dma::CoherentAllocation;
//! use kernel::prelude::*;
//! use kernel::sync::Arc;
//! use kernel::virtio::{self, Buffer, Virtqueue};
//!
//! static GOT: AtomicU32 = AtomicU32::new(0);
//!
//! struct Rng {
//!     vq: Virtqueue<()>,
//! }
//!
//! impl virtio::Driver for Rng {
//!     const ID_TABLE: &'static [u32] = &[virtio::ID_RNG];
//!
//!     fn probe(dev: &virtio::Device) -> Result<Self> {
//!         let vq = dev.setup_vq(0, 8)?;
//!         let mem = CoherentAllocation::<u8>::alloc_coherent(dev.pci(), 16, GFP_KERNEL)?;
//!         let buf = Buffer::whole(Arc::new(mem, GFP_KERNEL)?)?;
//!         vq.add(&[], &[buf], ()).map_err(|(e, _)| e)?;
//!         vq.kick();
//!         Ok(Rng { vq })
//!     }
//!
//!     fn queue_interrupt(&self) {
//!         while let Some(((), len)) = self.vq.get_buf() {
//!             GOT.store(len, Ordering::Relaxed);
//!         }
//!     }
//! }
//!
//! # // The RNG's own driver (virtio_rng) has it: unbind it meanwhile.
//! # let pdev = kernel::pci::Device::get(0x1af4, 0x1005).ok_or(ENODEV)?;
//! # pdev.release_driver();
//! let drv = virtio::Registration::<Rng>::new(c_str!("virtio-rng-example"))?;
//! for _ in 0..100 {
//!     if GOT.load(Ordering::Relaxed) != 0 {
//!         break;
//!     }
//!     kernel::task::msleep(10);
//! }
//! assert_eq!(GOT.load(Ordering::Relaxed), 16);
//! drop(drv);
//! # pdev.attach()?;
//! # Ok::<(), Error>(())
//! ```

pub mod pci;
pub mod virtqueue;

pub use self::virtqueue::{Buffer, Virtqueue};

use self::pci::Transport;
use crate::alloc::{flags::GFP_KERNEL, KBox};
use crate::error::{code::*, Result};
use crate::io::Io;
use crate::irq::{self, IrqReturn};
use crate::pci as pcibus;
use crate::prelude::*;
use crate::str::CStr;
use crate::sync::Arc;
use crate::types::ARef;
use core::marker::PhantomData;

/// The PCI vendor of virtio functions.
const VIRTIO_PCI_VENDOR: u16 = 0x1af4;
/// Modern virtio PCI device IDs are this plus the virtio device type.
const VIRTIO_PCI_MODERN_BASE: u16 = 0x1040;

/// Virtio device type: network card.
pub const ID_NET: u32 = 1;
/// Virtio device type: block device.
pub const ID_BLOCK: u32 = 2;
/// Virtio device type: entropy source.
pub const ID_RNG: u32 = 4;

/// Device status bits (`VIRTIO_CONFIG_S_*`).
pub const STATUS_ACKNOWLEDGE: u8 = 1;
/// The guest has a driver for the device.
pub const STATUS_DRIVER: u8 = 2;
/// The driver is ready: queues may be used.
pub const STATUS_DRIVER_OK: u8 = 4;
/// Feature negotiation is complete.
pub const STATUS_FEATURES_OK: u8 = 8;
/// The driver gave up on the device.
pub const STATUS_FAILED: u8 = 0x80;

/// Feature bit: the device follows virtio 1.x (required here).
pub const F_VERSION_1: u64 = 1 << 32;
/// The feature bits that belong to the device type (0 to 23); the others
/// are the transport's and are chosen here, not by drivers.
const DEVICE_FEATURES_MASK: u64 = (1 << 24) - 1;

/// A virtio driver. The implementing type is the driver's data for one
/// device, made by [`probe`](Driver::probe) and dropped on unbind.
pub trait Driver: Send + Sync + Sized + 'static {
    /// The virtio device types driven ([`ID_RNG`], [`ID_BLOCK`]...).
    const ID_TABLE: &'static [u32];

    /// Device-type feature bits (0 to 23) the driver understands; those
    /// the device offers too are negotiated ([`Device::features`]).
    const FEATURES: u64 = 0;

    /// Binds to `dev`, after feature negotiation and before `DRIVER_OK`:
    /// sets up the queues the driver uses. May sleep and allocate.
    /// Interrupts may arrive once it returns; an error leaves the
    /// device unbound (and marked `FAILED`).
    fn probe(dev: &Device) -> Result<Self>;

    /// The device is live (`DRIVER_OK`, interrupt handler installed):
    /// the driver may do I/O through its queues and wait for it, e.g. a
    /// disk reads its partition table when it is added (Linux's drivers
    /// call `virtio_device_ready()` in their probe for this). Process
    /// context; may sleep and allocate. An error resets the device and
    /// unbinds it, as a failed probe does.
    fn ready(&self) -> Result {
        Ok(())
    }

    /// The device used some buffers: called from the interrupt handler,
    /// in interrupt context (no sleeping, no sleeping locks, no
    /// `GFP_KERNEL`), typically to [`Virtqueue::get_buf`] them.
    fn queue_interrupt(&self) {}

    /// The device configuration changed (interrupt context).
    fn config_changed(&self) {}
}

/// A virtio device being probed: its transport and negotiated features.
pub struct Device {
    transport: Arc<Transport>,
    features: u64,
}

impl Device {
    /// The PCI function (for DMA allocations and messages).
    pub fn pci(&self) -> &pcibus::Device {
        self.transport.pci()
    }

    /// The negotiated feature bits (including [`F_VERSION_1`]).
    pub fn features(&self) -> u64 {
        self.features
    }

    /// Whether feature `bit` was negotiated.
    pub fn has_feature(&self, bit: u32) -> bool {
        bit < 64 && self.features & (1 << bit) != 0
    }

    /// Reads the device configuration with `read` (through the `try_`
    /// accessors of [`Io`], checked against its real length), again until
    /// the configuration generation is the same before and after, so the
    /// values come from one consistent configuration. `ENODEV` if the
    /// device has no device configuration; `read`'s errors. Never sleeps.
    pub fn read_config<R>(&self, read: impl Fn(&Io) -> Result<R>) -> Result<R> {
        let cfg = self.transport.device_cfg().ok_or(ENODEV)?;
        loop {
            let generation = self.transport.generation();
            let value = read(cfg)?;
            if self.transport.generation() == generation {
                return Ok(value);
            }
        }
    }

    /// Sets up queue `index` with at most `max_size` entries (a power of
    /// two), carrying tokens of type `T`. `ENOENT` (no such queue),
    /// `EBUSY` (set up already), `EINVAL`, `ENOMEM`. May sleep.
    pub fn setup_vq<T: Send>(&self, index: u16, max_size: u16) -> Result<Virtqueue<T>> {
        Virtqueue::new(&self.transport, index, max_size)
    }
}

/// The virtio device type of a virtio PCI function, if it is one.
fn virtio_id(pdev: &pcibus::Device) -> Option<u32> {
    match pdev.device_id() {
        // Transitional functions carry the type as subsystem ID.
        0x1000..=0x103f => Some(pdev.subsystem_device().into()),
        id @ 0x1040..=0x107f => Some((id - VIRTIO_PCI_MODERN_BASE).into()),
        _ => None,
    }
}

/// Reset, `ACKNOWLEDGE`, `DRIVER` and feature negotiation: the features
/// accepted, or `ENODEV` (no `VERSION_1`, or `FEATURES_OK` refused).
fn negotiate(transport: &Transport, wanted: u64) -> Result<u64> {
    transport.reset();
    transport.add_status(STATUS_ACKNOWLEDGE);
    transport.add_status(STATUS_DRIVER);
    let offered = transport.device_features();
    if offered & F_VERSION_1 == 0 {
        return Err(ENODEV);
    }
    let features = offered & ((wanted & DEVICE_FEATURES_MASK) | F_VERSION_1);
    transport.set_driver_features(features);
    transport.add_status(STATUS_FEATURES_OK);
    if transport.status() & STATUS_FEATURES_OK == 0 || refuse_features_ok() {
        return Err(ENODEV);
    }
    Ok(features)
}

/// Test hook: the handshake fails as if the device refused `FEATURES_OK`.
#[cfg(CONFIG_KUNIT)]
fn refuse_features_ok() -> bool {
    tests::refuse_features_ok()
}

#[cfg(not(CONFIG_KUNIT))]
fn refuse_features_ok() -> bool {
    false
}

/// What the interrupt handler needs: the ISR register and the driver.
struct Handler<T: Driver> {
    transport: Arc<Transport>,
    data: T,
}

impl<T: Driver> irq::Handler for Handler<T> {
    fn handle(&self) -> IrqReturn {
        let isr = self.transport.read_isr();
        if isr == 0 {
            return IrqReturn::None;
        }
        if isr & 1 != 0 {
            self.data.queue_interrupt();
        }
        if isr & 2 != 0 {
            self.data.config_changed();
        }
        IrqReturn::Handled
    }
}

/// Negotiates, probes the driver, takes the interrupt and sets
/// `DRIVER_OK`: the installed handler, which owns the driver's data.
fn start<T: Driver>(
    transport: &Arc<Transport>,
    irq_line: u32,
) -> Result<irq::Registration<Handler<T>>> {
    let features = negotiate(transport, T::FEATURES)?;
    let dev = Device {
        transport: transport.clone(),
        features,
    };
    let handler = Handler {
        transport: transport.clone(),
        data: T::probe(&dev)?,
    };
    let irq = irq::Registration::new(irq_line, c_str!("virtio-pci"), handler)?;
    transport.add_status(STATUS_DRIVER_OK);
    if let Err(e) = irq.handler().data.ready() {
        // The device stops before the driver's data (in `irq`) goes.
        transport.reset();
        return Err(e);
    }
    Ok(irq)
}

/// The PCI driver behind a [`Registration<T>`]; its data is a bound device.
///
/// Unbinding resets the device (no more DMA or interrupts), then frees
/// the line and drops the driver's data, then unmaps the registers and
/// disables the function (the fields, in order).
struct Adapter<T: Driver> {
    _irq: irq::Registration<Handler<T>>,
    transport: Arc<Transport>,
    _enabled: Enabled,
}

impl<T: Driver> Drop for Adapter<T> {
    fn drop(&mut self) {
        self.transport.reset();
    }
}

/// An enabled, bus-mastering PCI function, disabled when dropped.
struct Enabled(ARef<pcibus::Device>);

impl Enabled {
    fn new(pdev: &pcibus::Device) -> Result<Self> {
        pdev.enable_device()?;
        pdev.set_master();
        Ok(Enabled(pdev.into()))
    }
}

impl Drop for Enabled {
    fn drop(&mut self) {
        self.0.disable_device();
    }
}

impl<T: Driver> pcibus::Driver for Adapter<T> {
    type IdInfo = ();
    const ID_TABLE: pcibus::IdTable<()> = &[(pcibus::DeviceId::from_vendor(VIRTIO_PCI_VENDOR), ())];

    fn probe(pdev: &pcibus::Device, _: &()) -> Result<Pin<KBox<Self>>> {
        match virtio_id(pdev) {
            Some(id) if T::ID_TABLE.contains(&id) => {}
            _ => return Err(ENODEV),
        }
        let irq_line = pdev.irq().ok_or(ENODEV)?;
        let enabled = Enabled::new(pdev)?;
        let transport = Arc::new(Transport::new(pdev)?, GFP_KERNEL)?;
        match start::<T>(&transport, irq_line) {
            Ok(irq) => Ok(KBox::pin(
                Adapter {
                    _irq: irq,
                    transport,
                    _enabled: enabled,
                },
                GFP_KERNEL,
            )?),
            Err(e) => {
                // While the function still decodes its registers.
                transport.add_status(STATUS_FAILED);
                Err(e)
            }
        }
    }
}

/// A registered virtio driver; dropping it unregisters the driver.
///
/// Registering probes every matching unbound device before
/// [`Registration::new`] returns; dropping it unbinds them all first.
pub struct Registration<T: Driver> {
    _pci: pcibus::Registration<Adapter<T>>,
    _p: PhantomData<T>,
}

impl<T: Driver> Registration<T> {
    /// Registers driver `T` under `name` (unique on the PCI bus).
    /// `EINVAL` (empty [`Driver::ID_TABLE`]), `EBUSY` (name taken),
    /// `ENOMEM`. A failed probe is not an error here. May sleep.
    pub fn new(name: &'static CStr) -> Result<Self> {
        if T::ID_TABLE.is_empty() {
            return Err(EINVAL);
        }
        Ok(Registration {
            _pci: pcibus::Registration::new(name)?,
            _p: PhantomData,
        })
    }
}

#[crate::kunit_tests(rust_virtio)]
mod tests {
    use super::*;
    use crate::alloc::fault_inject;
    use crate::dma::CoherentAllocation;
    use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};

    static REFUSE_FEATURES_OK: AtomicBool = AtomicBool::new(false);

    /// Makes the next handshakes fail as if the device refused
    /// `FEATURES_OK` (which QEMU's devices never do).
    pub(super) fn refuse_features_ok() -> bool {
        REFUSE_FEATURES_OK.load(Ordering::Relaxed)
    }

    /// Buffer sizes of the requests in flight at once; token = index.
    const SIZES: [usize; 4] = [16, 32, 64, 136];
    const TOTAL: usize = 248;

    static PROBES: AtomicU32 = AtomicU32::new(0);
    static PROBE_STATUS: AtomicU32 = AtomicU32::new(0);
    static FEATURES_HIGH: AtomicU32 = AtomicU32::new(0);
    static IRQS: AtomicU32 = AtomicU32::new(0);
    static LENS: [AtomicU32; 4] = [const { AtomicU32::new(0) }; 4];
    static NONZERO: AtomicU32 = AtomicU32::new(0);
    /// Set: the test driver's probe fails after setting up its queue.
    static FAIL_PROBE: AtomicBool = AtomicBool::new(false);

    fn reset_counters() {
        for c in [&PROBES, &PROBE_STATUS, &FEATURES_HIGH, &IRQS, &NONZERO] {
            c.store(0, Ordering::Relaxed);
        }
        for l in &LENS {
            l.store(0, Ordering::Relaxed);
        }
    }

    /// Asks the RNG for `SIZES` bytes in four requests in flight at once.
    struct TestRng {
        vq: Virtqueue<usize>,
        mem: Arc<CoherentAllocation<u8>>,
    }

    impl Driver for TestRng {
        // The RNG only: the virtio-blk disk every boot has must not be
        // probed by this test driver (it would count twice).
        const ID_TABLE: &'static [u32] = &[ID_RNG];
        const FEATURES: u64 = !0;

        fn probe(dev: &Device) -> Result<Self> {
            PROBES.fetch_add(1, Ordering::Relaxed);
            PROBE_STATUS.store(dev.transport.status().into(), Ordering::Relaxed);
            FEATURES_HIGH.store((dev.features() >> 32) as u32, Ordering::Relaxed);
            let vq = dev.setup_vq::<usize>(0, 8)?;
            let mem = CoherentAllocation::<u8>::alloc_coherent(dev.pci(), TOTAL, GFP_KERNEL)?;
            let mem = Arc::new(mem, GFP_KERNEL)?;
            let mut offset = 0;
            for (token, &len) in SIZES.iter().enumerate() {
                let buf = Buffer::new(mem.clone(), offset, len)?;
                vq.add(&[], &[buf], token).map_err(|(e, _)| e)?;
                offset += len;
            }
            if FAIL_PROBE.load(Ordering::Relaxed) {
                return Err(EIO);
            }
            vq.kick();
            Ok(TestRng { vq, mem })
        }

        fn queue_interrupt(&self) {
            IRQS.fetch_add(1, Ordering::Relaxed);
            while let Some((token, len)) = self.vq.get_buf() {
                let start: usize = SIZES[..token].iter().sum();
                let end = start + len as usize;
                if (start..end).any(|i| self.mem.read(i).is_ok_and(|b| b != 0)) {
                    NONZERO.fetch_add(1, Ordering::Relaxed);
                }
                LENS[token].store(len, Ordering::Relaxed);
            }
        }
    }

    /// What `DetachRng::probe` saw: the tokens `detach_unused_buf` gave
    /// back (a bit each), `add`'s errno after it, and the free descriptors.
    static DETACHED: AtomicU32 = AtomicU32::new(0);
    static ADD_AFTER: AtomicU32 = AtomicU32::new(0);
    static FREE_AFTER: AtomicU32 = AtomicU32::new(0);

    /// Queues three chains the device never sees (no kick), takes them back
    /// with `detach_unused_buf`, tries to add one more, and fails its probe.
    struct DetachRng;

    impl Driver for DetachRng {
        const ID_TABLE: &'static [u32] = &[ID_RNG];

        fn probe(dev: &Device) -> Result<Self> {
            let vq = dev.setup_vq::<u32>(0, 8)?;
            let mem = CoherentAllocation::<u8>::alloc_coherent(dev.pci(), 48, GFP_KERNEL)?;
            let mem = Arc::new(mem, GFP_KERNEL)?;
            for token in 0..3u32 {
                let buf = Buffer::new(mem.clone(), 16 * token as usize, 16)?;
                vq.add(&[], &[buf], token).map_err(|(e, _)| e)?;
            }
            let mut mask = 0;
            for _ in 0..8 {
                match vq.detach_unused_buf() {
                    Some(token) => mask |= 1 << token,
                    None => break,
                }
            }
            DETACHED.store(mask, Ordering::Relaxed);
            let buf = Buffer::whole(mem)?;
            let again = vq.add(&[], &[buf], 9).map_err(|(e, _)| e.to_errno());
            ADD_AFTER.store(again.err().unwrap_or(0).unsigned_abs(), Ordering::Relaxed);
            FREE_AFTER.store(vq.num_free().into(), Ordering::Relaxed);
            Err(EIO)
        }
    }

    fn all_done() -> bool {
        LENS.iter().all(|l| l.load(Ordering::Relaxed) != 0)
    }

    fn wait_done() -> bool {
        for _ in 0..100 {
            if all_done() {
                return true;
            }
            crate::task::msleep(10);
        }
        false
    }

    /// The RNG's status, seen through a transport of our own (dropping
    /// it does not reset the device), with its registers decoded.
    fn rng_status() -> Result<u8> {
        let pdev = pcibus::Device::get(VIRTIO_PCI_VENDOR, 0x1005).ok_or(ENODEV)?;
        let _enabled = Enabled::new(&pdev)?;
        Ok(Transport::new(&pdev)?.status())
    }

    /// The RNG unbound from its own driver (virtio_rng) for the test,
    /// bound again when dropped.
    struct Unbound(ARef<pcibus::Device>);

    impl Unbound {
        fn new() -> Result<Self> {
            let pdev = pcibus::Device::get(VIRTIO_PCI_VENDOR, 0x1005).ok_or(ENODEV)?;
            pdev.release_driver();
            Ok(Unbound(pdev))
        }
    }

    impl Drop for Unbound {
        fn drop(&mut self) {
            let _ = self.0.attach();
        }
    }

    #[test]
    fn handshake_negotiates_and_requests_complete_from_the_irq() -> Result {
        let _unbound = Unbound::new()?;
        reset_counters();
        FAIL_PROBE.store(false, Ordering::Relaxed);
        let before = fault_inject::memory_in_use();
        {
            let reg = Registration::<TestRng>::new(c_str!("rust-virtio-test"))?;
            kunit_assert_eq!(PROBES.load(Ordering::Relaxed), 1);
            // Probe runs after FEATURES_OK, before DRIVER_OK.
            kunit_assert_eq!(
                PROBE_STATUS.load(Ordering::Relaxed),
                u32::from(STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK)
            );
            // VERSION_1 accepted; of the transport bits, nothing else.
            kunit_assert_eq!(FEATURES_HIGH.load(Ordering::Relaxed), 1);
            kunit_assert!(wait_done());
            for (l, &size) in LENS.iter().zip(SIZES.iter()) {
                kunit_assert_eq!(l.load(Ordering::Relaxed) as usize, size);
            }
            kunit_assert_eq!(NONZERO.load(Ordering::Relaxed), 4);
            kunit_assert!(IRQS.load(Ordering::Relaxed) >= 1);
            kunit_assert_eq!(rng_status()?, {
                STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK | STATUS_DRIVER_OK
            });
            drop(reg);
            // Unbound: reset.
            kunit_assert_eq!(rng_status()?, 0);
        }
        kunit_assert_eq!(fault_inject::memory_in_use(), before);
        Ok(())
    }

    #[test]
    fn detach_unused_buf_stops_the_queue_and_gives_every_chain_back() -> Result {
        let _unbound = Unbound::new()?;
        let before = fault_inject::memory_in_use();
        let reg = Registration::<DetachRng>::new(c_str!("rust-virtio-test"))?;
        kunit_assert_eq!(DETACHED.load(Ordering::Relaxed), 0b111);
        kunit_assert_eq!(
            ADD_AFTER.load(Ordering::Relaxed),
            ENODEV.to_errno().unsigned_abs()
        );
        kunit_assert_eq!(FREE_AFTER.load(Ordering::Relaxed), 8);
        drop(reg);
        // The chains' buffers (and so their memory) were let go.
        kunit_assert_eq!(fault_inject::memory_in_use(), before);
        Ok(())
    }

    #[test]
    fn failed_handshake_or_probe_marks_the_device_failed() -> Result {
        let _unbound = Unbound::new()?;
        let before = fault_inject::memory_in_use();
        for refuse in [true, false] {
            reset_counters();
            REFUSE_FEATURES_OK.store(refuse, Ordering::Relaxed);
            FAIL_PROBE.store(!refuse, Ordering::Relaxed);
            let reg = Registration::<TestRng>::new(c_str!("rust-virtio-test"));
            REFUSE_FEATURES_OK.store(false, Ordering::Relaxed);
            FAIL_PROBE.store(false, Ordering::Relaxed);
            let reg = reg?;
            // A refused handshake never reaches the driver's probe.
            kunit_assert_eq!(PROBES.load(Ordering::Relaxed), u32::from(!refuse));
            kunit_assert!(rng_status()? & STATUS_FAILED != 0);
            kunit_assert_eq!(rng_status()? & STATUS_DRIVER_OK, 0);
            drop(reg);
        }
        kunit_assert_eq!(fault_inject::memory_in_use(), before);
        // The device binds again after a failure.
        reset_counters();
        let reg = Registration::<TestRng>::new(c_str!("rust-virtio-test"))?;
        kunit_assert!(wait_done());
        drop(reg);
        Ok(())
    }

    #[test]
    fn enomem_at_each_allocation_leaks_nothing() -> Result {
        let _unbound = Unbound::new()?;
        let mut n = 0;
        loop {
            reset_counters();
            let before = fault_inject::memory_in_use();
            let injected = fault_inject::count();
            let guard = fault_inject::fail_after_scoped(n);
            let reg = Registration::<TestRng>::new(c_str!("rust-virtio-test"));
            drop(guard);
            let failed = fault_inject::count() != injected;
            if !failed {
                // No allocation left to fail: this run bound for real.
                kunit_assert!(reg.is_ok());
                kunit_assert!(wait_done());
            }
            drop(reg);
            kunit_assert_eq!(fault_inject::memory_in_use(), before);
            if !failed {
                break;
            }
            n += 1;
            if n > 64 {
                kunit_assert!(false);
                break;
            }
        }
        // Allocations in Registration::new, Transport, the rings, the
        // queue state, the test's buffer and the handler all failed once.
        kunit_assert!(n >= 8);
        Ok(())
    }
}
