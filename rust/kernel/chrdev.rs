// SPDX-License-Identifier: GPL-2.0-only

//! Character devices with a major of their own: [`Registration`] reserves
//! a range of device numbers (`alloc_chrdev_region()`) and serves them with
//! a `struct cdev` (`cdev_add()`), for a driver's [`FileOperations`], as
//! misc devices do.
//!
//! C side: `fs/char_dev.c`, `include/linux/cdev.h`. Opening a node whose
//! number is in the range calls `chrdev_open()`, which sets the file's
//! operations to the cdev's. Ferrite's `struct inode` has no `i_cdev`, so
//! the cdev's operations are a small table of the registration's own whose
//! only method is an `open` (built with the driver's table, in
//! [`crate::fs::file_operations`]) that finds the registration from the
//! file's `f_op` (which points into it), switches the file to the driver's
//! static table and calls [`FileOperations::open`] with the registration's
//! data. Everything after `open` is then exactly as for a misc device, and
//! a file stays usable after the registration is gone.
//!
//! The registration makes one node `/dev/<name><minor>` for each minor of
//! the range (a class-less `struct device` each, `drivers/base/core.c`),
//! before adding the cdev (an open in between fails with `ENXIO`). When
//! dropped, it deletes the cdev first (`cdev_del()`, which waits for opens
//! in progress: no open reaches the driver afterwards), then removes the
//! nodes (`device_unregister()`), gives the numbers back, and drops the
//! data.
//!
//! # Examples
//!
//! ```
//! use kernel::chrdev::Registration;
//! use kernel::fs::{flags, File, FileOperations};
//! use kernel::prelude::*;
//!
//! struct Nothing;
//!
//! #[vtable]
//! impl FileOperations for Nothing {
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
use crate::fs::file_operations::{FileOperationsVTable, OpenAdapter};
use crate::fs::FileOperations;
use crate::init::{pin_init_scope, OnlyCallFromDrop, PinInit, PinnedDrop};
use crate::str::CStr;
use crate::types::Opaque;
use core::marker::{PhantomData, PhantomPinned};
use core::pin::Pin;
use core::ptr::null_mut;
use ffi::c_uint;

/// Bits of the minor in a device number (`MINORBITS`).
const MINORBITS: u32 = 20;

/// A range of device numbers reserved with `alloc_chrdev_region()`.
///
/// # Invariants
///
/// `count` numbers from `devt` are reserved, until dropped.
struct Numbers {
    devt: bindings::dev_t,
    count: u32,
}

impl Numbers {
    /// Reserves `count` minors from `first_minor` of a free dynamic major
    /// under `name`. May sleep.
    fn reserve(name: &'static CStr, first_minor: u32, count: u32) -> Result<Self> {
        let mut devt: bindings::dev_t = 0;
        // SAFETY: `devt` is a valid destination, `name` a NUL-terminated
        // string that lives for ever.
        to_result(unsafe {
            bindings::alloc_chrdev_region(&mut devt, first_minor, count, name.as_ptr())
        })?;
        // INVARIANT: reserved just above.
        Ok(Numbers { devt, count })
    }
}

impl Drop for Numbers {
    fn drop(&mut self) {
        // SAFETY: reserved (type invariant), given back once.
        unsafe { bindings::unregister_chrdev_region(self.devt, self.count) };
    }
}

/// The `/dev` nodes of a range: one device made by `device_create()` per
/// minor, in order.
///
/// # Invariants
///
/// Every pointer is a device `device_create()` made, that nothing else
/// unregisters.
struct Nodes(KVec<*mut bindings::device>);

impl Nodes {
    /// Makes `/dev/<name><minor>` for each of the `count` numbers from
    /// `devt` (minors from `first_minor`); on failure removes those made.
    fn create(
        name: &'static CStr,
        first_minor: u32,
        devt: bindings::dev_t,
        count: u32,
    ) -> Result<Self> {
        let mut nodes = Nodes(KVec::with_capacity(count as usize, GFP_KERNEL)?);
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
            // INVARIANT: a device `device_create()` just made, or an error
            // (returned, `nodes` dropping those made before).
            nodes
                .0
                .push_within_capacity(from_err_ptr(dev)?)
                .map_err(|dev| {
                    // Cannot happen (the capacity is `count`), but undo it.
                    // SAFETY: `device_create()` made `dev`; nothing else
                    // refers to it.
                    unsafe { bindings::device_unregister(dev) };
                    crate::error::code::ENOMEM
                })?;
        }
        Ok(nodes)
    }
}

