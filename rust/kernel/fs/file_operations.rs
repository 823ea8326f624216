// SPDX-License-Identifier: GPL-2.0-only

//! File operations: the [`FileOperations`] trait a driver implements, and
//! the C `struct file_operations` built from it at compile time.
//!
//! A registration ([`crate::miscdevice`], [`crate::chrdev`]) gives a device
//! node to an implementation; opening the node reaches the table built
//! here for that pair.
//!
//! # How a call reaches the driver
//!
//! The table has one `extern "C"` trampoline per method the driver
//! implements, and NULL for the others (the `HAS_*` constants
//! [`#[vtable]`](crate::vtable) generates), so the VFS keeps its default
//! for those (`-ESPIPE` for a missing `llseek`, `-ENOTTY` for `ioctl`,
//! `-EINVAL` for `read`/`write`, "always ready" for `poll`). A `read(2)`
//! travels `vfs_read()` → `f_op->read_iter` → the trampoline →
//! [`FileOperations::read_iter`].
//!
//! Every open file gets its own state: [`FileOperations::open`] (given
//! the registration's data) returns a [`FileOperations::Ptr`] (a
//! [`KBox`](crate::alloc::KBox), an [`Arc`](crate::sync::Arc), or `()`),
//! which the table stores in `file->private_data` and lends to every later
//! call on that file, and hands back to [`FileOperations::release`] when
//! the file is closed for the last time. What all opens share lives in
//! [`FileOperations::RegistrationData`], given to `open`.
//!
//! What the trampolines check or guarantee:
//!
//! - the per-open state is only lent between `open` and `release`
//!   (`release` runs once, after every other call on the file returned);
//! - `llseek`'s `whence` is decoded ([`Whence`]); an unknown one is
//!   `-EINVAL` without calling the driver;
//! - errors become negative errnos; byte counts are returned as C expects;
//! - a file keeps working through its own state after its registration is
//!   gone: the table is a `static`, and the registration's data is only
//!   used during `open`, which the registration's removal waits for;
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
//! let opts = MiscDeviceOptions { name: c_str!("rust_doc_fops") };
//! let _reg = KBox::pin_init(MiscDeviceRegistration::<Hello>::register(opts, ()), GFP_KERNEL)?;
//! let mut buf = [0u8; 8];
//! let f = File::open(c_str!("/dev/rust_doc_fops"), kernel::fs::flags::O_RDONLY)?;
//! assert_eq!(f.kernel_read(&mut buf)?, 3);
//! assert_eq!(&buf[..3], b"hi\n");
//! # Ok::<(), Error>(())
//! ```

use crate::error::{from_result, Result};
use crate::fs::{File, Kiocb, Whence};
use crate::iov::{IovIterDest, IovIterSource};
use crate::poll::PollTable;
use crate::types::ForeignOwnable;
use core::marker::PhantomData;
use ffi::{c_int, c_long, c_uint, c_ulong};

/// A driver's file operations: what the files of its device nodes do.
///
/// Implement it with [`#[vtable]`](crate::vtable) on the `impl`; implement
/// only the methods the device supports. The defaults are never called:
/// a method left out is a NULL pointer in the C table. Register the
/// implementation with [`crate::miscdevice`] or [`crate::chrdev`].
#[crate::vtable]
pub trait FileOperations: Sized {
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
        crate::build_error!("FileOperations::read_iter called without #[vtable]")
    }

    /// Writes from `iov` at `kiocb`'s position, advancing it; returns the
    /// bytes written.
    fn write_iter(
        _device: <Self::Ptr as ForeignOwnable>::Borrowed<'_>,
        _kiocb: &mut Kiocb<'_>,
        _iov: &mut IovIterSource<'_>,
    ) -> Result<usize> {
        crate::build_error!("FileOperations::write_iter called without #[vtable]")
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
        crate::build_error!("FileOperations::ioctl called without #[vtable]")
    }

    /// The events ready now ([`POLLIN`](crate::poll::POLLIN)...), after
    /// registering on `table` the wait queues that signal a change.
    fn poll(
        _device: <Self::Ptr as ForeignOwnable>::Borrowed<'_>,
        _file: &File,
        _table: &mut PollTable<'_>,
    ) -> u32 {
        crate::build_error!("FileOperations::poll called without #[vtable]")
    }

    /// Moves the file position ([`File::set_pos`]); returns the new one.
    fn llseek(
        _device: <Self::Ptr as ForeignOwnable>::Borrowed<'_>,
        _file: &File,
        _offset: i64,
        _whence: Whence,
    ) -> Result<i64> {
        crate::build_error!("FileOperations::llseek called without #[vtable]")
    }
}

