// SPDX-License-Identifier: GPL-2.0-only

//! Inodes of a Rust filesystem (`struct inode`).
//!
//! A filesystem gets its inodes through the inode cache:
//! [`SuperBlock::iget`] (`iget_locked()`) gives either the live
//! [`INode`] of that number or a [`NewINode`] to fill in from the disk,
//! whose [`NewINode::init`] sets the attributes ([`Attrs`]), the
//! operations that go with the file type, and the filesystem's own data
//! for the inode ([`FileSystem::INodeData`]), then makes it visible
//! (`unlock_new_inode()`). A [`NewINode`] dropped without `init` is taken
//! out of the cache (`iget_failed()`), so a reader that fails leaves
//! nothing behind. The data is dropped when the inode is evicted (its
//! last reference goes).

use super::registration::FileSystem;
use super::super_block::SuperBlock;
use crate::alloc::{flags::GFP_KERNEL, KBox};
use crate::error::{code::*, Result};
use crate::types::{ARef, AlwaysRefCounted, Either, Opaque};
use core::marker::PhantomData;
use core::ptr::NonNull;

/// The file type bits of a mode, and the types.
pub const S_IFMT: u16 = 0o170000;
/// A symbolic link.
pub const S_IFLNK: u16 = 0o120000;
/// A regular file.
pub const S_IFREG: u16 = 0o100000;
/// A directory.
pub const S_IFDIR: u16 = 0o040000;

/// The attributes of an inode as the filesystem read them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Attrs {
    /// Type and permission bits (`S_IFDIR | 0o755`...).
    pub mode: u16,
    /// Owner.
    pub uid: u32,
    /// Group.
    pub gid: u32,
    /// Size in bytes.
    pub size: i64,
    /// Hard links.
    pub nlink: u32,
    /// Last access, in nanoseconds since 1970.
    pub atime_ns: i64,
    /// Last change of the data.
    pub mtime_ns: i64,
    /// Last change of the inode.
    pub ctime_ns: i64,
    /// Device nodes: the device number (`MKDEV`); else 0.
    pub rdev: u32,
}

/// An inode of filesystem `T`, with the data `T` keeps for it.
///
/// # Invariants
///
/// Only reached through a reference to a live inode of a super block of
/// `T` that [`NewINode::init`] initialised: `i_private` holds a
/// `KBox<T::INodeData>` until the inode is evicted.
#[repr(transparent)]
pub struct INode<T: FileSystem> {
    inode: Opaque<bindings::inode>,
    _p: PhantomData<T>,
}

impl<T: FileSystem> INode<T> {
    /// The inode at `ptr`.
    ///
    /// # Safety
    ///
    /// `ptr` is an inode of a super block of `T` that [`NewINode::init`]
    /// initialised, alive for `'a`.
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut bindings::inode) -> &'a Self {
        // SAFETY: `Self` is a transparent wrapper; alive for `'a` (the
        // caller's promise).
        unsafe { &*ptr.cast::<Self>() }
    }

    pub(crate) fn as_ptr(&self) -> *mut bindings::inode {
        self.inode.get()
    }

    /// Its number (`i_ino`).
    pub fn ino(&self) -> u64 {
        // SAFETY: the inode is alive (type invariant); `i_ino` is set
        // before the inode is seen and never changes.
        unsafe { (*self.as_ptr()).i_ino as u64 }
    }

    /// Its size in bytes (`i_size`).
    pub fn size(&self) -> i64 {
        // SAFETY: the inode is alive (type invariant); `i_size` is only
        // read here, and a word-sized read.
        unsafe { core::ptr::read_volatile(&(*self.as_ptr()).i_size) }
    }

    /// The filesystem's data for this inode.
    pub fn data(&self) -> &T::INodeData {
        // SAFETY: `i_private` holds the boxed data until eviction, which
        // comes only after the last reference, so not while `self` is
        // borrowed (type invariant).
        unsafe { &*(*self.as_ptr()).i_private.cast::<T::INodeData>() }
    }

    /// Its attributes as the VFS holds them now (`chmod(2)`,
    /// `utimensat(2)`... change them without the filesystem; its
    /// [`FileSystem::write_inode`] stores them).
    pub fn attrs(&self) -> Attrs {
        let inode = self.as_ptr();
        // SAFETY: the inode is alive (type invariant); each field is a
        // word the VFS writes with `WRITE_ONCE`, read here once.
        unsafe {
            Attrs {
                mode: core::ptr::read_volatile(&(*inode).i_mode),
                uid: core::ptr::read_volatile(&(*inode).i_uid),
                gid: core::ptr::read_volatile(&(*inode).i_gid),
                size: core::ptr::read_volatile(&(*inode).i_size),
                nlink: core::ptr::read_volatile(&(*inode).i_nlink),
                atime_ns: core::ptr::read_volatile(&(*inode).i_atime_ns),
                mtime_ns: core::ptr::read_volatile(&(*inode).i_mtime_ns),
                ctime_ns: core::ptr::read_volatile(&(*inode).i_ctime_ns),
                rdev: core::ptr::read_volatile(&(*inode).i_rdev),
            }
        }
    }

    /// Sets its size (`i_size`), after the filesystem changed the file's
    /// length. The filesystem serialises its own calls.
    pub fn set_size(&self, size: i64) {
        // SAFETY: the inode is alive (type invariant); the VFS only reads
        // `i_size` (a word) of a filesystem's inode.
        unsafe { core::ptr::write_volatile(&mut (*self.as_ptr()).i_size, size) }
    }

    /// Sets its link count (`set_nlink()`). The filesystem serialises its
    /// own calls.
    pub fn set_nlink(&self, nlink: u32) {
        // SAFETY: the inode is alive (type invariant); the VFS only reads
        // `i_nlink` of a filesystem's inode.
        unsafe { bindings::set_nlink(self.as_ptr(), nlink) }
    }

    /// The super block it belongs to.
    pub fn super_block(&self) -> &SuperBlock<T> {
        // SAFETY: an inode holds its super block mounted while alive, and
        // the block size is set only while mounting.
        unsafe { SuperBlock::from_raw((*self.as_ptr()).i_sb) }
    }
}