impl Drop for Nodes {
    fn drop(&mut self) {
        while let Some(dev) = self.0.pop() {
            // SAFETY: made by `device_create()` (type invariant), and
            // unregistered once (it leaves the vector).
            unsafe { bindings::device_unregister(dev) };
        }
    }
}

/// The C side of a registration: the table `chrdev_open()` installs
/// first, and the cdev that points to it.
#[repr(C)]
struct RawCdev {
    /// First: `f_op` then points to the registration (see `open_data`).
    open_fops: bindings::file_operations,
    cdev: bindings::cdev,
}

crate::pin_data! {
    #[pinned_drop]
    /// A registered range of character device numbers, served by `T`, with
    /// a `/dev` node for each.
    ///
    /// Made in place ([`Registration::new`] returns an initialiser): the C
    /// `struct cdev` is on a list and the open table must not move.
    /// Dropping it deletes the cdev (`cdev_del()`, which waits for opens
    /// in progress), removes the nodes (`device_unregister()`), gives the
    /// numbers back, then drops the data.
    ///
    /// # Invariants
    ///
    /// `inner.cdev` was added (`cdev_add()`) at this address for the
    /// numbers of `numbers`, with `inner.open_fops` as its operations and
    /// `data` already initialised; it stays added until `drop`.
    #[repr(C)]
    pub struct Registration<T: FileOperations> {
        /// First, so that `f_op` (the table inside) leads back to the
        /// registration.
        #[pin]
        inner: Opaque<RawCdev>,
        nodes: Nodes,
        numbers: Numbers,
        #[pin]
        data: T::RegistrationData,
        #[pin]
        _pin: PhantomPinned,
        _t: PhantomData<T>,
    }
}

// SAFETY: the C parts are only written by `cdev_add()`/`cdev_del()` and
// `device_create()`/`device_unregister()` (in `new` and `drop`, from
// whichever thread runs them) and read by `chrdev_open()` under the cdev
// lock; the data is `Send` (the trait requires it).
unsafe impl<T: FileOperations> Send for Registration<T> {}
// SAFETY: `&self` only gives `&T::RegistrationData` (`Sync`, as the trait
// requires) and numbers that do not change.
unsafe impl<T: FileOperations> Sync for Registration<T> {}

impl<T: FileOperations> Registration<T> {
    /// An initialiser that reserves `count` minors from `first_minor` of a
    /// free dynamic major under `name`, makes the nodes
    /// `/dev/<name><minor>`, runs `data`'s initialiser and adds the cdev.
    /// Fails with `EBUSY` (no free major), `EINVAL` (bad range, or a `/` in
    /// `name`), `EEXIST` (a node name is taken), `ENOMEM`, or `data`'s
    /// error; everything done is undone. May sleep.
    pub fn new<E>(
        name: &'static CStr,
        first_minor: u32,
        count: u32,
        data: impl PinInit<T::RegistrationData, E>,
    ) -> impl PinInit<Self, Error>
    where
        Error: From<E>,
    {
        pin_init_scope(move || {
            let numbers = Numbers::reserve(name, first_minor, count)?;
            let nodes = Nodes::create(name, first_minor, numbers.devt, count)?;
            let devt = numbers.devt;
            Ok(crate::try_pin_init!(Self {
                numbers,
                nodes,
                data <- data,
                // Last: an open may use the data once the cdev is added.
                // INVARIANT: on success the cdev is added, at its final
                // address, with its table beside it and the data above.
                inner <- Opaque::try_ffi_init(move |raw: *mut RawCdev| {
                    let open_fops = FileOperationsVTable::<Self, T>::OPEN_ONLY;
                    // SAFETY: `raw` is valid for writes and pinned
                    // (`try_ffi_init`'s promise): the cdev is initialised
                    // and added at its final address, pointing to the table
                    // beside it, and deleted by `drop` before the memory is
                    // freed (pinning's drop guarantee). On failure
                    // `cdev_add()` keeps no pointer to it.
                    to_result(unsafe {
                        (&raw mut (*raw).open_fops).write(open_fops);
                        bindings::cdev_init(&raw mut (*raw).cdev, &raw const (*raw).open_fops);
                        bindings::cdev_add(&raw mut (*raw).cdev, devt, count)
                    })
                }),
                _pin: PhantomPinned,
                _t: PhantomData,
            }))
        })
    }