/// What a registration's `->open` needs: how to find, from the file being
/// opened, the data of the registration it was opened through.
///
/// # Safety
///
/// [`OpenAdapter::open_data`] returns a reference to data that stays
/// alive until every `->open` of the table built for `Self` that is in
/// progress has returned (the registration's removal waits for them).
pub(crate) unsafe trait OpenAdapter<D> {
    /// The registration data for `file`.
    ///
    /// # Safety
    ///
    /// Called from the `->open` of `file` (with its `inode`) that the
    /// registration's C side made, before `f_op` is changed; the result
    /// is only used during that call.
    unsafe fn open_data<'a>(inode: *mut bindings::inode, file: *mut bindings::file) -> &'a D;
}

/// A table without methods: the VFS's defaults for everything.
const EMPTY: bindings::file_operations = bindings::file_operations {
    llseek: None,
    read: None,
    write: None,
    read_iter: None,
    write_iter: None,
    iterate_shared: None,
    poll: None,
    unlocked_ioctl: None,
    mmap: None,
    open: None,
    flush: None,
    release: None,
    fsync: None,
};

/// The `struct file_operations` of a [`FileOperations`] implementation
/// `T`, opened through registrations of kind `A`.
///
/// One `static` table per pair, built at compile time: an `extern "C"`
/// trampoline per method `T` implements, NULL for the others.
pub(crate) struct FileOperationsVTable<A, T>(PhantomData<(A, T)>);

impl<A: OpenAdapter<T::RegistrationData>, T: FileOperations> FileOperationsVTable<A, T> {
    const VTABLE: bindings::file_operations = bindings::file_operations {
        llseek: if T::HAS_LLSEEK {
            Some(Self::llseek)
        } else {
            None
        },
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
        poll: if T::HAS_POLL { Some(Self::poll) } else { None },
        unlocked_ioctl: if T::HAS_IOCTL {
            Some(Self::ioctl)
        } else {
            None
        },
        open: Some(Self::open),
        release: Some(Self::release),
        ..EMPTY
    };

    /// A table with only [`Self::install_and_open`]: what a registration
    /// that opens through a table of its own ([`chrdev`](crate::chrdev))
    /// gives C.
    pub(crate) const OPEN_ONLY: bindings::file_operations = bindings::file_operations {
        open: Some(Self::install_and_open),
        ..EMPTY
    };

