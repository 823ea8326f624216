// SPDX-License-Identifier: GPL-2.0-only

//! KUnit tests of the write side's error paths on the images of
//! [`crate::tests`], in memory: blocks and inodes allocated until they run
//! out (`ENOSPC`), with the free counts then matching the bitmaps, in
//! memory and as written to the image; everything given back afterwards
//! leaving the counts as they were (nothing leaked); a write whose data
//! block cannot be allocated after its pointer block was; directories
//! grown, emptied, and refused when corrupt.
//!
//! The device hands out blocks through a `RefCell`: a block changed while
//! another is held fails with `EBUSY`, so the tests also check that the
//! write side never holds two blocks at once (the kernel's buffers are
//! locked while held, and a second hold of one would wait forever).

use crate::disk::{BlockDevice, EFSCORRUPTED};
use crate::inode::{Inode, S_IFDIR, S_IFREG};
use crate::super_block::ROOT_INO;
use crate::tests::{unpack, IMAGES};
use crate::volume::Volume;
use core::cell::{Ref, RefCell};
use kernel::prelude::*;

/// A writable image in memory.
struct RefDevice<'a>(&'a RefCell<KVVec<u8>>);

impl BlockDevice for RefDevice<'_> {
    type Block<'b>
        = Ref<'b, [u8]>
    where
        Self: 'b;

    fn size(&self) -> u64 {
        self.0.borrow().len() as u64
    }

    fn read_block(&self, nr: u64, size: usize) -> Result<Ref<'_, [u8]>> {
        let start = usize::try_from(nr).map_err(|_| EINVAL)? * size;
        let img = self.0.try_borrow().map_err(|_| EBUSY)?;
        Ref::filter_map(img, |v| v.get(start..start + size)).map_err(|_| EINVAL)
    }

    fn modify_block<R>(&self, nr: u64, size: usize, f: impl FnOnce(&mut [u8]) -> R) -> Result<R> {
        let start = usize::try_from(nr).map_err(|_| EINVAL)? * size;
        let mut img = self.0.try_borrow_mut().map_err(|_| EBUSY)?;
        Ok(f(img.get_mut(start..start + size).ok_or(EINVAL)?))
    }
}

/// The free counts: the superblock's, then each group's (blocks,
/// inodes, directories).
fn counts<D: BlockDevice>(vol: &Volume<D>) -> Result<KVec<(u32, u32, u32)>> {
    let mut out = KVec::new();
    out.push(
        (vol.sb.free_blocks_count, vol.sb.free_inodes_count, 0),
        GFP_KERNEL,
    )?;
    for g in vol.groups.iter() {
        let c = (
            g.free_blocks_count.into(),
            g.free_inodes_count.into(),
            g.used_dirs_count.into(),
        );
        out.push(c, GFP_KERNEL)?;
    }
    Ok(out)
}

/// Checks that the counts in memory are the bitmaps', and the ones a new
/// mount of the same bytes reads.
fn check_consistent(vol: &Volume<RefDevice<'_>>, img: &RefCell<KVVec<u8>>, what: &str) -> Result {
    let (mut blocks, mut inodes) = (0u32, 0u32);
    for (g, gd) in vol.groups.iter().enumerate() {
        let (b, i) = vol.count_free(g as u32)?;
        kunit_assert_eq!(b, u32::from(gd.free_blocks_count), "{} group {}", what, g);
        kunit_assert_eq!(i, u32::from(gd.free_inodes_count), "{} group {}", what, g);
        blocks += b;
        inodes += i;
    }
    kunit_assert_eq!(blocks, vol.sb.free_blocks_count, "{}", what);
    kunit_assert_eq!(inodes, vol.sb.free_inodes_count, "{}", what);
    let again = Volume::open(RefDevice(img))?;
    kunit_assert!(counts(&again)? == counts(vol)?, "{}: not as written", what);
    Ok(())
}

