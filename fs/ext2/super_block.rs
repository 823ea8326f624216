// SPDX-License-Identifier: GPL-2.0-only

//! The ext2 superblock: the 1024 bytes at byte 1024 of the device, which
//! give the geometry (block size, groups) and the features the rest of
//! the filesystem uses.
//!
//! [`SuperBlock::parse`] trusts nothing: every value later code computes
//! with is checked here, so that the block of any group's structures, and
//! the number of groups, fit in the device. A filesystem it cannot read
//! (bad magic, a revision after 1, a block size other than 1, 2 or 4 KiB,
//! an INCOMPAT feature it does not know) is refused with a message and
//! `EINVAL`; an unknown RO_COMPAT feature only makes it read-only.

use crate::disk::{bytes, le16, le32, put_le16, put_le32};
use kernel::prelude::*;

/// Where the superblock is, and its size, in bytes.
pub const SUPERBLOCK_OFFSET: u64 = 1024;
/// See [`SUPERBLOCK_OFFSET`].
pub const SUPERBLOCK_SIZE: usize = 1024;
/// `s_magic`.
pub const EXT2_SUPER_MAGIC: u16 = 0xef53;
/// The root directory's inode number.
pub const ROOT_INO: u32 = 2;
/// Revision 0: 128-byte inodes, first usable inode 11, no feature sets.
pub const GOOD_OLD_REV: u32 = 0;
/// Revision 1: inode size, first inode and feature sets in the superblock.
pub const DYNAMIC_REV: u32 = 1;
/// The inode size of revision 0, and the smallest of revision 1.
pub const GOOD_OLD_INODE_SIZE: usize = 128;
/// The first inode number not reserved, in revision 0.
pub const GOOD_OLD_FIRST_INO: u32 = 11;

/// RO_COMPAT: superblock backups only in groups 0, 1 and powers of 3, 5, 7.
pub const RO_COMPAT_SPARSE_SUPER: u32 = 0x1;
/// RO_COMPAT: regular files may pass 2 GiB (`i_size_high`).
pub const RO_COMPAT_LARGE_FILE: u32 = 0x2;
/// INCOMPAT: directory entries carry the file type.
pub const INCOMPAT_FILETYPE: u32 = 0x2;

/// `s_state`: unmounted cleanly (cleared while mounted read-write).
pub const EXT2_VALID_FS: u16 = 0x1;
/// `s_state`: errors were found.
pub const EXT2_ERROR_FS: u16 = 0x2;

/// The RO_COMPAT features this driver knows; others mount read-only.
const RO_COMPAT_SUPP: u32 = RO_COMPAT_SPARSE_SUPER | RO_COMPAT_LARGE_FILE;
/// The INCOMPAT features this driver knows; others refuse the mount.
const INCOMPAT_SUPP: u32 = INCOMPAT_FILETYPE;

/// The size of a group descriptor.
pub const GROUP_DESC_SIZE: u64 = 32;

/// The superblock, checked (see the module documentation).
#[derive(Clone, Debug)]
pub struct SuperBlock {
    /// Inodes in the filesystem: `groups_count * inodes_per_group`.
    pub inodes_count: u32,
    /// Blocks in the filesystem, all inside the device.
    pub blocks_count: u32,
    /// Blocks reserved for root.
    pub r_blocks_count: u32,
    /// Free blocks, as last written.
    pub free_blocks_count: u32,
    /// Free inodes, as last written.
    pub free_inodes_count: u32,
    /// The block of group 0's start (1 with 1 KiB blocks, else 0).
    pub first_data_block: u32,
    /// `log2(block_size)`, 10 to 12.
    pub block_bits: u32,
    /// Bytes per block: 1024, 2048 or 4096.
    pub block_size: usize,
    /// Blocks per group, 8 to `8 * block_size` (one bitmap block).
    pub blocks_per_group: u32,
    /// Inodes per group, 1 to `8 * block_size`.
    pub inodes_per_group: u32,
    /// Last mount and write times (seconds since 1970).
    pub mtime: u32,
    /// See `mtime`.
    pub wtime: u32,
    /// Read-write mounts since the last check.
    pub mnt_count: u16,
    /// Mounts allowed before a check is due (0 or -1: no limit).
    pub max_mnt_count: i16,
    /// `EXT2_VALID_FS` and `EXT2_ERROR_FS`.
    pub state: u16,
    /// Who may allocate the reserved blocks besides `CAP_SYS_RESOURCE`.
    pub def_resuid: u16,
    /// See `def_resuid`.
    pub def_resgid: u16,
    /// 0 or 1 ([`GOOD_OLD_REV`], [`DYNAMIC_REV`]).
    pub rev_level: u32,
    /// The first inode number that is not reserved.
    pub first_ino: u32,
    /// Bytes per on-disk inode: a power of two, 128 to `block_size`.
    pub inode_size: usize,
    /// COMPAT features (any may be set).
    pub feature_compat: u32,
    /// INCOMPAT features: only known ones.
    pub feature_incompat: u32,
    /// RO_COMPAT features.
    pub feature_ro_compat: u32,
    /// Block groups: enough to cover `blocks_count`.
    pub groups_count: u32,
    /// The filesystem's UUID.
    pub uuid: [u8; 16],
    /// Whether it must be mounted read-only (unknown RO_COMPAT features).
    pub read_only: bool,
}