    /// The table, with a `'static` address.
    pub(crate) const fn build() -> &'static bindings::file_operations {
        &Self::VTABLE
    }

    /// The per-open state of `file`, lent for the call.
    ///
    /// # Safety
    ///
    /// `file` is a file whose `open` through this table succeeded and
    /// whose `release` has not run.
    #[inline(always)]
    unsafe fn device<'a>(file: *mut bindings::file) -> <T::Ptr as ForeignOwnable>::Borrowed<'a> {
        // SAFETY: `open` stored `into_foreign`'s pointer in `private_data`,
        // and `release` (which takes it back) only runs after every other
        // call on the file returned.
        unsafe { T::Ptr::borrow((*file).private_data) }
    }

    /// `->open` of the full table, which the registration's C side has
    /// already installed as the file's `f_op` (`misc_open()` does, with
    /// `replace_fops()`): finds the registration's data ([`OpenAdapter`])
    /// and opens the file ([`Self::open_with`]).
    ///
    /// # Safety
    ///
    /// Called by the VFS, through a registration of kind `A`, with the
    /// inode and the file being opened, whose `f_op` is this table.
    unsafe extern "C" fn open(inode: *mut bindings::inode, file: *mut bindings::file) -> c_int {
        // SAFETY: called from the registration's `->open`; `f_op` does not
        // change in this call and `data` is only used in it.
        let data = unsafe { A::open_data(inode, file) };
        // SAFETY: the file being opened, valid for the call.
        unsafe { Self::open_with(file, data) }
    }

    /// `->open` of [`Self::OPEN_ONLY`]: finds the registration's data
    /// ([`OpenAdapter`]), makes the file use the full table from now on,
    /// and opens the file ([`Self::open_with`]).
    ///
    /// # Safety
    ///
    /// As for [`Self::open`], except that `f_op` is the registration's
    /// own table.
    unsafe extern "C" fn install_and_open(
        inode: *mut bindings::inode,
        file: *mut bindings::file,
    ) -> c_int {
        // SAFETY: called from the registration's `->open`, before `f_op`
        // changes; `data` is only used in this call.
        let data = unsafe { A::open_data(inode, file) };
        // SAFETY: inside `->open` the file's operations may be replaced
        // (`replace_fops()`); the table is a `static`, which outlives the
        // file.
        unsafe { (*file).f_op = Self::build() };
        // SAFETY: the file being opened, valid for the call.
        unsafe { Self::open_with(file, data) }
    }

    /// Calls [`FileOperations::open`] and stores the per-open state in
    /// `private_data`; returns 0 or the open's negative errno.
    ///
    /// # Safety
    ///
    /// Called from `->open` of `file`, whose `f_op` is this table.
    #[inline(always)]
    unsafe fn open_with(file: *mut bindings::file, data: &T::RegistrationData) -> c_int {
        // SAFETY: the file is valid for the call.
        let f = unsafe { File::from_raw(file) };
        match T::open(f, data) {
            Ok(ptr) => {
                // INVARIANT: `private_data` holds the per-open state from
                // here until `release` takes it back (see `device`).
                // SAFETY: the file is ours to set up during `open`; no
                // other call on it runs yet.
                unsafe { (*file).private_data = ptr.into_foreign() };
                0
            }
            Err(e) => e.to_errno(),
        }
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
        // SAFETY: the kiocb's file is an open file of this table.
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
        // SAFETY: the kiocb's file is an open file of this table.
        let device = unsafe { Self::device(kiocb.file().as_ptr()) };
        // SAFETY: a write's iterator is a source, ours for the call.
        let iov = unsafe { IovIterSource::from_raw(iter) };
        from_result(|| T::write_iter(device, &mut kiocb, iov).map(|n| n as isize))
    }

    /// `->unlocked_ioctl`.
    ///
    /// # Safety
    ///
    /// Called by the VFS with an open file of this table.
    unsafe extern "C" fn ioctl(file: *mut bindings::file, cmd: c_uint, arg: c_ulong) -> c_long {
        // SAFETY: an open file of this table, valid for the call.
        let (device, f) = unsafe { (Self::device(file), File::from_raw(file)) };
        from_result(|| T::ioctl(device, f, cmd, arg))
    }

    /// `->poll`.
    ///
    /// # Safety
    ///
    /// Called by the VFS with an open file of this table and a poll table
    /// (or NULL).
    unsafe extern "C" fn poll(
        file: *mut bindings::file,
        pt: *mut bindings::poll_table_struct,
    ) -> u32 {
        // SAFETY: an open file of this table, valid for the call.
        let (device, f) = unsafe { (Self::device(file), File::from_raw(file)) };
        // SAFETY: the VFS's table is valid (or NULL) for the call.
        let mut table = unsafe { PollTable::from_raw(pt) };
        T::poll(device, f, &mut table)
    }

    /// `->llseek`.
    ///
    /// # Safety
    ///
    /// Called by the VFS with an open file of this table.
    unsafe extern "C" fn llseek(file: *mut bindings::file, offset: i64, whence: c_int) -> i64 {
        // SAFETY: an open file of this table, valid for the call.
        let (device, f) = unsafe { (Self::device(file), File::from_raw(file)) };
        from_result(|| T::llseek(device, f, offset, Whence::try_from(whence)?))
    }
}

#[crate::kunit_tests(rust_file_operations)]
mod tests {
    use super::*;
    use crate::fs::flags;
    use crate::miscdevice::{MiscDeviceOptions, MiscDeviceRegistration};
    use crate::prelude::*;
    use crate::str::CStr;
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
    impl FileOperations for Full {
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
    impl FileOperations for Bare {
        type Ptr = ();
        type RegistrationData = ();

        fn open(_file: &File, _data: &()) -> Result {
            Ok(())
        }
    }

