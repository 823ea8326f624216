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
//! As a Linux driver does with `device_create()` after `cdev_add()`, the
//! registration makes one node `/dev/<name><minor>` for each minor of the
//! range (a class-less `struct device` each, `drivers/base/core.c`), and
//! removes them first when dropped (`device_unregister()`, before
//! `cdev_del()`).
//!
//! # Examples
//!
//! ```
//! use kernel::chrdev::Registration;
//! use kernel::fs::{flags, File};
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
//! // Four minors of a dynamic major: /dev/rust_doc_chr0 to /dev/rust_doc_chr3.
//! let reg = KBox::pin_init(Registration::<Nothing>::new(c_str!("rust_doc_chr"), 0, 4, ()), GFP_KERNEL)?;
//! assert_eq!(reg.count(), 4);
//! assert_eq!(reg.devt() & ((1 << 20) - 1), 0); // minor 0
//! let file = File::open(c_str!("/dev/rust_doc_chr3"), flags::O_RDONLY)?;
//! drop(file);
//! drop(reg);
//! assert_eq!(File::open(c_str!("/dev/rust_doc_chr3"), flags::O_RDONLY).err(), Some(ENOENT));
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{flags::GFP_KERNEL, KVec};
use crate::error::{from_err_ptr, to_result, Error, Result};
use crate::init::{pin_init_from_closure, PinInit};
use crate::miscdevice::{MiscDevice, MiscdeviceVTable};
use crate::str::CStr;
use crate::types::Opaque;
use core::marker::{PhantomData, PhantomPinned};
use core::ptr::{addr_of_mut, null_mut};
use ffi::{c_int, c_uint};

/// Bits of the minor in a device number (`MINORBITS`).
const MINORBITS: u32 = 20;

/// A registered range of character device numbers, served by `T`, with a
/// `/dev` node for each.
///
/// Made in place ([`Registration::new`] returns an initialiser): the C
/// `struct cdev` is on a list and the open table must not move. Dropping it
/// removes the nodes (`device_unregister()`), then the cdev (`cdev_del()`,
/// which waits for opens in progress), gives the numbers back, then drops
/// the data.
#[repr(C)]
pub struct Registration<T: MiscDevice> {
    /// First: the table `chrdev_open()` sets as the file's `f_op`, so that
    /// `f_op` leads back to the registration.
    open_fops: Opaque<bindings::file_operations>,
    cdev: Opaque<bindings::cdev>,
    /// The devices made by `device_create()`, one per minor, in order.
    nodes: KVec<*mut bindings::device>,
    devt: bindings::dev_t,
    count: u32,
    data: T::RegistrationData,
    _pin: PhantomPinned,
    _t: PhantomData<T>,
}

// SAFETY: the C parts are only touched by `cdev_add()`/`cdev_del()` and
// `device_create()`/`device_unregister()` (in `new` and `drop`), and read
// by `chrdev_open()` under the cdev lock; the data is `Send + Sync` (the
// trait requires it).
unsafe impl<T: MiscDevice> Send for Registration<T> {}
// SAFETY: as above: `&self` only gives `&T::RegistrationData` and numbers.
unsafe impl<T: MiscDevice> Sync for Registration<T> {}

