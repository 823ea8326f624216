// SPDX-License-Identifier: GPL-2.0-only

//! ext2 directories: a list of variable-length entries in each data
//! block, none crossing a block's end. An entry is `inode` (u32, 0 for an
//! unused one), `rec_len` (u16: bytes to the next entry), `name_len` and
//! the name; with the filetype feature `name_len` is one byte and the
//! next is the file type, else it is a u16. Directories indexed by
//! dir_index (htree) keep their index in entries that look unused, so
//! they read as linear ones.
//!
//! A position in a directory is the byte offset of an entry: it stays
//! valid as long as the directory does not change, and a position that
//! is not an entry's start (a seek by hand) is rounded up to the next
//! entry of its block.

use crate::disk::{bytes, le16, le32, BlockDevice, EFSCORRUPTED};
use crate::inode::Inode;
use crate::super_block::INCOMPAT_FILETYPE;
use crate::volume::Volume;
use kernel::prelude::*;

/// The longest name.
pub const NAME_LEN: usize = 255;
/// An entry's fixed part.
pub(crate) const HEADER_LEN: usize = 8;

/// The `rec_len` an entry with a name of `name_len` bytes needs.
pub(crate) fn rec_len_for(name_len: usize) -> usize {
    (HEADER_LEN + name_len + 3) & !3
}

/// One used directory entry.
pub struct DirEntry<'a> {
    /// The inode it names (`1..=inodes_count`).
    pub ino: u32,
    /// The name: 1 to [`NAME_LEN`] bytes.
    pub name: &'a [u8],
    /// The `EXT2_FT_*` type, or 0 without the filetype feature.
    pub file_type: u8,
    /// Its position.
    pub pos: u64,
    /// The position of the next entry.
    pub next: u64,
}

impl<D: BlockDevice> Volume<D> {
    /// Calls `f` with each used entry of directory `dir` from position
    /// `pos` on, in order, until `f` returns `Ok(false)` or an error, or
    /// the directory ends. Errors: `ENOTDIR`, `EUCLEAN` for a corrupt
    /// entry or a hole, `EIO`, or `f`'s. May sleep.
    pub fn for_each_dirent<F>(&self, dir: &Inode, pos: u64, mut f: F) -> Result
    where
        F: FnMut(&DirEntry<'_>) -> Result<bool>,
    {
        if !dir.is_dir() {
            return Err(ENOTDIR);
        }
        let bs = self.sb.block_size as u64;
        if !dir.size.is_multiple_of(bs) {
            return Err(EFSCORRUPTED);
        }
        let filetype = self.sb.has_incompat(INCOMPAT_FILETYPE);
        let mut lblk = pos >> self.sb.block_bits;
        while lblk < dir.size >> self.sb.block_bits {
            let blk = self.bmap(dir, lblk)?.ok_or(EFSCORRUPTED)?;
            let block = self.read_block(blk.into())?;
            let base = lblk << self.sb.block_bits;
            let mut off = 0usize;
            while off < block.len() {
                let rec_len = usize::from(le16(&block, off + 4)?);
                let [lo, hi] = bytes::<2>(&block, off + 6)?;
                let (name_len, file_type) = if filetype {
                    (usize::from(lo), hi)
                } else {
                    (usize::from(u16::from_le_bytes([lo, hi])), 0)
                };
                let ino = le32(&block, off)?;
                let end = off.checked_add(rec_len).ok_or(EFSCORRUPTED)?;
                if rec_len < rec_len_for(1)
                    || rec_len % 4 != 0
                    || end > block.len()
                    || ino > self.sb.inodes_count
                    || name_len > NAME_LEN
                    || (ino != 0 && (name_len == 0 || rec_len < rec_len_for(name_len)))
                {
                    pr_err!(
                        "directory {}: bad entry at {}\n",
                        dir.ino,
                        base + off as u64
                    );
                    return Err(EFSCORRUPTED);
                }
                let at = base + off as u64;
                if ino != 0 && at >= pos {
                    let name = block.get(off + HEADER_LEN..off + HEADER_LEN + name_len);
                    let entry = DirEntry {
                        ino,
                        name: name.ok_or(EFSCORRUPTED)?,
                        file_type,
                        pos: at,
                        next: base + end as u64,
                    };
                    if !f(&entry)? {
                        return Ok(());
                    }
                }
                off = end;
            }
            lblk += 1;
        }
        Ok(())
    }

    /// The inode number `name` has in directory `dir`, or `None`. Errors:
    /// those of [`Volume::for_each_dirent`]. May sleep.
    pub fn lookup(&self, dir: &Inode, name: &[u8]) -> Result<Option<u32>> {
        let mut found = None;
        self.for_each_dirent(dir, 0, |e| {
            if e.name == name {
                found = Some(e.ino);
            }
            Ok(found.is_none())
        })?;
        Ok(found)
    }
}
