// SPDX-License-Identifier: GPL-2.0-only

//! The virtio 1.x *modern* PCI transport (virtio spec 1.2, section 4.1).
//!
//! The function describes its register blocks with vendor capabilities
//! (`PCI_CAP_ID_VNDR`) in config space, each naming a BAR, an offset and
//! a length: the common configuration (status, features, queue set-up),
//! the notification area (one doorbell per queue, at `queue_notify_off *
//! notify_off_multiplier`), the ISR status byte (read to acknowledge an
//! INTx interrupt) and the device-specific configuration. `Transport`
//! finds the first of each kind, maps the BARs they live in and keeps a
//! window of the right length into each; every register access below is
//! bounds-checked against its window (at build time for the common
//! configuration, whose layout is fixed). Legacy (virtio 0.9) I/O BARs
//! are not used.

use crate::error::{code::*, Result};
use crate::io::{Io, IoRaw};
use crate::pci;
use crate::types::ARef;

/// `cfg_type` of the vendor capabilities (`struct virtio_pci_cap`).
const CAP_COMMON: u8 = 1;
const CAP_NOTIFY: u8 = 2;
const CAP_ISR: u8 = 3;
const CAP_DEVICE: u8 = 4;

/// Offsets in a capability: type, BAR, offset and length of the block,
/// and (for the notification one) the doorbell spacing.
const CAP_CFG_TYPE: u8 = 3;
const CAP_BAR: u8 = 4;
const CAP_OFFSET: u8 = 8;
const CAP_LENGTH: u8 = 12;
const CAP_NOTIFY_MULT: u8 = 16;

/// The common configuration (`struct virtio_pci_common_cfg`).
pub(crate) const COMMON_LEN: usize = 0x38;
const DEVICE_FEATURE_SELECT: usize = 0x00;
const DEVICE_FEATURE: usize = 0x04;
const DRIVER_FEATURE_SELECT: usize = 0x08;
const DRIVER_FEATURE: usize = 0x0c;
const NUM_QUEUES: usize = 0x12;
const DEVICE_STATUS: usize = 0x14;
const CONFIG_GENERATION: usize = 0x15;
const QUEUE_SELECT: usize = 0x16;
const QUEUE_SIZE: usize = 0x18;
const QUEUE_ENABLE: usize = 0x1c;
const QUEUE_NOTIFY_OFF: usize = 0x1e;
const QUEUE_DESC: usize = 0x20;
const QUEUE_DRIVER: usize = 0x28;
const QUEUE_DEVICE: usize = 0x30;

/// Number of standard BARs.
const NR_BARS: usize = 6;

/// A block found through a capability: the BAR, offset and length.
#[derive(Clone, Copy)]
struct Cap {
    bar: u8,
    offset: u32,
    length: u32,
}

/// Where a queue's rings are, in device addresses, for
/// [`Transport::setup_queue`].
pub(crate) struct QueueAddrs {
    pub(crate) desc: u64,
    pub(crate) driver: u64,
    pub(crate) device: u64,
}

/// The register blocks of one modern virtio PCI function.
///
/// Dropping it only unmaps them: whoever drives the device resets it
/// first ([`Transport::reset`]).
///
/// # Invariants
///
/// Each window lies inside the mapping of a BAR held in `bars`, which
/// stays mapped until the `Transport` is dropped.
pub(crate) struct Transport {
    pdev: ARef<pci::Device>,
    _bars: [Option<pci::Bar>; NR_BARS],
    common: IoRaw<COMMON_LEN>,
    isr: IoRaw<1>,
    notify: IoRaw<2>,
    notify_mult: u32,
    device: Option<IoRaw>,
}

