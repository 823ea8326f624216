// SPDX-License-Identifier: GPL-2.0-only

//! The platform bus (`include/linux/platform_device.h`): devices that
//! board code declares by name, and drivers that bind to them.
//!
//! - [`Driver`]: what a platform driver implements. Its type is the
//!   driver's per-device data: [`Driver::probe`] makes one for each
//!   device it binds to, kept (pinned, in a [`KBox`]) as the device's
//!   driver data; dropping it is the driver's *remove*.
//! - [`Registration`]: a registered driver, unregistered when dropped
//!   (which removes the driver from every device it is bound to, dropping
//!   their data). [`module_platform_driver!`](crate::module_platform_driver)
//!   makes a built-in module whose only job is to hold one.
//! - [`Device`]: a `struct platform_device`, which dereferences to the
//!   generic [`device::Device`].
//! - [`DeviceRegistration`]: a platform device made and registered from
//!   Rust (mostly for tests), unregistered when dropped.
//!
//! Matching is by name, as in C: an entry of [`Driver::ID_TABLE`] equal
//! to the device's name (the table's value for that entry is passed to
//! `probe`), or, with an empty table, the driver's own name. Probe runs
//! for whichever of driver and device registers second; see
//! `Documentation/driver-api/devices.rst`.
//!
//! `probe` and the data's `Drop` run with the platform bus's lock held,
//! in process context: they may sleep and allocate, but must not register
//! or unregister platform devices or drivers, nor look devices up with
//! [`Device::find_by_name`].
//!
//! # Examples
//!
//! ```
//! use core::sync::atomic::{AtomicUsize, Ordering};
//! use kernel::prelude::*;
//! use kernel::platform;
//!
//! static LIVE: AtomicUsize = AtomicUsize::new(0);
//!
//! struct Blinker {
//!     period_ms: u32,
//! }
//!
//! impl platform::Driver for Blinker {
//!     type IdInfo = u32;
//!     const ID_TABLE: platform::IdTable<u32> = &[
//!         (c_str!("rust-blinker-slow"), 1000),
//!         (c_str!("rust-blinker-fast"), 100),
//!     ];
//!
//!     fn probe(pdev: &platform::Device, period: Option<&u32>) -> Result<Pin<KBox<Self>>> {
//!         let period_ms = *period.ok_or(EINVAL)?;
//!         dev_info!(pdev, "blinking every {} ms\n", period_ms);
//!         LIVE.fetch_add(1, Ordering::Relaxed);
//!         Ok(KBox::pin(Blinker { period_ms }, GFP_KERNEL)?)
//!     }
//! }
//!
//! impl Drop for Blinker {
//!     fn drop(&mut self) {
//!         LIVE.fetch_sub(1, Ordering::Relaxed);
//!     }
//! }
//!
//! let drv = platform::Registration::<Blinker>::new(c_str!("rust-blinker"))?;
//! let dev = platform::DeviceRegistration::new(c_str!("rust-blinker-fast"), 0)?;
//! assert!(dev.device().is_bound());
//! assert_eq!(LIVE.load(Ordering::Relaxed), 1);
//! drop(drv); // unbinds: the data is dropped
//! assert!(!dev.device().is_bound());
//! assert_eq!(LIVE.load(Ordering::Relaxed), 0);
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{flags::GFP_KERNEL, KBox, KVec};
use crate::device;
use crate::error::{code::*, from_err_ptr, to_result, Result};
use crate::str::CStr;
use crate::types::{ARef, ForeignOwnable, Opaque};
use core::marker::PhantomData;
use core::ops::Deref;
use core::pin::Pin;
use core::ptr::{addr_of, addr_of_mut, NonNull};

/// A driver's id table: device names, each with a value handed to
/// [`Driver::probe`] for devices of that name.
///
/// An empty table makes the driver match devices named like the driver
/// itself (the name given to [`Registration::new`]), and `probe` then
/// gets `None`. Names are at most [`NAME_MAX`] bytes.
pub type IdTable<T> = &'static [(&'static CStr, T)];

