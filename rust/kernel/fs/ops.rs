// SPDX-License-Identifier: GPL-2.0-only

//! The inode and file operations of a Rust filesystem's inodes: the C
//! tables [`NewINode::init`](super::inode::NewINode::init) gives each
//! inode by its file type, and the callbacks that turn them into calls of
//! [`FileSystem`] methods.
//!
//! - Directories: `->lookup` ([`FileSystem::lookup`]: the inode found is
//!   linked into the dentry tree under its name, `d_add_child()`),
//!   `->iterate_shared` ([`FileSystem::read_dir`] with a [`DirEmitter`])
//!   and `generic_file_llseek`.
//! - Regular files: `->read_iter` ([`FileSystem::read`] into a bounce
//!   buffer of at most a page, copied to the caller's iterator: Ferrite
//!   has no page cache for block filesystems yet) and
//!   `generic_file_llseek`.
//! - Symbolic links: `->get_link` ([`FileSystem::get_link`]).
//!
//! The write side: directories' `->create`, `->mkdir`, `->symlink` (the
//! inode the filesystem returns is given to the new dentry,
//! `d_instantiate()`), `->link`, `->unlink`, `->rmdir` and `->rename`;
//! regular files' `->setattr` (a size change: [`FileSystem::truncate`])
//! and `->write_iter` ([`FileSystem::write`] from a bounce buffer of at
//! most a page; `O_APPEND` writes at the size; the VFS touches the times
//! afterwards, which marks the inode dirty); `->fsync` of files and directories
//! is `sync_filesystem()` of the whole mount.
//!
//! The VFS calls the directory methods and `->get_link` with the
//! namespace mutex held, `->setattr` under `inode_lock()`,
//! `->read_iter`, `->write_iter` and `->fsync` without a lock; all may
//! sleep.

use super::inode::{INode, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG};
use super::registration::{data, FileSystem};
use crate::alloc::{flags::GFP_KERNEL, KVec};
use crate::error::{code::*, from_result, Error, Result};
use crate::iov::IovIterDest;
use crate::types::ARef;
use core::marker::PhantomData;
use ffi::{c_char, c_int};

/// The most [`FileSystem::read`] is asked for at once.
const READ_CHUNK: usize = 4096;

/// Where [`FileSystem::read_dir`] puts the entries it lists: the caller's
/// `struct dir_context` (`getdents64(2)`'s buffer...).
///
/// Positions are the filesystem's (for ext2, an entry's byte offset); the
/// listing resumes at [`DirEmitter::pos`], which the filesystem rounds up
/// to the next entry if it falls inside one.
pub struct DirEmitter<'a> {
    ctx: &'a mut bindings::dir_context,
}

impl DirEmitter<'_> {
    /// Where to go on listing.
    pub fn pos(&self) -> i64 {
        self.ctx.pos
    }

    /// Gives the entry `name` at position `pos`, of inode `ino` and file
    /// type `mode_type` (`S_IFREG`...; 0 if unknown), and moves the
    /// position to `next`. Returns `false` (position left at `pos`) when
    /// the caller wants no more: stop listing.
    pub fn emit(&mut self, pos: i64, next: i64, name: &[u8], ino: u64, mode_type: u16) -> bool {
        let Ok(len) = c_int::try_from(name.len()) else {
            return false;
        };
        let Some(actor) = self.ctx.actor else {
            return false;
        };
        self.ctx.pos = pos;
        // SAFETY: the actor is the caller's, called as `dir_emit()` does:
        // its context, a name valid for `len` bytes during the call.
        let more = unsafe {
            actor(
                self.ctx,
                name.as_ptr().cast(),
                len,
                pos,
                ino,
                u32::from(mode_type >> 12),
            )
        };
        if more {
            self.ctx.pos = next;
        }
        more
    }
}

/// The C tables of `T`'s inodes.
struct Tables<T>(PhantomData<T>);

