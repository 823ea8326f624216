// SPDX-License-Identifier: GPL-2.0-only

//! PCI (`include/linux/pci.h`): drivers for the functions the PCI core
//! found (see `Documentation/driver-api/pci.rst`).
//!
//! - [`Driver`]: what a PCI driver implements. Its type is the driver's
//!   per-device data: [`Driver::probe`] makes one for each function it
//!   binds to, kept (pinned, in a [`KBox`]) as the device's driver data;
//!   dropping it is the driver's *remove*.
//! - [`Registration`]: a registered driver, unregistered when dropped
//!   (which drops the data of every function it is bound to).
//! - [`Device`]: a `struct pci_dev`: IDs, enabling, bus mastering, BARs.
//!   It dereferences to the generic [`device::Device`].
//! - [`Bar`]: a memory BAR mapped with `pci_iomap()`, unmapped when
//!   dropped, that dereferences to [`Io`] for its registers.
//!
//! Matching is by [`DeviceId`]: vendor and device, or class under a
//! mask; the value of the matching [`IdTable`] entry goes to `probe`.
//! `probe` and the data's `Drop` run with the PCI bus's lock held, in
//! process context: they may sleep and allocate.
//!
//! # Examples
//!
//! QEMU's `edu` device, on every machine whose interrupt controller has
//! MSI (`scripts/qemu.sh`; the example is skipped elsewhere):
//!
//! ```
//! use core::sync::atomic::{AtomicU32, Ordering};
//! use kernel::pci;
//! use kernel::prelude::*;
//!
//! static IDENT: AtomicU32 = AtomicU32::new(0);
//!
//! struct Edu {
//!     regs: pci::Bar<0x100>,
//! }
//!
//! impl Drop for Edu {
//!     fn drop(&mut self) {
//!         self.regs.write32(0, 0x4); // still mapped: the device is being unbound
//!     }
//! }
//!
//! impl pci::Driver for Edu {
//!     type IdInfo = ();
//!     const ID_TABLE: pci::IdTable<()> = &[(pci::DeviceId::from_id(0x1234, 0x11e8), ())];
//!
//!     fn probe(dev: &pci::Device, _: &()) -> Result<Pin<KBox<Self>>> {
//!         dev.enable_device()?;
//!         let regs = dev.iomap_region::<0x100>(0)?;
//!         IDENT.store(regs.read32(0x0), Ordering::Relaxed);
//!         Ok(KBox::pin(Edu { regs }, GFP_KERNEL)?)
//!     }
//! }
//!
//! # if pci::edu_or_skip().is_none() {
//! #     return Ok(());
//! # }
//! let drv = pci::Registration::<Edu>::new(c_str!("rust-edu-example"))?;
//! // "ed" for edu, in the byte order QEMU gives it (`edu_swapped()`).
//! assert!(pci::edu_swapped(IDENT.load(Ordering::Relaxed)).is_some());
//! drop(drv);
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{flags::GFP_KERNEL, KBox, KVec};
use crate::device;
use crate::error::{code::*, to_result, Result};
use crate::io::{Io, IoRaw};
use crate::str::CStr;
use crate::types::{ARef, ForeignOwnable, Opaque};
use core::ffi::c_void;
use core::marker::PhantomData;
use core::ops::Deref;
use core::pin::Pin;
use core::ptr::{addr_of, addr_of_mut, NonNull};

/// Which functions a driver drives: a vendor and device, or a class.
#[derive(Clone, Copy)]
pub struct DeviceId {
    vendor: u32,
    device: u32,
    class: u32,
    class_mask: u32,
}

impl DeviceId {
    /// Functions with this vendor and device ID.
    pub const fn from_id(vendor: u16, device: u16) -> Self {
        DeviceId {
            vendor: vendor as u32,
            device: device as u32,
            class: 0,
            class_mask: 0,
        }
    }

    /// Every function of `vendor` (a bus such as virtio then matches
    /// its own IDs in `probe`).
    pub const fn from_vendor(vendor: u16) -> Self {
        DeviceId {
            vendor: vendor as u32,
            device: bindings::PCI_ANY_ID,
            class: 0,
            class_mask: 0,
        }
    }

