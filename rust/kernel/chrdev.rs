// SPDX-License-Identifier: GPL-2.0-only

//! Character devices with a major of their own: [`Registration`] reserves
//! a range of device numbers (`alloc_chrdev_region()`) and serves them with
//! a `struct cdev` (`cdev_add()`), using the same driver trait as misc
//! devices, [`MiscDevice`].
//!
//! C side: `fs/char_dev.c`, `include/linux/cdev.h`. Opening a node whose
//! number is in the range calls `chrdev_open()`, which sets the file's
//! operations to the cdev's. Ferrite's `struct inode` has no `i_cdev`, so
//! the cdev's operations are a small table of the registration's own whose
//! only method is `open`: it finds the registration from the file's
//! `f_op` (which points into it), switches the file to the driver's static
//! table (the one misc devices use) and calls [`MiscDevice::open`] with
//! the registration's data. Everything after `open` is then exactly as for
//! a misc device, and a file stays usable after the registration is gone.
//!
//! Unlike misc, no `/dev` node is created: make one with `mknod` (or
//! `kern_mknod()` in C) for [`Registration::devt`].
//!
//! # Examples
//!
//! ```
//! use kernel::chrdev::Registration;
//! use kernel::fs::File;
//! use kernel::miscdevice::MiscDevice;
//! use kernel::prelude::*;
//!
//! struct Nothing;
//!
//! #[vtable]
//! impl MiscDevice for Nothing {
//!     type Ptr = ();
//!     type RegistrationData = ();
//!
//!     fn open(_file: &File, _data: &()) -> Result {
//!         Ok(())
//!     }
//! }
//!
//! // Four minors of a dynamic major.
//! let reg = KBox::pin_init(Registration::<Nothing>::new(c_str!("rust_doc_chr"), 0, 4, ()), GFP_KERNEL)?;
//! assert_eq!(reg.count(), 4);
//! assert_eq!(reg.devt() & ((1 << 20) - 1), 0); // minor 0
//! # Ok::<(), Error>(())
//! ```

use crate::error::{to_result, Error, Result};
use crate::init::{pin_init_from_closure, PinInit};
use crate::miscdevice::{MiscDevice, MiscdeviceVTable};
use crate::str::CStr;
use crate::types::Opaque;
use core::marker::{PhantomData, PhantomPinned};
use core::ptr::addr_of_mut;
use ffi::c_int;

/// Bits of the minor in a device number (`MINORBITS`).
const MINORBITS: u32 = 20;

/// A registered range of character device numbers, served by `T`.
///
/// Made in place ([`Registration::new`] returns an initialiser): the C
/// `struct cdev` is on a list and the open table must not move. Dropping it
/// removes the cdev (`cdev_del()`, which waits for opens in progress), gives
/// the numbers back, then drops the data.
#[repr(C)]
pub struct Registration<T: MiscDevice> {
    /// First: the table `chrdev_open()` sets as the file's `f_op`, so that
    /// `f_op` leads back to the registration.
    open_fops: Opaque<bindings::file_operations>,
    cdev: Opaque<bindings::cdev>,
    devt: bindings::dev_t,
    count: u32,
    data: T::RegistrationData,
    _pin: PhantomPinned,
    _t: PhantomData<T>,
}

// SAFETY: the C parts are only touched by `cdev_add()`/`cdev_del()` and
// read by `chrdev_open()`, under the cdev lock; the data is `Send + Sync`
// (the trait requires it).
unsafe impl<T: MiscDevice> Send for Registration<T> {}
// SAFETY: as above: `&self` only gives `&T::RegistrationData`.
unsafe impl<T: MiscDevice> Sync for Registration<T> {}

