// SPDX-License-Identifier: GPL-2.0-only

//! Devices: [`Device`], a C `struct device` of the device model
//! (`include/linux/device.h`), and the [`dev_info!`](crate::dev_info)
//! family of printing macros that prefix a message with the device.
//!
//! Rust sees a device only by reference: borrowed for the length of a
//! callback (a bus gives `&Device` to a driver's `probe`), or counted,
//! as an [`ARef<Device>`](ARef) that holds a `get_device()` reference
//! and drops it with `put_device()`. A counted reference keeps the
//! `struct device` in memory, not bound nor even added: a driver that
//! keeps one in its data sees a device that may already be removed from
//! its bus by the time the data is dropped.
//!
//! Bus-specific devices (for instance [`platform::Device`]) dereference to
//! [`Device`], so the methods and macros here work on them too.
//!
//! [`platform::Device`]: crate::platform::Device
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::device::Device;
//! use kernel::platform;
//! use kernel::types::ARef;
//!
//! let reg = platform::DeviceRegistration::new(c_str!("rust-dev-doc"), 3)?;
//! let dev: &Device = reg.device();
//! assert_eq!(dev.name().to_str(), Ok("rust-dev-doc.3"));
//! assert!(!dev.is_bound());
//!
//! // A counted reference outlives the borrow it was made from.
//! let kept: ARef<Device> = dev.into();
//! drop(reg);
//! assert_eq!(kept.name().to_str(), Ok("rust-dev-doc.3"));
//!
//! dev_info!(kept, "hello from {}\n", "Rust");
//! let mut tail = [0u8; 128];
//! let n = kernel::print::log_tail(&mut tail);
//! assert!(tail[..n].windows(32).any(|w| w == b"platform rust-dev-doc.3: hello f"));
//! # Ok::<(), Error>(())
//! ```

use crate::error::Result;
use crate::print::LineBuf;
use crate::str::CStr;
use crate::types::{ARef, AlwaysRefCounted, Opaque};
use core::fmt;
use core::ptr::{addr_of, NonNull};

/// A device of the device model: a C `struct device`.
///
/// # Invariants
///
/// A `&Device` or [`ARef<Device>`](ARef) always refers to a device that
/// `device_initialize()` has set up and that is named, with a reference
/// count above zero for as long as the Rust reference exists.
#[repr(transparent)]
pub struct Device(Opaque<bindings::device>);

// SAFETY: the methods of `Device` only read fields that are fixed once
// the device is added (the name) or read atomically (the bound driver),
// and the reference count is atomic: any thread may use and drop it.
unsafe impl Send for Device {}
// SAFETY: as above: `&Device` allows nothing that needs a single thread.
unsafe impl Sync for Device {}

impl Device {
    /// A borrowed `Device` from a C pointer.
    ///
    /// # Safety
    ///
    /// `ptr` is a valid, initialised and named device that stays alive
    /// (its reference count above zero) for `'a`.
    pub unsafe fn from_raw<'a>(ptr: *mut bindings::device) -> &'a Device {
        // SAFETY: `Device` is a transparent wrapper of the C struct, and
        // the caller guarantees that it lives for 'a.
        unsafe { &*ptr.cast::<Device>() }
    }

    /// A counted reference to the device at `ptr`, taking a new
    /// reference (`get_device()`).
    ///
    /// # Safety
    ///
    /// `ptr` is a valid, initialised and named device, alive for the
    /// length of the call.
    pub unsafe fn get_device(ptr: *mut bindings::device) -> ARef<Device> {
        // SAFETY: the caller guarantees that `ptr` is alive now; `into`
        // takes the reference that keeps it alive afterwards.
        unsafe { Device::from_raw(ptr) }.into()
    }

    /// The C pointer, for the abstractions of buses and classes.
    pub fn as_raw(&self) -> *mut bindings::device {
        self.0.get()
    }

