// SPDX-License-Identifier: GPL-2.0-only

//! Miscellaneous character devices: write a [`MiscDevice`], register it
//! with [`MiscDeviceRegistration`], and `/dev/<name>` appears.
//!
//! C side: `include/linux/miscdevice.h`, `drivers/char/misc.c` (major 10,
//! one minor per device, a `/dev` node created on registration).
//!
//! # How a call reaches the driver
//!
//! [`MiscDeviceRegistration::register`] fills a C `struct miscdevice`
//! whose `fops` is a `struct file_operations` built, at compile time, from
//! the driver's [`MiscDevice`] implementation: one `extern "C"` trampoline
//! per method the driver implements, and NULL for the others (the
//! `HAS_*` constants [`#[vtable]`](crate::vtable) generates), so the VFS
//! keeps its default for those (`-ESPIPE` for a missing `llseek`,
//! `-ENOTTY` for `ioctl`, `-EINVAL` for `read`/`write`, "always ready"
//! for `poll`). A `read(2)` travels `vfs_read()` → `f_op->read_iter` →
//! the trampoline → [`MiscDevice::read_iter`].
//!
//! Every open file gets its own state: [`MiscDevice::open`] (given the
//! registration's data) returns a
//! [`MiscDevice::Ptr`] (a [`KBox`](crate::alloc::KBox), an
//! [`Arc`](crate::sync::Arc), or `()`), which the abstraction stores in
//! `file->private_data` and lends to every later call on that file, and
//! hands back to [`MiscDevice::release`] when the file is closed for the
//! last time. What all opens share lives in
//! [`MiscDevice::RegistrationData`], given to `open`. The same trait serves
//! character devices with their own major ([`crate::chrdev`]).
//!
//! What the trampolines check or guarantee:
//!
//! - the per-open state is only lent between `open` and `release`
//!   (`release` runs once, after every other call on the file returned);
//! - `llseek`'s `whence` is decoded ([`Whence`]); an unknown one is
//!   `-EINVAL` without calling the driver;
//! - errors become negative errnos; byte counts are returned as C expects;
//! - the registration is removed (`misc_deregister()`) before its data is
//!   dropped, and `misc_deregister()` waits for opens in progress, so
//!   `open` never sees a dropped registration; files already open keep
//!   working through their own state;
//! - a panic in a method is a kernel panic (an oops report through C's
//!   `panic()`), never a silent hang or an unwinding through C.
//!
//! Reads and writes use `read_iter`/`write_iter` (see [`crate::iov`] for
//! why): they serve `read(2)` with user buffers and `kernel_read()` with
//! kernel ones alike.
//!
//! # Examples
//!
//! ```
//! use kernel::fs::{File, Kiocb};
//! use kernel::iov::IovIterDest;
//! use kernel::miscdevice::{MiscDevice, MiscDeviceOptions, MiscDeviceRegistration};
//! use kernel::prelude::*;
//!
//! /// A device that reads as "hi\n", at every open.
//! struct Hello;
//!
//! #[vtable]
//! impl MiscDevice for Hello {
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

use crate::error::{from_result, to_result, Error, Result};
use crate::fs::{File, Kiocb, Whence};
use crate::init::{pin_init_from_closure, PinInit};
use crate::iov::{IovIterDest, IovIterSource};
use crate::poll::PollTable;
use crate::str::CStr;
use crate::types::{ForeignOwnable, Opaque};
use core::marker::{PhantomData, PhantomPinned};
use core::ptr::addr_of_mut;
use ffi::{c_int, c_long, c_uint, c_ulong};

/// What a misc device is registered with.
#[derive(Clone, Copy)]
pub struct MiscDeviceOptions {
    /// The device's name, and its `/dev` node's.
    pub name: &'static CStr,
}