impl<T: FileSystem> Tables<T> {
    const DIR_IOPS: bindings::inode_operations = bindings::inode_operations {
        lookup: Some(lookup_callback::<T>),
        create: Some(create_callback::<T>),
        mkdir: Some(mkdir_callback::<T>),
        symlink: Some(symlink_callback::<T>),
        link: Some(link_callback::<T>),
        unlink: Some(unlink_callback::<T>),
        rmdir: Some(rmdir_callback::<T>),
        rename: Some(rename_callback::<T>),
        // SAFETY: all-NULL is a valid table (every member may be NULL).
        ..unsafe { core::mem::zeroed() }
    };
    const DIR_FOPS: bindings::file_operations = bindings::file_operations {
        llseek: Some(bindings::generic_file_llseek),
        iterate_shared: Some(iterate_shared_callback::<T>),
        fsync: Some(fsync_callback),
        // SAFETY: as above.
        ..unsafe { core::mem::zeroed() }
    };
    const REG_FOPS: bindings::file_operations = bindings::file_operations {
        llseek: Some(bindings::generic_file_llseek),
        read_iter: Some(read_iter_callback::<T>),
        write_iter: Some(write_iter_callback::<T>),
        fsync: Some(fsync_callback),
        // SAFETY: as above.
        ..unsafe { core::mem::zeroed() }
    };
    const REG_IOPS: bindings::inode_operations = bindings::inode_operations {
        setattr: Some(setattr_callback::<T>),
        // SAFETY: as above.
        ..unsafe { core::mem::zeroed() }
    };
    const LNK_IOPS: bindings::inode_operations = bindings::inode_operations {
        get_link: Some(get_link_callback::<T>),
        // SAFETY: as above.
        ..unsafe { core::mem::zeroed() }
    };
}

/// The inode and file operations of an inode of `T` of file type `ty`
/// (`S_IFDIR`...): both NULL for device nodes, FIFOs and sockets (for
/// `init_special_inode()`), `None` for an unknown type.
pub(crate) fn ops_for<T: FileSystem>(
    ty: u16,
) -> Option<(
    *const bindings::inode_operations,
    *const bindings::file_operations,
)> {
    const S_IFSOCK: u16 = 0o140000;
    const S_IFBLK: u16 = 0o060000;
    const S_IFCHR: u16 = 0o020000;
    const S_IFIFO: u16 = 0o010000;
    let none = (core::ptr::null(), core::ptr::null());
    match ty & S_IFMT {
        S_IFDIR => Some((&Tables::<T>::DIR_IOPS, &Tables::<T>::DIR_FOPS)),
        S_IFREG => Some((&Tables::<T>::REG_IOPS, &Tables::<T>::REG_FOPS)),
        S_IFLNK => Some((&Tables::<T>::LNK_IOPS, core::ptr::null())),
        S_IFCHR | S_IFBLK | S_IFIFO | S_IFSOCK => Some(none),
        _ => None,
    }
}

unsafe extern "C" fn lookup_callback<T: FileSystem>(
    dir: *mut bindings::inode,
    parent: *mut bindings::dentry,
    qname: *const bindings::qstr,
) -> *mut bindings::dentry {
    // SAFETY: the VFS calls this on a directory of ours (the table is
    // only given to them), alive while its dentry `parent` is, with a
    // name of `len` bytes, under the namespace mutex.
    let (dir, data, name) = unsafe {
        (
            INode::<T>::from_raw(dir),
            data::<T>((*dir).i_sb),
            core::slice::from_raw_parts((*qname).name.cast::<u8>(), (*qname).len as usize),
        )
    };
    match T::lookup(dir, data, name) {
        Ok(None) => core::ptr::null_mut(),
        Err(e) => e.to_ptr(),
        Ok(Some(inode)) => {
            let inode = ARef::into_raw(inode);
            // SAFETY: `parent` is the directory's dentry, `name` valid;
            // the inode reference goes to the new dentry (dropped on
            // failure), and the namespace mutex is held.
            unsafe { bindings::d_add_child(parent, qname, inode.as_ptr().cast()) }
        }
    }
}

