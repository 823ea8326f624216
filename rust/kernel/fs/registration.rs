// SPDX-License-Identifier: GPL-2.0-only

//! Rust filesystems: the [`FileSystem`] trait a filesystem implements and
//! its [`Registration`] (`register_filesystem()`), after which
//! `mount -t NAME DEVICE DIR` mounts it from a block device.
//!
//! A mount goes `mount(2)` → `mount_bdev()` (claims the device, makes the
//! super block) → [`FileSystem::fill_super`], which reads the device
//! through the [`SuperBlock`] and returns the filesystem's own data for
//! that mount (`s_fs_info`), then [`FileSystem::init_root`] for the root
//! directory's attributes. The data is lent to [`FileSystem::statfs`] and
//! dropped at the last unmount (`put_super`), or at once when mounting
//! fails after `fill_super`.
//!
//! So far the root is the only inode: lookup, file reading and directory
//! listing are not there yet, and the root lists as empty.

use super::inode::{new_inode, Attrs};
use super::super_block::{Stat, SuperBlock};
use crate::alloc::{flags::GFP_KERNEL, KBox};
use crate::error::{from_result, to_result, Result};
use crate::str::CStr;
use crate::types::Opaque;
use core::marker::PhantomData;
use core::sync::atomic::{AtomicUsize, Ordering};
use ffi::{c_char, c_int, c_void};

/// A filesystem mounted from a block device.
pub trait FileSystem: Sized + Send + Sync + 'static {
    /// What each mount keeps (`s_fs_info`).
    type Data: Send + Sync;

    /// The name `mount -t` takes.
    const NAME: &'static CStr;

    /// The magic number `statfs(2)` reports (`f_type`).
    const MAGIC: u32;

    /// Reads the device of a super block being mounted (it may set the
    /// block size first) and returns what the mount keeps. An error
    /// refuses the mount (`EINVAL` for a device that does not hold this
    /// filesystem, `EUCLEAN` for a corrupt one). May sleep.
    fn fill_super(sb: &SuperBlock<Self>) -> Result<Self::Data>;

    /// The root directory's attributes (the mode must be a directory's).
    /// May sleep.
    fn init_root(sb: &SuperBlock<Self>, data: &Self::Data) -> Result<Attrs>;

    /// The sizes `statfs(2)` reports. May sleep.
    fn statfs(sb: &SuperBlock<Self>, data: &Self::Data) -> Result<Stat>;
}

/// The part of a registration C holds a pointer to.
#[repr(C)]
struct Inner {
    /// First, so that `s_type` is the address of the whole.
    fs_type: Opaque<bindings::file_system_type>,
    /// Super blocks with data (`fill_super` succeeded, `put_super` not
    /// yet run).
    live: AtomicUsize,
}

/// `T` registered under [`FileSystem::NAME`] for as long as this lives.
///
/// # Invariants
///
/// `inner` is registered (`register_filesystem()`), with the callbacks of
/// `T`; its address is stable (boxed).
pub struct Registration<T: FileSystem> {
    inner: Option<KBox<Inner>>,
    _p: PhantomData<T>,
}

impl<T: FileSystem> Registration<T> {
    const SOPS: bindings::super_operations = bindings::super_operations {
        statfs: Some(Self::statfs_callback),
        put_super: Some(Self::put_super_callback),
        // SAFETY: all-NULL is a valid table (every member may be NULL).
        ..unsafe { core::mem::zeroed() }
    };

    /// Registers `T`. Errors: `EBUSY` (the name is taken), `ENOMEM`. May
    /// sleep.
    pub fn new() -> Result<Self> {
        let inner = KBox::new(
            Inner {
                fs_type: Opaque::zeroed(),
                live: AtomicUsize::new(0),
            },
            GFP_KERNEL,
        )?;
        let t = inner.fs_type.get();
        // SAFETY: `t` is ours and not registered yet; `NAME` is static.
        unsafe {
            (*t).name = T::NAME.as_ptr();
            (*t).fs_flags = bindings::FS_REQUIRES_DEV as c_int;
            (*t).mount = Some(Self::mount_callback);
            (*t).kill_sb = Some(bindings::kill_block_super);
        }
        // SAFETY: `t` is a filled-in type whose address stays the same
        // while registered (boxed; `Drop` unregisters it first).
        to_result(unsafe { bindings::register_filesystem(t) })?;
        // INVARIANT: registered above.
        Ok(Self {
            inner: Some(inner),
            _p: PhantomData,
        })
    }

    unsafe extern "C" fn mount_callback(
        fs_type: *mut bindings::file_system_type,
        flags: c_int,
        dev_name: *const c_char,
        data: *mut c_void,
    ) -> *mut bindings::dentry {
        // SAFETY: the VFS calls this with its arguments as `mount_bdev`
        // takes them.
        unsafe {
            bindings::mount_bdev(
                fs_type,
                flags,
                dev_name,
                data,
                Some(Self::fill_super_callback),
            )
        }
    }