/// A misc device driver: the file operations of its `/dev` node.
///
/// Implement it with [`#[vtable]`](crate::vtable) on the `impl`; implement
/// only the methods the device supports. The defaults are never called:
/// a method left out is a NULL pointer in the C table.
#[crate::vtable]
pub trait MiscDevice: Sized {
    /// The per-open state, kept in `file->private_data` from `open` to
    /// `release`: a [`KBox`](crate::alloc::KBox), an
    /// [`Arc`](crate::sync::Arc), or `()` for none.
    type Ptr: ForeignOwnable + Send + Sync;

    /// What the registration holds for every open to share (often an
    /// [`Arc`](crate::sync::Arc) that `open` clones), or `()`.
    type RegistrationData: Send + Sync;

    /// A new open of the device node (`filp_open()`, `open(2)`), with the
    /// registration's data: returns the state of this open file. An error
    /// fails the open.
    fn open(file: &File, data: &Self::RegistrationData) -> Result<Self::Ptr>;

    /// The last reference to the open file is gone: its state comes back
    /// to be dropped (the default just drops it).
    fn release(device: Self::Ptr, _file: &File) {
        drop(device);
    }

    /// Reads into `iov` at `kiocb`'s position, advancing it; returns the
    /// bytes read (0: end of file).
    fn read_iter(
        _device: <Self::Ptr as ForeignOwnable>::Borrowed<'_>,
        _kiocb: &mut Kiocb<'_>,
        _iov: &mut IovIterDest<'_>,
    ) -> Result<usize> {
        crate::build_error!("MiscDevice::read_iter called without #[vtable]")
    }

    /// Writes from `iov` at `kiocb`'s position, advancing it; returns the
    /// bytes written.
    fn write_iter(
        _device: <Self::Ptr as ForeignOwnable>::Borrowed<'_>,
        _kiocb: &mut Kiocb<'_>,
        _iov: &mut IovIterSource<'_>,
    ) -> Result<usize> {
        crate::build_error!("MiscDevice::write_iter called without #[vtable]")
    }

    /// An `ioctl`: `cmd` (see [`crate::ioctl`]) with its argument, often a
    /// user pointer ([`UserSlice`](crate::uaccess::UserSlice)). Return
    /// `ENOTTY` for an unknown command.
    fn ioctl(
        _device: <Self::Ptr as ForeignOwnable>::Borrowed<'_>,
        _file: &File,
        _cmd: u32,
        _arg: usize,
    ) -> Result<isize> {
        crate::build_error!("MiscDevice::ioctl called without #[vtable]")
    }

    /// The events ready now ([`POLLIN`](crate::poll::POLLIN)...), after
    /// registering on `table` the wait queues that signal a change.
    fn poll(
        _device: <Self::Ptr as ForeignOwnable>::Borrowed<'_>,
        _file: &File,
        _table: &mut PollTable<'_>,
    ) -> u32 {
        crate::build_error!("MiscDevice::poll called without #[vtable]")
    }

    /// Moves the file position ([`File::set_pos`]); returns the new one.
    fn llseek(
        _device: <Self::Ptr as ForeignOwnable>::Borrowed<'_>,
        _file: &File,
        _offset: i64,
        _whence: Whence,
    ) -> Result<i64> {
        crate::build_error!("MiscDevice::llseek called without #[vtable]")
    }
}

/// A registered misc device: `/dev/<name>` exists while this lives.
///
/// Made in place ([`MiscDeviceRegistration::register`] returns an
/// initialiser): the C `struct miscdevice` is on a list and must not move.
/// Dropping it deregisters the device, then drops the data.
#[repr(C)]
pub struct MiscDeviceRegistration<T: MiscDevice> {
    /// First, so that the `struct miscdevice *` misc's open gives is also a
    /// pointer to the registration.
    inner: Opaque<bindings::miscdevice>,
    data: T::RegistrationData,
    _pin: PhantomPinned,
    _t: PhantomData<T>,
}