    /// Functions whose class (base << 16 | sub-class << 8 | prog-if)
    /// equals `class` in the bits of `mask`.
    pub const fn from_class(class: u32, mask: u32) -> Self {
        DeviceId {
            vendor: bindings::PCI_ANY_ID,
            device: bindings::PCI_ANY_ID,
            class,
            class_mask: mask,
        }
    }
}

/// A driver's id table: the functions it drives, each with a value
/// handed to [`Driver::probe`].
pub type IdTable<T> = &'static [(DeviceId, T)];

/// A PCI driver.
///
/// The implementing type is the data the driver keeps for each function
/// it drives, made by [`probe`](Driver::probe) and dropped when the
/// driver is unbound (the C *remove*).
pub trait Driver: Send + Sized + 'static {
    /// What an [`ID_TABLE`](Driver::ID_TABLE) entry carries to `probe`.
    type IdInfo: 'static;

    /// The functions the driver drives.
    const ID_TABLE: IdTable<Self::IdInfo>;

    /// Binds the driver to `dev`, which matched the table entry whose
    /// value is `id_info`. An error leaves the function unbound.
    fn probe(dev: &Device, id_info: &'static Self::IdInfo) -> Result<Pin<KBox<Self>>>;
}

/// A PCI function: a C `struct pci_dev`.
///
/// # Invariants
///
/// A `&Device` or [`ARef<Device>`](ARef) refers to a function the PCI
/// core enumerated and added, with a reference count above zero for as
/// long as the Rust reference exists.
#[repr(transparent)]
pub struct Device(Opaque<bindings::pci_dev>);

// SAFETY: only fields fixed at enumeration are read; config space and
// the command register are accessed under the PCI core's own lock.
unsafe impl Send for Device {}
// SAFETY: as above.
unsafe impl Sync for Device {}

impl Device {
    /// A borrowed `Device` from a C pointer.
    ///
    /// # Safety
    ///
    /// `ptr` is a valid, added `struct pci_dev` that stays alive for `'a`.
    pub unsafe fn from_raw<'a>(ptr: *mut bindings::pci_dev) -> &'a Device {
        // SAFETY: `Device` is a transparent wrapper of the C struct, and
        // the caller guarantees that it lives for 'a.
        unsafe { &*ptr.cast::<Device>() }
    }

    /// The first function with IDs `vendor`:`device` (C's
    /// `pci_get_device()`), with a reference of its own, or `None`. For
    /// code that looks up a function it is not bound to (tests, quirks).
    /// Process context.
    pub fn get(vendor: u16, device: u16) -> Option<ARef<Self>> {
        // SAFETY: a NULL `from` starts at the first function; the result is
        // NULL or an added function with a reference taken for the caller.
        let raw = unsafe {
            bindings::pci_get_device(vendor.into(), device.into(), core::ptr::null_mut())
        };
        let raw = NonNull::new(raw.cast::<Self>())?;
        // SAFETY: `raw` is an added function whose reference the `ARef`
        // now owns, as the type's invariants ask; `Device` is a transparent
        // wrapper of `struct pci_dev`.
        Some(unsafe { ARef::from_raw(raw) })
    }

    /// The C pointer.
    pub fn as_raw(&self) -> *mut bindings::pci_dev {
        self.0.get()
    }

    /// The vendor ID.
    pub fn vendor_id(&self) -> u16 {
        // SAFETY: the device is alive; its IDs are fixed after enumeration.
        unsafe { (*self.as_raw()).vendor }
    }

    /// The device ID.
    pub fn device_id(&self) -> u16 {
        // SAFETY: as above.
        unsafe { (*self.as_raw()).device }
    }

    /// The subsystem device ID (for a transitional virtio function, its
    /// virtio device type).
    pub fn subsystem_device(&self) -> u16 {
        // SAFETY: as above.
        unsafe { (*self.as_raw()).subsystem_device }
    }

    /// The class code: base << 16 | sub-class << 8 | prog-if.
    pub fn class(&self) -> u32 {
        // SAFETY: as above.
        unsafe { (*self.as_raw()).class }
    }

