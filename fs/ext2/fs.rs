// SPDX-License-Identifier: GPL-2.0-only

//! ext2 mounted through the kernel's filesystem API: [`Ext2`] implements
//! [`FileSystem`] over a [`Volume`] whose blocks come from the buffer
//! cache ([`CacheDevice`]). Each inode the VFS asks for is read once into
//! the inode cache and keeps its checked on-disk [`Inode`] as its data.
//!
//! Locking: one mutex per mount ([`Mount::vol`]) serialises every method,
//! reads too; an inode's own mutex only guards its [`Inode`], held for a
//! copy in or out, never while another lock is taken. Inodes come from
//! the cache (`iget`) only under the volume mutex, so no one holding it
//! waits for an inode another is reading in; an inode is evicted under it
//! only if it still has links (then eviction does not need it).
//!
//! Each change is written into the buffers at once (the inode, the
//! bitmaps, the group descriptor, the superblock's counts): a sync only
//! writes the buffers back. Times, mode and owner come from the VFS inode
//! whenever an inode is stored ([`FileSystem::write_inode`]).

use crate::dir::NAME_LEN;
use crate::disk::{BlockDevice, EFSCORRUPTED};
use crate::inode::{Inode, S_IFBLK, S_IFCHR, S_IFDIR, S_IFLNK};
use crate::super_block::{EXT2_SUPER_MAGIC, ROOT_INO};
use crate::volume::Volume;
use kernel::cred::{capable, in_group_p, Capability, Credential};
use kernel::fs::buffer::{Device, Head};
use kernel::fs::{Attrs, DirEmitter, FileSystem, INode, Stat, SuperBlock};
use kernel::new_mutex;
use kernel::prelude::*;
use kernel::sync::{Mutex, MutexGuard};
use kernel::time::ktime_get_real_seconds;
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

    fn modify_block<R>(&self, nr: u64, size: usize, f: impl FnOnce(&mut [u8]) -> R) -> Result<R> {
        let mut head = self.0.bread(nr, size)?;
        Ok(f(head.data_mut()))
    }

    fn sync_block(&self, nr: u64, size: usize) -> Result {
        self.0.bread(nr, size)?.sync()
    }
}

/// What a mount keeps.
pub struct Mount {
    /// The volume, under the mount's one lock.
    vol: Pin<KBox<Mutex<Volume<CacheDevice>>>>,
}

/// What each inode keeps: its on-disk inode, as last stored.
pub type InodeCell = Pin<KBox<Mutex<Inode>>>;

/// The mount's volume, locked.
type Vol<'a> = MutexGuard<'a, Volume<CacheDevice>>;

/// ext2, as `mount -t ext2` finds it.
pub struct Ext2;

/// The most links an inode may have (Linux's `EXT2_LINK_MAX`).
const LINK_MAX: u16 = 32000;

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
            let attrs = attrs(&inode)?;
            let data = KBox::pin_init(new_mutex!(inode), GFP_KERNEL)?;
            Ok((new.init(&attrs, data)?, false))
        }
    }
}

/// The mount's volume, locked for a change by the current task, which
/// may allocate the blocks reserved for root if it has
/// `CAP_SYS_RESOURCE`, is the superblock's `s_def_resuid` or in its
/// `s_def_resgid` (not root's group), as in Linux's
/// `ext2_has_free_blocks()`. May sleep.
fn lock_for_change(data: &Mount) -> Vol<'_> {
    let mut vol = data.vol.lock();
    let (uid, gid) = (u32::from(vol.sb.def_resuid), u32::from(vol.sb.def_resgid));
    vol.use_reserved = capable(Capability::SYS_RESOURCE)
        || Credential::current().fsuid() == uid
        || (gid != 0 && in_group_p(gid));
    vol
}

/// Now, in seconds since 1970 as ext2 stores times.
fn now() -> u32 {
    u32::try_from(ktime_get_real_seconds()).unwrap_or(0)
}