// SAFETY: the C part is only touched by `misc_register()`/
// `misc_deregister()` (under misc's mutex) and read by misc's open; the
// data is shared by every open, hence `Send + Sync` (the trait requires).
unsafe impl<T: MiscDevice> Send for MiscDeviceRegistration<T> {}
// SAFETY: as above: `&self` only gives `&T::RegistrationData`, which is
// `Sync`.
unsafe impl<T: MiscDevice> Sync for MiscDeviceRegistration<T> {}

impl<T: MiscDevice> MiscDeviceRegistration<T> {
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
        let f = move |slot: *mut Self| {
            // SAFETY: `slot` is valid for writes and pinned (the
            // initialiser contract), so is its `data` field.
            unsafe { data.__pinned_init(addr_of_mut!((*slot).data))? };
            // SAFETY: as above, for the C struct, which is filled in and
            // registered at its final address.
            let ret = unsafe {
                let misc = Opaque::raw_get(addr_of_mut!((*slot).inner));
                misc.write(core::mem::zeroed());
                (*misc).minor = bindings::MISC_DYNAMIC_MINOR;
                (*misc).name = opts.name.as_ptr();
                (*misc).fops = MiscdeviceVTable::<T>::build();
                bindings::misc_register(misc)
            };
            if let Err(e) = to_result(ret) {
                // SAFETY: the data was initialised above and, the device
                // not being registered, nothing else refers to it.
                unsafe { core::ptr::drop_in_place(addr_of_mut!((*slot).data)) };
                return Err(e);
            }
            Ok(())
        };
        // SAFETY: on success every field is initialised (the markers are
        // zero-sized); on failure nothing is left initialised.
        unsafe { pin_init_from_closure(f) }
    }

    /// The data given to [`register`](Self::register).
    #[inline]
    pub fn data(&self) -> &T::RegistrationData {
        &self.data
    }

    /// The device's minor number (major 10).
    pub fn minor(&self) -> i32 {
        // SAFETY: the struct is registered; `minor` is only written by
        // `misc_register()`/`misc_deregister()`, not while it is.
        unsafe { (*self.inner.get()).minor }
    }

    /// The C `struct miscdevice`.
    pub fn as_raw(&self) -> *mut bindings::miscdevice {
        self.inner.get()
    }
}

impl<T: MiscDevice> Drop for MiscDeviceRegistration<T> {
    fn drop(&mut self) {
        // SAFETY: registered by `register` (a registration only exists
        // once that succeeded), deregistered once. Waits for opens in
        // progress, so no `open` uses the data dropped after this.
        unsafe { bindings::misc_deregister(self.inner.get()) };
    }
}

/// The `struct file_operations` of a [`MiscDevice`].
pub(crate) struct MiscdeviceVTable<T: MiscDevice>(PhantomData<T>);

impl<T: MiscDevice> MiscdeviceVTable<T> {
    const VTABLE: bindings::file_operations = bindings::file_operations {
        llseek: if T::HAS_LLSEEK {
            Some(Self::llseek)
        } else {
            None
        },
        read: None,
        write: None,
        read_iter: if T::HAS_READ_ITER {
            Some(Self::read_iter)
        } else {
            None
        },
        write_iter: if T::HAS_WRITE_ITER {
            Some(Self::write_iter)
        } else {
            None
        },
        iterate_shared: None,
        poll: if T::HAS_POLL { Some(Self::poll) } else { None },
        unlocked_ioctl: if T::HAS_IOCTL {
            Some(Self::ioctl)
        } else {
            None
        },
        mmap: None,
        open: Some(Self::open),
        flush: None,
        release: Some(Self::release),
        fsync: None,
    };