    /// The IRQ its INTx pin is routed to, if any.
    pub fn irq(&self) -> Option<u32> {
        // SAFETY: as above; the IRQ is fixed after enumeration.
        let irq = unsafe { (*self.as_raw()).irq };
        (irq != 0).then_some(irq)
    }

    /// The config-space offset of the first capability with ID `cap`
    /// (C's `pci_find_capability()`), or `None`. Never sleeps.
    pub fn find_capability(&self, cap: u8) -> Option<u8> {
        // SAFETY: the device is alive; the C function only reads its
        // config space and bounds the walk.
        let pos = unsafe { bindings::pci_find_capability(self.as_raw(), cap.into()) };
        (pos != 0).then_some(pos)
    }

    /// The next capability with ID `cap` after the one at `pos`, or
    /// `None`. Never sleeps.
    pub fn find_next_capability(&self, pos: u8, cap: u8) -> Option<u8> {
        // SAFETY: as above; any `pos` is only read through.
        let pos = unsafe { bindings::pci_find_next_capability(self.as_raw(), pos, cap.into()) };
        (pos != 0).then_some(pos)
    }

    /// The config-space byte at `offset`; an error for an offset past
    /// the 256-byte header. Never sleeps.
    pub fn read_config_byte(&self, offset: u8) -> Result<u8> {
        let mut val = 0;
        // SAFETY: the device is alive; `val` is a valid place to write.
        to_result(unsafe {
            bindings::pci_read_config_byte(self.as_raw(), offset.into(), &mut val)
        })?;
        Ok(val)
    }

    /// The config-space dword at `offset` (4-byte aligned, else
    /// `EINVAL`). Never sleeps.
    pub fn read_config_dword(&self, offset: u8) -> Result<u32> {
        let mut val = 0;
        // SAFETY: as above.
        to_result(unsafe {
            bindings::pci_read_config_dword(self.as_raw(), offset.into(), &mut val)
        })?;
        Ok(val)
    }

    /// Turns on the function's memory and I/O decoding (counted: pair
    /// each call with [`disable_device`](Device::disable_device)).
    pub fn enable_device(&self) -> Result {
        // SAFETY: the device is alive; the C function only updates its
        // command register and enable count.
        to_result(unsafe { bindings::pci_enable_device(self.as_raw()) })
    }

    /// Undoes one [`enable_device`](Device::enable_device); the last one
    /// turns decoding and bus mastering off.
    pub fn disable_device(&self) {
        // SAFETY: as above; an unbalanced call only warns.
        unsafe { bindings::pci_disable_device(self.as_raw()) }
    }

    /// Lets the function master the bus (DMA).
    pub fn set_master(&self) {
        // SAFETY: as above.
        unsafe { bindings::pci_set_master(self.as_raw()) }
    }

    fn resource(&self, bar: u32) -> Result<bindings::resource> {
        let bar = usize::try_from(bar).map_err(|_| EINVAL)?;
        // SAFETY: the device is alive; its resources are fixed after
        // enumeration, and `get` keeps the index in bounds.
        unsafe { (*self.as_raw()).resource.get(bar).copied() }.ok_or(EINVAL)
    }

    /// The start (CPU physical address) of BAR `bar`; [`EINVAL`] for a
    /// BAR number above 5, [`ENODEV`] for a BAR the function lacks.
    pub fn resource_start(&self, bar: u32) -> Result<u64> {
        let res = self.resource(bar)?;
        if res.flags == 0 {
            return Err(ENODEV);
        }
        Ok(res.start as u64)
    }

    /// The length of BAR `bar` in bytes (0 if the function lacks it);
    /// [`EINVAL`] for a BAR number above 5.
    pub fn resource_len(&self, bar: u32) -> Result<u64> {
        let res = self.resource(bar)?;
        Ok(if res.flags == 0 {
            0
        } else {
            (res.end - res.start + 1) as u64
        })
    }