/// Reports why a superblock is refused; the mount fails with `EINVAL`.
fn refuse(why: core::fmt::Arguments<'_>) -> Error {
    pr_err!("cannot mount: {}\n", why);
    EINVAL
}

impl SuperBlock {
    /// Parses and checks `raw`, the [`SUPERBLOCK_SIZE`] bytes at
    /// [`SUPERBLOCK_OFFSET`] of a device of `dev_size` bytes. Errors:
    /// `EINVAL` (with a message saying why) for anything it cannot mount.
    /// Never sleeps or allocates.
    pub fn parse(raw: &[u8], dev_size: u64) -> Result<Self> {
        if raw.len() < SUPERBLOCK_SIZE || le16(raw, 56)? != EXT2_SUPER_MAGIC {
            return Err(refuse(format_args!("no ext2 superblock (bad magic)")));
        }
        let rev_level = le32(raw, 76)?;
        if rev_level > DYNAMIC_REV {
            return Err(refuse(format_args!("revision {} is not 0 or 1", rev_level)));
        }
        let log = le32(raw, 24)?;
        if log > 2 {
            return Err(refuse(format_args!(
                "block size 1024 << {} is not 1, 2 or 4 KiB",
                log
            )));
        }
        let block_bits = 10 + log;
        let block_size = 1usize << block_bits;
        let bits_per_block = 8 * block_size as u32;

        let (first_ino, inode_size, compat, incompat, ro_compat) = if rev_level == GOOD_OLD_REV {
            (GOOD_OLD_FIRST_INO, GOOD_OLD_INODE_SIZE, 0, 0, 0)
        } else {
            let size = usize::from(le16(raw, 88)?);
            (
                le32(raw, 84)?,
                size,
                le32(raw, 92)?,
                le32(raw, 96)?,
                le32(raw, 100)?,
            )
        };
        if incompat & !INCOMPAT_SUPP != 0 {
            return Err(refuse(format_args!(
                "unsupported INCOMPAT features {:#x}",
                incompat & !INCOMPAT_SUPP
            )));
        }
        let read_only = ro_compat & !RO_COMPAT_SUPP != 0;
        if read_only {
            pr_warn!(
                "unsupported RO_COMPAT features {:#x}: read-only\n",
                ro_compat & !RO_COMPAT_SUPP
            );
        }
        if inode_size < GOOD_OLD_INODE_SIZE
            || inode_size > block_size
            || !inode_size.is_power_of_two()
        {
            return Err(refuse(format_args!("bad inode size {}", inode_size)));
        }

        let blocks_count = le32(raw, 4)?;
        let first_data_block = le32(raw, 20)?;
        let blocks_per_group = le32(raw, 32)?;
        let inodes_per_group = le32(raw, 40)?;
        let inodes_count = le32(raw, 0)?;
        if blocks_per_group < 8 || blocks_per_group > bits_per_block || blocks_per_group % 8 != 0 {
            return Err(refuse(format_args!(
                "bad blocks per group {}",
                blocks_per_group
            )));
        }
        if inodes_per_group == 0 || inodes_per_group > bits_per_block {
            return Err(refuse(format_args!(
                "bad inodes per group {}",
                inodes_per_group
            )));
        }
        if u64::from(blocks_count) > dev_size >> block_bits {
            return Err(refuse(format_args!(
                "{} blocks do not fit in the device ({} bytes)",
                blocks_count, dev_size
            )));
        }
        if first_data_block >= blocks_count
            || u64::from(first_data_block) * block_size as u64 > SUPERBLOCK_OFFSET
        {
            return Err(refuse(format_args!(
                "bad first data block {}",
                first_data_block
            )));
        }
        let groups_count = (blocks_count - first_data_block).div_ceil(blocks_per_group);
        if u64::from(groups_count) * u64::from(inodes_per_group) != u64::from(inodes_count) {
            return Err(refuse(format_args!(
                "{} inodes is not {} groups of {}",
                inodes_count, groups_count, inodes_per_group
            )));
        }
        if first_ino < GOOD_OLD_FIRST_INO || first_ino > inodes_count {
            return Err(refuse(format_args!("bad first inode {}", first_ino)));
        }
        let sb = SuperBlock {
            inodes_count,
            blocks_count,
            r_blocks_count: le32(raw, 8)?,
            free_blocks_count: le32(raw, 12)?,
            free_inodes_count: le32(raw, 16)?,
            first_data_block,
            block_bits,
            block_size,
            blocks_per_group,
            inodes_per_group,
            mtime: le32(raw, 44)?,
            wtime: le32(raw, 48)?,
            mnt_count: le16(raw, 52)?,
            max_mnt_count: le16(raw, 54)? as i16,
            state: le16(raw, 58)?,
            def_resuid: le16(raw, 80)?,
            def_resgid: le16(raw, 82)?,
            rev_level,
            first_ino,
            inode_size,
            feature_compat: compat,
            feature_incompat: incompat,
            feature_ro_compat: ro_compat,
            groups_count,
            uuid: bytes(raw, 104)?,
            read_only,
        };
        // The descriptor table follows the superblock's block.
        if sb.desc_first_block() + sb.desc_blocks() > u64::from(blocks_count) {
            return Err(refuse(format_args!("the group descriptors do not fit")));
        }
        Ok(sb)
    }