impl<T: MiscDevice> Registration<T> {
    /// An initialiser that runs `data`'s, reserves `count` minors from
    /// `first_minor` of a free dynamic major under `name`, adds the cdev
    /// and makes the nodes `/dev/<name><minor>`. Fails with `EBUSY` (no
    /// free major), `EINVAL` (bad range, or a `/` in `name`), `EEXIST` (a
    /// node name is taken), `ENOMEM`, or `data`'s error; everything done
    /// is undone. May sleep.
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
            // SAFETY: `slot` is valid and pinned; its table is written.
            if let Err(e) = unsafe { Self::register(slot, name, first_minor, count) } {
                // SAFETY: the data was initialised above and nothing else
                // refers to it (`register` undid everything).
                unsafe { core::ptr::drop_in_place(addr_of_mut!((*slot).data)) };
                return Err(e);
            }
            Ok(())
        };
        // SAFETY: on success every field is initialised (the markers are
        // zero-sized); on failure nothing is left initialised or
        // registered.
        unsafe { pin_init_from_closure(f) }
    }

    /// Reserves the numbers, adds the cdev and makes the nodes, writing
    /// `devt`, `cdev` and `nodes`; on failure undoes all of it and writes
    /// nothing that needs dropping.
    ///
    /// # Safety
    ///
    /// `slot` is valid for writes, pinned, and its `open_fops` is written.
    unsafe fn register(
        slot: *mut Self,
        name: &'static CStr,
        first_minor: u32,
        count: u32,
    ) -> Result {
        let mut devt: bindings::dev_t = 0;
        // SAFETY: `devt` is a valid destination, `name` a NUL-terminated
        // string that lives for ever.
        to_result(unsafe {
            bindings::alloc_chrdev_region(&mut devt, first_minor, count, name.as_ptr())
        })?;
        // SAFETY: `slot` is valid (the caller's contract).
        let cdev = unsafe { Opaque::raw_get(addr_of_mut!((*slot).cdev)) };
        // SAFETY: the cdev is initialised and added at its final (pinned)
        // address, with the table that lives next to it.
        let ret = unsafe {
            bindings::cdev_init(cdev, Opaque::raw_get(addr_of_mut!((*slot).open_fops)));
            bindings::cdev_add(cdev, devt, count)
        };
        if let Err(e) = to_result(ret) {
            // SAFETY: the numbers were reserved above.
            unsafe { bindings::unregister_chrdev_region(devt, count) };
            return Err(e);
        }
        match Self::create_nodes(name, first_minor, devt, count) {
            Ok(nodes) => {
                // SAFETY: `slot` is valid for writes.
                unsafe {
                    addr_of_mut!((*slot).devt).write(devt);
                    addr_of_mut!((*slot).nodes).write(nodes);
                }
                Ok(())
            }
            Err(e) => {
                // SAFETY: the cdev was added and the numbers reserved
                // above; the nodes are gone.
                unsafe {
                    bindings::cdev_del(cdev);
                    bindings::unregister_chrdev_region(devt, count);
                }
                Err(e)
            }
        }
    }

    /// Makes `/dev/<name><minor>` for each of the `count` numbers from
    /// `devt` (minors from `first_minor`); on failure removes those made.
    fn create_nodes(
        name: &'static CStr,
        first_minor: u32,
        devt: bindings::dev_t,
        count: u32,
    ) -> Result<KVec<*mut bindings::device>> {
        let mut nodes = KVec::with_capacity(count as usize, GFP_KERNEL)?;
        for i in 0..count {
            // SAFETY: a NULL class and parent are allowed; the format takes
            // a NUL-terminated string and an unsigned int, as passed.
            let dev = unsafe {
                bindings::device_create(
                    null_mut(),
                    null_mut(),
                    devt + i,
                    null_mut(),
                    crate::c_str!("%s%u").as_ptr(),
                    name.as_ptr(),
                    (first_minor + i) as c_uint,
                )
            };
            let r = from_err_ptr(dev).and_then(|dev| {
                nodes.push_within_capacity(dev).map_err(|dev| {
                    // Cannot happen (the capacity is `count`), but undo it.
                    // SAFETY: `device_create()` made `dev`; nothing else
                    // refers to it.
                    unsafe { bindings::device_unregister(dev) };
                    crate::error::code::ENOMEM
                })
            });
            if let Err(e) = r {
                Self::remove_nodes(&mut nodes);
                return Err(e);
            }
        }
        Ok(nodes)
    }

    /// Removes the nodes of `nodes`, last first, leaving it empty.
    fn remove_nodes(nodes: &mut KVec<*mut bindings::device>) {
        while let Some(dev) = nodes.pop() {
            // SAFETY: each entry was made by `device_create()` and is
            // unregistered once (it leaves the vector).
            unsafe { bindings::device_unregister(dev) };
        }
    }

    /// The first device number (`MKDEV(major, first_minor)`).
    pub fn devt(&self) -> u32 {
        self.devt
    }

    /// The major number.
    pub fn major(&self) -> u32 {
        self.devt >> MINORBITS
    }

    /// How many device numbers (and `/dev` nodes) are served.
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
        // No new opens by name; then none by number.
        Self::remove_nodes(&mut self.nodes);
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
    use crate::types::ARef;
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

    /// Opens `path` read-only.
    fn open(path: &CStr) -> Result<ARef<File>> {
        File::open(path, flags::O_RDONLY)
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
        // One node per minor, named after it; none outside the range.
        kunit_assert_eq!(open(c_str!("/dev/rust_chr_t1")).err(), Some(ENOENT));
        kunit_assert_eq!(open(c_str!("/dev/rust_chr_t5")).err(), Some(ENOENT));
        // A node made by hand just past the range has no cdev.
        mknod(c_str!("/rust_chr_c"), reg.devt() + 3)?;
        kunit_assert_eq!(open(c_str!("/rust_chr_c")).err(), Some(ENXIO));
        // One made by hand inside the range works like the registration's.
        mknod(c_str!("/rust_chr_a"), reg.devt())?;

        let a = open(c_str!("/dev/rust_chr_t2"))?;
        let b = open(c_str!("/dev/rust_chr_t4"))?;
        let c = open(c_str!("/dev/rust_chr_t3"))?;
        let d = open(c_str!("/rust_chr_a"))?;
        kunit_assert_eq!(opens.load(Ordering::Relaxed), 4);
        let mut byte = [0u8; 4];
        kunit_assert_eq!(a.kernel_read(&mut byte)?, 1);
        kunit_assert_eq!(byte[0], 2);
        kunit_assert_eq!(b.kernel_read(&mut byte)?, 1);
        kunit_assert_eq!(byte[0], 4);
        kunit_assert_eq!(b.kernel_read(&mut byte)?, 0);
        kunit_assert_eq!(c.kernel_read(&mut byte)?, 1);
        kunit_assert_eq!(byte[0], 3);
        kunit_assert_eq!(d.kernel_read(&mut byte)?, 1);
        kunit_assert_eq!(byte[0], 2);
        // The file uses the driver's static table, not the registration's.
        // SAFETY: `a` is open.
        let fop = unsafe { (*a.as_ptr()).f_op };
        kunit_assert!(core::ptr::eq(fop, MiscdeviceVTable::<MinorDev>::build()));
        drop(c);
        drop(d);

        // Gone: the nodes are removed, other nodes of the numbers no longer
        // open, open files keep working.
        drop(reg);
        kunit_assert_eq!(open(c_str!("/dev/rust_chr_t2")).err(), Some(ENOENT));
        kunit_assert_eq!(open(c_str!("/dev/rust_chr_t3")).err(), Some(ENOENT));
        kunit_assert_eq!(open(c_str!("/dev/rust_chr_t4")).err(), Some(ENOENT));
        kunit_assert_eq!(open(c_str!("/rust_chr_a")).err(), Some(ENXIO));
        a.set_pos(0);
        kunit_assert_eq!(a.kernel_read(&mut byte)?, 1);
        kunit_assert_eq!(byte[0], 2);
        drop(a);
        drop(b);
        unlink(c_str!("/rust_chr_a"))?;
        unlink(c_str!("/rust_chr_c"))?;
        kunit_assert_eq!(opens.load(Ordering::Relaxed), 4);
        kunit_assert_eq!(Arc::strong_count(&opens), 1);
        Ok(())
    }

    #[test]
    fn node_name_taken() -> Result {
        let opens = Arc::new(AtomicUsize::new(0), GFP_KERNEL)?;
        // The second minor's node name is taken: EEXIST, the first node,
        // the cdev and the numbers undone, the name's owner untouched.
        mknod(c_str!("/dev/rust_chr_dup1"), 0)?;
        let r = KBox::pin_init(
            Registration::<MinorDev>::new(c_str!("rust_chr_dup"), 0, 2, opens.clone()),
            GFP_KERNEL,
        );
        kunit_assert_eq!(r.err(), Some(EEXIST));
        kunit_assert_eq!(open(c_str!("/dev/rust_chr_dup0")).err(), Some(ENOENT));
        kunit_assert_eq!(open(c_str!("/dev/rust_chr_dup1")).err(), Some(ENXIO));
        kunit_assert_eq!(Arc::strong_count(&opens), 1);
        unlink(c_str!("/dev/rust_chr_dup1"))?;
        // A `/` in the name: EINVAL.
        let r = KBox::pin_init(
            Registration::<MinorDev>::new(c_str!("rust_chr/x"), 0, 1, opens.clone()),
            GFP_KERNEL,
        );
        kunit_assert_eq!(r.err(), Some(EINVAL));
        kunit_assert_eq!(Arc::strong_count(&opens), 1);
        // Free again: it registers.
        let reg = KBox::pin_init(
            Registration::<MinorDev>::new(c_str!("rust_chr_dup"), 0, 2, opens.clone()),
            GFP_KERNEL,
        )?;
        let f = open(c_str!("/dev/rust_chr_dup1"))?;
        drop(f);
        drop(reg);
        kunit_assert_eq!(opens.load(Ordering::Relaxed), 1);
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
        // Allocation failures at each step (the numbers, the cdev, the
        // node list, and each of the two nodes: its device, name and
        // /dev entry): ENOMEM, nothing left behind.
        // SAFETY: these only read counters, or free empty slabs.
        let usage = || unsafe {
            bindings::kmem_cache_shrink_all();
            (bindings::slab_allocated_bytes(), bindings::nr_free_pages())
        };
        let before = usage();
        let mut failures = 0;
        let mut registered = false;
        for n in 0..64 {
            let guard = crate::alloc::fault_inject::fail_after_scoped(n);
            let r = KBox::pin_init(
                Registration::<MinorDev>::new(c_str!("rust_chr_nomem"), 0, 2, opens.clone()),
                GFP_KERNEL | __GFP_NOWARN,
            );
            let fired = !crate::alloc::fault_inject::armed();
            drop(guard);
            if !fired {
                let reg = r?;
                drop(open(c_str!("/dev/rust_chr_nomem1"))?);
                drop(reg);
                registered = true;
                break;
            }
            kunit_assert_eq!(r.err(), Some(ENOMEM));
            kunit_assert_eq!(open(c_str!("/dev/rust_chr_nomem0")).err(), Some(ENOENT));
            kunit_assert_eq!(open(c_str!("/dev/rust_chr_nomem1")).err(), Some(ENOENT));
            failures += 1;
        }
        kunit_assert!(registered);
        // At least the numbers, the list, and per node its device, its
        // name and its /dev entry.
        kunit_assert!(failures >= 8, "{} failures", failures);
        kunit_assert_eq!(usage(), before);
        kunit_assert_eq!(Arc::strong_count(&opens), 1);
        Ok(())
    }
}