/// The longest device name an [`IdTable`] entry may hold
/// (`PLATFORM_NAME_SIZE` without its NUL).
pub const NAME_MAX: usize = bindings::PLATFORM_NAME_SIZE as usize - 1;

/// A platform driver.
///
/// The implementing type is the data the driver keeps for each device it
/// drives: made by [`probe`](Driver::probe), dropped when the device goes
/// away or the driver is unregistered (the C *remove*). It is `Send`
/// because either may happen on any thread.
pub trait Driver: Send + Sized + 'static {
    /// What an [`ID_TABLE`](Driver::ID_TABLE) entry carries to `probe`
    /// (`()` if nothing).
    type IdInfo: 'static;

    /// The devices the driver drives; see [`IdTable`].
    const ID_TABLE: IdTable<Self::IdInfo>;

    /// Binds the driver to `pdev`, whose name matched the entry of
    /// [`ID_TABLE`](Driver::ID_TABLE) whose value is `id_info` (`None`
    /// with an empty table).
    ///
    /// On success the data returned is kept until the device is unbound.
    /// An error leaves the device unbound (`ENODEV` and `ENXIO` quietly,
    /// others with a warning in the log); no other driver is tried.
    fn probe(pdev: &Device, id_info: Option<&'static Self::IdInfo>) -> Result<Pin<KBox<Self>>>;
}

/// A platform device: a C `struct platform_device`.
///
/// Dereferences to [`device::Device`] (its `dev` member), so it has the
/// generic device's methods and works with
/// [`dev_info!`](crate::dev_info) and the rest.
///
/// # Invariants
///
/// A `&Device` or [`ARef<Device>`](ARef) refers to a platform device
/// that has been added to the platform bus (so it is named), with a
/// reference count above zero for as long as the Rust reference exists.
#[repr(transparent)]
pub struct Device(Opaque<bindings::platform_device>);

// SAFETY: as for `device::Device`: only fixed fields are read (name, id),
// and the reference count is atomic.
unsafe impl Send for Device {}
// SAFETY: as above.
unsafe impl Sync for Device {}

impl Device {
    /// A borrowed `Device` from a C pointer.
    ///
    /// # Safety
    ///
    /// `ptr` is a valid platform device that was added to the bus, and
    /// stays alive for `'a`.
    pub unsafe fn from_raw<'a>(ptr: *mut bindings::platform_device) -> &'a Device {
        // SAFETY: `Device` is a transparent wrapper of the C struct, and
        // the caller guarantees that it lives for 'a.
        unsafe { &*ptr.cast::<Device>() }
    }

    /// The C pointer.
    pub fn as_raw(&self) -> *mut bindings::platform_device {
        self.0.get()
    }

    /// The device's id: the `N` of `name.N`, or `None` for a device
    /// named without one (`PLATFORM_DEVID_NONE`).
    pub fn id(&self) -> Option<u32> {
        // SAFETY: the device is alive and added, so its id is fixed.
        let id = unsafe { (*self.as_raw()).id };
        u32::try_from(id).ok()
    }

    /// The platform device named `name` (its full name, as
    /// [`device::Device::name`] gives it: `"foo"` or `"foo.1"`), with a
    /// reference taken, or `None`.
    ///
    /// Takes the platform bus's lock: not from a platform driver's
    /// `probe` or `Drop`. May sleep.
    pub fn find_by_name(name: &CStr) -> Option<ARef<Device>> {
        // SAFETY: the bus is a static; `name` is NUL-terminated and only
        // read during the call.
        let dev = unsafe {
            bindings::bus_find_device_by_name(
                addr_of_mut!(bindings::platform_bus_type),
                core::ptr::null_mut(),
                name.as_ptr(),
            )
        };
        let dev = NonNull::new(dev)?;
        // SAFETY: every device on the platform bus is the `dev` member of
        // a `struct platform_device`, so stepping back by the member's
        // offset stays inside that object.
        let pdev = unsafe {
            dev.as_ptr()
                .byte_sub(core::mem::offset_of!(bindings::platform_device, dev))
        };
        // SAFETY: `bus_find_device()` took a reference for us, which the
        // `ARef` now owns; `Device` wraps `platform_device` transparently,
        // and `pdev` is not null (it points into the same object as `dev`).
        Some(unsafe { ARef::from_raw(NonNull::new_unchecked(pdev.cast::<Device>())) })
    }
}