    unsafe extern "C" fn fill_super_callback(
        sb: *mut bindings::super_block,
        _data: *mut c_void,
        _silent: c_int,
    ) -> c_int {
        from_result(|| {
            // SAFETY: `mount_bdev` calls this with a new super block of
            // our type that has its device; only this thread sees it.
            let sbr = unsafe { SuperBlock::<T>::from_raw(sb) };
            let data = KBox::new(T::fill_super(sbr)?, GFP_KERNEL)?;
            let attrs = T::init_root(sbr, &data)?;
            let data = KBox::into_raw(data);
            // SAFETY: `s_type` is the first field of our `Inner`, alive
            // while the type is registered or a super block is live (see
            // `Drop`). From here `put_super` frees the data, also when
            // this function fails below.
            unsafe {
                (*(*sb).s_type.cast::<Inner>())
                    .live
                    .fetch_add(1, Ordering::Relaxed);
                (*sb).s_op = &Self::SOPS;
                (*sb).s_magic = T::MAGIC as ffi::c_ulong;
                (*sb).s_fs_info = data.cast();
            }
            // SAFETY: `sb` is valid.
            let root = unsafe { new_inode(sb, &attrs)? };
            // SAFETY: `root` is a new inode with one reference, which
            // `d_make_root` takes over (dropped on failure too); the
            // directory operations list no entries beyond "." and "..".
            unsafe {
                (*root).i_fop = &bindings::simple_dir_operations;
                (*sb).s_root = bindings::d_make_root(root);
                if (*sb).s_root.is_null() {
                    return Err(crate::error::code::ENOMEM);
                }
            }
            Ok(0)
        })
    }

    /// The data of a super block set up by `fill_super_callback`.
    ///
    /// # Safety
    ///
    /// `sb` is a super block of `T` whose `fill_super_callback` set
    /// `s_op`, and `put_super` has not run.
    unsafe fn data<'a>(sb: *mut bindings::super_block) -> &'a T::Data {
        // SAFETY: `s_op` is set only after `s_fs_info` holds a boxed
        // `T::Data`, freed only by `put_super`.
        unsafe { &*(*sb).s_fs_info.cast::<T::Data>() }
    }

    unsafe extern "C" fn statfs_callback(
        dentry: *mut bindings::dentry,
        buf: *mut bindings::kstatfs,
    ) -> c_int {
        from_result(|| {
            // SAFETY: the VFS calls this on a dentry of a mounted super
            // block of ours, so its data is there until unmounted.
            let (sbr, data) = unsafe {
                let sb = (*dentry).d_sb;
                (SuperBlock::<T>::from_raw(sb), Self::data(sb))
            };
            let st = T::statfs(sbr, data)?;
            // SAFETY: `buf` is the VFS's to fill; `f_type` is set already.
            unsafe {
                (*buf).f_bsize = sbr.block_size() as _;
                (*buf).f_frsize = sbr.block_size() as _;
                (*buf).f_blocks = st.blocks;
                (*buf).f_bfree = st.bfree;
                (*buf).f_bavail = st.bavail;
                (*buf).f_files = st.files;
                (*buf).f_ffree = st.ffree;
                (*buf).f_namelen = st.namelen as _;
            }
            Ok(0)
        })
    }

    unsafe extern "C" fn put_super_callback(sb: *mut bindings::super_block) {
        // SAFETY: called once, at unmount or a failed mount, on a super
        // block whose `s_op` (so its data) `fill_super_callback` set; the
        // root and every inode are gone, so nothing borrows the data.
        unsafe {
            drop(KBox::from_raw((*sb).s_fs_info.cast::<T::Data>()));
            (*sb).s_fs_info = core::ptr::null_mut();
            (*(*sb).s_type.cast::<Inner>())
                .live
                .fetch_sub(1, Ordering::Release);
        }
    }
}

impl<T: FileSystem> Drop for Registration<T> {
    fn drop(&mut self) {
        let Some(inner) = self.inner.take() else {
            return;
        };
        // SAFETY: registered (type invariant); afterwards no new mount
        // finds it.
        unsafe { bindings::unregister_filesystem(inner.fs_type.get()) };
        if inner.live.load(Ordering::Acquire) != 0 {
            // Mounted super blocks still point at the type: keep it.
            crate::pr_warn!("{}: unregistered while mounted\n", T::NAME);
            let _ = KBox::into_raw(inner);
        }
    }
}

// SAFETY: the registration only unregisters on drop, which any thread may do.
unsafe impl<T: FileSystem> Send for Registration<T> {}
// SAFETY: `&Registration` gives access to nothing.
unsafe impl<T: FileSystem> Sync for Registration<T> {}