    /// The device's name (`dev_name()`), e.g. `"serial8250"` or
    /// `"foo.1"`.
    pub fn name(&self) -> &CStr {
        // SAFETY: the device is alive; its name is set before it is added
        // and only freed at the last `put_device()`, which cannot happen
        // while `&self` holds the device alive. `dev_name()` never returns
        // NULL (an unnamed device gives "").
        unsafe { CStr::from_char_ptr(bindings::dev_name(self.as_raw())) }
    }

    /// Whether a driver is bound to the device now.
    ///
    /// Without a lock this is only a snapshot: the driver may be bound or
    /// removed right after (meaningful in tests, or from the driver's own
    /// callbacks, where its binding is stable).
    pub fn is_bound(&self) -> bool {
        // SAFETY: the device is alive; `driver` is a pointer-sized field
        // that drivers/base writes with WRITE_ONCE(), read here the same
        // way (only compared with NULL, never dereferenced).
        let drv = unsafe { core::ptr::read_volatile(addr_of!((*self.as_raw()).driver)) };
        !drv.is_null()
    }

    /// Unbinds the device from its driver, if any (C's
    /// `device_release_driver()`): the driver's remove runs, and with it
    /// go the driver's resources. Not from a probe or remove of the same
    /// bus. May sleep.
    pub fn release_driver(&self) {
        // SAFETY: the device is alive; the C function takes the bus's
        // lock and does nothing for an unbound device.
        unsafe { bindings::device_release_driver(self.as_raw()) }
    }

    /// Binds the device to the first driver of its bus that matches and
    /// probes it (C's `device_attach()`): whether it is bound now;
    /// `EINVAL` for a device on no bus. Not from a probe or remove of the
    /// same bus. May sleep.
    pub fn attach(&self) -> Result<bool> {
        // SAFETY: the device is alive; the C function takes the bus's lock.
        let ret = unsafe { bindings::device_attach(self.as_raw()) };
        crate::error::to_result(ret)?;
        Ok(ret > 0)
    }

    /// Prints `args` at the level of `format`, after the driver's (or
    /// bus's) name and the device's name, like C's `dev_printk()`.
    ///
    /// Used by the [`dev_info!`](crate::dev_info) family; call those
    /// instead.
    #[doc(hidden)]
    pub fn printk(&self, format: &format_strings::Format, args: fmt::Arguments<'_>) {
        let line = LineBuf::format(args);
        // `len` is at most LINE_MAX (511), so it fits in a C int.
        let len = line.len as ffi::c_int;
        // SAFETY: `format` is NUL-terminated, and its conversions take two
        // C strings (`dev_driver_string()` and `dev_name()` never return
        // NULL, and the device is alive for the call) and then an int
        // length and a pointer to at least that many bytes.
        unsafe {
            bindings::printk(
                format.as_ptr().cast(),
                bindings::dev_driver_string(self.as_raw()),
                bindings::dev_name(self.as_raw()),
                len,
                line.buf.as_ptr(),
            );
        }
    }
}

impl AsRef<Device> for Device {
    fn as_ref(&self) -> &Device {
        self
    }
}