/// A new inode of `mode` in group 0, as `fs.rs` makes one.
fn new_inode<D: BlockDevice>(vol: &mut Volume<D>, mode: u16) -> Result<Inode> {
    let ino = vol.alloc_inode(0, mode == S_IFDIR | 0o755)?;
    vol.clear_inode_slot(ino)?;
    Ok(Inode {
        ino,
        mode,
        uid: 0,
        gid: 0,
        size: 0,
        atime: 0,
        ctime: 0,
        mtime: 0,
        links_count: 1,
        blocks: 0,
        flags: 0,
        block: [0; 15],
        file_acl: 0,
        generation: 0,
    })
}

/// A 40-byte name, different for each `i` below 17576.
fn entry_name(i: u32) -> [u8; 40] {
    let mut name = [b'n'; 40];
    name[0] = b'a' + (i % 26) as u8;
    name[1] = b'a' + (i / 26 % 26) as u8;
    name[2] = b'a' + (i / 676 % 26) as u8;
    name
}

#[kernel::kunit_tests(ext2_write)]
mod write {
    use super::*;

    /// A file written until the blocks run out: `ENOSPC` (or a short
    /// write) with no block left, counts exact and on the disk, the data
    /// readable; truncated and freed, every count is back.
    #[test]
    fn blocks_run_out() -> Result {
        for image in IMAGES.iter().filter(|i| i.name == "b1k" || i.name == "b4k") {
            let img = RefCell::new(unpack(image.packed)?);
            let mut vol = Volume::open(RefDevice(&img))?;
            let before = counts(&vol)?;
            let mut file = new_inode(&mut vol, S_IFREG | 0o644)?;
            let mut chunk = KVVec::from_elem(0u8, 8192, GFP_KERNEL)?;
            let mut pos = 0u64;
            let err = loop {
                for (i, b) in chunk.iter_mut().enumerate() {
                    *b = ((pos as usize + i) % 251) as u8;
                }
                match vol.write(&mut file, pos, &chunk) {
                    Ok(n) if n == chunk.len() => pos += n as u64,
                    Ok(n) => {
                        pos += n as u64;
                        break vol.write(&mut file, pos, &chunk).err();
                    }
                    Err(e) => break Some(e),
                }
            };
            kunit_assert_eq!(err, Some(ENOSPC), "{}", image.name);
            kunit_assert_eq!(vol.sb.free_blocks_count, 0, "{}", image.name);
            kunit_assert_eq!(file.size, pos, "{}", image.name);
            check_consistent(&vol, &img, image.name)?;
            let mut back = [0u8; 100];
            let at = pos / 2;
            kunit_assert_eq!(vol.read(&file, at, &mut back)?, back.len());
            for (i, b) in back.iter().enumerate() {
                kunit_assert_eq!(*b, ((at as usize + i) % 251) as u8, "{}", image.name);
            }
            vol.truncate(&mut file, 0)?;
            kunit_assert_eq!(file.blocks, 0, "{}: i_blocks after truncate", image.name);
            kunit_assert!(file.block.iter().all(|&b| b == 0), "{}", image.name);
            vol.free_inode(file.ino, false)?;
            check_consistent(&vol, &img, image.name)?;
            kunit_assert!(counts(&vol)? == before, "{}: leaked", image.name);
        }
        Ok(())
    }

    /// Inodes taken until `ENOSPC`: as many as were free, counted in
    /// directories where asked; all given back, the counts are as before.
    #[test]
    fn inodes_run_out() -> Result {
        let img = RefCell::new(unpack(IMAGES[0].packed)?);
        let mut vol = Volume::open(RefDevice(&img))?;
        let before = counts(&vol)?;
        let free = vol.sb.free_inodes_count;
        let mut taken = KVec::new();
        let err = loop {
            let dir = taken.len() % 2 == 0;
            match vol.alloc_inode(1, dir) {
                Ok(ino) => taken.push((ino, dir), GFP_KERNEL)?,
                Err(e) => break e,
            }
        };
        kunit_assert_eq!(err, ENOSPC);
        kunit_assert_eq!(taken.len() as u32, free);
        kunit_assert!(taken.iter().all(|&(ino, _)| ino >= vol.sb.first_ino));
        check_consistent(&vol, &img, "all taken")?;
        for &(ino, dir) in taken.iter() {
            vol.free_inode(ino, dir)?;
        }
        kunit_assert_eq!(vol.free_inode(taken[0].0, true), Err(EFSCORRUPTED));
        check_consistent(&vol, &img, "all freed")?;
        kunit_assert!(counts(&vol)? == before);
        Ok(())
    }