device::impl_bus_device!(Device, bindings::platform_device);

/// A registered platform driver; dropping it unregisters the driver.
///
/// Registering probes every unbound device that matches, before
/// [`Registration::new`] returns; unregistering drops the data of every
/// device the driver is bound to before `drop` returns.
pub struct Registration<T: Driver> {
    /// The C driver, at a fixed address for as long as it is registered.
    drv: KBox<Opaque<bindings::platform_driver>>,
    /// The C id table that `drv` points to (empty with an empty
    /// [`Driver::ID_TABLE`]).
    _ids: KVec<bindings::platform_device_id>,
    _p: PhantomData<T>,
}

// SAFETY: a `Registration` is only a handle: creating and dropping it
// (registering and unregistering) work from any thread, and `&self` allows
// nothing at all. The driver's data, made and dropped by the bus on any
// thread, is `Send` (`Driver` requires it).
unsafe impl<T: Driver> Send for Registration<T> {}
// SAFETY: as above.
unsafe impl<T: Driver> Sync for Registration<T> {}

impl<T: Driver> Registration<T> {
    /// Registers the driver `T` under `name`, which must be unique on the
    /// platform bus, and binds it to the matching devices present.
    ///
    /// Errors: `EINVAL` (an [`IdTable`] name longer than [`NAME_MAX`]),
    /// `EBUSY` (another driver has this name), `ENOMEM`. A failed probe is
    /// not an error here: that device just stays unbound.
    pub fn new(name: &'static CStr) -> Result<Self> {
        let mut ids = KVec::new();
        if !T::ID_TABLE.is_empty() {
            ids.reserve(T::ID_TABLE.len() + 1, GFP_KERNEL)?;
            for (index, (dev_name, _)) in T::ID_TABLE.iter().enumerate() {
                ids.push(id_entry(dev_name, index)?, GFP_KERNEL)?;
            }
            // The all-zero entry that ends the table.
            ids.push(zeroed_id(), GFP_KERNEL)?;
        }
        let drv = bindings::platform_driver {
            probe: Some(probe_callback::<T>),
            remove: Some(remove_callback::<T>),
            driver: bindings::device_driver {
                name: name.as_ptr(),
                bus: core::ptr::null_mut(),
                probe: None,
                remove: None,
                // SAFETY: a list head that is all zero is valid (two null
                // pointers); `driver_register()` initialises it.
                bus_node: unsafe { core::mem::zeroed() },
            },
            id_table: if ids.is_empty() {
                core::ptr::null()
            } else {
                ids.as_ptr()
            },
        };
        let drv = KBox::new(Opaque::new(drv), GFP_KERNEL)?;
        // SAFETY: `drv` is a filled-in driver at a fixed (heap) address
        // that stays valid, with its id table and name, until `drop`
        // unregisters it. The callbacks are the ones below, for `T`.
        to_result(unsafe { bindings::platform_driver_register(drv.get()) })?;
        Ok(Registration {
            drv,
            _ids: ids,
            _p: PhantomData,
        })
    }
}

impl<T: Driver> Drop for Registration<T> {
    fn drop(&mut self) {
        // SAFETY: the driver was registered by `new`, and is unregistered
        // once; this removes it from every device (dropping their data)
        // before it returns, so no callback runs afterwards.
        unsafe { bindings::platform_driver_unregister(self.drv.get()) }
    }
}