impl<T: MiscDevice> Registration<T> {
    /// An initialiser that runs `data`'s, reserves `count` minors from
    /// `first_minor` of a free dynamic major under `name`, and adds the
    /// cdev. Fails with `EBUSY` (no free major), `EINVAL` (bad range),
    /// `ENOMEM`, or `data`'s error; everything done is undone. May sleep.
    pub fn new<E>(
        name: &'static CStr,
        first_minor: u32,
        count: u32,
        data: impl PinInit<T::RegistrationData, E>,
    ) -> impl PinInit<Self, Error>
    where
        Error: From<E>,
    {
        let f = move |slot: *mut Self| {
            // SAFETY: `slot` is valid for writes and pinned (the
            // initialiser contract); each field is written in place.
            unsafe {
                data.__pinned_init(addr_of_mut!((*slot).data))?;
                let fops = Opaque::raw_get(addr_of_mut!((*slot).open_fops));
                fops.write(core::mem::zeroed());
                (*fops).open = Some(Self::open);
                addr_of_mut!((*slot).count).write(count);
            }
            let mut devt: bindings::dev_t = 0;
            // SAFETY: `devt` is a valid destination, `name` a
            // NUL-terminated string that lives for ever.
            let ret = unsafe {
                bindings::alloc_chrdev_region(&mut devt, first_minor, count, name.as_ptr())
            };
            if let Err(e) = to_result(ret) {
                // SAFETY: the data was initialised above and nothing else
                // refers to it.
                unsafe { core::ptr::drop_in_place(addr_of_mut!((*slot).data)) };
                return Err(e);
            }
            // SAFETY: the cdev is initialised and added at its final
            // address, with the table that lives next to it.
            let ret = unsafe {
                addr_of_mut!((*slot).devt).write(devt);
                let cdev = Opaque::raw_get(addr_of_mut!((*slot).cdev));
                bindings::cdev_init(cdev, Opaque::raw_get(addr_of_mut!((*slot).open_fops)));
                bindings::cdev_add(cdev, devt, count)
            };
            if let Err(e) = to_result(ret) {
                // SAFETY: the numbers were reserved above; the data was
                // initialised and nothing refers to it (the cdev is not in
                // the map).
                unsafe {
                    bindings::unregister_chrdev_region(devt, count);
                    core::ptr::drop_in_place(addr_of_mut!((*slot).data));
                }
                return Err(e);
            }
            Ok(())
        };
        // SAFETY: on success every field is initialised (the markers are
        // zero-sized); on failure nothing is left initialised or
        // registered.
        unsafe { pin_init_from_closure(f) }
    }

    /// The first device number (`MKDEV(major, first_minor)`).
    pub fn devt(&self) -> u32 {
        self.devt
    }

    /// The major number.
    pub fn major(&self) -> u32 {
        self.devt >> MINORBITS
    }

    /// How many device numbers are served.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// The data given to [`new`](Self::new).
    pub fn data(&self) -> &T::RegistrationData {
        &self.data
    }

    /// `->open` of the registration's own table.
    ///
    /// # Safety
    ///
    /// Called by `chrdev_open()` with `f_op` set to this registration's
    /// `open_fops`.
    unsafe extern "C" fn open(_inode: *mut bindings::inode, file: *mut bindings::file) -> c_int {
        // SAFETY: `chrdev_open()` set `f_op` to the cdev's table, our
        // `open_fops`, the first field of a (repr(C)) registration, which
        // stays alive: `cdev_del()` (our `drop`) waits for opens in
        // progress.
        let reg = unsafe { &*(*file).f_op.cast::<Self>() };
        // SAFETY: inside `->open`, the file's operations may be replaced;
        // from now on it uses the driver's static table, which outlives the
        // registration.
        unsafe { (*file).f_op = MiscdeviceVTable::<T>::build() };
        // SAFETY: called from `->open`; the file now uses this table.
        unsafe { MiscdeviceVTable::<T>::open_with(file, &reg.data) }
    }
}

impl<T: MiscDevice> Drop for Registration<T> {
    fn drop(&mut self) {
        // SAFETY: the cdev was added and the numbers reserved by `new` (a
        // registration only exists once both succeeded); each is undone
        // once. `cdev_del` waits for opens in progress.
        unsafe {
            bindings::cdev_del(self.cdev.get());
            bindings::unregister_chrdev_region(self.devt, self.count);
        }
    }
}

#[crate::kunit_tests(rust_chrdev)]
mod tests {
    use super::*;
    use crate::fs::{flags, File, Kiocb};
    use crate::iov::IovIterDest;
    use crate::prelude::*;
    use crate::sync::Arc;
    use core::sync::atomic::{AtomicUsize, Ordering};

    /// Reads as the minor it was opened with; counts opens.
    struct MinorDev;

    #[crate::vtable]
    impl MiscDevice for MinorDev {
        type Ptr = KBox<u8>;
        type RegistrationData = Arc<AtomicUsize>;

        fn open(file: &File, opens: &Arc<AtomicUsize>) -> Result<KBox<u8>> {
            opens.fetch_add(1, Ordering::Relaxed);
            // SAFETY: the file and its inode are valid during `open`.
            let minor = unsafe { (*(*file.as_ptr()).f_inode).i_rdev } & ((1 << MINORBITS) - 1);
            Ok(KBox::new(minor as u8, GFP_KERNEL)?)
        }

