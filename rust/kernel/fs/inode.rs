// SPDX-License-Identifier: GPL-2.0-only

//! Inodes of a Rust filesystem (`struct inode`): the attributes a
//! filesystem gives each one it reads ([`Attrs`]), as `stat(2)` shows them.

use crate::error::{code::ENOMEM, Result};

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
}

/// A new inode of `sb` with `attrs` and one reference (`new_inode()`);
/// its operations are the caller's to set. `ENOMEM`. May sleep.
///
/// # Safety
///
/// `sb` is a valid super block.
pub(crate) unsafe fn new_inode(
    sb: *mut bindings::super_block,
    attrs: &Attrs,
) -> Result<*mut bindings::inode> {
    // SAFETY: `sb` is valid (the caller's promise).
    let inode = unsafe { bindings::new_inode(sb) };
    if inode.is_null() {
        return Err(ENOMEM);
    }
    // SAFETY: a new inode that no one else sees yet.
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
    Ok(inode)
}