    /// The table, with a `'static` address.
    pub(crate) const fn build() -> &'static bindings::file_operations {
        &Self::VTABLE
    }

    /// The per-open state of `file`, lent for the call.
    ///
    /// # Safety
    ///
    /// `file` is an open file of this device, between `open` and `release`.
    #[inline(always)]
    unsafe fn device<'a>(file: *mut bindings::file) -> <T::Ptr as ForeignOwnable>::Borrowed<'a> {
        // SAFETY: `open` stored `into_foreign`'s pointer in `private_data`,
        // and `release` (which takes it back) only runs after every other
        // call on the file returned.
        unsafe { T::Ptr::borrow((*file).private_data) }
    }

    /// Calls [`MiscDevice::open`] for `file` with `data`, and stores the
    /// per-open state in `private_data`. Shared by misc devices and
    /// [`chrdev`](crate::chrdev) registrations.
    ///
    /// # Safety
    ///
    /// Called from a `->open` of `file`, which then uses this table.
    #[inline(always)]
    pub(crate) unsafe fn open_with(file: *mut bindings::file, data: &T::RegistrationData) -> c_int {
        // SAFETY: the file is valid for the call.
        let f = unsafe { File::from_raw(file) };
        match T::open(f, data) {
            Ok(ptr) => {
                // SAFETY: the file is ours to set up during `open`.
                unsafe { (*file).private_data = ptr.into_foreign() };
                0
            }
            Err(e) => e.to_errno(),
        }
    }

    /// `->open`: called by misc's open with `private_data` set to our
    /// `struct miscdevice`.
    ///
    /// # Safety
    ///
    /// Called by the VFS with valid pointers, as above.
    unsafe extern "C" fn open(_inode: *mut bindings::inode, file: *mut bindings::file) -> c_int {
        // SAFETY: misc's open passes the `struct miscdevice` in
        // `private_data`; it is the first field of a (repr(C))
        // registration, which stays alive: misc's open holds the mutex that
        // `misc_deregister()` (our `drop`) takes.
        let misc = unsafe { &*(*file).private_data.cast::<MiscDeviceRegistration<T>>() };
        // SAFETY: called from `->open`; the file then uses this table.
        unsafe { Self::open_with(file, &misc.data) }
    }

    /// `->release`: the last reference to the file is gone.
    ///
    /// # Safety
    ///
    /// Called once by the VFS, after a successful `open`.
    unsafe extern "C" fn release(_inode: *mut bindings::inode, file: *mut bindings::file) -> c_int {
        // SAFETY: `private_data` holds `open`'s pointer, taken back once
        // here; no other call on the file is running.
        let ptr = unsafe { T::Ptr::from_foreign((*file).private_data) };
        // SAFETY: the file is valid for the call.
        T::release(ptr, unsafe { File::from_raw(file) });
        0
    }

    /// `->read_iter`.
    ///
    /// # Safety
    ///
    /// Called by the VFS with a valid kiocb of an open file and a
    /// destination iterator.
    unsafe extern "C" fn read_iter(
        kiocb: *mut bindings::kiocb,
        iter: *mut bindings::iov_iter,
    ) -> isize {
        // SAFETY: the VFS passes a valid kiocb, ours for the call.
        let mut kiocb = unsafe { Kiocb::from_raw(kiocb) };
        // SAFETY: the kiocb's file is an open file of this device.
        let device = unsafe { Self::device(kiocb.file().as_ptr()) };
        // SAFETY: a read's iterator is a destination, ours for the call.
        let iov = unsafe { IovIterDest::from_raw(iter) };
        // Counts are at most `MAX_RW_COUNT`, so they fit in an `isize`.
        from_result(|| T::read_iter(device, &mut kiocb, iov).map(|n| n as isize))
    }

    /// `->write_iter`.
    ///
    /// # Safety
    ///
    /// As for `read_iter`, with a source iterator.
    unsafe extern "C" fn write_iter(
        kiocb: *mut bindings::kiocb,
        iter: *mut bindings::iov_iter,
    ) -> isize {
        // SAFETY: the VFS passes a valid kiocb, ours for the call.
        let mut kiocb = unsafe { Kiocb::from_raw(kiocb) };
        // SAFETY: the kiocb's file is an open file of this device.
        let device = unsafe { Self::device(kiocb.file().as_ptr()) };
        // SAFETY: a write's iterator is a source, ours for the call.
        let iov = unsafe { IovIterSource::from_raw(iter) };
        from_result(|| T::write_iter(device, &mut kiocb, iov).map(|n| n as isize))
    }

    /// `->unlocked_ioctl`.
    ///
    /// # Safety
    ///
    /// Called by the VFS with an open file of this device.
    unsafe extern "C" fn ioctl(file: *mut bindings::file, cmd: c_uint, arg: c_ulong) -> c_long {
        // SAFETY: an open file of this device, valid for the call.
        let (device, f) = unsafe { (Self::device(file), File::from_raw(file)) };
        from_result(|| T::ioctl(device, f, cmd, arg))
    }

    /// `->poll`.
    ///
    /// # Safety
    ///
    /// Called by the VFS with an open file of this device and a poll table
    /// (or NULL).
    unsafe extern "C" fn poll(
        file: *mut bindings::file,
        pt: *mut bindings::poll_table_struct,
    ) -> u32 {
        // SAFETY: an open file of this device, valid for the call.
        let (device, f) = unsafe { (Self::device(file), File::from_raw(file)) };
        // SAFETY: the VFS's table is valid (or NULL) for the call.
        let mut table = unsafe { PollTable::from_raw(pt) };
        T::poll(device, f, &mut table)
    }

    /// `->llseek`.
    ///
    /// # Safety
    ///
    /// Called by the VFS with an open file of this device.
    unsafe extern "C" fn llseek(file: *mut bindings::file, offset: i64, whence: c_int) -> i64 {
        // SAFETY: an open file of this device, valid for the call.
        let (device, f) = unsafe { (Self::device(file), File::from_raw(file)) };
        from_result(|| T::llseek(device, f, offset, Whence::try_from(whence)?))
    }
}