    /// The first device number (`MKDEV(major, first_minor)`).
    pub fn devt(&self) -> u32 {
        self.numbers.devt
    }

    /// The major number.
    pub fn major(&self) -> u32 {
        self.numbers.devt >> MINORBITS
    }

    /// How many device numbers (and `/dev` nodes) are served.
    pub fn count(&self) -> u32 {
        self.numbers.count
    }

    /// The data given to [`new`](Self::new).
    pub fn data(&self) -> &T::RegistrationData {
        &self.data
    }
}

impl<T: FileOperations> PinnedDrop for Registration<T> {
    fn drop(self: Pin<&mut Self>, _: OnlyCallFromDrop) {
        // SAFETY: the cdev was added at this address (type invariant) and
        // is deleted once, here, before the fields are dropped: after
        // `cdev_del()` no open finds it, and the opens in progress, which
        // use `data` and the table, have returned. The nodes, the numbers
        // and the data go after it (field order).
        unsafe { bindings::cdev_del(&raw mut (*self.inner.get()).cdev) };
    }
}

// SAFETY: `chrdev_open()` sets `f_op` to the cdev's table, the
// `open_fops` at the start of a (repr(C)) registration, and counts the
// open in progress, which `cdev_del()` (run before the data is dropped)
// waits for: the data outlives every open in progress.
unsafe impl<T: FileOperations> OpenAdapter<T::RegistrationData> for Registration<T> {
    unsafe fn open_data<'a>(
        _inode: *mut bindings::inode,
        file: *mut bindings::file,
    ) -> &'a T::RegistrationData {
        // SAFETY: as above: `f_op` still points into the registration (the
        // caller's contract), which is alive and has its data initialised
        // (type invariant).
        let reg = unsafe { &*(*file).f_op.cast::<Self>() };
        &reg.data
    }
}

#[crate::kunit_tests(rust_chrdev)]
mod tests {
    use super::*;
    use crate::alloc::fault_inject;
    use crate::fs::{flags, File, Kiocb};
    use crate::iov::IovIterDest;
    use crate::prelude::*;
    use crate::sync::Arc;
    use crate::types::ARef;
    use core::sync::atomic::{AtomicUsize, Ordering};

    /// Reads as the minor it was opened with; counts opens.
    struct MinorDev;

    #[crate::vtable]
    impl FileOperations for MinorDev {
        type Ptr = KBox<u8>;
        type RegistrationData = Arc<AtomicUsize>;

        fn open(file: &File, opens: &Arc<AtomicUsize>) -> Result<KBox<u8>> {
            opens.fetch_add(1, Ordering::Relaxed);
            let minor = file.rdev() & ((1 << MINORBITS) - 1);
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

    /// Makes a character device node `path` for `devt`.
    fn mknod(path: &CStr, devt: u32) -> Result {
        crate::fs::mknod(path, 0o20600, devt)
    }

    use crate::fs::unlink;

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
        let table = FileOperationsVTable::<Registration<MinorDev>, MinorDev>::build();
        kunit_assert!(core::ptr::eq(a.ops(), table));
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
        let usage = fault_inject::memory_in_use;
        let before = usage();
        let mut failures = 0;
        let mut registered = false;
        for n in 0..64 {
            let guard = fault_inject::fail_after_scoped(n);
            let r = KBox::pin_init(
                Registration::<MinorDev>::new(c_str!("rust_chr_nomem"), 0, 2, opens.clone()),
                GFP_KERNEL | __GFP_NOWARN,
            );
            let fired = !fault_inject::armed();
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