/// An all-zero C id table entry: the end of a table.
fn zeroed_id() -> bindings::platform_device_id {
    // SAFETY: the struct is a byte array and an integer, for which zero
    // is a valid value. (The bindings' `Default` is not used: the
    // `bindings` crate has no object file to link its functions from.)
    unsafe { core::mem::zeroed() }
}

/// A C id table entry for `name`, whose `driver_data` is `index`.
fn id_entry(name: &CStr, index: usize) -> Result<bindings::platform_device_id> {
    let mut id = zeroed_id();
    let bytes = name.as_bytes();
    if bytes.is_empty() || bytes.len() > NAME_MAX {
        return Err(EINVAL);
    }
    for (dst, &src) in id.name.iter_mut().zip(bytes) {
        *dst = src as ffi::c_char;
    }
    id.driver_data = index as ffi::c_ulong;
    Ok(id)
}

/// The C `probe`: calls [`Driver::probe`] and keeps its data as the
/// device's driver data.
unsafe extern "C" fn probe_callback<T: Driver>(pdev: *mut bindings::platform_device) -> ffi::c_int {
    // SAFETY: the bus calls probe with a device that is added, alive and
    // locked against removal for the length of the call.
    let dev = unsafe { Device::from_raw(pdev) };
    let id_info = if T::ID_TABLE.is_empty() {
        None
    } else {
        // SAFETY: with an id table, the bus matched the device against it
        // and set `id_entry` to the matching entry of our table (its
        // `driver_data` is the entry's index) just before this call.
        let index: usize = unsafe { (*(*pdev).id_entry).driver_data };
        T::ID_TABLE.get(index).map(|(_, info)| info)
    };
    match T::probe(dev, id_info) {
        Ok(data) => {
            // SAFETY: the device is alive and being bound to this driver;
            // its driver data is ours until `remove_callback`.
            unsafe { bindings::dev_set_drvdata(addr_of_mut!((*pdev).dev), data.into_foreign()) };
            0
        }
        Err(e) => e.to_errno(),
    }
}

/// The C `remove`: drops the data [`probe_callback`] kept.
unsafe extern "C" fn remove_callback<T: Driver>(pdev: *mut bindings::platform_device) {
    // SAFETY: the bus calls remove with a device bound to this driver,
    // alive for the call.
    let ptr = unsafe { bindings::dev_get_drvdata(addr_of!((*pdev).dev)) };
    // SAFETY: a bound device's driver data came from `into_foreign` in
    // `probe_callback` and is taken back only here, once (the bus clears
    // it after remove). Nothing borrows it.
    drop(unsafe { <Pin<KBox<T>> as ForeignOwnable>::try_from_foreign(ptr) });
}

/// A platform device registered from Rust, unregistered when dropped.
///
/// Mostly for tests: board code declares the machine's devices in C.
/// Registering probes the device against the drivers present; dropping
/// removes its driver (if any) first, then the device, which is freed at
/// its last reference (an [`ARef`] may keep it).
pub struct DeviceRegistration {
    pdev: NonNull<bindings::platform_device>,
}

// SAFETY: the registration is a handle to an added device; unregistering
// works from any thread, and `&self` only lends out a `&Device`, which is
// `Sync`.
unsafe impl Send for DeviceRegistration {}
// SAFETY: as above.
unsafe impl Sync for DeviceRegistration {}

impl DeviceRegistration {
    /// Registers a device named `name` (copied) with id `id`, so that
    /// its full name is `"name.id"`; see [`DeviceRegistration::new_id`]
    /// for the other kinds of id.
    ///
    /// Errors: `EINVAL` (an empty name, an id above `i32::MAX`),
    /// `ENOMEM`. As in C, names are not checked for uniqueness.
    pub fn new(name: &CStr, id: u32) -> Result<Self> {
        let id = ffi::c_int::try_from(id).map_err(|_| EINVAL)?;
        Self::new_id(name, id)
    }