/// The crash test `lkdtm=rust_misc_panic` (`drivers/misc/lkdtm.c`): a misc
/// device whose `ioctl` panics, called through the C VFS, so that
/// `scripts/run_tests.py` checks that a panic in a Rust driver method is a
/// kernel panic naming the Rust source line, with the C caller
/// (`vfs_ioctl`) in the backtrace, rather than a hang. Returns only if the
/// device could not be set up (a negative errno).
#[doc(hidden)]
#[unsafe(no_mangle)]
pub extern "C" fn rust_lkdtm_misc_panic() -> c_int {
    struct Panicky;

    #[crate::vtable]
    impl MiscDevice for Panicky {
        type Ptr = ();
        type RegistrationData = ();

        fn open(_file: &File, _data: &()) -> Result {
            Ok(())
        }

        fn ioctl(_device: (), _file: &File, cmd: u32, _arg: usize) -> Result<isize> {
            panic!("lkdtm: panic in a Rust ioctl (cmd {:#x})", cmd);
        }
    }

    let run = || -> Result<c_long> {
        let opts = MiscDeviceOptions {
            name: crate::c_str!("rust_lkdtm"),
        };
        let _reg = <crate::alloc::KBox<_> as crate::init::InPlaceInit<_>>::pin_init(
            MiscDeviceRegistration::<Panicky>::register(opts, ()),
            crate::alloc::flags::GFP_KERNEL,
        )?;
        // SAFETY: a NUL-terminated path; the result is checked.
        let f = unsafe { bindings::filp_open(c"/dev/rust_lkdtm".as_ptr().cast(), 0, 0) };
        let f = crate::error::from_err_ptr(f)?;
        // SAFETY: `f` is an open file; the ioctl does not return.
        let ret = unsafe { bindings::vfs_ioctl(f, 0x1234, 0) };
        // SAFETY: `f` came from `filp_open` above and is closed once.
        unsafe { bindings::filp_close(f, core::ptr::null_mut()) };
        Ok(ret)
    };
    match run() {
        Ok(_) => 0,
        Err(e) => e.to_errno(),
    }
}