    /// Writes the fields a mount changes (free counts, times, mount
    /// count, state, revision and features) into `raw`, the superblock's
    /// [`SUPERBLOCK_SIZE`] bytes; the rest is left as it is. Errors:
    /// `EUCLEAN` if `raw` is short. Never sleeps or allocates.
    pub fn store(&self, raw: &mut [u8]) -> Result {
        put_le32(raw, 12, self.free_blocks_count)?;
        put_le32(raw, 16, self.free_inodes_count)?;
        put_le32(raw, 44, self.mtime)?;
        put_le32(raw, 48, self.wtime)?;
        put_le16(raw, 52, self.mnt_count)?;
        put_le16(raw, 58, self.state)?;
        put_le32(raw, 76, self.rev_level)?;
        if self.rev_level == DYNAMIC_REV {
            put_le32(raw, 84, self.first_ino)?;
            put_le16(raw, 88, self.inode_size as u16)?;
            put_le32(raw, 100, self.feature_ro_compat)?;
        }
        Ok(())
    }

    /// Whether `feature` (an `INCOMPAT_*` flag) is set.
    pub fn has_incompat(&self, feature: u32) -> bool {
        self.feature_incompat & feature != 0
    }

    /// Whether group `group` holds a copy of the superblock and the
    /// descriptors: every group, or with sparse_super only groups 0, 1
    /// and the powers of 3, 5 and 7.
    pub fn group_has_super(&self, group: u32) -> bool {
        if self.feature_ro_compat & RO_COMPAT_SPARSE_SUPER == 0 || group <= 1 {
            return true;
        }
        [3u32, 5, 7].iter().any(|&base| {
            let mut p = base;
            while p < group {
                match p.checked_mul(base) {
                    Some(next) => p = next,
                    None => return false,
                }
            }
            p == group
        })
    }

    /// The first block of group `group` (`< groups_count`).
    pub fn group_first_block(&self, group: u32) -> u64 {
        u64::from(self.first_data_block) + u64::from(group) * u64::from(self.blocks_per_group)
    }

    /// The blocks of group `group` (`< groups_count`): the last may be short.
    pub fn group_blocks(&self, group: u32) -> u64 {
        let start = self.group_first_block(group);
        (u64::from(self.blocks_count) - start.min(u64::from(self.blocks_count)))
            .min(u64::from(self.blocks_per_group))
    }

    /// The first block of the group descriptor table.
    pub fn desc_first_block(&self) -> u64 {
        u64::from(self.first_data_block) + 1
    }

    /// Blocks the group descriptor table takes.
    pub fn desc_blocks(&self) -> u64 {
        (u64::from(self.groups_count) * GROUP_DESC_SIZE).div_ceil(self.block_size as u64)
    }

    /// Blocks each group's inode table takes.
    pub fn inode_table_blocks(&self) -> u64 {
        (u64::from(self.inodes_per_group) * self.inode_size as u64).div_ceil(self.block_size as u64)
    }

    /// The largest file size the block map can address, in bytes: 12
    /// direct blocks, then one, two and three levels of indirection.
    pub fn max_file_size(&self) -> u64 {
        let per = (self.block_size / 4) as u64;
        (12 + per + per * per + per * per * per) << self.block_bits
    }
}