// SAFETY: `ihold`/`iput` keep the inode alive while counted, from any
// thread.
unsafe impl<T: FileSystem> AlwaysRefCounted for INode<T> {
    fn inc_ref(&self) {
        // SAFETY: the inode is alive, with a reference (type invariant).
        unsafe { bindings::ihold(self.as_ptr()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: the caller gives up a reference it owns.
        unsafe { bindings::iput(obj.as_ptr().cast()) };
    }
}

// SAFETY: the inode's fields an `INode` reads do not change after `init`,
// and its data is `Send + Sync`; the C side may run on any thread.
unsafe impl<T: FileSystem> Send for INode<T> {}
// SAFETY: as for `Send`.
unsafe impl<T: FileSystem> Sync for INode<T> {}

/// An inode [`SuperBlock::iget`] just put in the cache, not yet read:
/// other lookups of its number wait until [`NewINode::init`] or the drop.
///
/// # Invariants
///
/// `inode` came from `iget_locked()` with `I_NEW` set; this value owns
/// that reference.
pub struct NewINode<T: FileSystem> {
    inode: NonNull<bindings::inode>,
    _p: PhantomData<T>,
}

impl<T: FileSystem> NewINode<T> {
    /// The attributes of an inode being created in `dir` with `mode`
    /// (type and permissions): owned as `inode_init_owner()` says (the
    /// caller's fsuid; the group of a set-group-ID `dir`, else the
    /// caller's fsgid), one link, size 0, all three times now. For
    /// [`NewINode::init`], after the filesystem stored them. Never sleeps.
    pub fn init_owner(&mut self, dir: &INode<T>, mode: u16) -> Attrs {
        let inode = self.inode.as_ptr();
        // SAFETY: the inode is new (`I_NEW`, type invariant), no one else
        // reads it; `dir` is alive while borrowed.
        unsafe {
            bindings::inode_init_owner(inode, dir.as_ptr(), mode);
            let now = bindings::ktime_get_real_ns() as i64;
            Attrs {
                mode: (*inode).i_mode,
                uid: (*inode).i_uid,
                gid: (*inode).i_gid,
                size: 0,
                nlink: 1,
                atime_ns: now,
                mtime_ns: now,
                ctime_ns: now,
                rdev: 0,
            }
        }
    }

    /// The number being read.
    pub fn ino(&self) -> u64 {
        // SAFETY: set by `iget_locked` before returning (type invariant).
        unsafe { (*self.inode.as_ptr()).i_ino as u64 }
    }

    /// Fills the inode in with `attrs` and `data`, gives it the
    /// operations of its file type (directories: [`FileSystem::lookup`]
    /// and [`FileSystem::read_dir`]; regular files: [`FileSystem::read`];
    /// symbolic links: [`FileSystem::get_link`]; device nodes, FIFOs and
    /// sockets: `init_special_inode()`) and makes it visible. Errors:
    /// `EUCLEAN` for an unknown file type, `ENOMEM`; on error the inode
    /// leaves the cache. May sleep.
    pub fn init(self, attrs: &Attrs, data: T::INodeData) -> Result<ARef<INode<T>>> {
        let ty = attrs.mode & S_IFMT;
        let (iop, fop) = super::ops::ops_for::<T>(ty).ok_or(EUCLEAN)?;
        let data = KBox::new(data, GFP_KERNEL)?;
        let inode = self.inode.as_ptr();
        // SAFETY: the inode is new (`I_NEW`, type invariant): no one else
        // reads it until `unlock_new_inode`.
        unsafe {
            set_attrs(inode, attrs);
            (*inode).i_private = KBox::into_raw(data).cast();
            (*inode).i_op = iop;
            (*inode).i_fop = fop;
            if fop.is_null() && iop.is_null() {
                bindings::init_special_inode(inode, attrs.mode, attrs.rdev);
            }
            bindings::unlock_new_inode(inode);
        }
        let inode = core::mem::ManuallyDrop::new(self).inode;
        // SAFETY: initialised above with its data (the `INode`
        // invariant); the reference `self` owned goes to the `ARef`.
        Ok(unsafe { ARef::from_raw(inode.cast()) })
    }
}

impl<T: FileSystem> Drop for NewINode<T> {
    fn drop(&mut self) {
        // SAFETY: a new inode whose reference we own (type invariant):
        // `iget_failed` unhashes it and drops that reference.
        unsafe { bindings::iget_failed(self.inode.as_ptr()) };
    }
}

impl<T: FileSystem> SuperBlock<T> {
    /// Inode `ino` of this super block from the inode cache
    /// (`iget_locked()`): `Left` the live one (after waiting for its
    /// reader), `Right` a new one for the caller to read and
    /// [`NewINode::init`]. Errors: `ENOMEM`. May sleep.
    pub fn iget(&self, ino: u64) -> Result<Either<ARef<INode<T>>, NewINode<T>>> {
        let ino = ffi::c_ulong::try_from(ino).map_err(|_| EINVAL)?;
        // SAFETY: the super block is mounted (type invariant).
        let inode = unsafe { bindings::iget_locked(self.as_ptr(), ino) };
        let inode = NonNull::new(inode).ok_or(ENOMEM)?;
        // SAFETY: `iget_locked` returned a referenced inode, hashed, of
        // this super block; `I_NEW` is only cleared by `unlock_new_inode`
        // (after `init`) or `iget_failed`, so it tells which one it is.
        if unsafe { (*inode.as_ptr()).i_state } & bindings::I_NEW as ffi::c_ulong != 0 {
            // INVARIANT: new, and we own the reference.
            Ok(Either::Right(NewINode {
                inode,
                _p: PhantomData,
            }))
        } else {
            // SAFETY: a live inode of `T` initialised by `init` (the only
            // way `I_NEW` is cleared on a hashed inode of ours), whose
            // reference goes to the `ARef`.
            Ok(Either::Left(unsafe { ARef::from_raw(inode.cast()) }))
        }
    }
}

/// Evicts an inode of `T` (`evict_inode`): [`FileSystem::evict_inode`]
/// if [`NewINode::init`] finished it, then drops its data.
///
/// # Safety
///
/// `inode` is an inode of a super block of `T` whose last reference is
/// gone, and whose data is still there (`put_super` has not run); its
/// `i_private` is NULL or was set by [`NewINode::init`].
pub(crate) unsafe fn evict<T: FileSystem>(inode: *mut bindings::inode) {
    // SAFETY: the caller's promise: no one else uses the inode any more.
    if unsafe { !(*inode).i_private.is_null() } {
        // SAFETY: initialised (non-NULL `i_private`), alive for the call;
        // the super block's data is there (the caller's promise).
        unsafe {
            T::evict_inode(
                INode::from_raw(inode),
                super::registration::data::<T>((*inode).i_sb),
            )
        };
    }
    // SAFETY: as above.
    let data = unsafe { core::mem::replace(&mut (*inode).i_private, core::ptr::null_mut()) };
    if !data.is_null() {
        // SAFETY: `init` boxed it; nothing borrows it after the last
        // reference.
        drop(unsafe { KBox::from_raw(data.cast::<T::INodeData>()) });
    }
}

/// Sets the attributes of an inode that no one else reads yet.
///
/// # Safety
///
/// `inode` is valid and not yet visible to others.
unsafe fn set_attrs(inode: *mut bindings::inode, attrs: &Attrs) {
    // SAFETY: the caller's promise.
    unsafe {
        (*inode).i_mode = attrs.mode;
        (*inode).i_uid = attrs.uid;
        (*inode).i_gid = attrs.gid;
        (*inode).i_size = attrs.size;
        (*inode).i_nlink = attrs.nlink;
        (*inode).i_atime_ns = attrs.atime_ns;
        (*inode).i_mtime_ns = attrs.mtime_ns;
        (*inode).i_ctime_ns = attrs.ctime_ns;
    }
}