    /// Registers a device named `name` (copied) with the C id `id`: a
    /// number `>= 0` (`"name.id"`), `-1` (`PLATFORM_DEVID_NONE`: just
    /// `"name"`) or `-2` (`PLATFORM_DEVID_AUTO`: `"name.N.auto"`).
    ///
    /// Errors: `EINVAL` (empty name, other negative id), `ENOMEM`.
    pub fn new_id(name: &CStr, id: ffi::c_int) -> Result<Self> {
        if name.is_empty() || id < bindings::PLATFORM_DEVID_AUTO {
            return Err(EINVAL);
        }
        // SAFETY: `name` is NUL-terminated (the C function copies it); no
        // resources.
        let pdev = from_err_ptr(unsafe {
            bindings::platform_device_register_simple(name.as_ptr(), id, core::ptr::null(), 0)
        })?;
        Ok(DeviceRegistration {
            pdev: NonNull::new(pdev).ok_or(ENOMEM)?,
        })
    }

    /// The device.
    pub fn device(&self) -> &Device {
        // SAFETY: the device is added and stays alive until `drop`.
        unsafe { Device::from_raw(self.pdev.as_ptr()) }
    }
}

impl Deref for DeviceRegistration {
    type Target = Device;

    fn deref(&self) -> &Device {
        self.device()
    }
}

impl Drop for DeviceRegistration {
    fn drop(&mut self) {
        // SAFETY: registered in `new_id`, unregistered once here; this
        // drops the registration's own reference.
        unsafe { bindings::platform_device_unregister(self.pdev.as_ptr()) }
    }
}

/// A built-in module that registers one platform driver; made by
/// [`module_platform_driver!`](crate::module_platform_driver).
///
/// The driver is registered under the module's name.
pub struct Module<T: Driver> {
    _reg: Registration<T>,
}

impl<T: Driver> crate::Module for Module<T> {
    fn init(module: &'static crate::ThisModule) -> Result<Self> {
        Ok(Module {
            _reg: Registration::new(CStr::from_core(module.name()))?,
        })
    }
}

/// Declares a built-in module whose only job is to register a platform
/// driver (like C's `module_platform_driver()`).
///
/// Takes the same keys as [`module!`](crate::module!), with `type` being
/// the [`Driver`]. The driver is registered under the module's `name` at
/// the module's `init` (boot, `device_initcall` level, after the board's
/// devices exist), and unregistered when the module is dropped at
/// shutdown.
///
/// # Examples
///
/// (Not run as a doctest: `module!` registers an initcall at link time.
/// `drivers/platform/rust_platform_sample.rs` is a complete driver.)
///
/// ```ignore
/// use kernel::prelude::*;
/// use kernel::platform;
///
/// struct Foo;
///
/// impl platform::Driver for Foo {
///     type IdInfo = ();
///     const ID_TABLE: platform::IdTable<()> = &[(c_str!("foo"), ())];
///
///     fn probe(pdev: &platform::Device, _: Option<&()>) -> Result<Pin<KBox<Self>>> {
///         dev_info!(pdev, "probed\n");
///         Ok(KBox::pin(Foo, GFP_KERNEL)?)
///     }
/// }
///
/// kernel::module_platform_driver! {
///     type: Foo,
///     name: "foo",
///     license: "GPL",
/// }
/// ```
#[macro_export]
macro_rules! module_platform_driver {
    (type: $type:ident, $($rest:tt)*) => {
        type __ModulePlatformDriver = $crate::platform::Module<$type>;
        $crate::module! {
            type: __ModulePlatformDriver,
            $($rest)*
        }
    };
}

#[crate::kunit_tests(rust_platform)]
mod tests {
    use super::*;
    use crate::prelude::*;
    use core::sync::atomic::{AtomicI32, AtomicUsize, Ordering};

    use crate::alloc::fault_inject::slab_bytes;