    /// Maps memory BAR `bar` whole. Offsets below `SIZE` are checked
    /// when the kernel is built; [`EINVAL`] if the BAR is shorter than
    /// `SIZE`, [`ENODEV`] if it is absent or an I/O BAR, [`ENOMEM`].
    pub fn iomap_region<const SIZE: usize>(&self, bar: u32) -> Result<Bar<SIZE>> {
        let len = usize::try_from(self.resource_len(bar)?).map_err(|_| EINVAL)?;
        if len == 0 || self.resource(bar)?.flags & bindings::IORESOURCE_MEM as usize == 0 {
            return Err(ENODEV);
        }
        if len < SIZE {
            return Err(EINVAL);
        }
        // SAFETY: the device is alive; `bar` is a valid memory BAR.
        let addr = unsafe { bindings::pci_iomap(self.as_raw(), bar as i32, 0) };
        if addr.is_null() {
            return Err(ENOMEM);
        }
        // INVARIANT: `addr` is a fresh mapping of the whole BAR.
        Ok(Bar {
            raw: IoRaw::new(addr as usize, len)?,
            dev: self.into(),
        })
    }
}

device::impl_bus_device!(Device, bindings::pci_dev);

/// A memory BAR mapped by [`Device::iomap_region`], unmapped when
/// dropped; dereferences to [`Io`].
///
/// # Invariants
///
/// `raw` is a live `pci_iomap()` mapping of a BAR of `dev`.
pub struct Bar<const SIZE: usize = 0> {
    raw: IoRaw<SIZE>,
    dev: ARef<Device>,
}

impl<const SIZE: usize> Deref for Bar<SIZE> {
    type Target = Io<SIZE>;

    fn deref(&self) -> &Io<SIZE> {
        // SAFETY: by the type invariant the BAR is mapped until drop,
        // which cannot happen while `self` is borrowed.
        unsafe { Io::from_raw(&self.raw) }
    }
}

impl<const SIZE: usize> Drop for Bar<SIZE> {
    fn drop(&mut self) {
        // SAFETY: by the type invariant this is our mapping of a BAR of
        // `dev`, unused from now on.
        unsafe { bindings::pci_iounmap(self.dev.as_raw(), self.raw.addr() as *mut c_void) };
    }
}

/// A registered PCI driver; dropping it unregisters the driver.
///
/// Registering probes every unbound function that matches, before
/// [`Registration::new`] returns; unregistering drops the data of every
/// function the driver is bound to before `drop` returns.
pub struct Registration<T: Driver> {
    /// The C driver, at a fixed address for as long as it is registered.
    drv: KBox<Opaque<bindings::pci_driver>>,
    /// The C id table that `drv` points to.
    _ids: KVec<bindings::pci_device_id>,
    _p: PhantomData<T>,
}

// SAFETY: a `Registration` is only a handle: registering and
// unregistering work from any thread, and `&self` allows nothing. The
// driver's data is `Send` (`Driver` requires it).
unsafe impl<T: Driver> Send for Registration<T> {}
// SAFETY: as above.
unsafe impl<T: Driver> Sync for Registration<T> {}

impl<T: Driver> Registration<T> {
    /// Registers the driver `T` under `name` (unique on the PCI bus) and
    /// binds it to the matching functions present.
    ///
    /// Errors: `EINVAL` (an empty [`Driver::ID_TABLE`]), `EBUSY` (the
    /// name is taken), `ENOMEM`. A failed probe is not an error here.
    pub fn new(name: &'static CStr) -> Result<Self> {
        if T::ID_TABLE.is_empty() {
            return Err(EINVAL);
        }
        let mut ids = KVec::new();
        ids.reserve(T::ID_TABLE.len() + 1, GFP_KERNEL)?;
        for (index, (id, _)) in T::ID_TABLE.iter().enumerate() {
            ids.push(id_entry(id, index), GFP_KERNEL)?;
        }
        // The all-zero entry that ends the table.
        ids.push(zeroed(), GFP_KERNEL)?;
        let mut drv: bindings::pci_driver = zeroed();
        drv.name = name.as_ptr();
        drv.id_table = ids.as_ptr();
        drv.probe = Some(probe_callback::<T>);
        drv.remove = Some(remove_callback::<T>);
        let drv = KBox::new(Opaque::new(drv), GFP_KERNEL)?;
        // SAFETY: `drv` is a filled-in driver at a fixed (heap) address
        // that stays valid, with its id table and name, until `drop`
        // unregisters it. The callbacks are the ones below, for `T`.
        to_result(unsafe { bindings::pci_register_driver(drv.get()) })?;
        Ok(Registration {
            drv,
            _ids: ids,
            _p: PhantomData,
        })
    }
}

