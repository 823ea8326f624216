// SPDX-License-Identifier: GPL-2.0-only

//! Changing ext2 directories (the format is in [`crate::dir`]): an entry
//! is added in the first gap big enough (an unused entry, or the slack
//! after a used entry's name), else in a new block appended to the
//! directory; a removed entry's space joins the entry before it in its
//! block, or it is marked unused when it is the block's first. A change
//! clears `EXT2_INDEX_FL`: the htree index is not kept up to date, so the
//! directory becomes a linear one (its old index blocks read as unused
//! entries), as Linux's ext2 does.

use crate::dir::{rec_len_for, HEADER_LEN, NAME_LEN};
use crate::disk::{le16, le32, put, put_le16, put_le32, to_usize, BlockDevice, EFSCORRUPTED};
use crate::inode::{Inode, S_IFMT};
use crate::super_block::INCOMPAT_FILETYPE;
use crate::volume::Volume;
use kernel::prelude::*;

/// `i_flags`: the directory has an htree index.
pub const EXT2_INDEX_FL: u32 = 0x1000;

/// The `EXT2_FT_*` type of an `S_IFxxx` mode.
pub fn mode_to_ft(mode: u16) -> u8 {
    match mode & S_IFMT {
        0o100000 => 1,
        0o040000 => 2,
        0o020000 => 3,
        0o060000 => 4,
        0o010000 => 5,
        0o140000 => 6,
        0o120000 => 7,
        _ => 0,
    }
}

impl<D: BlockDevice> Volume<D> {
    /// Writes entry (`ino`, `name`, type `ft`) of `rec_len` bytes at
    /// `off` of directory block `b`.
    fn put_entry(
        &self,
        b: &mut [u8],
        off: usize,
        rec_len: usize,
        name: &[u8],
        ino: u32,
        ft: u8,
    ) -> Result {
        put_le32(b, off, ino)?;
        put_le16(
            b,
            off + 4,
            u16::try_from(rec_len).map_err(|_| EFSCORRUPTED)?,
        )?;
        if self.sb.has_incompat(INCOMPAT_FILETYPE) {
            put(b, off + 6, &[name.len() as u8, ft])?;
        } else {
            put_le16(b, off + 6, name.len() as u16)?;
        }
        put(b, off + HEADER_LEN, name)
    }

    /// Places the entry in the first gap of block `b` that fits it;
    /// whether it did.
    fn place_entry(&self, b: &mut [u8], name: &[u8], ino: u32, ft: u8) -> Result<bool> {
        let need = rec_len_for(name.len());
        let mut off = 0;
        while off < b.len() {
            let rec_len = usize::from(le16(b, off + 4)?);
            let used_ino = le32(b, off)?;
            let name_len = if self.sb.has_incompat(INCOMPAT_FILETYPE) {
                usize::from(b.get(off + 6).copied().ok_or(EFSCORRUPTED)?)
            } else {
                usize::from(le16(b, off + 6)?)
            };
            if rec_len < rec_len_for(1)
                || rec_len % 4 != 0
                || off + rec_len > b.len()
                || (used_ino != 0 && rec_len < rec_len_for(name_len))
            {
                return Err(EFSCORRUPTED);
            }
            let used = if used_ino != 0 {
                rec_len_for(name_len)
            } else {
                0
            };
            if rec_len >= used + need {
                if used != 0 {
                    put_le16(b, off + 4, used as u16)?;
                }
                self.put_entry(b, off + used, rec_len - used, name, ino, ft)?;
                return Ok(true);
            }
            off += rec_len;
        }
        Ok(false)
    }

    /// Adds entry `name` for inode `ino` of mode `mode` to directory
    /// `dir` (which must not hold `name`), growing it by a block if no
    /// block has room. Errors: `ENAMETOOLONG`, `ENOSPC`, `EUCLEAN`, `EIO`.
    /// May sleep.
    pub fn add_entry(&mut self, dir: &mut Inode, name: &[u8], ino: u32, mode: u16) -> Result {
        if name.is_empty() || name.len() > NAME_LEN {
            return Err(ENAMETOOLONG);
        }
        let ft = mode_to_ft(mode);
        let bs = self.sb.block_size as u64;
        dir.flags &= !EXT2_INDEX_FL;
        for lblk in 0..dir.size / bs {
            let blk = self.bmap(dir, lblk)?.ok_or(EFSCORRUPTED)?;
            if self.modify_block(blk.into(), |b| self.place_entry(b, name, ino, ft))?? {
                return Ok(());
            }
        }
        let lblk = dir.size / bs;
        let blk = self.bmap_alloc(dir, lblk)?;
        let len = self.sb.block_size;
        self.modify_block(blk.into(), |b| self.put_entry(b, 0, len, name, ino, ft))??;
        dir.size += bs;
        Ok(())
    }

