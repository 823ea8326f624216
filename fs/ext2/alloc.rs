// SPDX-License-Identifier: GPL-2.0-only

//! Allocation for a writable ext2 volume: blocks and inodes taken from and
//! given back to the groups' bitmaps ([`crate::bitmap`] for the layout),
//! with the free counts of the group descriptor and the superblock
//! changed in the same step and written into their buffers at once, so
//! that whatever reaches the disk at a sync is consistent. On-disk inodes
//! are written back here too ([`Volume::write_inode`]).
//!
//! A bit already in the state it is moved to, or a count that contradicts
//! its bitmap, is corruption: `EUCLEAN` and a message, nothing changed.
//! Every function needs `&mut Volume`: the caller serialises writers.

use crate::disk::{put, put_le16, put_le32, to_usize, BlockDevice, EFSCORRUPTED};
use crate::inode::{Inode, S_IFMT, S_IFREG};
use crate::super_block::{GOOD_OLD_INODE_SIZE, GROUP_DESC_SIZE};
use crate::volume::Volume;
use kernel::prelude::*;

/// Which bitmap of a group.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Map {
    Blocks,
    Inodes,
}

impl<D: BlockDevice> Volume<D> {
    /// Writes block `nr` through `f` (see [`BlockDevice::modify_block`]),
    /// refusing numbers past the filesystem like [`Volume::read_block`].
    pub fn modify_block<R>(&self, nr: u64, f: impl FnOnce(&mut [u8]) -> R) -> Result<R> {
        if nr >= u64::from(self.sb.blocks_count) {
            return Err(EFSCORRUPTED);
        }
        self.dev.modify_block(nr, self.sb.block_size, f)
    }

    /// Stores the free counts of group `g` and of the superblock in
    /// their buffers.
    fn write_counts(&self, g: u32) -> Result {
        let gd = self.groups.get(to_usize(g.into())?).ok_or(EINVAL)?;
        let per_block = self.sb.block_size as u64 / GROUP_DESC_SIZE;
        let off = to_usize(u64::from(g) % per_block * GROUP_DESC_SIZE)?;
        self.modify_block(self.sb.desc_first_block() + u64::from(g) / per_block, |b| {
            put_le16(b, off + 12, gd.free_blocks_count)?;
            put_le16(b, off + 14, gd.free_inodes_count)?;
            put_le16(b, off + 16, gd.used_dirs_count)
        })??;
        self.write_super(false)
    }

    /// Sets the first clear bit of group `g`'s `map` below `limit` and
    /// returns its index, or `None` if all are set.
    fn take_bit(&self, g: u32, map: Map, limit: u32) -> Result<Option<u32>> {
        let gd = self.groups.get(to_usize(g.into())?).ok_or(EINVAL)?;
        let nr = match map {
            Map::Blocks => gd.block_bitmap,
            Map::Inodes => gd.inode_bitmap,
        };
        self.modify_block(nr.into(), |bits| {
            for (i, byte) in bits.iter_mut().enumerate() {
                if *byte == 0xff {
                    continue;
                }
                let bit = byte.trailing_ones();
                let index = i as u32 * 8 + bit;
                if index >= limit {
                    return None;
                }
                *byte |= 1 << bit;
                return Some(index);
            }
            None
        })
    }

    /// Clears bit `index` of group `g`'s `map`; `EUCLEAN` if it was clear.
    fn clear_bit(&self, g: u32, map: Map, index: u32) -> Result {
        let gd = self.groups.get(to_usize(g.into())?).ok_or(EINVAL)?;
        let nr = match map {
            Map::Blocks => gd.block_bitmap,
            Map::Inodes => gd.inode_bitmap,
        };
        let byte = to_usize((index / 8).into())?;
        let mask = 1u8 << (index % 8);
        let was_set = self.modify_block(nr.into(), |bits| {
            let b = bits.get_mut(byte).ok_or(EFSCORRUPTED)?;
            let was = *b & mask != 0;
            *b &= !mask;
            Ok::<_, Error>(was)
        })??;
        if !was_set {
            pr_err!(
                "group {}: freeing a free {}\n",
                g,
                if map == Map::Blocks { "block" } else { "inode" }
            );
            return Err(EFSCORRUPTED);
        }
        Ok(())
    }

