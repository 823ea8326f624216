// SPDX-License-Identifier: GPL-2.0-only

//! The VFS as Rust sees it: open files ([`mod@file`]: [`File`], [`Kiocb`],
//! [`Whence`], the open [`flags`]) and the file operations a driver
//! implements ([`file_operations`]: [`FileOperations`], turned into a C
//! `struct file_operations` at compile time).
//!
//! C side: `fs/` and `include/linux/fs.h`. Registrations that give a
//! device node to a [`FileOperations`] implementation live with their
//! subsystem: [`crate::miscdevice`] (major 10) and [`crate::chrdev`] (a
//! major of their own). Both share the one table built here, so a driver
//! behaves the same behind either.
//!
//! In-kernel users open files by path ([`File::open`]) and make or remove
//! nodes ([`mknod`], [`unlink`]), as tests and boot code do.
//!
//! Filesystems on a block device implement [`FileSystem`] and register
//! with a [`Registration`] ([`mod@registration`]); a mount is a
//! [`SuperBlock`] ([`mod@super_block`]) whose blocks they read as
//! [`buffer::Head`]s; its inodes are [`INode`]s from the inode cache
//! ([`mod@inode`]), whose operations ([`mod@ops`]) call the filesystem's
//! `lookup`, `read_dir`, `read` and `get_link`.

use crate::error::{to_result, Result};
use crate::str::CStr;

pub mod buffer;
pub mod file;
pub mod file_operations;
pub mod inode;
pub mod ops;
pub mod registration;
pub mod super_block;
#[cfg(CONFIG_KUNIT)]
mod tests;

pub use file::{flags, File, Kiocb, Whence};
pub use file_operations::FileOperations;
pub use inode::{Attrs, INode, NewINode};
pub use ops::DirEmitter;
pub use registration::{FileSystem, Registration};
pub use super_block::{Stat, SuperBlock};

/// Makes the node `path` (absolute) with `mode` (`S_IFCHR | 0o600`...) and
/// device number `dev` (`kern_mknod()`). Fails with `EEXIST`, `ENOENT` (no
/// parent directory), `EINVAL` (a bad mode) or `ENOMEM`. May sleep.
pub fn mknod(path: &CStr, mode: u16, dev: u32) -> Result {
    // SAFETY: `path` is a NUL-terminated string, only read during the call.
    to_result(unsafe { bindings::kern_mknod(path.as_ptr(), mode, dev) })
}

/// Removes the name `path` (absolute; not a directory) (`kern_unlink()`);
/// the file lives on while it is open. Fails with `ENOENT` or `EISDIR`.
/// May sleep.
pub fn unlink(path: &CStr) -> Result {
    // SAFETY: `path` is a NUL-terminated string, only read during the call.
    to_result(unsafe { bindings::kern_unlink(path.as_ptr()) })
}