    /// Removes entry `name` from directory `dir`; returns the inode it
    /// named. Errors: `ENOENT`, `EUCLEAN`, `EIO`. May sleep.
    pub fn remove_entry(&mut self, dir: &mut Inode, name: &[u8]) -> Result<u32> {
        // (position of the entry, of the used entry before it in its block)
        let mut found = None;
        let mut prev: Option<u64> = None;
        let bits = self.sb.block_bits;
        self.for_each_dirent(dir, 0, |e| {
            if prev.is_some_and(|p| p >> bits != e.pos >> bits) {
                prev = None;
            }
            if e.name == name {
                found = Some((e.pos, e.next, prev, e.ino));
                return Ok(false);
            }
            prev = Some(e.pos);
            Ok(true)
        })?;
        let (pos, next, prev, ino) = found.ok_or(ENOENT)?;
        let blk = self.bmap(dir, pos >> bits)?.ok_or(EFSCORRUPTED)?;
        let mask = (1u64 << bits) - 1;
        self.modify_block(blk.into(), |b| match prev {
            Some(p) => put_le16(b, to_usize(p & mask)? + 4, (next - p) as u16),
            None => put_le32(b, to_usize(pos & mask)?, 0),
        })??;
        dir.flags &= !EXT2_INDEX_FL;
        Ok(ino)
    }

    /// Points entry `name` of directory `dir` at inode `ino` of mode
    /// `mode` (rename over an existing name, a moved directory's `..`).
    /// Errors: `ENOENT`, `EUCLEAN`, `EIO`. May sleep.
    pub fn retarget_entry(&mut self, dir: &mut Inode, name: &[u8], ino: u32, mode: u16) -> Result {
        let mut found = None;
        self.for_each_dirent(dir, 0, |e| {
            if e.name == name {
                found = Some(e.pos);
            }
            Ok(found.is_none())
        })?;
        let pos = found.ok_or(ENOENT)?;
        let bits = self.sb.block_bits;
        let blk = self.bmap(dir, pos >> bits)?.ok_or(EFSCORRUPTED)?;
        let off = to_usize(pos & ((1u64 << bits) - 1))?;
        let filetype = self.sb.has_incompat(INCOMPAT_FILETYPE);
        self.modify_block(blk.into(), |b| {
            put_le32(b, off, ino)?;
            if filetype {
                put(b, off + 7, &[mode_to_ft(mode)])?;
            }
            Ok(())
        })?
    }

    /// Whether directory `dir` holds nothing but `.` and `..`. Errors:
    /// those of [`Volume::for_each_dirent`]. May sleep.
    pub fn dir_is_empty(&self, dir: &Inode) -> Result<bool> {
        let mut empty = true;
        self.for_each_dirent(dir, 0, |e| {
            empty = e.name == b"." || e.name == b"..";
            Ok(empty)
        })?;
        Ok(empty)
    }

    /// Fills the first block of new directory `dir` (size 0, in directory
    /// `parent`) with `.` and `..`. Errors: `ENOSPC`, `EIO`. May sleep.
    pub fn init_dir(&mut self, dir: &mut Inode, parent: u32) -> Result {
        let blk = self.bmap_alloc(dir, 0)?;
        let (ino, mode, len) = (dir.ino, dir.mode, self.sb.block_size);
        self.modify_block(blk.into(), |b| {
            self.put_entry(b, 0, rec_len_for(1), b".", ino, mode_to_ft(mode))?;
            self.put_entry(
                b,
                rec_len_for(1),
                len - rec_len_for(1),
                b"..",
                parent,
                mode_to_ft(mode),
            )
        })??;
        dir.size = len as u64;
        Ok(())
    }
}