    /// Takes a clear bit of `map` from the first group from `goal_group`
    /// on whose descriptor counts one free: (group, bit). Errors: `ENOSPC`
    /// when no group has one, `EUCLEAN` when the bitmap has none where
    /// the count says there are, `EIO`.
    fn take(&self, goal_group: u32, map: Map) -> Result<(u32, u32)> {
        let n = self.sb.groups_count;
        for g in (0..n).map(|i| (goal_group % n + i) % n) {
            let gd = self.groups.get(to_usize(g.into())?).ok_or(EINVAL)?;
            let (free, limit) = match map {
                Map::Blocks => (
                    gd.free_blocks_count,
                    u32::try_from(self.sb.group_blocks(g)).map_err(|_| EFSCORRUPTED)?,
                ),
                Map::Inodes => (gd.free_inodes_count, self.sb.inodes_per_group),
            };
            if free == 0 {
                continue;
            }
            return match self.take_bit(g, map, limit)? {
                Some(bit) => Ok((g, bit)),
                None => {
                    pr_err!("group {}: free bits counted, none in the bitmap\n", g);
                    Err(EFSCORRUPTED)
                }
            };
        }
        Err(ENOSPC)
    }

    /// Allocates a block, zeroed, preferring group `goal_group` and the
    /// groups after it; the last `r_blocks_count` free blocks only if
    /// [`Volume::use_reserved`]. Errors: `ENOSPC` when no block is free
    /// (to this caller), `EUCLEAN` for counts that contradict the
    /// bitmaps, `EIO`. May sleep.
    pub fn alloc_block(&mut self, goal_group: u32) -> Result<u32> {
        if !self.use_reserved && self.sb.free_blocks_count <= self.sb.r_blocks_count {
            return Err(ENOSPC);
        }
        let (g, bit) = self.take(goal_group, Map::Blocks)?;
        let nr = u32::try_from(self.sb.group_first_block(g) + u64::from(bit))
            .map_err(|_| EFSCORRUPTED)?;
        self.groups[to_usize(g.into())?].free_blocks_count -= 1;
        self.sb.free_blocks_count = self.sb.free_blocks_count.saturating_sub(1);
        self.write_counts(g)?;
        self.modify_block(nr.into(), |b| b.fill(0))?;
        Ok(nr)
    }

    /// Gives block `nr` back. Errors: `EUCLEAN` for a block outside the
    /// groups' data or already free, `EIO`. May sleep.
    pub fn free_block(&mut self, nr: u32) -> Result {
        if nr <= self.sb.first_data_block || nr >= self.sb.blocks_count {
            return Err(EFSCORRUPTED);
        }
        let rel = nr - self.sb.first_data_block;
        let g = rel / self.sb.blocks_per_group;
        self.clear_bit(g, Map::Blocks, rel % self.sb.blocks_per_group)?;
        let gd = &mut self.groups[to_usize(g.into())?];
        gd.free_blocks_count = gd.free_blocks_count.saturating_add(1);
        self.sb.free_blocks_count = self.sb.free_blocks_count.saturating_add(1);
        self.write_counts(g)
    }

    /// Allocates an inode number, preferring group `goal_group`; a
    /// directory (`dir`) is counted in its group's `used_dirs_count`.
    /// Errors: `ENOSPC` when no inode is free, `EUCLEAN`, `EIO`. May
    /// sleep.
    pub fn alloc_inode(&mut self, goal_group: u32, dir: bool) -> Result<u32> {
        let (g, bit) = self.take(goal_group, Map::Inodes)?;
        let ino = g * self.sb.inodes_per_group + bit + 1;
        if ino < self.sb.first_ino {
            pr_err!("reserved inode {} marked free\n", ino);
            return Err(EFSCORRUPTED);
        }
        let gd = &mut self.groups[to_usize(g.into())?];
        gd.free_inodes_count -= 1;
        gd.used_dirs_count = gd.used_dirs_count.saturating_add(u16::from(dir));
        self.sb.free_inodes_count = self.sb.free_inodes_count.saturating_sub(1);
        self.write_counts(g)?;
        Ok(ino)
    }