impl Transport {
    /// Finds the capabilities of `pdev` and maps the BARs they point to.
    /// `ENODEV` if the common, notification or ISR block is missing (a
    /// legacy-only device), `EINVAL` if a block lies outside its BAR or
    /// is too short, `ENOMEM`. May sleep.
    pub(crate) fn new(pdev: &pci::Device) -> Result<Self> {
        let mut caps: [Option<Cap>; 5] = [None; 5];
        let mut notify_mult = 0;
        let mut pos = pdev.find_capability(bindings::PCI_CAP_ID_VNDR as u8);
        while let Some(p) = pos {
            // A capability near the end of config space is malformed:
            // `EINVAL` rather than an offset that wraps.
            let at = |field: u8| p.checked_add(field).ok_or(EINVAL);
            let cfg_type = pdev.read_config_byte(at(CAP_CFG_TYPE)?)?;
            let bar = pdev.read_config_byte(at(CAP_BAR)?)?;
            let slot = caps.get_mut(usize::from(cfg_type));
            // The first capability of each kind is the one to use; kinds
            // we do not use and reserved BAR numbers are skipped.
            if let Some(slot @ None) = slot {
                if (CAP_COMMON..=CAP_DEVICE).contains(&cfg_type) && usize::from(bar) < NR_BARS {
                    *slot = Some(Cap {
                        bar,
                        offset: pdev.read_config_dword(at(CAP_OFFSET)?)?,
                        length: pdev.read_config_dword(at(CAP_LENGTH)?)?,
                    });
                    if cfg_type == CAP_NOTIFY {
                        notify_mult = pdev.read_config_dword(at(CAP_NOTIFY_MULT)?)?;
                    }
                }
            }
            pos = pdev.find_next_capability(p, bindings::PCI_CAP_ID_VNDR as u8);
        }
        let cap = |t: u8| caps[usize::from(t)].ok_or(ENODEV);
        let (common, notify, isr) = (cap(CAP_COMMON)?, cap(CAP_NOTIFY)?, cap(CAP_ISR)?);
        let mut bars: [Option<pci::Bar>; NR_BARS] = [const { None }; NR_BARS];
        let common = window::<COMMON_LEN>(pdev, &mut bars, common)?;
        let notify = window::<2>(pdev, &mut bars, notify)?;
        let isr = window::<1>(pdev, &mut bars, isr)?;
        let device = match caps[usize::from(CAP_DEVICE)] {
            Some(c) => Some(window::<0>(pdev, &mut bars, c)?),
            None => None,
        };
        // INVARIANT: `window` made each window inside a BAR it mapped into
        // `bars`, which moves into the transport with them.
        Ok(Transport {
            pdev: pdev.into(),
            _bars: bars,
            common,
            isr,
            notify,
            notify_mult,
            device,
        })
    }

    /// The PCI function.
    pub(crate) fn pci(&self) -> &pci::Device {
        &self.pdev
    }

    fn common(&self) -> &Io<COMMON_LEN> {
        // SAFETY: by the type invariant the window is inside a BAR mapped
        // until `self` is dropped, which outlives the borrow.
        unsafe { Io::from_raw(&self.common) }
    }

    /// The device-specific configuration, if the device has one.
    pub(crate) fn device_cfg(&self) -> Option<&Io> {
        // SAFETY: as in `common`.
        self.device.as_ref().map(|w| unsafe { Io::from_raw(w) })
    }

    /// The device status byte (`VIRTIO_CONFIG_S_*`).
    pub(crate) fn status(&self) -> u8 {
        self.common().read8(DEVICE_STATUS)
    }

    /// Adds `bits` to the device status.
    pub(crate) fn add_status(&self, bits: u8) {
        self.common().write8(self.status() | bits, DEVICE_STATUS);
    }

    /// Resets the device: it forgets features and queues, stops DMA and
    /// deasserts its interrupt. Waits for the device to read back 0 (it
    /// does so at once on QEMU); never sleeps.
    pub(crate) fn reset(&self) {
        self.common().write8(0, DEVICE_STATUS);
        while self.status() != 0 {
            core::hint::spin_loop();
        }
    }

    /// The configuration generation, which changes whenever the device
    /// changes its configuration.
    pub(crate) fn generation(&self) -> u8 {
        self.common().read8(CONFIG_GENERATION)
    }

    /// The 64 feature bits the device offers.
    pub(crate) fn device_features(&self) -> u64 {
        let c = self.common();
        c.write32(0, DEVICE_FEATURE_SELECT);
        let low = c.read32(DEVICE_FEATURE);
        c.write32(1, DEVICE_FEATURE_SELECT);
        let high = c.read32(DEVICE_FEATURE);
        u64::from(high) << 32 | u64::from(low)
    }