/// Seconds since 1970 as ext2 stores them, from nanoseconds.
fn secs(ns: i64) -> u32 {
    u32::try_from(ns / 1_000_000_000).unwrap_or(0)
}

/// A copy of `node`'s on-disk inode.
fn get(node: &INode<Ext2>) -> Inode {
    node.data().lock().clone()
}

/// Makes `e` the on-disk inode of `node`: its mode, owner and times from
/// the VFS inode, its size and link count to the VFS inode, written into
/// the inode table and kept as `node`'s data.
fn store(vol: &mut Volume<CacheDevice>, node: &INode<Ext2>, mut e: Inode) -> Result {
    let a = node.attrs();
    e.mode = a.mode;
    e.uid = a.uid;
    e.gid = a.gid;
    e.atime = secs(a.atime_ns);
    e.mtime = secs(a.mtime_ns);
    e.ctime = secs(a.ctime_ns);
    node.set_size(i64::try_from(e.size).map_err(|_| EFBIG)?);
    node.set_nlink(e.links_count.into());
    let res = vol.write_inode(&e, 0);
    *node.data().lock() = e;
    res
}

/// Makes a new inode of `mode` in `dir` named `name`, its contents set
/// by `fill` (before the name is added); on any error everything taken
/// is given back.
fn new_inode(
    dir: &INode<Ext2>,
    data: &Mount,
    name: &[u8],
    mode: u16,
    fill: impl FnOnce(&mut Vol<'_>, &mut Inode) -> Result,
) -> Result<ARef<INode<Ext2>>> {
    if name.len() > NAME_LEN {
        return Err(ENAMETOOLONG);
    }
    let mut vol = lock_for_change(data);
    let mut d = get(dir);
    if vol.lookup(&d, name)?.is_some() {
        return Err(EEXIST);
    }
    let is_dir = mode & crate::inode::S_IFMT == S_IFDIR;
    let goal = vol.group_of_inode(d.ino);
    let ino = vol.alloc_inode(goal, is_dir)?;
    let mut new = match dir.super_block().iget(ino.into()) {
        Ok(Either::Right(new)) => new,
        other => {
            // The bitmap said free, yet the inode is live (or no memory).
            let _ = vol.free_inode(ino, is_dir);
            return Err(if other.is_err() { ENOMEM } else { EFSCORRUPTED });
        }
    };
    let mut attrs = new.init_owner(dir, mode);
    let mut e = Inode {
        ino,
        mode: attrs.mode,
        uid: attrs.uid,
        gid: attrs.gid,
        size: 0,
        atime: secs(attrs.atime_ns),
        ctime: secs(attrs.ctime_ns),
        mtime: secs(attrs.mtime_ns),
        links_count: if is_dir { 2 } else { 1 },
        blocks: 0,
        flags: 0,
        block: [0; 15],
        file_acl: 0,
        generation: 0,
    };
    let res = (|| {
        let cell = KBox::pin_init(new_mutex!(e.clone()), GFP_KERNEL)?;
        vol.clear_inode_slot(ino)?;
        fill(&mut vol, &mut e)?;
        vol.write_inode(&e, 0)?;
        vol.add_entry(&mut d, name, ino, e.mode)?;
        d.links_count = d.links_count.saturating_add(u16::from(is_dir));
        Ok(cell)
    })();
    let stored = store(&mut vol, dir, d);
    let cell = match res.and_then(|c| stored.map(|()| c)) {
        Ok(cell) => cell,
        Err(err) => {
            if !e.is_fast_symlink(vol.sb.block_size) {
                let _ = vol.truncate(&mut e, 0);
            }
            let _ = vol.free_inode(ino, is_dir);
            return Err(err);
        }
    };
    *cell.lock() = e.clone();
    attrs.nlink = e.links_count.into();
    attrs.size = i64::try_from(e.size).map_err(|_| EFBIG)?;
    new.init(&attrs, cell)
}

impl FileSystem for Ext2 {
    type Data = Mount;
    type INodeData = InodeCell;
    const NAME: &'static CStr = c_str!("ext2");
    const MAGIC: u32 = EXT2_SUPER_MAGIC as u32;

    fn fill_super(sb: &SuperBlock<Self>) -> Result<Self::Data> {
        let vol = Volume::open(CacheDevice(sb.device()))?;
        if !sb.read_only() && vol.sb.read_only {
            pr_err!("unsupported RO_COMPAT features: mount with -o ro\n");
            return Err(EROFS);
        }
        sb.set_block_size(vol.sb.block_size)?;
        let vol = KBox::pin_init(new_mutex!(vol), GFP_KERNEL)?;
        // Last: from here a failed mount runs `put_super`, which undoes it.
        if !sb.read_only() {
            vol.lock().begin_rw(now())?;
        }
        Ok(Mount { vol })
    }

    fn init_root(sb: &SuperBlock<Self>, data: &Self::Data) -> Result<ARef<INode<Self>>> {
        iget(sb, &data.vol.lock(), ROOT_INO).map(|(root, _)| root)
    }

    fn lookup(
        dir: &INode<Self>,
        data: &Self::Data,
        name: &[u8],
    ) -> Result<Option<ARef<INode<Self>>>> {
        if name.len() > NAME_LEN {
            return Err(ENAMETOOLONG);
        }
        let vol = data.vol.lock();
        let Some(ino) = vol.lookup(&get(dir), name)? else {
            return Ok(None);
        };
        let (inode, cached) = iget(dir.super_block(), &vol, ino)?;
        // A directory has one name: the dcache keeps a dentry for every
        // inode it holds until unmount, so one already in the inode cache
        // has its name. A second is a loop (an ancestor: walks would go
        // down forever) or a hard link to a directory.
        if cached && get(&inode).is_dir() {
            pr_err!(
                "directory {}: entry for directory {}, which has a name\n",
                get(dir).ino,
                ino
            );
            return Err(EFSCORRUPTED);
        }
        Ok(Some(inode))
    }

    fn read_dir(dir: &INode<Self>, data: &Self::Data, emitter: &mut DirEmitter<'_>) -> Result {
        let pos = u64::try_from(emitter.pos()).map_err(|_| EINVAL)?;
        let vol = data.vol.lock();
        vol.for_each_dirent(&get(dir), pos, |e| {
            let (at, next) = (
                i64::try_from(e.pos).map_err(|_| EFSCORRUPTED)?,
                i64::try_from(e.next).map_err(|_| EFSCORRUPTED)?,
            );
            Ok(emitter.emit(at, next, e.name, e.ino.into(), ft_to_mode(e.file_type)))
        })
    }

    fn read(inode: &INode<Self>, data: &Self::Data, pos: u64, buf: &mut [u8]) -> Result<usize> {
        data.vol.lock().read(&get(inode), pos, buf)
    }

    fn get_link(inode: &INode<Self>, data: &Self::Data) -> Result<KVec<u8>> {
        data.vol.lock().read_link(&get(inode))
    }

    fn statfs(_sb: &SuperBlock<Self>, data: &Self::Data) -> Result<Stat> {
        let vol = data.vol.lock();
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

    fn create(
        dir: &INode<Self>,
        data: &Mount,
        name: &[u8],
        mode: u16,
    ) -> Result<ARef<INode<Self>>> {
        Self::do_create(dir, data, name, mode)
    }

    fn mkdir(dir: &INode<Self>, data: &Mount, name: &[u8], mode: u16) -> Result<ARef<INode<Self>>> {
        Self::do_create(dir, data, name, mode)
    }

    fn symlink(
        dir: &INode<Self>,
        data: &Mount,
        name: &[u8],
        target: &[u8],
    ) -> Result<ARef<INode<Self>>> {
        Self::do_symlink(dir, data, name, target)
    }

    fn link(inode: &INode<Self>, dir: &INode<Self>, data: &Mount, name: &[u8]) -> Result {
        let mut vol = lock_for_change(data);
        let (mut d, mut e) = (get(dir), get(inode));
        if name.len() > NAME_LEN {
            return Err(ENAMETOOLONG);
        }
        if vol.lookup(&d, name)?.is_some() {
            return Err(EEXIST);
        }
        if e.links_count >= LINK_MAX {
            return Err(EMLINK);
        }
        let res = vol.add_entry(&mut d, name, e.ino, e.mode);
        store(&mut vol, dir, d)?;
        res?;
        e.links_count += 1;
        store(&mut vol, inode, e)
    }

    fn unlink(dir: &INode<Self>, data: &Mount, name: &[u8], inode: &INode<Self>) -> Result {
        Self::remove(dir, data, name, inode)
    }

    fn rmdir(dir: &INode<Self>, data: &Mount, name: &[u8], inode: &INode<Self>) -> Result {
        Self::remove(dir, data, name, inode)
    }

    fn rename(
        old_dir: &INode<Self>,
        data: &Mount,
        old_name: &[u8],
        inode: &INode<Self>,
        new_dir: &INode<Self>,
        new_name: &[u8],
        target: Option<&INode<Self>>,
    ) -> Result {
        if new_name.len() > NAME_LEN {
            return Err(ENAMETOOLONG);
        }
        let mut vol = lock_for_change(data);
        let same = old_dir.ino() == new_dir.ino();
        let mut od = get(old_dir);
        let mut nd = if same { od.clone() } else { get(new_dir) };
        let mut e = get(inode);
        if vol.lookup(&od, old_name)? != Some(e.ino) {
            return Err(ENOENT);
        }
        let mut t = target.map(get);
        if let Some(t) = &t {
            if vol.lookup(&nd, new_name)? != Some(t.ino) {
                return Err(ENOENT);
            }
            if t.is_dir() && !vol.dir_is_empty(t)? {
                return Err(ENOTEMPTY);
            }
        }
        // The new name first: a failure leaves the old one in place.
        let res = (|| {
            match &mut t {
                Some(t) => {
                    vol.retarget_entry(&mut nd, new_name, e.ino, e.mode)?;
                    if t.is_dir() {
                        t.links_count = 0;
                        nd.links_count = nd.links_count.saturating_sub(1);
                    } else {
                        t.links_count = t.links_count.saturating_sub(1);
                    }
                }
                None => vol.add_entry(&mut nd, new_name, e.ino, e.mode)?,
            }
            if same {
                od = nd.clone();
            }
            vol.remove_entry(&mut od, old_name)?;
            if same {
                nd = od.clone();
            }
            if e.is_dir() && !same {
                vol.retarget_entry(&mut e, b"..", nd.ino, nd.mode)?;
                od.links_count = od.links_count.saturating_sub(1);
                nd.links_count = nd.links_count.saturating_add(1);
            }
            Ok(())
        })();
        store(&mut vol, old_dir, od)?;
        if !same {
            store(&mut vol, new_dir, nd)?;
        }
        store(&mut vol, inode, e)?;
        if let (Some(node), Some(t)) = (target, t) {
            store(&mut vol, node, t)?;
        }
        res
    }

    fn write(inode: &INode<Self>, data: &Mount, pos: u64, buf: &[u8]) -> Result<usize> {
        let mut vol = lock_for_change(data);
        let mut e = get(inode);
        let res = vol.write(&mut e, pos, buf);
        store(&mut vol, inode, e)?;
        res
    }

    fn truncate(inode: &INode<Self>, data: &Mount, size: u64) -> Result {
        let mut vol = data.vol.lock();
        let mut e = get(inode);
        let res = vol.truncate(&mut e, size);
        store(&mut vol, inode, e)?;
        res
    }

    fn write_inode(inode: &INode<Self>, data: &Mount) -> Result {
        store(&mut data.vol.lock(), inode, get(inode))
    }

    fn sync_fs(_sb: &SuperBlock<Self>, data: &Mount) -> Result {
        data.vol.lock().sync_super(now())
    }

    fn put_super(_sb: &SuperBlock<Self>, data: &Mount) {
        if let Err(err) = data.vol.lock().end_rw(now()) {
            pr_err!("superblock not marked clean: {:?}\n", err);
        }
    }

    fn evict_inode(inode: &INode<Self>, data: &Mount) {
        let e = get(inode);
        if e.links_count != 0 {
            return;
        }
        let ino = e.ino;
        let dtime = secs(inode.attrs().ctime_ns).max(1);
        if let Err(err) = Self::free_all(&mut data.vol.lock(), e, dtime) {
            pr_err!("inode {}: not freed: {:?}\n", ino, err);
        }
    }
}

/// The write side of [`Ext2`]: each method takes the volume lock, works
/// on copies of the inodes involved and stores them back.
impl Ext2 {
    fn do_create(
        dir: &INode<Self>,
        data: &Mount,
        name: &[u8],
        mode: u16,
    ) -> Result<ARef<INode<Self>>> {
        new_inode(dir, data, name, mode, |vol, e| {
            if e.is_dir() {
                vol.init_dir(e, dir.ino() as u32)?;
            }
            Ok(())
        })
    }

    fn do_symlink(
        dir: &INode<Self>,
        data: &Mount,
        name: &[u8],
        target: &[u8],
    ) -> Result<ARef<INode<Self>>> {
        new_inode(dir, data, name, S_IFLNK | 0o777, |vol, e| {
            if target.is_empty() || target.len() >= vol.sb.block_size {
                return Err(ENAMETOOLONG);
            }
            if target.len() < 4 * e.block.len() {
                // A fast symlink: the target in i_block itself.
                let mut raw = [0u8; 60];
                raw[..target.len()].copy_from_slice(target);
                for (w, chunk) in e.block.iter_mut().zip(raw.chunks_exact(4)) {
                    *w = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
                }
                e.size = target.len() as u64;
                Ok(())
            } else {
                vol.write(e, 0, target).map(|_| ())
            }
        })
    }

    /// Frees what `e` holds on the disk: its blocks, then the inode.
    fn free_all(vol: &mut Volume<CacheDevice>, mut e: Inode, dtime: u32) -> Result {
        if e.is_fast_symlink(vol.sb.block_size) {
            e.block = [0; 15];
        } else {
            vol.truncate(&mut e, 0)?;
        }
        vol.write_inode(&e, dtime)?;
        vol.free_inode(e.ino, e.is_dir())
    }
}

/// The write half of the [`FileSystem`] methods, kept apart from the
/// reading ones above.
impl Ext2 {
    /// See [`FileSystem::unlink`] and [`FileSystem::rmdir`].
    fn remove(dir: &INode<Self>, data: &Mount, name: &[u8], inode: &INode<Self>) -> Result {
        let mut vol = data.vol.lock();
        let (mut d, mut e) = (get(dir), get(inode));
        if vol.lookup(&d, name)? != Some(e.ino) {
            return Err(ENOENT);
        }
        if e.is_dir() && !vol.dir_is_empty(&e)? {
            return Err(ENOTEMPTY);
        }
        let res = vol.remove_entry(&mut d, name);
        if res.is_ok() {
            if e.is_dir() {
                d.links_count = d.links_count.saturating_sub(1);
                e.links_count = 0;
            } else {
                e.links_count = e.links_count.saturating_sub(1);
            }
        }
        store(&mut vol, dir, d)?;
        store(&mut vol, inode, e)?;
        res.map(|_| ())
    }
}
