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
use crate::error::{code::EROFS, from_result, to_result, Result};
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

    // The write side. The namespace methods run with the namespace mutex
    // held, on a name the VFS checked: `create`, `mkdir` and `symlink`
    // get a name that the directory does not hold (as far as `lookup`
    // says); `unlink`, `rmdir` and `rename` the inode the name has. A
    // filesystem mounted read-only never sees them (the VFS answers
    // `EROFS`), so a read-only one keeps these defaults.

    /// Creates regular file `name` in `dir` with `mode` (`S_IFREG` and
    /// permissions; owner from [`NewINode::init_owner`]) and returns its
    /// new inode.
    ///
    /// [`NewINode::init_owner`]: inode::NewINode::init_owner
    fn create(
        _dir: &INode<Self>,
        _data: &Self::Data,
        _name: &[u8],
        _mode: u16,
    ) -> Result<ARef<INode<Self>>> {
        Err(EROFS)
    }

    /// Creates directory `name` in `dir` with `mode` (`S_IFDIR` and
    /// permissions), holding `.` and `..`.
    fn mkdir(
        _dir: &INode<Self>,
        _data: &Self::Data,
        _name: &[u8],
        _mode: u16,
    ) -> Result<ARef<INode<Self>>> {
        Err(EROFS)
    }

    /// Creates symbolic link `name` in `dir` pointing at `target` (1 to
    /// `PATH_MAX - 1` bytes, no NUL).
    fn symlink(
        _dir: &INode<Self>,
        _data: &Self::Data,
        _name: &[u8],
        _target: &[u8],
    ) -> Result<ARef<INode<Self>>> {
        Err(EROFS)
    }

    /// Adds `name` in `dir` for the existing `inode` (not a directory)
    /// and counts the link ([`INode::set_nlink`]).
    fn link(_inode: &INode<Self>, _dir: &INode<Self>, _data: &Self::Data, _name: &[u8]) -> Result {
        Err(EROFS)
    }

    /// Removes `name` (of `inode`, not a directory) from `dir` and drops
    /// the link; the inode's data goes when it is evicted with no link.
    fn unlink(
        _dir: &INode<Self>,
        _data: &Self::Data,
        _name: &[u8],
        _inode: &INode<Self>,
    ) -> Result {
        Err(EROFS)
    }

    /// Removes the directory `inode`, named `name` in `dir`: `ENOTEMPTY`
    /// unless it holds only `.` and `..`.
    fn rmdir(_dir: &INode<Self>, _data: &Self::Data, _name: &[u8], _inode: &INode<Self>) -> Result {
        Err(EROFS)
    }

    /// Moves `inode` from `old_name` in `old_dir` to `new_name` in
    /// `new_dir`, replacing `target` (the inode `new_name` has, if any: of
    /// the same kind, an empty directory if a directory; the VFS checked
    /// that a directory does not move below itself).
    #[allow(clippy::too_many_arguments)]
    fn rename(
        _old_dir: &INode<Self>,
        _data: &Self::Data,
        _old_name: &[u8],
        _inode: &INode<Self>,
        _new_dir: &INode<Self>,
        _new_name: &[u8],
        _target: Option<&INode<Self>>,
    ) -> Result {
        Err(EROFS)
    }

    /// Writes `buf` into regular file `inode` at byte `pos`, growing it
    /// ([`INode::set_size`]) if it ends past its size; returns the bytes
    /// written (all of them, or an error if none could be: `ENOSPC`...).
    fn write(_inode: &INode<Self>, _data: &Self::Data, _pos: u64, _buf: &[u8]) -> Result<usize> {
        Err(EROFS)
    }

    /// Makes regular file `inode` `size` bytes long (`truncate(2)`,
    /// `O_TRUNC`): blocks past the end are freed; growing leaves a hole.
    fn truncate(_inode: &INode<Self>, _data: &Self::Data, _size: u64) -> Result {
        Err(EROFS)
    }

    /// Stores the attributes of `inode` ([`INode::attrs`]) on the disk:
    /// the VFS changed them (`mark_inode_dirty()`). Not under the
    /// namespace mutex.
    fn write_inode(_inode: &INode<Self>, _data: &Self::Data) -> Result {
        Ok(())
    }

    /// `inode`'s last reference is going: if it has no link left, free
    /// what it holds on the disk. Its data is dropped afterwards. May run
    /// under the namespace mutex, from any `iput()`.
    fn evict_inode(_inode: &INode<Self>, _data: &Self::Data) {}

    /// Puts everything the mount changed into the device's buffers
    /// (`sync(2)`, `syncfs(2)`, `fsync(2)`, unmount), after every dirty
    /// inode was written; the VFS writes the buffers back afterwards.
    fn sync_fs(_sb: &SuperBlock<Self>, _data: &Self::Data) -> Result {
        Ok(())
    }

    /// The mount ends (unmount, or a mount failing after `fill_super`):
    /// the last chance to write to the device, after the last sync and
    /// before `Data` is dropped; the VFS writes the buffers back
    /// afterwards. No inode is left.
    fn put_super(_sb: &SuperBlock<Self>, _data: &Self::Data) {}
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
        write_inode: Some(Self::write_inode_callback),
        sync_fs: Some(Self::sync_fs_callback),
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

    unsafe extern "C" fn write_inode_callback(inode: *mut bindings::inode, _wait: c_int) -> c_int {
        from_result(|| {
            // SAFETY: the VFS calls this on a referenced inode of a
            // mounted super block of ours; only inodes `init` finished
            // are ever marked dirty.
            let (inode, data) = unsafe { (INode::<T>::from_raw(inode), data::<T>((*inode).i_sb)) };
            T::write_inode(inode, data)?;
            Ok(0)
        })
    }

    unsafe extern "C" fn sync_fs_callback(sb: *mut bindings::super_block, _wait: c_int) -> c_int {
        from_result(|| {
            // SAFETY: a mounted super block of ours (`sync_filesystem()`
            // runs before `put_super`).
            let (sbr, data) = unsafe { (SuperBlock::<T>::from_raw(sb), data::<T>(sb)) };
            T::sync_fs(sbr, data)?;
            Ok(0)
        })
    }

    unsafe extern "C" fn evict_inode_callback(inode: *mut bindings::inode) {
        // SAFETY: the last reference to an inode of our super block is
        // gone; `i_private` is NULL or set by `NewINode::init`; inodes go
        // before `put_super` drops the data.
        unsafe { inode::evict::<T>(inode) };
    }

    unsafe extern "C" fn put_super_callback(sb: *mut bindings::super_block) {
        // SAFETY: called once, at unmount or a failed mount, on a super
        // block whose `s_op` (so its data) `fill_super_callback` set; the
        // root and every inode are gone, so nothing borrows the data
        // but `T::put_super`, before it is dropped; `mount_bdev()` made
        // the super block, whose block size no one changes any more.
        unsafe {
            T::put_super(SuperBlock::<T>::from_raw(sb), data::<T>(sb));
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
