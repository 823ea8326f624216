// SPDX-License-Identifier: GPL-2.0-only

//! ext2 inodes: where one is on disk, what its fields say, and the block
//! map that turns a file's block numbers into the device's.
//!
//! The map is the classic one: `i_block[0..12]` point at the first twelve
//! data blocks, `i_block[12]` at a block of pointers, `i_block[13]` at a
//! block of pointers to such blocks and `i_block[14]` at one more level.
//! A zero pointer, at any level, is a hole: its data reads as zeros.

use crate::disk::{le16, le32, to_usize, BlockDevice, EFSCORRUPTED};
use crate::volume::Volume;
use kernel::prelude::*;

/// The file type bits of `i_mode`, and the types.
pub const S_IFMT: u16 = 0o170000;
/// A socket.
pub const S_IFSOCK: u16 = 0o140000;
/// A symbolic link.
pub const S_IFLNK: u16 = 0o120000;
/// A regular file.
pub const S_IFREG: u16 = 0o100000;
/// A block device.
pub const S_IFBLK: u16 = 0o060000;
/// A directory.
pub const S_IFDIR: u16 = 0o040000;
/// A character device.
pub const S_IFCHR: u16 = 0o020000;
/// A FIFO.
pub const S_IFIFO: u16 = 0o010000;

/// Direct pointers in `i_block`; the next three are the indirect roots.
pub const NDIR_BLOCKS: usize = 12;
/// The size of `i_block`.
const N_BLOCKS: usize = 15;

/// An inode as read from disk, checked: a known file type, a size the
/// block map can address.
#[derive(Clone, Debug)]
pub struct Inode {
    /// Its number.
    pub ino: u32,
    /// Type and permission bits.
    pub mode: u16,
    /// Owner (low and high halves joined).
    pub uid: u32,
    /// Group (low and high halves joined).
    pub gid: u32,
    /// Size in bytes.
    pub size: u64,
    /// Access, change and modification times (seconds since 1970).
    pub atime: u32,
    /// See `atime`.
    pub ctime: u32,
    /// See `atime`.
    pub mtime: u32,
    /// Hard links.
    pub links_count: u16,
    /// Blocks held, in 512-byte units (data, indirect and xattr blocks).
    pub blocks: u32,
    /// `i_flags` (`EXT2_INDEX_FL`...).
    pub flags: u32,
    /// The block map (or a fast symlink's target).
    pub block: [u32; N_BLOCKS],
    /// The extended attribute block, or 0.
    pub file_acl: u32,
    /// NFS generation number.
    pub generation: u32,
}

impl Inode {
    /// The file type bits of the mode.
    pub fn file_type(&self) -> u16 {
        self.mode & S_IFMT
    }

    /// Whether it is a directory.
    pub fn is_dir(&self) -> bool {
        self.file_type() == S_IFDIR
    }

    /// Whether it is a symlink whose target is in `i_block` itself: no
    /// block is held but the extended attribute block.
    pub fn is_fast_symlink(&self, block_size: usize) -> bool {
        let xattr = if self.file_acl != 0 {
            block_size as u32 >> 9
        } else {
            0
        };
        self.file_type() == S_IFLNK && self.blocks == xattr
    }
}

impl<D: BlockDevice> Volume<D> {
    /// The block of the inode table holding inode `ino`, and the inode's
    /// offset in it. Errors: `EINVAL` for a number out of
    /// `1..=inodes_count`.
    pub fn inode_location(&self, ino: u32) -> Result<(u64, usize)> {
        let sb = &self.sb;
        if ino == 0 || ino > sb.inodes_count {
            return Err(EINVAL);
        }
        let index = ino - 1;
        let group = self
            .groups
            .get(to_usize((index / sb.inodes_per_group).into())?)
            .ok_or(EINVAL)?;
        let offset = u64::from(index % sb.inodes_per_group) * sb.inode_size as u64;
        Ok((
            u64::from(group.inode_table) + (offset >> sb.block_bits),
            to_usize(offset % sb.block_size as u64)?,
        ))
    }

    /// Reads and checks inode `ino`. Errors: `EINVAL` for a number out of
    /// `1..=inodes_count`, `EUCLEAN` for a free or corrupt inode, `EIO`.
    /// May sleep.
    pub fn read_inode(&self, ino: u32) -> Result<Inode> {
        let (nr, at) = self.inode_location(ino)?;
        let block = self.read_block(nr)?;
        let raw = block.get(at..).ok_or(EFSCORRUPTED)?;

        let mut map = [0u32; N_BLOCKS];
        for (i, b) in map.iter_mut().enumerate() {
            *b = le32(raw, 40 + 4 * i)?;
        }
        let mode = le16(raw, 0)?;
        let size_lo = le32(raw, 4)?;
        let inode = Inode {
            ino,
            mode,
            uid: u32::from(le16(raw, 2)?) | u32::from(le16(raw, 120)?) << 16,
            gid: u32::from(le16(raw, 24)?) | u32::from(le16(raw, 122)?) << 16,
            // i_size_high for files; directories use the field otherwise.
            size: if mode & S_IFMT == S_IFREG {
                u64::from(size_lo) | u64::from(le32(raw, 108)?) << 32
            } else {
                u64::from(size_lo)
            },
            atime: le32(raw, 8)?,
            ctime: le32(raw, 12)?,
            mtime: le32(raw, 16)?,
            links_count: le16(raw, 26)?,
            blocks: le32(raw, 28)?,
            flags: le32(raw, 32)?,
            block: map,
            file_acl: le32(raw, 104)?,
            generation: le32(raw, 100)?,
        };
        if inode.links_count == 0 {
            pr_err!("inode {}: deleted inode referenced\n", ino);
            return Err(EFSCORRUPTED);
        }
        let known = matches!(
            inode.file_type(),
            S_IFSOCK | S_IFLNK | S_IFREG | S_IFBLK | S_IFDIR | S_IFCHR | S_IFIFO
        );
        if !known || inode.size > self.sb.max_file_size() {
            pr_err!(
                "inode {}: bad mode {:#o} or size {}\n",
                ino,
                mode,
                inode.size
            );
            return Err(EFSCORRUPTED);
        }
        Ok(inode)
    }

