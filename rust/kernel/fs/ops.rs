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
//! The VFS calls `->lookup`, `->get_link` and `->iterate_shared` with the
//! namespace mutex held, `->read_iter` without a lock; all may sleep.

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
        // SAFETY: all-NULL is a valid table (every member may be NULL).
        ..unsafe { core::mem::zeroed() }
    };
    const DIR_FOPS: bindings::file_operations = bindings::file_operations {
        llseek: Some(bindings::generic_file_llseek),
        iterate_shared: Some(iterate_shared_callback::<T>),
        // SAFETY: as above.
        ..unsafe { core::mem::zeroed() }
    };
    const REG_FOPS: bindings::file_operations = bindings::file_operations {
        llseek: Some(bindings::generic_file_llseek),
        read_iter: Some(read_iter_callback::<T>),
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
        S_IFREG => Some((core::ptr::null(), &Tables::<T>::REG_FOPS)),
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