#[crate::kunit_tests(rust_miscdevice)]
mod tests {
    use super::*;
    use crate::fs::flags;
    use crate::prelude::*;
    use crate::sync::{Arc, Mutex};
    use crate::types::ARef;
    use core::sync::atomic::{AtomicUsize, Ordering};

    crate::pin_data! {
        /// Shared by every open of the test device.
        struct Counters {
            opens: AtomicUsize,
            releases: AtomicUsize,
            #[pin]
            last: Mutex<u32>,
        }
    }

    /// A test device implementing every method.
    struct Full;

    #[crate::vtable]
    impl MiscDevice for Full {
        type Ptr = Arc<Counters>;
        type RegistrationData = Arc<Counters>;

        fn open(file: &File, data: &Arc<Counters>) -> Result<Arc<Counters>> {
            if file.flags() & flags::O_APPEND != 0 {
                return Err(EPERM);
            }
            data.opens.fetch_add(1, Ordering::Relaxed);
            Ok(data.clone())
        }

        fn release(device: Arc<Counters>, _file: &File) {
            device.releases.fetch_add(1, Ordering::Relaxed);
        }

        fn read_iter(
            _d: ArcBorrow<'_>,
            kiocb: &mut Kiocb<'_>,
            iov: &mut IovIterDest<'_>,
        ) -> Result<usize> {
            iov.simple_read_from_buffer(kiocb.pos_mut(), b"0123456789")
        }

        fn write_iter(
            d: ArcBorrow<'_>,
            _kiocb: &mut Kiocb<'_>,
            iov: &mut IovIterSource<'_>,
        ) -> Result<usize> {
            let mut b = [0u8; 4];
            let n = iov.copy_from_iter(&mut b);
            *d.last.lock() = u32::from_le_bytes(b);
            Ok(n)
        }

        fn ioctl(d: ArcBorrow<'_>, _file: &File, cmd: u32, arg: usize) -> Result<isize> {
            match cmd {
                1 => Ok(*d.last.lock() as isize + arg as isize),
                _ => Err(ENOTTY),
            }
        }

        fn poll(_d: ArcBorrow<'_>, file: &File, _table: &mut PollTable<'_>) -> u32 {
            if file.is_nonblocking() {
                crate::poll::POLLIN
            } else {
                crate::poll::POLLOUT
            }
        }

        fn llseek(_d: ArcBorrow<'_>, file: &File, offset: i64, whence: Whence) -> Result<i64> {
            match whence {
                Whence::Set => {
                    file.set_pos(offset);
                    Ok(offset)
                }
                _ => Err(ENXIO),
            }
        }
    }

    type ArcBorrow<'a> = crate::sync::ArcBorrow<'a, Counters>;

    /// A device with only `open`.
    struct Bare;

    #[crate::vtable]
    impl MiscDevice for Bare {
        type Ptr = ();
        type RegistrationData = ();

        fn open(_file: &File, _data: &()) -> Result {
            Ok(())
        }
    }

    /// Opens `path` through the VFS, as a system call would.
    fn open(path: &CStr, flags: u32) -> Result<ARef<File>> {
        File::open(path, flags)
    }

    /// Fresh counters for a test device.
    fn new_counters() -> Result<Arc<Counters>> {
        Arc::pin_init(
            crate::pin_init!(Counters {
                opens: AtomicUsize::new(0),
                releases: AtomicUsize::new(0),
                last <- Mutex::new(0),
            }),
            GFP_KERNEL,
        )
    }