    /// Gives inode `ino` back (`dir`: it was a directory). Errors:
    /// `EUCLEAN` for an inode already free, `EINVAL` out of range, `EIO`.
    /// May sleep.
    pub fn free_inode(&mut self, ino: u32, dir: bool) -> Result {
        if ino < self.sb.first_ino || ino > self.sb.inodes_count {
            return Err(EINVAL);
        }
        let (g, index) = (
            (ino - 1) / self.sb.inodes_per_group,
            (ino - 1) % self.sb.inodes_per_group,
        );
        self.clear_bit(g, Map::Inodes, index)?;
        let gd = &mut self.groups[to_usize(g.into())?];
        gd.free_inodes_count = gd.free_inodes_count.saturating_add(1);
        gd.used_dirs_count = gd.used_dirs_count.saturating_sub(u16::from(dir));
        self.sb.free_inodes_count = self.sb.free_inodes_count.saturating_add(1);
        self.write_counts(g)
    }

    /// The group inode `ino` lives in: where its blocks are sought first.
    pub fn group_of_inode(&self, ino: u32) -> u32 {
        ino.saturating_sub(1) / self.sb.inodes_per_group
    }

    /// Writes `inode` into its slot of the inode table, with deletion time
    /// `dtime` (0 for a live inode); a regular file past 2 GiB turns on
    /// `large_file` first ([`Volume::allow_size`]). Errors: `EINVAL` for
    /// a number out of range, `EIO`. May sleep.
    pub fn write_inode(&mut self, inode: &Inode, dtime: u32) -> Result {
        let (nr, at) = self.inode_location(inode.ino)?;
        let high = if inode.mode & S_IFMT == S_IFREG {
            self.allow_size(inode.size)?;
            (inode.size >> 32) as u32
        } else {
            0
        };
        self.modify_block(nr, |b| {
            let raw = b.get_mut(at..).ok_or(EFSCORRUPTED)?;
            put_le16(raw, 0, inode.mode)?;
            put_le16(raw, 2, inode.uid as u16)?;
            put_le32(raw, 4, inode.size as u32)?;
            put_le32(raw, 8, inode.atime)?;
            put_le32(raw, 12, inode.ctime)?;
            put_le32(raw, 16, inode.mtime)?;
            put_le32(raw, 20, dtime)?;
            put_le16(raw, 24, inode.gid as u16)?;
            put_le16(raw, 26, inode.links_count)?;
            put_le32(raw, 28, inode.blocks)?;
            put_le32(raw, 32, inode.flags)?;
            for (i, b) in inode.block.iter().enumerate() {
                put_le32(raw, 40 + 4 * i, *b)?;
            }
            put_le32(raw, 100, inode.generation)?;
            put_le32(raw, 104, inode.file_acl)?;
            put_le32(raw, 108, high)?;
            put_le16(raw, 120, (inode.uid >> 16) as u16)?;
            put_le16(raw, 122, (inode.gid >> 16) as u16)
        })?
    }

    /// Clears the inode slot of a new inode `ino` (a free slot may hold an
    /// old inode's fields past the ones [`Volume::write_inode`] sets).
    pub fn clear_inode_slot(&self, ino: u32) -> Result {
        let (nr, at) = self.inode_location(ino)?;
        let len = self.sb.inode_size.min(GOOD_OLD_INODE_SIZE);
        self.modify_block(nr, |b| put(b, at, &[0u8; GOOD_OLD_INODE_SIZE][..len]))?
    }
}