    /// Writes the feature bits the driver accepts.
    pub(crate) fn set_driver_features(&self, features: u64) {
        let c = self.common();
        c.write32(0, DRIVER_FEATURE_SELECT);
        c.write32(features as u32, DRIVER_FEATURE);
        c.write32(1, DRIVER_FEATURE_SELECT);
        c.write32((features >> 32) as u32, DRIVER_FEATURE);
    }

    /// The number of queues the device has.
    pub(crate) fn num_queues(&self) -> u16 {
        self.common().read16(NUM_QUEUES)
    }

    /// The largest size queue `index` may have: `ENOENT` if the device
    /// has no such queue, `EBUSY` if it is already enabled.
    pub(crate) fn queue_max_size(&self, index: u16) -> Result<u16> {
        let c = self.common();
        if index >= self.num_queues() {
            return Err(ENOENT);
        }
        c.write16(index, QUEUE_SELECT);
        if c.read16(QUEUE_ENABLE) != 0 {
            return Err(EBUSY);
        }
        match c.read16(QUEUE_SIZE) {
            0 => Err(ENOENT),
            n => Ok(n),
        }
    }

    /// Gives queue `index` its `size` and rings and enables it. Returns
    /// the offset of its doorbell in the notification area; `EINVAL` if
    /// that lies outside the area.
    pub(crate) fn setup_queue(&self, index: u16, size: u16, addrs: &QueueAddrs) -> Result<usize> {
        let c = self.common();
        c.write16(index, QUEUE_SELECT);
        let off = usize::from(c.read16(QUEUE_NOTIFY_OFF))
            .checked_mul(self.notify_mult as usize)
            .ok_or(EINVAL)?;
        self.notify_io().try_read16(off)?;
        c.write16(size, QUEUE_SIZE);
        for (reg, addr) in [
            (QUEUE_DESC, addrs.desc),
            (QUEUE_DRIVER, addrs.driver),
            (QUEUE_DEVICE, addrs.device),
        ] {
            // Two halves: a 64-bit access is optional for the device.
            c.try_write32(addr as u32, reg)?;
            c.try_write32((addr >> 32) as u32, reg + 4)?;
        }
        c.write16(1, QUEUE_ENABLE);
        Ok(off)
    }

    fn notify_io(&self) -> &Io<2> {
        // SAFETY: as in `common`.
        unsafe { Io::from_raw(&self.notify) }
    }

    /// Rings the doorbell of queue `index`, at `offset` (from
    /// [`setup_queue`](Transport::setup_queue), so in bounds).
    pub(crate) fn notify(&self, offset: usize, index: u16) {
        // Cannot fail: `setup_queue` checked the offset.
        let _ = self.notify_io().try_write16(index, offset);
    }

    /// Reads (and so clears) the ISR status: bit 0 a queue interrupt,
    /// bit 1 a configuration change. Reading deasserts INTx.
    pub(crate) fn read_isr(&self) -> u8 {
        // SAFETY: as in `common`.
        unsafe { Io::from_raw(&self.isr) }.read8(0)
    }
}

/// A window of the block `cap` describes, mapping its BAR into `bars` if
/// not yet mapped. `EINVAL` if the block is shorter than `SIZE` or does
/// not fit in the BAR.
fn window<const SIZE: usize>(
    pdev: &pci::Device,
    bars: &mut [Option<pci::Bar>; NR_BARS],
    cap: Cap,
) -> Result<IoRaw<SIZE>> {
    let slot = bars.get_mut(usize::from(cap.bar)).ok_or(EINVAL)?;
    if slot.is_none() {
        *slot = Some(pdev.iomap_region::<0>(cap.bar.into())?);
    }
    let bar = slot.as_ref().ok_or(EINVAL)?;
    let (offset, length) = (cap.offset as usize, cap.length as usize);
    match offset.checked_add(length) {
        Some(end) if end <= bar.maxsize() => IoRaw::new(bar.addr() + offset, length),
        _ => Err(EINVAL),
    }
}
