// SPDX-License-Identifier: GPL-2.0-only

//! A mounted ext2 volume: the device, its checked superblock and its
//! checked group descriptors. Everything else reads blocks through
//! [`Volume::read_block`], which refuses numbers outside the filesystem.

use crate::disk::{le16, le32, to_usize, BlockDevice, EFSCORRUPTED};
use crate::super_block::{
    SuperBlock, GROUP_DESC_SIZE, ROOT_INO, SUPERBLOCK_OFFSET, SUPERBLOCK_SIZE,
};
use kernel::prelude::*;

/// One block group's descriptor, checked: its bitmaps and inode table lie
/// inside the group.
#[derive(Clone, Copy, Debug)]
pub struct GroupDesc {
    /// The block of the block bitmap.
    pub block_bitmap: u32,
    /// The block of the inode bitmap.
    pub inode_bitmap: u32,
    /// The first block of the inode table.
    pub inode_table: u32,
    /// Free blocks in the group, as last written.
    pub free_blocks_count: u16,
    /// Free inodes in the group, as last written.
    pub free_inodes_count: u16,
    /// Directories in the group.
    pub used_dirs_count: u16,
}

/// A volume, read-only so far.
pub struct Volume<D: BlockDevice> {
    /// Where the blocks come from.
    pub dev: D,
    /// The checked superblock.
    pub sb: SuperBlock,
    /// One checked descriptor per group.
    pub groups: KVec<GroupDesc>,
    /// While mounted read-write: the `s_state` to restore at unmount
    /// ([`Volume::begin_rw`]).
    pub mount_state: Option<u16>,
    /// Whether allocations may take the blocks reserved for root
    /// ([`Volume::alloc_block`]); the caller sets it for each operation.
    pub use_reserved: bool,
}

impl<D: BlockDevice> Volume<D> {
    /// Reads and checks the superblock and the group descriptors of `dev`,
    /// and that the root inode is a directory. Errors: `EINVAL` for a
    /// superblock it cannot mount (see [`SuperBlock::parse`]), `EUCLEAN`
    /// for corrupt descriptors or root, `EIO`, `ENOMEM`. May sleep.
    pub fn open(dev: D) -> Result<Self> {
        let sb = {
            let raw =
                dev.read_block(SUPERBLOCK_OFFSET / SUPERBLOCK_SIZE as u64, SUPERBLOCK_SIZE)?;
            SuperBlock::parse(&raw, dev.size())?
        };
        let mut vol = Volume {
            dev,
            sb,
            groups: KVec::new(),
            mount_state: None,
            use_reserved: true,
        };
        vol.read_groups()?;
        if !vol.read_inode(ROOT_INO)?.is_dir() {
            pr_err!("the root inode is not a directory\n");
            return Err(EFSCORRUPTED);
        }
        Ok(vol)
    }

    /// Block `nr` of the filesystem. Errors: `EUCLEAN` for a number past
    /// the filesystem's end (a corrupt pointer), `EIO`. May sleep.
    pub fn read_block(&self, nr: u64) -> Result<D::Block<'_>> {
        if nr >= u64::from(self.sb.blocks_count) {
            return Err(EFSCORRUPTED);
        }
        self.dev.read_block(nr, self.sb.block_size)
    }

    /// Reads and checks every group descriptor into `groups`.
    fn read_groups(&mut self) -> Result {
        let sb = &self.sb;
        let per_block = sb.block_size as u64 / GROUP_DESC_SIZE;
        let mut groups = KVec::with_capacity(to_usize(sb.groups_count.into())?, GFP_KERNEL)?;
        for g in 0..sb.groups_count {
            let block = self.read_block(sb.desc_first_block() + u64::from(g) / per_block)?;
            let off = to_usize(u64::from(g) % per_block * GROUP_DESC_SIZE)?;
            let gd = GroupDesc {
                block_bitmap: le32(&block, off)?,
                inode_bitmap: le32(&block, off + 4)?,
                inode_table: le32(&block, off + 8)?,
                free_blocks_count: le16(&block, off + 12)?,
                free_inodes_count: le16(&block, off + 14)?,
                used_dirs_count: le16(&block, off + 16)?,
            };
            drop(block);
            let first = sb.group_first_block(g);
            let end = first + sb.group_blocks(g);
            let inside = |b: u32, n: u64| first <= u64::from(b) && u64::from(b) + n <= end;
            if !inside(gd.block_bitmap, 1)
                || !inside(gd.inode_bitmap, 1)
                || !inside(gd.inode_table, sb.inode_table_blocks())
            {
                pr_err!("group {}: bitmaps or inode table outside the group\n", g);
                return Err(EFSCORRUPTED);
            }
            groups.push(gd, GFP_KERNEL)?;
        }
        self.groups = groups;
        Ok(())
    }
}
