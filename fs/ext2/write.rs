// SPDX-License-Identifier: GPL-2.0-only

//! Writing file data: blocks are allocated when first written (data and
//! the pointer blocks above them), so holes stay holes; truncation frees
//! the data blocks past the new end and every pointer block left empty,
//! and zeroes the tail of the last block so that growing the file later
//! reads zeros there. `i_blocks` counts every block held, in 512-byte
//! units.
//!
//! Pointer blocks are copied out before descending, so no block is held
//! while another is read: a corrupt map that points a block at itself
//! gives an error, never a deadlock on the buffer's lock.

use crate::disk::{le32, put_le32, to_usize, BlockDevice};
use crate::inode::{Inode, NDIR_BLOCKS};
use crate::volume::Volume;
use kernel::prelude::*;

impl<D: BlockDevice> Volume<D> {
    /// `i_blocks` units (512 bytes) per filesystem block.
    fn sectors_per_block(&self) -> u32 {
        (self.sb.block_size >> 9) as u32
    }

    /// A new zeroed block for `inode`, counted in its `i_blocks`.
    fn alloc_for(&mut self, inode: &mut Inode) -> Result<u32> {
        let nr = self.alloc_block(self.group_of_inode(inode.ino))?;
        inode.blocks = inode.blocks.saturating_add(self.sectors_per_block());
        Ok(nr)
    }

    /// Frees block `nr` of `inode` and uncounts it.
    fn free_for(&mut self, inode: &mut Inode, nr: u32) -> Result {
        self.free_block(nr)?;
        inode.blocks = inode.blocks.saturating_sub(self.sectors_per_block());
        Ok(())
    }

    /// The device block holding block `lblk` of `inode`, allocated (with
    /// any pointer block on the way) if it is a hole. Errors: `ENOSPC`,
    /// `EFBIG` past the map, `EUCLEAN`, `EIO`; blocks allocated before an
    /// error stay in the map (zeroed, counted). May sleep.
    pub fn bmap_alloc(&mut self, inode: &mut Inode, lblk: u64) -> Result<u32> {
        let per = (self.sb.block_size / 4) as u64;
        if lblk < NDIR_BLOCKS as u64 {
            let i = to_usize(lblk)?;
            if let Some(b) = self.data_block(inode.block[i])? {
                return Ok(b);
            }
            let b = self.alloc_for(inode)?;
            inode.block[i] = b;
            return Ok(b);
        }
        let mut n = lblk - NDIR_BLOCKS as u64;
        let mut span = 1u64;
        for depth in 1..=3usize {
            span *= per;
            if n >= span {
                n -= span;
                continue;
            }
            let root = NDIR_BLOCKS + depth - 1;
            let mut ptr = match self.data_block(inode.block[root])? {
                Some(b) => b,
                None => {
                    let b = self.alloc_for(inode)?;
                    inode.block[root] = b;
                    b
                }
            };
            for _ in 0..depth {
                span /= per;
                let off = to_usize(n / span * 4)?;
                n %= span;
                let next = le32(&self.read_block(ptr.into())?, off)?;
                ptr = match self.data_block(next)? {
                    Some(b) => b,
                    None => {
                        let b = self.alloc_for(inode)?;
                        self.modify_block(ptr.into(), |blk| put_le32(blk, off, b))??;
                        b
                    }
                };
            }
            return Ok(ptr);
        }
        Err(EFBIG)
    }