// SAFETY: `get_device()`/`put_device()` keep the device alive while the
// count is above zero (the last put calls its `release`); both are atomic
// and may be called from any thread.
unsafe impl AlwaysRefCounted for Device {
    fn inc_ref(&self) {
        // SAFETY: the device is alive (we have a reference to it).
        unsafe { bindings::get_device(self.as_raw()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: the caller owns a reference, which it gives up.
        unsafe { bindings::put_device(obj.as_ptr().cast()) }
    }
}

/// `printk()` formats for [`Device::printk`]: level, then driver and
/// device names, then the Rust text as `%.*s`.
#[doc(hidden)]
pub mod format_strings {
    /// A level prefix and `"%s %s: %.*s"`, NUL-terminated.
    pub type Format = [u8; 14];
    /// `KERN_EMERG`.
    pub const EMERG: Format = *b"\x010%s %s: %.*s\0";
    /// `KERN_ALERT`.
    pub const ALERT: Format = *b"\x011%s %s: %.*s\0";
    /// `KERN_CRIT`.
    pub const CRIT: Format = *b"\x012%s %s: %.*s\0";
    /// `KERN_ERR`.
    pub const ERR: Format = *b"\x013%s %s: %.*s\0";
    /// `KERN_WARNING`.
    pub const WARNING: Format = *b"\x014%s %s: %.*s\0";
    /// `KERN_NOTICE`.
    pub const NOTICE: Format = *b"\x015%s %s: %.*s\0";
    /// `KERN_INFO`.
    pub const INFO: Format = *b"\x016%s %s: %.*s\0";
    /// `KERN_DEBUG`.
    pub const DEBUG: Format = *b"\x017%s %s: %.*s\0";
}

#[doc(hidden)]
#[macro_export]
macro_rules! dev_printk (
    ($level:ident, $dev:expr, $($arg:tt)+) => (
        $crate::device::Device::printk(
            ::core::convert::AsRef::<$crate::device::Device>::as_ref(&*$dev),
            &$crate::device::format_strings::$level,
            ::core::format_args!($($arg)+),
        )
    );
);

/// Prints an emergency-level message (level 0) about a device.
///
/// The first argument is anything that dereferences to something with
/// `AsRef<Device>`: `&Device`, `ARef<Device>`, `&platform::Device`...
/// The rest is a format string and its arguments, as for
/// [`pr_info!`](crate::pr_info). The line starts with the bound driver's
/// name (else the bus's) and the device's name, as C's `dev_emerg()`.
#[macro_export]
macro_rules! dev_emerg (($dev:expr, $($arg:tt)+) => ($crate::dev_printk!(EMERG, $dev, $($arg)+)));
/// Prints an alert-level message (level 1) about a device; see
/// [`dev_emerg!`](crate::dev_emerg).
#[macro_export]
macro_rules! dev_alert (($dev:expr, $($arg:tt)+) => ($crate::dev_printk!(ALERT, $dev, $($arg)+)));
/// Prints a critical-level message (level 2) about a device; see
/// [`dev_emerg!`](crate::dev_emerg).
#[macro_export]
macro_rules! dev_crit (($dev:expr, $($arg:tt)+) => ($crate::dev_printk!(CRIT, $dev, $($arg)+)));
/// Prints an error-level message (level 3) about a device; see
/// [`dev_emerg!`](crate::dev_emerg).
#[macro_export]
macro_rules! dev_err (($dev:expr, $($arg:tt)+) => ($crate::dev_printk!(ERR, $dev, $($arg)+)));
/// Prints a warning-level message (level 4) about a device; see
/// [`dev_emerg!`](crate::dev_emerg).
#[macro_export]
macro_rules! dev_warn (($dev:expr, $($arg:tt)+) => ($crate::dev_printk!(WARNING, $dev, $($arg)+)));
/// Prints a notice-level message (level 5) about a device; see
/// [`dev_emerg!`](crate::dev_emerg).
#[macro_export]
macro_rules! dev_notice (($dev:expr, $($arg:tt)+) => ($crate::dev_printk!(NOTICE, $dev, $($arg)+)));
/// Prints an info-level message (level 6) about a device; see
/// [`dev_emerg!`](crate::dev_emerg).
#[macro_export]
macro_rules! dev_info (($dev:expr, $($arg:tt)+) => ($crate::dev_printk!(INFO, $dev, $($arg)+)));
/// Prints a debug-level message (level 7; shown with `loglevel=8`) about
/// a device; see [`dev_emerg!`](crate::dev_emerg).
#[macro_export]
macro_rules! dev_dbg (($dev:expr, $($arg:tt)+) => ($crate::dev_printk!(DEBUG, $dev, $($arg)+)));

/// Makes a bus's device type `$ty` a [`Device`]: `Deref` and `AsRef` to
/// the `struct device` that its C struct `$c` embeds as `dev`, and
/// [`AlwaysRefCounted`] through that `dev`'s count, as every bus device in
/// Linux counts through its embedded device (`platform_device`, `pci_dev`).
///
/// `$ty` must be a `#[repr(transparent)]` wrapper of `$c` with
/// `fn as_raw(&self) -> *mut $c`, whose invariants say that a `&$ty` or
/// `ARef<$ty>` refers to a device the bus added (so `dev` is initialised
/// and named) with a count above zero.
macro_rules! impl_bus_device {
    ($ty:ty, $c:ty) => {
        impl core::ops::Deref for $ty {
            type Target = $crate::device::Device;

            fn deref(&self) -> &$crate::device::Device {
                // SAFETY: by `$ty`'s invariants the bus device is alive and
                // added, so its `dev` member is initialised and named.
                unsafe {
                    $crate::device::Device::from_raw(core::ptr::addr_of_mut!((*self.as_raw()).dev))
                }
            }
        }

        impl AsRef<$crate::device::Device> for $ty {
            fn as_ref(&self) -> &$crate::device::Device {
                self
            }
        }

        // SAFETY: the bus device's reference count is its `dev`'s, which
        // `get_device()`/`put_device()` manage (see `device::Device`).
        unsafe impl $crate::types::AlwaysRefCounted for $ty {
            fn inc_ref(&self) {
                <$crate::device::Device as $crate::types::AlwaysRefCounted>::inc_ref(self);
            }

            unsafe fn dec_ref(obj: core::ptr::NonNull<Self>) {
                // SAFETY: the caller owns a reference to the bus device, so
                // its `dev` member is alive; the reference is given up here.
                unsafe {
                    let dev = core::ptr::addr_of_mut!((*obj.as_ptr().cast::<$c>()).dev);
                    bindings::put_device(dev)
                }
            }
        }
    };
}
pub(crate) use impl_bus_device;

#[crate::kunit_tests(rust_device)]
mod tests {
    use super::*;
    use crate::platform::DeviceRegistration;
    use crate::prelude::*;

    pub(crate) use crate::alloc::fault_inject::slab_bytes;

    use crate::print::log_tail_contains;

    #[test]
    fn reference_counting_keeps_the_device() -> Result {
        let start = slab_bytes();
        {
            let reg = DeviceRegistration::new(c_str!("rust-dev-rc"), 1)?;
            let dev: &Device = &reg;
            let a: ARef<Device> = dev.into();
            let b = a.clone();
            kunit_assert_eq!(a.as_raw(), dev.as_raw());
            drop(reg);
            // Unregistered, but still named and in memory.
            kunit_assert_eq!(b.name().to_str(), Ok("rust-dev-rc.1"));
            kunit_assert!(!b.is_bound());
        }
        // The last put freed the device and its name.
        kunit_assert_eq!(slab_bytes(), start);
        Ok(())
    }

    #[test]
    fn printing_names_the_device() -> Result {
        let reg = DeviceRegistration::new(c_str!("rust-dev-print"), 2)?;
        let dev: &Device = &reg;
        dev_err!(dev, "err {}\n", 1);
        kunit_assert!(log_tail_contains(b"platform rust-dev-print.2: err 1"));
        dev_warn!(dev, "warn {:?}\n", Some(2));
        kunit_assert!(log_tail_contains(
            b"platform rust-dev-print.2: warn Some(2)"
        ));
        dev_notice!(dev, "notice\n");
        kunit_assert!(log_tail_contains(b"platform rust-dev-print.2: notice"));
        let kept: ARef<Device> = dev.into();
        dev_info!(kept, "info {:#x}\n", 255);
        kunit_assert!(log_tail_contains(b"platform rust-dev-print.2: info 0xff"));
        Ok(())
    }
}