    crate::global_lock! {
        /// What the test driver saw: `+name:info` for a probe, `-name`
        /// for a drop.
        static EVENTS: Mutex<[u8; 128]> = [0; 128];
    }
    static PROBE_ERR: AtomicI32 = AtomicI32::new(0);
    static LIVE: AtomicUsize = AtomicUsize::new(0);

    fn log(args: core::fmt::Arguments<'_>) {
        let mut ev = EVENTS.lock();
        let len = ev.iter().position(|&b| b == 0).unwrap_or(ev.len());
        let mut f = crate::str::RawFormatter::new(&mut ev[len..]);
        let _ = core::fmt::Write::write_fmt(&mut f, args);
    }

    fn events() -> [u8; 128] {
        *EVENTS.lock()
    }

    fn reset() {
        *EVENTS.lock() = [0; 128];
        PROBE_ERR.store(0, Ordering::Relaxed);
    }

    fn events_are(expected: &[u8]) -> bool {
        let ev = events();
        let len = ev.iter().position(|&b| b == 0).unwrap_or(ev.len());
        &ev[..len] == expected
    }

    struct TestDriver {
        dev: ARef<Device>,
        _buf: KVec<u8>,
    }

    impl Driver for TestDriver {
        type IdInfo = u8;
        const ID_TABLE: IdTable<u8> = &[(c_str!("rust-pt-a"), b'a'), (c_str!("rust-pt-b"), b'b')];

        fn probe(pdev: &Device, info: Option<&u8>) -> Result<Pin<KBox<Self>>> {
            let info = info.copied().unwrap_or(b'?') as char;
            log(format_args!("+{}:{} ", pdev.name(), info));
            let err = PROBE_ERR.load(Ordering::Relaxed);
            if err != 0 {
                return Err(Error::from_errno(err));
            }
            // Some memory, so that a missed drop shows as a leak.
            let buf = KVec::from_elem(0u8, 100, GFP_KERNEL)?;
            LIVE.fetch_add(1, Ordering::Relaxed);
            Ok(KBox::pin(
                TestDriver {
                    dev: pdev.into(),
                    _buf: buf,
                },
                GFP_KERNEL,
            )?)
        }
    }