impl<T: Driver> Drop for Registration<T> {
    fn drop(&mut self) {
        // SAFETY: registered by `new`, unregistered once; this removes the
        // driver from every function (dropping their data) before it
        // returns, so no callback runs afterwards.
        unsafe { bindings::pci_unregister_driver(self.drv.get()) }
    }
}

/// An all-zero C struct (an id table's end, a driver before filling in).
fn zeroed<T: Zeroable>() -> T {
    // SAFETY: `T` is one of the C structs below, made of integers,
    // nullable pointers and optional function pointers, for which all
    // zeroes is a valid value.
    unsafe { core::mem::zeroed() }
}

/// C structs for which all zeroes is a valid value.
trait Zeroable {}
impl Zeroable for bindings::pci_device_id {}
impl Zeroable for bindings::pci_driver {}

/// The C id table entry for `id`, whose `driver_data` is `index`.
fn id_entry(id: &DeviceId, index: usize) -> bindings::pci_device_id {
    let mut e: bindings::pci_device_id = zeroed();
    e.vendor = id.vendor;
    e.device = id.device;
    e.subvendor = bindings::PCI_ANY_ID;
    e.subdevice = bindings::PCI_ANY_ID;
    e.class = id.class;
    e.class_mask = id.class_mask;
    e.driver_data = index;
    e
}

/// The C `probe`: calls [`Driver::probe`] and keeps its data as the
/// function's driver data.
unsafe extern "C" fn probe_callback<T: Driver>(
    pdev: *mut bindings::pci_dev,
    id: *const bindings::pci_device_id,
) -> ffi::c_int {
    // SAFETY: the bus calls probe with a function that is added, alive
    // and locked against removal for the length of the call.
    let dev = unsafe { Device::from_raw(pdev) };
    // SAFETY: `id` is the entry of our table that matched; its
    // `driver_data` is the index we stored.
    let index: usize = unsafe { (*id).driver_data };
    let Some((_, info)) = T::ID_TABLE.get(index) else {
        return ENODEV.to_errno();
    };
    match T::probe(dev, info) {
        Ok(data) => {
            // SAFETY: the function is alive and being bound to this
            // driver; its driver data is ours until `remove_callback`.
            unsafe { bindings::dev_set_drvdata(addr_of_mut!((*pdev).dev), data.into_foreign()) };
            0
        }
        Err(e) => e.to_errno(),
    }
}

/// The C `remove`: drops the data [`probe_callback`] kept.
unsafe extern "C" fn remove_callback<T: Driver>(pdev: *mut bindings::pci_dev) {
    // SAFETY: the bus calls remove with a function bound to this driver,
    // alive for the call.
    let ptr = unsafe { bindings::dev_get_drvdata(addr_of!((*pdev).dev)) };
    // SAFETY: a bound function's driver data came from `into_foreign` in
    // `probe_callback` and is taken back only here, once.
    drop(unsafe { <Pin<KBox<T>> as ForeignOwnable>::try_from_foreign(ptr) });
}

/// QEMU's `edu` device, for the tests that drive it; `None`, with the
/// running KUnit case marked skipped, where the machine has none (QEMU
/// refuses edu without MSI, which versatilepb's interrupt controller
/// lacks: `scripts/qemu.sh`). May sleep.
#[cfg(CONFIG_KUNIT)]
#[doc(hidden)]
pub fn edu_or_skip() -> Option<ARef<Device>> {
    let dev = Device::get(0x1234, 0x11e8);
    if dev.is_none() {
        crate::kunit::skip(c"no QEMU edu device (it needs MSI, see scripts/qemu.sh)");
    }
    dev
}