        fn read_iter(
            minor: &u8,
            kiocb: &mut Kiocb<'_>,
            iov: &mut IovIterDest<'_>,
        ) -> Result<usize> {
            iov.simple_read_from_buffer(kiocb.pos_mut(), &[*minor])
        }
    }

    fn mknod(path: &CStr, devt: u32) -> Result {
        // SAFETY: a NUL-terminated path.
        to_result(unsafe { bindings::kern_mknod(path.as_ptr(), 0o20600, devt) })
    }

    fn unlink(path: &CStr) -> Result {
        // SAFETY: a NUL-terminated path.
        to_result(unsafe { bindings::kern_unlink(path.as_ptr()) })
    }

    #[test]
    fn open_read_and_remove() -> Result {
        let opens = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        let reg = KBox::pin_init(
            Registration::<MinorDev>::new(c_str!("rust_chr_t"), 2, 3, opens.clone()),
            GFP_KERNEL,
        )?;
        kunit_assert!(reg.major() > 0);
        kunit_assert_eq!(reg.devt() & 0xfffff, 2);
        mknod(c_str!("/rust_chr_a"), reg.devt())?;
        mknod(c_str!("/rust_chr_b"), reg.devt() + 2)?;
        mknod(c_str!("/rust_chr_c"), reg.devt() + 3)?; // outside the range

        let a = File::open(c_str!("/rust_chr_a"), flags::O_RDONLY)?;
        let b = File::open(c_str!("/rust_chr_b"), flags::O_RDONLY)?;
        kunit_assert_eq!(
            File::open(c_str!("/rust_chr_c"), flags::O_RDONLY).err(),
            Some(ENXIO)
        );
        kunit_assert_eq!(opens.load(Ordering::Relaxed), 2);
        let mut byte = [0u8; 4];
        kunit_assert_eq!(a.kernel_read(&mut byte)?, 1);
        kunit_assert_eq!(byte[0], 2);
        kunit_assert_eq!(b.kernel_read(&mut byte)?, 1);
        kunit_assert_eq!(byte[0], 4);
        kunit_assert_eq!(b.kernel_read(&mut byte)?, 0);
        // The file uses the driver's static table, not the registration's.
        // SAFETY: `a` is open.
        let fop = unsafe { (*a.as_ptr()).f_op };
        kunit_assert!(core::ptr::eq(fop, MiscdeviceVTable::<MinorDev>::build()));

        // Gone: new opens fail, open files keep working.
        drop(reg);
        kunit_assert_eq!(
            File::open(c_str!("/rust_chr_a"), flags::O_RDONLY).err(),
            Some(ENXIO)
        );
        a.set_pos(0);
        kunit_assert_eq!(a.kernel_read(&mut byte)?, 1);
        drop(a);
        drop(b);
        unlink(c_str!("/rust_chr_a"))?;
        unlink(c_str!("/rust_chr_b"))?;
        unlink(c_str!("/rust_chr_c"))?;
        kunit_assert_eq!(Arc::strong_count(&opens), 1);
        Ok(())
    }

    #[test]
    fn failures_undo_everything() -> Result {
        let opens = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        // A range past the minors: EINVAL, the data dropped.
        let r = KBox::pin_init(
            Registration::<MinorDev>::new(
                c_str!("rust_chr_bad"),
                (1 << MINORBITS) - 1,
                2,
                opens.clone(),
            ),
            GFP_KERNEL,
        );
        kunit_assert_eq!(r.err(), Some(EINVAL));
        kunit_assert_eq!(Arc::strong_count(&opens), 1);
        // Allocation failures at each step: ENOMEM, nothing left behind.
        // SAFETY: these only read counters, or free empty slabs.
        let usage = || unsafe {
            bindings::kmem_cache_shrink_all();
            (bindings::slab_allocated_bytes(), bindings::nr_free_pages())
        };
        let before = usage();
        let mut failures = 0;
        for n in 0..16 {
            let guard = crate::alloc::fault_inject::fail_after_scoped(n);
            let r = KBox::pin_init(
                Registration::<MinorDev>::new(c_str!("rust_chr_nomem"), 0, 1, opens.clone()),
                GFP_KERNEL | __GFP_NOWARN,
            );
            let fired = !crate::alloc::fault_inject::armed();
            drop(guard);
            if !fired {
                kunit_assert!(r.is_ok());
                break;
            }
            kunit_assert_eq!(r.err(), Some(ENOMEM));
            failures += 1;
        }
        kunit_assert!(failures >= 2, "{} failures", failures);
        kunit_assert_eq!(usage(), before);
        kunit_assert_eq!(Arc::strong_count(&opens), 1);
        Ok(())
    }
}