    /// The device block holding block `lblk` of `inode`'s data, or `None`
    /// for a hole. Errors: `EFBIG` past what the map can address,
    /// `EUCLEAN` for a pointer outside the filesystem, `EIO`. May sleep.
    pub fn bmap(&self, inode: &Inode, lblk: u64) -> Result<Option<u32>> {
        let per = (self.sb.block_size / 4) as u64;
        if lblk < NDIR_BLOCKS as u64 {
            let ptr = inode.block.get(to_usize(lblk)?).copied().ok_or(EINVAL)?;
            return self.data_block(ptr);
        }
        // Walk the level whose range holds `n`: `span` blocks per root.
        let mut n = lblk - NDIR_BLOCKS as u64;
        let mut span = 1u64;
        for (depth, root) in inode.block.iter().skip(NDIR_BLOCKS).enumerate() {
            span *= per;
            if n < span {
                return self.walk(*root, n, span, depth + 1);
            }
            n -= span;
        }
        Err(EFBIG)
    }

    /// Follows `depth` levels of pointer blocks from `root` to entry `n`
    /// of the `span` blocks it covers.
    fn walk(&self, root: u32, mut n: u64, mut span: u64, depth: usize) -> Result<Option<u32>> {
        let per = (self.sb.block_size / 4) as u64;
        let mut ptr = root;
        for _ in 0..depth {
            let Some(blk) = self.data_block(ptr)? else {
                return Ok(None);
            };
            span /= per;
            let index = n / span;
            n %= span;
            ptr = le32(&self.read_block(blk.into())?, to_usize(index * 4)?)?;
        }
        self.data_block(ptr)
    }

    /// A data pointer checked: `None` for 0, a hole; `EUCLEAN` outside the
    /// filesystem or inside the superblock's block.
    pub(crate) fn data_block(&self, ptr: u32) -> Result<Option<u32>> {
        match ptr {
            0 => Ok(None),
            p if p <= self.sb.first_data_block || p >= self.sb.blocks_count => Err(EFSCORRUPTED),
            p => Ok(Some(p)),
        }
    }

    /// Reads `inode`'s data from byte `pos` into `buf`, up to its size;
    /// holes read as zeros. Returns the bytes read (0 at or past the end).
    /// Errors: those of [`Volume::bmap`]. May sleep.
    pub fn read(&self, inode: &Inode, pos: u64, buf: &mut [u8]) -> Result<usize> {
        let Some(left) = inode.size.checked_sub(pos) else {
            return Ok(0);
        };
        let want = buf.len().min(to_usize(left).unwrap_or(usize::MAX));
        let bs = self.sb.block_size;
        let mut done = 0;
        while done < want {
            let at = pos + done as u64;
            let in_block = to_usize(at % bs as u64)?;
            let n = (bs - in_block).min(want - done);
            let dst = buf.get_mut(done..done + n).ok_or(EINVAL)?;
            match self.bmap(inode, at >> self.sb.block_bits)? {
                None => dst.fill(0),
                Some(blk) => {
                    let block = self.read_block(blk.into())?;
                    dst.copy_from_slice(block.get(in_block..in_block + n).ok_or(EIO)?);
                }
            }
            done += n;
        }
        Ok(want)
    }

    /// The target of symlink `inode`: in `i_block` for a fast symlink, in
    /// its first data block otherwise. Errors: `EINVAL` if it is not a
    /// symlink, `EUCLEAN` for a size that does not fit, `ENOMEM`, `EIO`.
    /// May sleep.
    pub fn read_link(&self, inode: &Inode) -> Result<KVec<u8>> {
        if inode.file_type() != S_IFLNK {
            return Err(EINVAL);
        }
        let len = to_usize(inode.size)?;
        let mut target = KVec::new();
        if inode.is_fast_symlink(self.sb.block_size) {
            let mut raw = [0u8; 4 * N_BLOCKS];
            for (chunk, word) in raw.chunks_exact_mut(4).zip(inode.block.iter()) {
                chunk.copy_from_slice(&word.to_le_bytes());
            }
            target.extend_from_slice(raw.get(..len).ok_or(EFSCORRUPTED)?, GFP_KERNEL)?;
        } else {
            if len == 0 || len >= self.sb.block_size {
                return Err(EFSCORRUPTED);
            }
            target.extend_with(len, 0, GFP_KERNEL)?;
            if self.read(inode, 0, &mut target)? != len {
                return Err(EFSCORRUPTED);
            }
        }
        if target.contains(&0) {
            return Err(EFSCORRUPTED);
        }
        Ok(target)
    }
}