/// Whether edu's registers are byte-swapped to this kernel, from its
/// identification register (`0xRRrr00ed`) as `read32(0)` returned it;
/// `None` if that is not edu's in either order. QEMU gives edu its
/// target's byte order: qemu-system-ppc64 is big-endian whatever mode its
/// guest runs in, so a little-endian powerpc kernel reads it swapped.
#[cfg(CONFIG_KUNIT)]
#[doc(hidden)]
pub fn edu_swapped(ident: u32) -> Option<bool> {
    match (ident & 0xff, ident >> 24) {
        (0xed, _) => Some(false),
        (_, 0xed) => Some(true),
        _ => None,
    }
}

#[crate::kunit_tests(rust_pci)]
mod tests {
    use super::*;
    use crate::prelude::*;
    use core::sync::atomic::{AtomicU32, Ordering};

    static PROBES: AtomicU32 = AtomicU32::new(0);
    static REMOVES: AtomicU32 = AtomicU32::new(0);

    fn slab_bytes() -> usize {
        crate::alloc::fault_inject::slab_bytes()
    }

    struct EduTest {
        dev: ARef<Device>,
        regs: Bar<0x100>,
    }

    impl Driver for EduTest {
        type IdInfo = u32;
        const ID_TABLE: IdTable<u32> = &[
            (DeviceId::from_id(0xdead, 0xbeef), 1),
            (DeviceId::from_id(0x1234, 0x11e8), 7),
        ];

        fn probe(dev: &Device, info: &'static u32) -> Result<Pin<KBox<Self>>> {
            if *info != 7 {
                return Err(EINVAL);
            }
            dev.enable_device()?;
            let regs = match dev.iomap_region::<0x100>(0) {
                Ok(regs) => regs,
                Err(e) => {
                    dev.disable_device();
                    return Err(e);
                }
            };
            PROBES.fetch_add(1, Ordering::Relaxed);
            let dev = dev.into();
            Ok(KBox::pin(EduTest { dev, regs }, GFP_KERNEL)?)
        }
    }

    impl Drop for EduTest {
        fn drop(&mut self) {
            // Still mapped and enabled here: the registers answer.
            if edu_swapped(self.regs.read32(0x0)).is_some() {
                REMOVES.fetch_add(1, Ordering::Relaxed);
            }
            self.dev.disable_device();
        }
    }

    #[test]
    fn binds_by_id_and_unbinds_on_drop() -> Result {
        if edu_or_skip().is_none() {
            return Ok(());
        }
        let slab = slab_bytes();
        PROBES.store(0, Ordering::Relaxed);
        REMOVES.store(0, Ordering::Relaxed);
        {
            let reg = Registration::<EduTest>::new(c_str!("rust-pci-test"))?;
            kunit_assert_eq!(PROBES.load(Ordering::Relaxed), 1);
            kunit_assert_eq!(REMOVES.load(Ordering::Relaxed), 0);
            // The same name twice is refused.
            kunit_assert!(matches!(
                Registration::<EduTest>::new(c_str!("rust-pci-test")),
                Err(e) if e == EBUSY
            ));
            drop(reg);
            kunit_assert_eq!(REMOVES.load(Ordering::Relaxed), 1);
        }
        kunit_assert_eq!(slab_bytes(), slab);
        Ok(())
    }

    #[test]
    fn device_describes_its_bars() -> Result {
        let Some(dev) = edu_or_skip() else {
            return Ok(());
        };
        kunit_assert_eq!(dev.vendor_id(), 0x1234);
        kunit_assert_eq!(dev.device_id(), 0x11e8);
        kunit_assert_eq!(dev.class(), 0x00ff00);
        kunit_assert!(dev.irq().is_some());
        kunit_assert_eq!(dev.resource_len(0), Ok(1 << 20));
        kunit_assert!(dev.resource_start(0).is_ok());
        kunit_assert_eq!(dev.resource_len(1), Ok(0));
        kunit_assert_eq!(dev.resource_start(1), Err(ENODEV));
        kunit_assert_eq!(dev.resource_len(6), Err(EINVAL));
        kunit_assert!(matches!(dev.iomap_region::<0>(1), Err(e) if e == ENODEV));
        kunit_assert!(matches!(dev.iomap_region::<{ 2 << 20 }>(0), Err(e) if e == EINVAL));
        Ok(())
    }
}