    /// The data block of a write past the double-indirect start cannot
    /// be allocated after its pointer blocks were: `ENOSPC`, the pointer
    /// blocks counted in `i_blocks`, nothing written; freed by truncate.
    #[test]
    fn failed_allocation_leaks_nothing() -> Result {
        let img = RefCell::new(unpack(IMAGES[0].packed)?);
        let mut vol = Volume::open(RefDevice(&img))?;
        let before = counts(&vol)?;
        let mut file = new_inode(&mut vol, S_IFREG | 0o644)?;
        // Take every block but two: the double-indirect root and its
        // first pointer block fit, the data block does not.
        let mut held = KVec::new();
        while vol.sb.free_blocks_count > 2 {
            held.push(vol.alloc_block(0)?, GFP_KERNEL)?;
        }
        let per = (vol.sb.block_size / 4) as u64;
        let pos = (12 + per) * vol.sb.block_size as u64;
        kunit_assert_eq!(vol.write(&mut file, pos, b"data"), Err(ENOSPC));
        kunit_assert_eq!(file.size, 0);
        kunit_assert_eq!(file.blocks, 2 * (vol.sb.block_size as u32 >> 9));
        check_consistent(&vol, &img, "after ENOSPC")?;
        vol.truncate(&mut file, 0)?;
        kunit_assert_eq!(file.blocks, 0);
        for b in held {
            vol.free_block(b)?;
        }
        vol.free_inode(file.ino, false)?;
        check_consistent(&vol, &img, "freed")?;
        kunit_assert!(counts(&vol)? == before);
        Ok(())
    }

    /// A new directory holds `.` and `..` only; 200 names grow it past a
    /// block and each is found; removed again, it is empty and a name it
    /// no longer has is `ENOENT`; a corrupt `rec_len` is refused.
    #[test]
    fn directory_entries() -> Result {
        let img = RefCell::new(unpack(IMAGES[0].packed)?);
        let mut vol = Volume::open(RefDevice(&img))?;
        let mut dir = new_inode(&mut vol, S_IFDIR | 0o755)?;
        vol.init_dir(&mut dir, ROOT_INO)?;
        kunit_assert!(vol.dir_is_empty(&dir)?);
        kunit_assert_eq!(vol.lookup(&dir, b"..")?, Some(ROOT_INO));
        for i in 0..200u32 {
            let name = entry_name(i);
            vol.add_entry(&mut dir, &name, 12 + i % 16, S_IFREG)?;
        }
        kunit_assert!(dir.size > vol.sb.block_size as u64);
        kunit_assert!(!vol.dir_is_empty(&dir)?);
        for i in 0..200u32 {
            let name = entry_name(i);
            kunit_assert_eq!(vol.lookup(&dir, &name)?, Some(12 + i % 16), "entry {}", i);
            kunit_assert_eq!(vol.remove_entry(&mut dir, &name)?, 12 + i % 16);
            kunit_assert_eq!(vol.remove_entry(&mut dir, &name), Err(ENOENT));
        }
        kunit_assert!(vol.dir_is_empty(&dir)?);
        // `..`'s rec_len past the block: refused, nothing added.
        let blk = vol.bmap(&dir, 0)?.ok_or(EINVAL)?;
        vol.modify_block(blk.into(), |b| {
            b[12 + 4..12 + 6].copy_from_slice(&(vol.sb.block_size as u16).to_le_bytes())
        })?;
        kunit_assert_eq!(
            vol.add_entry(&mut dir, b"x", 12, S_IFREG),
            Err(EFSCORRUPTED)
        );
        Ok(())
    }
}