    #[test]
    fn every_method_through_the_vfs() -> Result {
        let counters = new_counters()?;
        let opts = MiscDeviceOptions {
            name: c_str!("rust_misc_full"),
        };
        let reg = KBox::pin_init(
            MiscDeviceRegistration::<Full>::register(opts, counters.clone()),
            GFP_KERNEL,
        )?;
        kunit_assert!(reg.minor() >= 256);
        // The table has every method.
        // SAFETY: registered, so `fops` is set.
        let fops = unsafe { &*(*reg.as_raw()).fops };
        kunit_assert!(fops.read_iter.is_some() && fops.write_iter.is_some());
        kunit_assert!(
            fops.poll.is_some() && fops.unlocked_ioctl.is_some() && fops.llseek.is_some()
        );
        kunit_assert!(fops.read.is_none() && fops.write.is_none() && fops.mmap.is_none());

        let f = open(c_str!("/dev/rust_misc_full"), flags::O_RDWR)?;
        kunit_assert_eq!(counters.opens.load(Ordering::Relaxed), 1);
        // Open failures come back as errnos.
        kunit_assert_eq!(
            open(
                c_str!("/dev/rust_misc_full"),
                flags::O_RDWR | flags::O_APPEND
            )
            .err(),
            Some(EPERM)
        );
        kunit_assert_eq!(counters.opens.load(Ordering::Relaxed), 1);

        let mut buf = [0u8; 4];
        // SAFETY: `f` is open; `buf` is a kernel buffer of 4 bytes;
        // `f_pos` belongs to the file.
        let n = unsafe {
            bindings::kernel_read(
                f.as_ptr(),
                buf.as_mut_ptr().cast(),
                4,
                &mut (*f.as_ptr()).f_pos,
            )
        };
        kunit_assert_eq!(n, 4);
        kunit_assert_eq!(&buf, b"0123");
        kunit_assert_eq!(f.pos(), 4);
        // SAFETY: as above.
        let n = unsafe {
            bindings::kernel_write(
                f.as_ptr(),
                [5u8, 0, 0, 0].as_ptr().cast(),
                4,
                &mut (*f.as_ptr()).f_pos,
            )
        };
        kunit_assert_eq!(n, 4);
        // SAFETY: `f` is open.
        unsafe {
            kunit_assert_eq!(bindings::vfs_ioctl(f.as_ptr(), 1, 10), 15);
            kunit_assert_eq!(
                bindings::vfs_ioctl(f.as_ptr(), 2, 0),
                ENOTTY.to_errno() as c_long
            );
            kunit_assert_eq!(bindings::vfs_llseek(f.as_ptr(), 8, 0), 8);
            kunit_assert_eq!(
                bindings::vfs_llseek(f.as_ptr(), 0, 2),
                ENXIO.to_errno() as i64
            );
            kunit_assert_eq!(
                bindings::vfs_llseek(f.as_ptr(), 0, 77),
                EINVAL.to_errno() as i64
            );
            kunit_assert_eq!(
                bindings::vfs_poll(f.as_ptr(), core::ptr::null_mut()),
                crate::poll::POLLOUT
            );
        }
        kunit_assert_eq!(f.pos(), 8);
        let g = open(
            c_str!("/dev/rust_misc_full"),
            flags::O_RDONLY | flags::O_NONBLOCK,
        )?;
        // SAFETY: `g` is open.
        let mask = unsafe { bindings::vfs_poll(g.as_ptr(), core::ptr::null_mut()) };
        kunit_assert_eq!(mask, crate::poll::POLLIN);
        drop(g);
        kunit_assert_eq!(counters.releases.load(Ordering::Relaxed), 1);

        // Deregistered: the node is gone, the open file still works.
        drop(reg);
        kunit_assert_eq!(
            open(c_str!("/dev/rust_misc_full"), flags::O_RDWR).err(),
            Some(ENOENT)
        );
        // SAFETY: `f` is open.
        kunit_assert_eq!(unsafe { bindings::vfs_ioctl(f.as_ptr(), 1, 0) }, 5);
        drop(f);
        kunit_assert_eq!(counters.releases.load(Ordering::Relaxed), 2);
        // Only the test's reference is left: every open's was released.
        kunit_assert_eq!(Arc::strong_count(&counters), 1);
        Ok(())
    }