    /// Writes `buf` into `inode`'s data at byte `pos`, allocating blocks,
    /// and grows its size to cover it. Returns the bytes written: fewer
    /// than asked only if space ran out after some were. Errors (nothing
    /// written): `ENOSPC`, `EFBIG` past the largest file, `EUCLEAN`,
    /// `EIO`. May sleep.
    pub fn write(&mut self, inode: &mut Inode, pos: u64, buf: &[u8]) -> Result<usize> {
        let end = pos.checked_add(buf.len() as u64).ok_or(EFBIG)?;
        if end > self.sb.max_file_size() {
            return Err(EFBIG);
        }
        let bs = self.sb.block_size;
        let mut done = 0;
        while done < buf.len() {
            let at = pos + done as u64;
            let in_block = to_usize(at % bs as u64)?;
            let n = (bs - in_block).min(buf.len() - done);
            let blk = match self.bmap_alloc(inode, at >> self.sb.block_bits) {
                Ok(b) => b,
                Err(e) if done == 0 => return Err(e),
                Err(_) => break,
            };
            let src = buf.get(done..done + n).ok_or(EINVAL)?;
            self.modify_block(blk.into(), |b| {
                b.get_mut(in_block..in_block + n)
                    .map(|d| d.copy_from_slice(src))
                    .ok_or(EIO)
            })??;
            done += n;
        }
        inode.size = inode.size.max(pos + done as u64);
        Ok(done)
    }

    /// Makes `inode`'s data `size` bytes long: frees every block past the
    /// end (pointer blocks left empty too) and, when shrinking, zeroes the
    /// rest of the last block; growing leaves a hole. Errors: `EFBIG`,
    /// `EUCLEAN`, `EIO`. May sleep.
    pub fn truncate(&mut self, inode: &mut Inode, size: u64) -> Result {
        if size > self.sb.max_file_size() {
            return Err(EFBIG);
        }
        let bs = self.sb.block_size as u64;
        // Blocks past the size may be held (a write that failed after
        // allocating), so the map is cut even when the file grows.
        let keep = size.div_ceil(bs);
        for i in to_usize(keep.min(NDIR_BLOCKS as u64))?..NDIR_BLOCKS {
            if let Some(b) = self.data_block(inode.block[i])? {
                inode.block[i] = 0;
                self.free_for(inode, b)?;
            }
        }
        let per = bs / 4;
        let (mut base, mut span) = (NDIR_BLOCKS as u64, 1u64);
        for depth in 1..=3usize {
            span *= per;
            let root = NDIR_BLOCKS + depth - 1;
            if keep < base + span {
                if let Some(b) = self.data_block(inode.block[root])? {
                    if self.trunc_branch(inode, b, depth, span, keep.saturating_sub(base))? {
                        inode.block[root] = 0;
                        self.free_for(inode, b)?;
                    }
                }
            }
            base += span;
        }
        let tail = to_usize(size % bs)?;
        if tail != 0 && size < inode.size {
            if let Some(b) = self.bmap(inode, size / bs)? {
                self.modify_block(b.into(), |blk| blk.get_mut(tail..).map(|t| t.fill(0)))?;
            }
        }
        inode.size = size;
        Ok(())
    }

    /// Frees the blocks at and past entry `start` of the `span` blocks the
    /// pointer block `ptr` (`depth` levels above the data) maps. Returns
    /// whether `ptr` maps nothing any more (the caller frees it).
    fn trunc_branch(
        &mut self,
        inode: &mut Inode,
        ptr: u32,
        depth: usize,
        span: u64,
        start: u64,
    ) -> Result<bool> {
        let per = self.sb.block_size / 4;
        let child = span / per as u64;
        let mut ptrs = KVec::with_capacity(per, GFP_KERNEL)?;
        {
            let blk = self.read_block(ptr.into())?;
            for i in 0..per {
                ptrs.push(le32(&blk, i * 4)?, GFP_KERNEL)?;
            }
        }
        let mut changed = false;
        for i in 0..per {
            let first = i as u64 * child;
            let Some(b) = self.data_block(ptrs[i])? else {
                continue;
            };
            if first + child <= start {
                continue;
            }
            let free = depth == 1
                || self.trunc_branch(inode, b, depth - 1, child, start.saturating_sub(first))?;
            if free {
                ptrs[i] = 0;
                changed = true;
                self.free_for(inode, b)?;
            }
        }
        let empty = ptrs.iter().all(|&p| p == 0);
        if changed && !empty {
            self.modify_block(ptr.into(), |blk| {
                ptrs.iter()
                    .enumerate()
                    .try_for_each(|(i, &p)| put_le32(blk, i * 4, p))
            })??;
        }
        Ok(empty)
    }
}