    impl Drop for TestDriver {
        fn drop(&mut self) {
            log(format_args!("-{} ", self.dev.name()));
            LIVE.fetch_sub(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn probe_and_remove_by_device() -> Result {
        reset();
        let start = slab_bytes();
        {
            let drv = Registration::<TestDriver>::new(c_str!("rust-pt"))?;
            kunit_assert!(events_are(b""));
            let a = DeviceRegistration::new(c_str!("rust-pt-a"), 1)?;
            kunit_assert!(events_are(b"+rust-pt-a.1:a "));
            kunit_assert!(a.is_bound());
            kunit_assert_eq!(LIVE.load(Ordering::Relaxed), 1);
            // Not in the table: not bound.
            let c = DeviceRegistration::new(c_str!("rust-pt-c"), 1)?;
            kunit_assert!(!c.is_bound());
            drop(a);
            kunit_assert!(events_are(b"+rust-pt-a.1:a -rust-pt-a.1 "));
            kunit_assert_eq!(LIVE.load(Ordering::Relaxed), 0);
            drop(c);
            drop(drv);
            kunit_assert!(events_are(b"+rust-pt-a.1:a -rust-pt-a.1 "));
        }
        kunit_assert_eq!(slab_bytes(), start);
        Ok(())
    }

    #[test]
    fn probe_existing_devices_and_remove_by_driver() -> Result {
        reset();
        let start = slab_bytes();
        {
            let a = DeviceRegistration::new_id(c_str!("rust-pt-a"), -1)?;
            let b = DeviceRegistration::new(c_str!("rust-pt-b"), 7)?;
            let drv = Registration::<TestDriver>::new(c_str!("rust-pt"))?;
            kunit_assert!(events_are(b"+rust-pt-a:a +rust-pt-b.7:b "));
            kunit_assert!(a.is_bound() && b.is_bound());
            kunit_assert_eq!(a.id(), None);
            kunit_assert_eq!(b.id(), Some(7));
            // Found by its full name, the same device.
            let found = Device::find_by_name(c_str!("rust-pt-b.7")).ok_or(ENOENT)?;
            kunit_assert_eq!(found.as_raw(), b.as_raw());
            kunit_assert!(Device::find_by_name(c_str!("rust-pt-b")).is_none());
            drop(drv);
            kunit_assert!(events_are(
                b"+rust-pt-a:a +rust-pt-b.7:b -rust-pt-a -rust-pt-b.7 "
            ));
            kunit_assert!(!a.is_bound() && !b.is_bound());
            kunit_assert_eq!(LIVE.load(Ordering::Relaxed), 0);
        }
        kunit_assert_eq!(slab_bytes(), start);
        Ok(())
    }

    #[test]
    fn probe_error_leaves_nothing_bound() -> Result {
        reset();
        let start = slab_bytes();
        {
            PROBE_ERR.store(ENODEV.to_errno(), Ordering::Relaxed);
            let drv = Registration::<TestDriver>::new(c_str!("rust-pt"))?;
            let a = DeviceRegistration::new(c_str!("rust-pt-a"), 2)?;
            kunit_assert!(events_are(b"+rust-pt-a.2:a "));
            kunit_assert!(!a.is_bound());
            kunit_assert_eq!(LIVE.load(Ordering::Relaxed), 0);
            // Nothing to remove on either side.
            drop(drv);
            drop(a);
            kunit_assert!(events_are(b"+rust-pt-a.2:a "));
        }
        kunit_assert_eq!(slab_bytes(), start);
        PROBE_ERR.store(0, Ordering::Relaxed);
        Ok(())
    }

    /// Matches by the driver's own name: no id table.
    struct ByName;

    impl Driver for ByName {
        type IdInfo = ();
        const ID_TABLE: IdTable<()> = &[];

        fn probe(pdev: &Device, info: Option<&()>) -> Result<Pin<KBox<Self>>> {
            log(format_args!("+{}:{} ", pdev.name(), info.is_some()));
            Ok(KBox::pin(ByName, GFP_KERNEL)?)
        }
    }

    /// Names an entry too long for the C table.
    struct LongName;

    impl Driver for LongName {
        type IdInfo = ();
        const ID_TABLE: IdTable<()> = &[(c_str!("rust-pt-name-of-24-bytes"), ())];

        fn probe(_: &Device, _: Option<&()>) -> Result<Pin<KBox<Self>>> {
            Ok(KBox::pin(LongName, GFP_KERNEL)?)
        }
    }

    #[test]
    fn names_and_registration_errors() -> Result {
        reset();
        let drv = Registration::<ByName>::new(c_str!("rust-pt-byname"))?;
        let d = DeviceRegistration::new_id(c_str!("rust-pt-byname"), -1)?;
        kunit_assert!(events_are(b"+rust-pt-byname:false "));
        kunit_assert!(d.is_bound());
        // Two drivers of one name: refused, and the first one stays.
        kunit_assert_eq!(
            Registration::<ByName>::new(c_str!("rust-pt-byname")).err(),
            Some(EBUSY)
        );
        kunit_assert!(d.is_bound());
        drop(d);
        drop(drv);

        kunit_assert_eq!(
            Registration::<LongName>::new(c_str!("rust-pt-long")).err(),
            Some(EINVAL)
        );
        kunit_assert_eq!(DeviceRegistration::new(c_str!(""), 0).err(), Some(EINVAL));
        kunit_assert_eq!(
            DeviceRegistration::new_id(c_str!("rust-pt-x"), -3).err(),
            Some(EINVAL)
        );
        let auto = DeviceRegistration::new_id(c_str!("rust-pt-x"), -2)?;
        kunit_assert!(auto.name().to_str().is_ok_and(|n| n.ends_with(".auto")));
        Ok(())
    }
}
