// SPDX-License-Identifier: GPL-2.0-only

//! The block and inode bitmaps: one block each per group, bit `i` (of byte
//! `i / 8`, least significant first) set when the group's `i`-th block or
//! inode is in use. Bits past the end of a short last group are set.

use crate::disk::{to_usize, BlockDevice, EFSCORRUPTED};
use crate::volume::{GroupDesc, Volume};
use kernel::prelude::*;

/// Whether bit `bit` of `bitmap` is set; `EUCLEAN` past its end.
fn test_bit(bitmap: &[u8], bit: usize) -> Result<bool> {
    let byte = bitmap.get(bit / 8).ok_or(EFSCORRUPTED)?;
    Ok(byte & (1 << (bit % 8)) != 0)
}

/// The clear bits among the first `bits` of `bitmap`.
fn count_clear(bitmap: &[u8], bits: usize) -> Result<u32> {
    let whole = bitmap.get(..bits / 8).ok_or(EFSCORRUPTED)?;
    let mut clear: u32 = whole.iter().map(|b| b.count_zeros()).sum();
    for bit in bits / 8 * 8..bits {
        clear += u32::from(!test_bit(bitmap, bit)?);
    }
    Ok(clear)
}

impl<D: BlockDevice> Volume<D> {
    /// Group `group`'s descriptor, or `EINVAL`.
    fn group(&self, group: u32) -> Result<&GroupDesc> {
        self.groups.get(to_usize(group.into())?).ok_or(EINVAL)
    }

    /// Whether block `nr` is marked in use. Errors: `EINVAL` for a block
    /// outside the groups, `EIO`. May sleep.
    pub fn block_in_use(&self, nr: u32) -> Result<bool> {
        let rel = nr.checked_sub(self.sb.first_data_block).ok_or(EINVAL)?;
        if nr >= self.sb.blocks_count {
            return Err(EINVAL);
        }
        let gd = self.group(rel / self.sb.blocks_per_group)?;
        let bitmap = self.read_block(gd.block_bitmap.into())?;
        test_bit(&bitmap, to_usize((rel % self.sb.blocks_per_group).into())?)
    }

    /// Whether inode `ino` is marked in use. Errors: `EINVAL` for a number
    /// out of `1..=inodes_count`, `EIO`. May sleep.
    pub fn inode_in_use(&self, ino: u32) -> Result<bool> {
        if ino == 0 || ino > self.sb.inodes_count {
            return Err(EINVAL);
        }
        let index = ino - 1;
        let gd = self.group(index / self.sb.inodes_per_group)?;
        let bitmap = self.read_block(gd.inode_bitmap.into())?;
        test_bit(
            &bitmap,
            to_usize((index % self.sb.inodes_per_group).into())?,
        )
    }

    /// The blocks and the inodes of group `group` its bitmaps mark free.
    /// Errors: `EINVAL` for a group that does not exist, `EIO`. May sleep.
    pub fn count_free(&self, group: u32) -> Result<(u32, u32)> {
        let gd = self.group(group)?;
        let blocks = to_usize(self.sb.group_blocks(group))?;
        let free_blocks = count_clear(&self.read_block(gd.block_bitmap.into())?, blocks)?;
        let inodes = to_usize(self.sb.inodes_per_group.into())?;
        let free_inodes = count_clear(&self.read_block(gd.inode_bitmap.into())?, inodes)?;
        Ok((free_blocks, free_inodes))
    }
}