    /// The table misc devices of `T` use.
    fn table<T: FileOperations>() -> &'static bindings::file_operations {
        FileOperationsVTable::<MiscDeviceRegistration<T>, T>::build()
    }

    /// Opens `path` through the VFS, as a system call would.
    fn open(path: &CStr, flags: u32) -> Result<ARef<File>> {
        File::open(path, flags)
    }

    #[test]
    fn every_method_through_the_vfs() -> Result {
        let counters = Arc::pin_init(
            crate::pin_init!(Counters {
                opens: AtomicUsize::new(0),
                releases: AtomicUsize::new(0),
                last <- new_mutex!(0),
            }),
            GFP_KERNEL,
        )?;
        let opts = MiscDeviceOptions {
            name: c_str!("rust_misc_full"),
        };
        let reg = KBox::pin_init(
            MiscDeviceRegistration::<Full>::register(opts, counters.clone()),
            GFP_KERNEL,
        )?;
        kunit_assert!(reg.minor() >= 256);
        // The table has every method.
        let fops = table::<Full>();
        kunit_assert!(fops.read_iter.is_some() && fops.write_iter.is_some());
        kunit_assert!(
            fops.poll.is_some() && fops.unlocked_ioctl.is_some() && fops.llseek.is_some()
        );
        kunit_assert!(fops.read.is_none() && fops.write.is_none() && fops.mmap.is_none());

        let f = open(c_str!("/dev/rust_misc_full"), flags::O_RDWR)?;
        kunit_assert!(core::ptr::eq(f.ops(), fops));
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
        kunit_assert_eq!(f.kernel_read(&mut buf)?, 4);
        kunit_assert_eq!(&buf, b"0123");
        kunit_assert_eq!(f.pos(), 4);
        kunit_assert_eq!(f.kernel_write(&[5u8, 0, 0, 0])?, 4);
        kunit_assert_eq!(f.ioctl(1, 10), Ok(15));
        kunit_assert_eq!(f.ioctl(2, 0), Err(ENOTTY));
        kunit_assert_eq!(f.llseek(8, Whence::Set as i32), Ok(8));
        kunit_assert_eq!(f.llseek(0, Whence::End as i32), Err(ENXIO));
        // An unknown `whence` never reaches the driver.
        kunit_assert_eq!(f.llseek(0, 77), Err(EINVAL));
        kunit_assert_eq!(f.poll_ready(), crate::poll::POLLOUT);
        kunit_assert_eq!(f.pos(), 8);
        let g = open(
            c_str!("/dev/rust_misc_full"),
            flags::O_RDONLY | flags::O_NONBLOCK,
        )?;
        kunit_assert_eq!(g.poll_ready(), crate::poll::POLLIN);
        drop(g);
        kunit_assert_eq!(counters.releases.load(Ordering::Relaxed), 1);

        // Deregistered: the node is gone, the open file still works.
        drop(reg);
        kunit_assert_eq!(
            open(c_str!("/dev/rust_misc_full"), flags::O_RDWR).err(),
            Some(ENOENT)
        );
        kunit_assert_eq!(f.ioctl(1, 0), Ok(5));
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
        let fops = table::<Bare>();
        kunit_assert!(fops.open.is_some() && fops.release.is_some());
        kunit_assert!(
            fops.read_iter.is_none() && fops.write_iter.is_none() && fops.llseek.is_none()
        );
        kunit_assert!(fops.poll.is_none() && fops.unlocked_ioctl.is_none());
        let f = open(c_str!("/dev/rust_misc_bare"), flags::O_RDWR)?;
        kunit_assert!(core::ptr::eq(f.ops(), fops));
        let mut b = [0u8; 1];
        kunit_assert_eq!(f.ioctl(1, 0), Err(ENOTTY));
        kunit_assert_eq!(f.llseek(0, Whence::Set as i32), Err(ESPIPE));
        kunit_assert_eq!(f.kernel_read(&mut b), Err(EINVAL));
        // The same name twice: refused, and nothing is left behind.
        let again = KBox::pin_init(
            MiscDeviceRegistration::<Bare>::register(opts, ()),
            GFP_KERNEL,
        );
        kunit_assert_eq!(again.err(), Some(EEXIST));
        drop(reg);
        Ok(())
    }
}