unsafe extern "C" fn iterate_shared_callback<T: FileSystem>(
    file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> c_int {
    from_result(|| {
        // SAFETY: an open directory of ours, referenced by the file, and
        // the caller's context, used only during the call.
        let (dir, data, ctx) = unsafe {
            let inode = (*file).f_inode;
            (
                INode::<T>::from_raw(inode),
                data::<T>((*inode).i_sb),
                &mut *ctx,
            )
        };
        T::read_dir(dir, data, &mut DirEmitter { ctx })?;
        Ok(0)
    })
}

unsafe extern "C" fn read_iter_callback<T: FileSystem>(
    iocb: *mut bindings::kiocb,
    to: *mut bindings::iov_iter,
) -> isize {
    // SAFETY: a read of an open regular file of ours: the `kiocb` and the
    // destination iterator are the caller's for the call, the inode is
    // referenced by the file.
    let (inode, data, pos, dest) = unsafe {
        let inode = (*(*iocb).ki_filp).f_inode;
        (
            INode::<T>::from_raw(inode),
            data::<T>((*inode).i_sb),
            &mut (*iocb).ki_pos,
            IovIterDest::from_raw(to),
        )
    };
    match read_to_iter(inode, data, pos, dest) {
        Ok(n) => n as isize,
        Err(e) => e.to_errno() as isize,
    }
}

/// Reads `inode` from `*pos` into `dest` through a bounce buffer, up to
/// its size, advancing `*pos`. Returns the bytes copied; an error only if
/// none were.
fn read_to_iter<T: FileSystem>(
    inode: &INode<T>,
    data: &T::Data,
    pos: &mut i64,
    dest: &mut IovIterDest<'_>,
) -> Result<usize> {
    let start = u64::try_from(*pos).map_err(|_| EINVAL)?;
    let left = u64::try_from(inode.size())
        .unwrap_or(0)
        .saturating_sub(start);
    let want = usize::try_from(left).unwrap_or(usize::MAX).min(dest.len());
    let mut buf = KVec::new();
    buf.extend_with(want.min(READ_CHUNK), 0u8, GFP_KERNEL)?;
    let mut done = 0usize;
    while done < want {
        let n = (want - done).min(READ_CHUNK);
        let got = match T::read(inode, data, start + done as u64, &mut buf[..n]) {
            Ok(got) => got.min(n),
            Err(e) if done == 0 => return Err(e),
            Err(_) => break,
        };
        let copied = dest.copy_to_iter(&buf[..got]);
        done += copied;
        if got == 0 || copied < got {
            if done == 0 && got != 0 {
                return Err(EFAULT);
            }
            break;
        }
    }
    *pos += done as i64;
    Ok(done)
}

unsafe extern "C" fn get_link_callback<T: FileSystem>(
    dentry: *mut bindings::dentry,
    buf: *mut c_char,
    size: c_int,
) -> *const c_char {
    // SAFETY: a symbolic link of ours, alive while its dentry is; `buf`
    // is the caller's, `size` bytes, under the namespace mutex.
    let (inode, data, buf) = unsafe {
        let inode = (*dentry).d_inode;
        (
            INode::<T>::from_raw(inode),
            data::<T>((*inode).i_sb),
            core::slice::from_raw_parts_mut(buf.cast::<u8>(), size.max(0) as usize),
        )
    };
    let res = T::get_link(inode, data).and_then(|target| {
        let out = buf.get_mut(..target.len() + 1).ok_or(ENAMETOOLONG)?;
        out[..target.len()].copy_from_slice(&target);
        out[target.len()] = 0;
        Ok(())
    });
    match res {
        Ok(()) => buf.as_ptr().cast(),
        Err(e) => Error::to_ptr(e),
    }
}

/// The name of `dentry`.
///
/// # Safety
///
/// `dentry` is valid, and its name does not change, for `'a` (the
/// namespace mutex is held).
unsafe fn name_of<'a>(dentry: *mut bindings::dentry) -> &'a [u8] {
    // SAFETY: the caller's promise; a qstr's name holds `len` bytes.
    unsafe {
        core::slice::from_raw_parts(
            (*dentry).d_name.name.cast::<u8>(),
            (*dentry).d_name.len as usize,
        )
    }
}

/// Runs `f` (a `create`-like method) on directory `dir` and the name of
/// the new `dentry`, and gives the inode it returns to the dentry.
///
/// # Safety
///
/// `dir` is a directory of ours and `dentry` a new (negative) dentry under
/// it, called under the namespace mutex.
unsafe fn instantiate<T: FileSystem>(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    f: impl FnOnce(&INode<T>, &T::Data, &[u8]) -> Result<ARef<INode<T>>>,
) -> c_int {
    from_result(|| {
        // SAFETY: the caller's promise: a live directory of ours, its
        // mounted super block's data, a name stable under the mutex.
        let (dir_ref, data, name) = unsafe {
            (
                INode::<T>::from_raw(dir),
                data::<T>((*dir).i_sb),
                name_of(dentry),
            )
        };
        let inode = f(dir_ref, data, name)?;
        // SAFETY: `dentry` is new and negative (the caller's promise); the
        // inode's reference goes to it.
        unsafe { bindings::d_instantiate(dentry, ARef::into_raw(inode).as_ptr().cast()) };
        Ok(0)
    })
}

unsafe extern "C" fn create_callback<T: FileSystem>(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    mode: bindings::umode_t,
    _excl: bool,
) -> c_int {
    // SAFETY: the VFS calls `->create` as `instantiate` needs.
    unsafe { instantiate::<T>(dir, dentry, |d, data, name| T::create(d, data, name, mode)) }
}

unsafe extern "C" fn mkdir_callback<T: FileSystem>(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    mode: bindings::umode_t,
) -> c_int {
    // SAFETY: the VFS calls `->mkdir` as `instantiate` needs.
    unsafe { instantiate::<T>(dir, dentry, |d, data, name| T::mkdir(d, data, name, mode)) }
}

unsafe extern "C" fn symlink_callback<T: FileSystem>(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    target: *const c_char,
) -> c_int {
    // SAFETY: the VFS gives a NUL-terminated target, valid for the call.
    let target = unsafe { crate::str::CStr::from_char_ptr(target) }.as_bytes();
    // SAFETY: the VFS calls `->symlink` as `instantiate` needs.
    unsafe {
        instantiate::<T>(dir, dentry, |d, data, name| {
            T::symlink(d, data, name, target)
        })
    }
}

unsafe extern "C" fn link_callback<T: FileSystem>(
    old: *mut bindings::dentry,
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
) -> c_int {
    // SAFETY: the VFS checked that `old` is on the same mount, so its
    // inode is ours and alive while `old` is; under the namespace mutex.
    let inode = unsafe { (*old).d_inode };
    // SAFETY: `->link` is called as `instantiate` needs.
    unsafe {
        instantiate::<T>(dir, dentry, |d, data, name| {
            let inode = INode::<T>::from_raw(inode);
            T::link(inode, d, data, name)?;
            Ok(ARef::from(inode))
        })
    }
}

/// An `unlink`-like method: directory, data, name, the name's inode.
type RemoveFn<T> = fn(&INode<T>, &<T as FileSystem>::Data, &[u8], &INode<T>) -> Result;

/// Runs `f` (an `unlink`-like method) on directory `dir`, the name of
/// `dentry` and its inode.
///
/// # Safety
///
/// `dir` is a directory of ours and `dentry` a positive dentry under it,
/// called under the namespace mutex.
unsafe fn remove<T: FileSystem>(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    f: RemoveFn<T>,
) -> c_int {
    from_result(|| {
        // SAFETY: the caller's promise: live inodes of ours (the dentry
        // holds its inode), a name stable under the mutex.
        let (dir_ref, data, name, inode) = unsafe {
            (
                INode::<T>::from_raw(dir),
                data::<T>((*dir).i_sb),
                name_of(dentry),
                INode::<T>::from_raw((*dentry).d_inode),
            )
        };
        f(dir_ref, data, name, inode)?;
        Ok(0)
    })
}

unsafe extern "C" fn unlink_callback<T: FileSystem>(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
) -> c_int {
    // SAFETY: the VFS calls `->unlink` as `remove` needs.
    unsafe { remove::<T>(dir, dentry, T::unlink) }
}

unsafe extern "C" fn rmdir_callback<T: FileSystem>(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
) -> c_int {
    // SAFETY: the VFS calls `->rmdir` as `remove` needs.
    unsafe { remove::<T>(dir, dentry, T::rmdir) }
}

unsafe extern "C" fn rename_callback<T: FileSystem>(
    old_dir: *mut bindings::inode,
    old: *mut bindings::dentry,
    new_dir: *mut bindings::inode,
    new: *mut bindings::dentry,
    flags: ffi::c_uint,
) -> c_int {
    from_result(|| {
        if flags != 0 {
            return Err(EINVAL);
        }
        // SAFETY: the VFS calls this under the namespace mutex with two
        // directories of one mount of ours, `old` positive, `new` positive
        // or not; the dentries hold their inodes.
        unsafe {
            let target = (*new).d_inode;
            T::rename(
                INode::from_raw(old_dir),
                data::<T>((*old_dir).i_sb),
                name_of(old),
                INode::from_raw((*old).d_inode),
                INode::from_raw(new_dir),
                name_of(new),
                (!target.is_null()).then(|| INode::from_raw(target)),
            )?;
        }
        Ok(0)
    })
}

unsafe extern "C" fn setattr_callback<T: FileSystem>(
    dentry: *mut bindings::dentry,
    attr: *mut bindings::iattr,
) -> c_int {
    from_result(|| {
        // SAFETY: `notify_change()` calls this on a positive dentry of
        // ours under `inode_lock()`, with its `iattr`.
        let (inode, data, attr) = unsafe {
            let inode = (*dentry).d_inode;
            (
                INode::<T>::from_raw(inode),
                data::<T>((*inode).i_sb),
                &*attr,
            )
        };
        if attr.ia_valid & bindings::ATTR_SIZE != 0 {
            T::truncate(
                inode,
                data,
                u64::try_from(attr.ia_size).map_err(|_| EINVAL)?,
            )?;
        }
        Ok(0)
    })
}

unsafe extern "C" fn write_iter_callback<T: FileSystem>(
    iocb: *mut bindings::kiocb,
    from: *mut bindings::iov_iter,
) -> isize {
    // SAFETY: a write to an open regular file of ours: the `kiocb` and the
    // source iterator are the caller's for the call, the inode is
    // referenced by the file.
    let (inode, data, iocb, src) = unsafe {
        let inode = (*(*iocb).ki_filp).f_inode;
        (
            INode::<T>::from_raw(inode),
            data::<T>((*inode).i_sb),
            &mut *iocb,
            crate::iov::IovIterSource::from_raw(from),
        )
    };
    if iocb.ki_flags & bindings::IOCB_APPEND as c_int != 0 {
        iocb.ki_pos = inode.size();
    }
    match write_from_iter(inode, data, &mut iocb.ki_pos, src) {
        Ok(n) => n as isize,
        Err(e) => e.to_errno() as isize,
    }
}

/// Writes `src` into `inode` at `*pos` through a bounce buffer, advancing
/// `*pos`. Returns the bytes written; an error only if none were.
fn write_from_iter<T: FileSystem>(
    inode: &INode<T>,
    data: &T::Data,
    pos: &mut i64,
    src: &mut crate::iov::IovIterSource<'_>,
) -> Result<usize> {
    let start = u64::try_from(*pos).map_err(|_| EINVAL)?;
    let mut buf = KVec::new();
    buf.extend_with(src.len().min(READ_CHUNK), 0u8, GFP_KERNEL)?;
    let mut done = 0usize;
    while !src.is_empty() {
        let got = src.copy_from_iter(&mut buf);
        if got == 0 {
            if done == 0 {
                return Err(EFAULT);
            }
            break;
        }
        match T::write(inode, data, start + done as u64, &buf[..got]) {
            Ok(n) => {
                done += n.min(got);
                if n < got {
                    break;
                }
            }
            Err(e) if done == 0 => return Err(e),
            Err(_) => break,
        }
    }
    *pos += done as i64;
    Ok(done)
}

unsafe extern "C" fn fsync_callback(
    file: *mut bindings::file,
    _start: bindings::loff_t,
    _end: bindings::loff_t,
    _datasync: c_int,
) -> c_int {
    // SAFETY: an open file of ours: its inode and mounted super block are
    // alive for the call.
    unsafe { bindings::sync_filesystem((*(*file).f_inode).i_sb) }
}
