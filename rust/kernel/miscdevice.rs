// SPDX-License-Identifier: GPL-2.0-only

//! Miscellaneous character devices: register a driver's
//! [`FileOperations`] with [`MiscDeviceRegistration`], and `/dev/<name>`
//! appears.
//!
//! C side: `include/linux/miscdevice.h`, `drivers/char/misc.c` (major 10,
//! one minor per device, a `/dev` node created on registration). Opening
//! the node runs misc's open, which finds the `struct miscdevice` by
//! minor, sets `file->private_data` to it and installs its `fops`: the
//! table [`crate::fs::file_operations`] builds for the driver, whose
//! `open` finds the registration's data from `private_data` and calls
//! [`FileOperations::open`]. Everything after that is described in
//! [`crate::fs::file_operations`].
//!
//! The registration is removed (`misc_deregister()`) before its data is
//! dropped, and `misc_deregister()` waits for opens in progress (both take
//! misc's mutex), so `open` never sees a dropped registration; files
//! already open keep working through their own state.
//!
//! # Examples
//!
//! ```
//! use kernel::fs::{File, FileOperations, Kiocb};
//! use kernel::iov::IovIterDest;
//! use kernel::miscdevice::{MiscDeviceOptions, MiscDeviceRegistration};
//! use kernel::prelude::*;
//!
//! /// A device that reads as "hi\n", at every open.
//! struct Hello;
//!
//! #[vtable]
//! impl FileOperations for Hello {
//!     type Ptr = ();
//!     type RegistrationData = ();
//!
//!     fn open(_file: &File, _data: &()) -> Result {
//!         Ok(())
//!     }
//!
//!     fn read_iter(_dev: (), kiocb: &mut Kiocb<'_>, iov: &mut IovIterDest<'_>) -> Result<usize> {
//!         iov.simple_read_from_buffer(kiocb.pos_mut(), b"hi\n")
//!     }
//! }
//!
//! let opts = MiscDeviceOptions { name: c_str!("rust_doc_hello") };
//! let reg = KBox::pin_init(MiscDeviceRegistration::<Hello>::register(opts, ()), GFP_KERNEL)?;
//! assert!(reg.minor() >= 256); // a dynamic minor
//! // /dev/rust_doc_hello exists until `reg` is dropped.
//! # Ok::<(), Error>(())
//! ```

use crate::error::{to_result, Error};
use crate::fs::file_operations::{FileOperationsVTable, OpenAdapter};
use crate::fs::FileOperations;
use crate::init::{OnlyCallFromDrop, PinInit, PinnedDrop};
use crate::str::CStr;
use crate::types::Opaque;
use core::marker::{PhantomData, PhantomPinned};
use core::pin::Pin;
use core::ptr::null_mut;

/// What a misc device is registered with.
#[derive(Clone, Copy)]
pub struct MiscDeviceOptions {
    /// The device's name, and its `/dev` node's.
    pub name: &'static CStr,
}

crate::pin_data! {
    #[pinned_drop]
    /// A registered misc device: `/dev/<name>` exists while this lives.
    ///
    /// Made in place ([`MiscDeviceRegistration::register`] returns an
    /// initialiser): the C `struct miscdevice` is on a list and must not
    /// move. Dropping it deregisters the device, then drops the data.
    ///
    /// # Invariants
    ///
    /// `inner` is a `struct miscdevice` registered with `misc_register()`,
    /// at this address, with `fops` the table of `T` and `data` already
    /// initialised; it stays registered until `drop`.
    #[repr(C)]
    pub struct MiscDeviceRegistration<T: FileOperations> {
        /// First, so that the `struct miscdevice *` misc's open gives is
        /// also a pointer to the registration.
        #[pin]
        inner: Opaque<bindings::miscdevice>,
        #[pin]
        data: T::RegistrationData,
        #[pin]
        _pin: PhantomPinned,
        _t: PhantomData<T>,
    }
}

// SAFETY: the C part is only written by `misc_register()` and
// `misc_deregister()` (under misc's mutex, from whichever thread makes or
// drops the registration) and read by misc's open under the same mutex;
// what Rust reads of it (`minor`) does not change while it is registered.
// The data is `Send` (the trait requires it).
unsafe impl<T: FileOperations> Send for MiscDeviceRegistration<T> {}
// SAFETY: `&self` only gives `&T::RegistrationData`, which is `Sync` (the
// trait requires it), and the minor, which does not change while the
// device is registered; opens on any CPU share the data that way.
unsafe impl<T: FileOperations> Sync for MiscDeviceRegistration<T> {}

impl<T: FileOperations> MiscDeviceRegistration<T> {
    /// An initialiser that runs `data`'s, then registers the device
    /// (`misc_register()`, a dynamic minor). Fails with `EBUSY` (no minor
    /// left), `EEXIST` (the name is taken), `ENOMEM`, or `data`'s error;
    /// the data is dropped again if registering fails. May sleep.
    pub fn register<E>(
        opts: MiscDeviceOptions,
        data: impl PinInit<T::RegistrationData, E>,
    ) -> impl PinInit<Self, Error>
    where
        Error: From<E>,
    {
        crate::try_pin_init!(Self {
            // First: an open may use the data as soon as the device is
            // registered.
            data <- data,
            // INVARIANT: on success the struct is registered, at its final
            // address, with the data above initialised.
            inner <- Opaque::try_ffi_init(move |misc: *mut bindings::miscdevice| {
                let raw = bindings::miscdevice {
                    minor: bindings::MISC_DYNAMIC_MINOR,
                    name: opts.name.as_ptr(),
                    fops: FileOperationsVTable::<Self, T>::build(),
                    // Initialised by `misc_register()`.
                    list: bindings::list_head {
                        next: null_mut(),
                        prev: null_mut(),
                    },
                    parent: null_mut(),
                    this_device: null_mut(),
                    nodename: null_mut(),
                    mode: 0,
                };
                // SAFETY: `misc` is valid for writes and pinned
                // (`try_ffi_init`'s promise), so the registered struct
                // stays at this address until `drop` deregisters it, which
                // runs before the memory is freed (pinning's drop
                // guarantee); `name` and `fops` are `'static`. On failure
                // `misc_register()` keeps no pointer to `misc`.
                to_result(unsafe {
                    misc.write(raw);
                    bindings::misc_register(misc)
                })
            }),
            _pin: PhantomPinned,
            _t: PhantomData,
        })
    }