    #[test]
    fn missing_methods_are_null() -> Result {
        let opts = MiscDeviceOptions {
            name: c_str!("rust_misc_bare"),
        };
        let reg = KBox::pin_init(
            MiscDeviceRegistration::<Bare>::register(opts, ()),
            GFP_KERNEL,
        )?;
        // SAFETY: registered, so `fops` is set.
        let fops = unsafe { &*(*reg.as_raw()).fops };
        kunit_assert!(fops.open.is_some() && fops.release.is_some());
        kunit_assert!(
            fops.read_iter.is_none() && fops.write_iter.is_none() && fops.llseek.is_none()
        );
        kunit_assert!(fops.poll.is_none() && fops.unlocked_ioctl.is_none());
        let f = open(c_str!("/dev/rust_misc_bare"), flags::O_RDWR)?;
        let mut b = [0u8; 1];
        // SAFETY: `f` is open; `b` is one byte.
        unsafe {
            kunit_assert_eq!(
                bindings::vfs_ioctl(f.as_ptr(), 1, 0),
                ENOTTY.to_errno() as c_long
            );
            kunit_assert_eq!(
                bindings::vfs_llseek(f.as_ptr(), 0, 0),
                ESPIPE.to_errno() as i64
            );
            kunit_assert_eq!(
                bindings::kernel_read(
                    f.as_ptr(),
                    b.as_mut_ptr().cast(),
                    1,
                    &mut (*f.as_ptr()).f_pos
                ),
                EINVAL.to_errno() as isize
            );
        }
        // The same name twice: refused, and nothing is left behind.
        let again = KBox::pin_init(
            MiscDeviceRegistration::<Bare>::register(opts, ()),
            GFP_KERNEL,
        );
        kunit_assert_eq!(again.err(), Some(EEXIST));
        Ok(())
    }

    /// Memory in use: slab bytes and free pages (after empty slabs went
    /// back).
    fn usage() -> (usize, usize) {
        // SAFETY: these only read counters, or free empty slabs.
        unsafe {
            bindings::kmem_cache_shrink_all();
            (bindings::slab_allocated_bytes(), bindings::nr_free_pages())
        }
    }

    #[test]
    fn registration_allocation_failures() -> Result {
        let opts = MiscDeviceOptions {
            name: c_str!("rust_misc_nomem"),
        };
        let before = usage();
        let mut failures = 0;
        for n in 0..32 {
            let guard = crate::alloc::fault_inject::fail_after_scoped(n);
            let reg = KBox::pin_init(
                MiscDeviceRegistration::<Bare>::register(opts, ()),
                GFP_KERNEL | __GFP_NOWARN,
            );
            let fired = !crate::alloc::fault_inject::armed();
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
        kunit_assert_eq!(usage(), before);
        Ok(())
    }

    #[test]
    fn registration_failure_drops_the_data() -> Result {
        let counters = new_counters()?;
        let opts = MiscDeviceOptions {
            name: c_str!("rust_misc_dup"),
        };
        let first = KBox::pin_init(
            MiscDeviceRegistration::<Full>::register(opts, counters.clone()),
            GFP_KERNEL,
        )?;
        kunit_assert_eq!(Arc::strong_count(&counters), 2);
        let second = KBox::pin_init(
            MiscDeviceRegistration::<Full>::register(opts, counters.clone()),
            GFP_KERNEL,
        );
        kunit_assert_eq!(second.err(), Some(EEXIST));
        kunit_assert_eq!(Arc::strong_count(&counters), 2);
        drop(first);
        kunit_assert_eq!(Arc::strong_count(&counters), 1);
        Ok(())
    }
}
