// SPDX-License-Identifier: GPL-2.0-only

//! ext2, the second extended filesystem, in safe Rust.
//!
//! The on-disk format, each part in its module, over any [`BlockDevice`]:
//! [`super_block`] (geometry and features), [`volume`] (the group
//! descriptors, and every block read bounds-checked), [`inode`] (inodes,
//! the block map, file data and symlinks), [`dir`] (directory entries)
//! and [`bitmap`] (which blocks and inodes are in use); the write side in
//! [`alloc`] (blocks and inodes from the bitmaps, inodes written back),
//! [`write`] (file data, truncation), [`namei`] (directory entries) and
//! [`state`] (the superblock's state, counts and times while mounted).
//! All of it treats the image as hostile: a value that would send a read
//! outside a buffer or the filesystem is `EUCLEAN` (or `EINVAL` for a
//! superblock it refuses), never a panic.
//!
//! [`fs`] registers it as filesystem `ext2` at boot: `mount -t ext2
//! DEVICE DIR` (read-write) or with `-o ro`.
//!
//! [`BlockDevice`]: disk::BlockDevice

#![no_std]
#![forbid(unsafe_code)]

pub mod alloc;
pub mod bitmap;
pub mod dir;
pub mod disk;
pub mod fs;
pub mod inode;
pub mod namei;
pub mod state;
pub mod super_block;
pub mod volume;
pub mod write;

#[cfg(CONFIG_KUNIT)]
mod tests;
#[cfg(CONFIG_KUNIT)]
mod write_tests;

use kernel::fs::Registration;
use kernel::prelude::*;

module! {
    type: Ext2Module,
    name: "ext2",
    authors: ["Ferrite developers"],
    description: "ext2 in safe Rust",
    license: "GPL",
}

/// ext2 registered while this lives (until shutdown).
struct Ext2Module {
    _reg: Registration<fs::Ext2>,
}

impl Module for Ext2Module {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        Ok(Self {
            _reg: Registration::new()?,
        })
    }
}
