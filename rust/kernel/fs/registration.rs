// SPDX-License-Identifier: GPL-2.0-only

//! Rust filesystems: the [`FileSystem`] trait a filesystem implements and
//! its [`Registration`] (`register_filesystem()`), after which
//! `mount -t NAME DEVICE DIR` mounts it from a block device.
//!
//! A mount goes `mount(2)` → `mount_bdev()` (claims the device, makes the
//! super block) → [`FileSystem::fill_super`], which reads the device
//! through the [`SuperBlock`] and returns the filesystem's own data for
//! that mount (`s_fs_info`), then [`FileSystem::init_root`] for the root
//! directory's [`INode`]. The data is lent to every other method and
//! dropped at the last unmount (`put_super`), or at once when mounting
//! fails after `fill_super`. Inodes come from the inode cache
//! ([`SuperBlock::iget`]); their operations are in [`super::ops`].

use super::inode::{self, INode};
use super::ops::DirEmitter;
use super::super_block::{Stat, SuperBlock};
use crate::alloc::{flags::GFP_KERNEL, KBox, KVec};
use crate::error::{from_result, to_result, Result};
use crate::str::CStr;
use crate::types::{ARef, Opaque};
use core::marker::PhantomData;
use core::sync::atomic::{AtomicUsize, Ordering};
use ffi::{c_char, c_int, c_void};

/// A filesystem mounted from a block device. Every method may sleep.
pub trait FileSystem: Sized + Send + Sync + 'static {
    /// What each mount keeps (`s_fs_info`).
    type Data: Send + Sync;

    /// What each inode keeps, dropped when the inode is evicted.
    type INodeData: Send + Sync;

    /// The name `mount -t` takes.
    const NAME: &'static CStr;

    /// The magic number `statfs(2)` reports (`f_type`).
    const MAGIC: u32;

    /// Reads the device of a super block being mounted (it may set the
    /// block size first) and returns what the mount keeps. An error
    /// refuses the mount (`EINVAL` for a device that does not hold this
    /// filesystem, `EUCLEAN` for a corrupt one).
    fn fill_super(sb: &SuperBlock<Self>) -> Result<Self::Data>;

    /// The root directory ([`SuperBlock::iget`] and
    /// [`inode::NewINode::init`]; its mode must be a directory's).
    fn init_root(sb: &SuperBlock<Self>, data: &Self::Data) -> Result<ARef<INode<Self>>>;

    /// The inode `name` (1 to 255 bytes, no `/`, not `.` or `..`) names
    /// in directory `dir`, or `None` if there is no such entry.
    fn lookup(
        dir: &INode<Self>,
        data: &Self::Data,
        name: &[u8],
    ) -> Result<Option<ARef<INode<Self>>>>;

    /// Lists directory `dir` from [`DirEmitter::pos`] on, every entry
    /// (`.` and `..` too) through [`DirEmitter::emit`], until it returns
    /// `false` or the directory ends.
    fn read_dir(dir: &INode<Self>, data: &Self::Data, emitter: &mut DirEmitter<'_>) -> Result;

    /// Reads regular file `inode` from byte `pos` into `buf`; returns the
    /// bytes read, 0 at the end. Holes read as zeros.
    fn read(inode: &INode<Self>, data: &Self::Data, pos: u64, buf: &mut [u8]) -> Result<usize>;

    /// The target of symbolic link `inode` (without a NUL).
    fn get_link(inode: &INode<Self>, data: &Self::Data) -> Result<KVec<u8>>;

    /// The sizes `statfs(2)` reports.
    fn statfs(sb: &SuperBlock<Self>, data: &Self::Data) -> Result<Stat>;
}

/// The data of a super block of `T` set up by `fill_super_callback`.
///
/// # Safety
///
/// `sb` is a super block of `T` whose `fill_super_callback` set `s_op`,
/// and `put_super` has not run (and will not while the result is used).
pub(crate) unsafe fn data<'a, T: FileSystem>(sb: *mut bindings::super_block) -> &'a T::Data {
    // SAFETY: `s_op` is set only after `s_fs_info` holds a boxed
    // `T::Data`, freed only by `put_super`.
    unsafe { &*(*sb).s_fs_info.cast::<T::Data>() }
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
        evict_inode: Some(Self::evict_inode_callback),
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
            let boxed = KBox::into_raw(KBox::new(T::fill_super(sbr)?, GFP_KERNEL)?);
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
                (*sb).s_fs_info = boxed.cast();
            }
            // SAFETY: set just above, freed only by `put_super`.
            let root = T::init_root(sbr, unsafe { data::<T>(sb) })?;
            // SAFETY: `d_make_root` takes over the root's reference
            // (dropped on failure too).
            unsafe {
                (*sb).s_root = bindings::d_make_root(ARef::into_raw(root).as_ptr().cast());
                if (*sb).s_root.is_null() {
                    return Err(crate::error::code::ENOMEM);
                }
            }
            Ok(0)
        })
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
                (SuperBlock::<T>::from_raw(sb), data::<T>(sb))
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

    unsafe extern "C" fn evict_inode_callback(inode: *mut bindings::inode) {
        // SAFETY: the last reference to an inode of our super block is
        // gone; `i_private` is NULL or set by `NewINode::init`.
        unsafe { inode::evict::<T>(inode) };
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
