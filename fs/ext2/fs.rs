// SPDX-License-Identifier: GPL-2.0-only

//! ext2 mounted through the kernel's filesystem API: [`Ext2`] implements
//! [`FileSystem`] over a [`Volume`] whose blocks come from the buffer
//! cache ([`CacheDevice`]). Each inode the VFS asks for is read once into
//! the inode cache and keeps its checked on-disk [`Inode`] as its data.
//!
//! Read-only: a mount without `-o ro` is refused (`EROFS`) until ext2
//! can write.

use crate::dir::NAME_LEN;
use crate::disk::{BlockDevice, EFSCORRUPTED};
use crate::inode::{Inode, S_IFBLK, S_IFCHR};
use crate::super_block::{EXT2_SUPER_MAGIC, ROOT_INO};
use crate::volume::Volume;
use kernel::fs::buffer::{Device, Head};
use kernel::fs::{Attrs, DirEmitter, FileSystem, INode, Stat, SuperBlock};
use kernel::prelude::*;
use kernel::types::{ARef, Either};

/// The device of a mount, read through the buffer cache.
pub struct CacheDevice(Device);

impl BlockDevice for CacheDevice {
    type Block<'a> = Head;

    fn size(&self) -> u64 {
        self.0.size()
    }

    fn read_block(&self, nr: u64, size: usize) -> Result<Head> {
        self.0.bread(nr, size)
    }
}

/// ext2, as `mount -t ext2` finds it.
pub struct Ext2;

/// The `S_IFxxx` type of an `EXT2_FT_*` directory entry type (0: unknown).
fn ft_to_mode(ft: u8) -> u16 {
    const TYPES: [u16; 8] = [
        0, 0o100000, 0o040000, 0o020000, 0o060000, 0o010000, 0o140000, 0o120000,
    ];
    TYPES.get(usize::from(ft)).copied().unwrap_or(0)
}

/// The device number of a device node, from `i_block[0]` (the old 8:8
/// encoding) or else `i_block[1]` (the new one), as Linux's ext2 stores
/// them, in the kernel's `MKDEV` form.
fn rdev_of(inode: &Inode) -> u32 {
    let (major, minor) = match inode.block {
        [old, ..] if old != 0 => ((old >> 8) & 0xff, old & 0xff),
        [_, new, ..] => ((new & 0xfff00) >> 8, (new & 0xff) | ((new >> 12) & 0xfff00)),
    };
    major << 20 | minor
}

/// What `stat(2)` shows of `inode`.
fn attrs(inode: &Inode) -> Result<Attrs> {
    let ns = |s: u32| i64::from(s) * 1_000_000_000;
    let special = matches!(inode.file_type(), S_IFCHR | S_IFBLK);
    Ok(Attrs {
        mode: inode.mode,
        uid: inode.uid,
        gid: inode.gid,
        size: i64::try_from(inode.size).map_err(|_| EFSCORRUPTED)?,
        nlink: inode.links_count.into(),
        atime_ns: ns(inode.atime),
        mtime_ns: ns(inode.mtime),
        ctime_ns: ns(inode.ctime),
        rdev: if special { rdev_of(inode) } else { 0 },
    })
}

/// Inode `ino` from the inode cache, read from the disk if it is not
/// there, and whether it was there. Errors: those of
/// [`Volume::read_inode`], `ENOMEM`.
fn iget(
    sb: &SuperBlock<Ext2>,
    vol: &Volume<CacheDevice>,
    ino: u32,
) -> Result<(ARef<INode<Ext2>>, bool)> {
    match sb.iget(ino.into())? {
        Either::Left(cached) => Ok((cached, true)),
        // Dropping `new` on an error takes it out of the cache again.
        Either::Right(new) => {
            let inode = vol.read_inode(ino)?;
            Ok((new.init(&attrs(&inode)?, inode)?, false))
        }
    }
}

impl FileSystem for Ext2 {
    type Data = Volume<CacheDevice>;
    type INodeData = Inode;
    const NAME: &'static CStr = c_str!("ext2");
    const MAGIC: u32 = EXT2_SUPER_MAGIC as u32;

    fn fill_super(sb: &SuperBlock<Self>) -> Result<Self::Data> {
        let vol = Volume::open(CacheDevice(sb.device()))?;
        if !sb.read_only() {
            pr_err!("read-only for now: mount with -o ro\n");
            return Err(EROFS);
        }
        sb.set_block_size(vol.sb.block_size)?;
        Ok(vol)
    }

    fn init_root(sb: &SuperBlock<Self>, vol: &Self::Data) -> Result<ARef<INode<Self>>> {
        iget(sb, vol, ROOT_INO).map(|(root, _)| root)
    }

    fn lookup(
        dir: &INode<Self>,
        vol: &Self::Data,
        name: &[u8],
    ) -> Result<Option<ARef<INode<Self>>>> {
        if name.len() > NAME_LEN {
            return Err(ENAMETOOLONG);
        }
        let Some(ino) = vol.lookup(dir.data(), name)? else {
            return Ok(None);
        };
        let (inode, cached) = iget(dir.super_block(), vol, ino)?;
        // A directory has one name: the dcache keeps a dentry for every
        // inode it holds until unmount, so one already in the inode cache
        // has its name. A second is a loop (an ancestor: walks would go
        // down forever) or a hard link to a directory.
        if cached && inode.data().is_dir() {
            pr_err!(
                "directory {}: entry for directory {}, which has a name\n",
                dir.data().ino,
                ino
            );
            return Err(EFSCORRUPTED);
        }
        Ok(Some(inode))
    }

    fn read_dir(dir: &INode<Self>, vol: &Self::Data, emitter: &mut DirEmitter<'_>) -> Result {
        let pos = u64::try_from(emitter.pos()).map_err(|_| EINVAL)?;
        vol.for_each_dirent(dir.data(), pos, |e| {
            let (at, next) = (
                i64::try_from(e.pos).map_err(|_| EFSCORRUPTED)?,
                i64::try_from(e.next).map_err(|_| EFSCORRUPTED)?,
            );
            Ok(emitter.emit(at, next, e.name, e.ino.into(), ft_to_mode(e.file_type)))
        })
    }

    fn read(inode: &INode<Self>, vol: &Self::Data, pos: u64, buf: &mut [u8]) -> Result<usize> {
        vol.read(inode.data(), pos, buf)
    }

    fn get_link(inode: &INode<Self>, vol: &Self::Data) -> Result<KVec<u8>> {
        vol.read_link(inode.data())
    }

    fn statfs(_sb: &SuperBlock<Self>, vol: &Self::Data) -> Result<Stat> {
        let sb = &vol.sb;
        let free = u64::from(sb.free_blocks_count);
        Ok(Stat {
            blocks: sb.blocks_count.into(),
            bfree: free,
            bavail: free.saturating_sub(sb.r_blocks_count.into()),
            files: sb.inodes_count.into(),
            ffree: sb.free_inodes_count.into(),
            namelen: NAME_LEN as u32,
        })
    }
}