    /// The data given to [`register`](Self::register).
    #[inline]
    pub fn data(&self) -> &T::RegistrationData {
        &self.data
    }

    /// The device's minor number (major 10).
    pub fn minor(&self) -> i32 {
        // SAFETY: the struct is registered (type invariant); `minor` is
        // only written by `misc_register()`/`misc_deregister()`, not while
        // it is registered.
        unsafe { (*self.inner.get()).minor }
    }

    /// The C `struct miscdevice`.
    pub fn as_raw(&self) -> *mut bindings::miscdevice {
        self.inner.get()
    }
}

impl<T: FileOperations> PinnedDrop for MiscDeviceRegistration<T> {
    fn drop(self: Pin<&mut Self>, _: OnlyCallFromDrop) {
        // SAFETY: registered at this address (type invariant), and
        // deregistered once, here. This runs before the fields are
        // dropped: the device must be gone from misc's list (so no new
        // open finds it) and opens in progress must have returned
        // (`misc_deregister()` takes the mutex they hold) before `data`,
        // which they use, is dropped and the memory freed.
        unsafe { bindings::misc_deregister(self.inner.get()) };
    }
}

// SAFETY: misc's open sets `private_data` to the `struct miscdevice`, the
// first field of a (repr(C)) registration, and holds misc's mutex during
// `->open`, which `misc_deregister()` (run before the data is dropped)
// takes: the data outlives every open in progress.
unsafe impl<T: FileOperations> OpenAdapter<T::RegistrationData> for MiscDeviceRegistration<T> {
    unsafe fn open_data<'a>(
        _inode: *mut bindings::inode,
        file: *mut bindings::file,
    ) -> &'a T::RegistrationData {
        // SAFETY: as above; the registration is alive and registered for
        // the whole `->open` (the caller's contract), and `data` was
        // initialised before registering (type invariant).
        let reg = unsafe { &*(*file).private_data.cast::<Self>() };
        &reg.data
    }
}

#[crate::kunit_tests(rust_miscdevice)]
mod tests {
    use super::*;
    use crate::alloc::fault_inject;
    use crate::fs::File;
    use crate::prelude::*;
    use crate::sync::Arc;
    use core::sync::atomic::{AtomicUsize, Ordering};

    /// A device that counts its opens in the registration's data.
    struct Shared;

    #[crate::vtable]
    impl FileOperations for Shared {
        type Ptr = ();
        type RegistrationData = Arc<AtomicUsize>;

        fn open(_file: &File, data: &Arc<AtomicUsize>) -> Result {
            data.fetch_add(1, Ordering::Relaxed);
            Ok(())
        }
    }

    #[test]
    fn registration_allocation_failures() -> Result {
        let opens = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        let opts = MiscDeviceOptions {
            name: c_str!("rust_misc_nomem"),
        };
        let before = fault_inject::memory_in_use();
        let mut failures = 0;
        for n in 0..32 {
            let guard = fault_inject::fail_after_scoped(n);
            let reg = KBox::pin_init(
                MiscDeviceRegistration::<Shared>::register(opts, opens.clone()),
                GFP_KERNEL | __GFP_NOWARN,
            );
            let fired = !fault_inject::armed();
            drop(guard);
            if !fired {
                kunit_assert!(reg.is_ok());
                drop(reg);
                break;
            }
            kunit_assert_eq!(reg.err(), Some(ENOMEM));
            failures += 1;
        }
        // The registration's box, then what `misc_register()` allocates.
        kunit_assert!(failures >= 2, "{} failures", failures);
        kunit_assert_eq!(fault_inject::memory_in_use(), before);
        // Every failed registration dropped its data.
        kunit_assert_eq!(Arc::strong_count(&opens), 1);
        Ok(())
    }

    #[test]
    fn registration_failure_drops_the_data() -> Result {
        let opens = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        let opts = MiscDeviceOptions {
            name: c_str!("rust_misc_dup"),
        };
        let first = KBox::pin_init(
            MiscDeviceRegistration::<Shared>::register(opts, opens.clone()),
            GFP_KERNEL,
        )?;
        kunit_assert_eq!(Arc::strong_count(&opens), 2);
        let second = KBox::pin_init(
            MiscDeviceRegistration::<Shared>::register(opts, opens.clone()),
            GFP_KERNEL,
        );
        kunit_assert_eq!(second.err(), Some(EEXIST));
        kunit_assert_eq!(Arc::strong_count(&opens), 2);
        // The data reaches `open` through the registration.
        drop(File::open(
            c_str!("/dev/rust_misc_dup"),
            crate::fs::flags::O_RDONLY,
        )?);
        kunit_assert_eq!(opens.load(Ordering::Relaxed), 1);
        drop(first);
        kunit_assert_eq!(Arc::strong_count(&opens), 1);
        Ok(())
    }
}
