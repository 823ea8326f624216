// SPDX-License-Identifier: GPL-2.0-only

//! KUnit tests of the on-disk format, on images the host's `mke2fs -d`
//! made from the tree of `scripts/ext2_images.py` (which says what is in
//! it), embedded packed (its format is described there) and unpacked
//! into memory here. Corruption tests change a copy's bytes and check
//! that each read fails with a clear error, never a panic.

use crate::disk::{le16, le32, BlockDevice, EFSCORRUPTED};
use crate::inode::Inode;
use crate::super_block::{ROOT_INO, SUPERBLOCK_OFFSET};
use crate::volume::Volume;
use kernel::prelude::*;

/// An image in memory.
struct MemDevice<'a>(&'a [u8]);

impl BlockDevice for MemDevice<'_> {
    type Block<'b>
        = &'b [u8]
    where
        Self: 'b;

    fn size(&self) -> u64 {
        self.0.len() as u64
    }

    fn read_block(&self, nr: u64, size: usize) -> Result<&[u8]> {
        let start = usize::try_from(nr)
            .map_err(|_| EINVAL)?
            .checked_mul(size)
            .ok_or(EINVAL)?;
        self.0.get(start..start + size).ok_or(EINVAL)
    }
}

/// The packed images, and what `ext2_images.py` made each with.
pub(crate) struct Image {
    pub(crate) name: &'static str,
    pub(crate) packed: &'static [u8],
    block_size: usize,
    rev: u32,
    inode_size: usize,
    groups: u32,
    sparse_super: bool,
}

macro_rules! image {
    ($name:literal, $bs:expr, $rev:expr, $isize:expr, $groups:expr, $sparse:expr) => {
        Image {
            name: $name,
            packed: include_bytes!(concat!(env!("OBJTREE"), "/fs/ext2/images/", $name, ".simg")),
            block_size: $bs,
            rev: $rev,
            inode_size: $isize,
            groups: $groups,
            sparse_super: $sparse,
        }
    };
}

pub(crate) const IMAGES: [Image; 4] = [
    image!("b1k", 1024, 1, 256, 4, true),
    image!("b2k_nosparse", 2048, 1, 256, 4, false),
    image!("b4k", 4096, 1, 256, 1, true),
    image!("rev0", 1024, 0, 128, 1, false),
];

const CHUNK: usize = 1024;

/// Unpacks an image: `count`, `total` chunks, the chunk numbers, the chunks.
pub(crate) fn unpack(packed: &[u8]) -> Result<KVVec<u8>> {
    let count = le32(packed, 0)? as usize;
    let total = le32(packed, 4)? as usize;
    let mut img = KVVec::from_elem(0u8, total * CHUNK, GFP_KERNEL)?;
    for i in 0..count {
        let nr = le32(packed, 8 + 4 * i)? as usize;
        let src = 8 + 4 * count + i * CHUNK;
        img.get_mut(nr * CHUNK..(nr + 1) * CHUNK)
            .ok_or(EINVAL)?
            .copy_from_slice(packed.get(src..src + CHUNK).ok_or(EINVAL)?);
    }
    Ok(img)
}

/// Byte `i` of `/pattern`.
fn pattern(i: usize) -> u8 {
    ((i * 7 + 3) % 251) as u8
}

/// The inode at `path` (names separated by `/`) from the root.
fn resolve(vol: &Volume<MemDevice<'_>>, path: &str) -> Result<Inode> {
    let mut inode = vol.read_inode(ROOT_INO)?;
    for name in path.split('/') {
        let ino = vol.lookup(&inode, name.as_bytes())?.ok_or(ENOENT)?;
        inode = vol.read_inode(ino)?;
    }
    Ok(inode)
}

/// Reads `len` bytes at `pos` of `inode` into a new vector.
fn read_vec(vol: &Volume<MemDevice<'_>>, inode: &Inode, pos: u64, len: usize) -> Result<KVVec<u8>> {
    let mut buf = KVVec::from_elem(0u8, len, GFP_KERNEL)?;
    let n = vol.read(inode, pos, &mut buf)?;
    buf.truncate(n);
    Ok(buf)
}

/// Writes `value` (little-endian, as wide as its type) at `off` of `img`.
fn put<const N: usize>(img: &mut [u8], off: usize, value: [u8; N]) -> Result {
    img.get_mut(off..off + N)
        .ok_or(EINVAL)?
        .copy_from_slice(&value);
    Ok(())
}

/// Where inode `ino` is in the image.
fn inode_offset(vol: &Volume<MemDevice<'_>>, ino: u32) -> usize {
    let sb = &vol.sb;
    let index = (ino - 1) as usize;
    let group = &vol.groups[index / sb.inodes_per_group as usize];
    group.inode_table as usize * sb.block_size
        + index % sb.inodes_per_group as usize * sb.inode_size
}

/// The errors a corrupt image may give.
fn is_clean_error(e: Error) -> bool {
    [EINVAL, EFSCORRUPTED, EIO, EFBIG, ENOTDIR].contains(&e)
}

/// Reads everything reachable from the root, as far as it can: each
/// directory (to `depth` levels), each file's first and last `buf.len()` bytes and
/// each symlink, with `buf` (a few KiB: kernel stacks are small). Returns
/// the first error.
fn walk(vol: &Volume<MemDevice<'_>>, dir: &Inode, depth: u32, buf: &mut [u8]) -> Result {
    let mut children = KVec::new();
    vol.for_each_dirent(dir, 0, |e| {
        if e.name != b"." && e.name != b".." && children.len() < 40 {
            children.push(e.ino, GFP_KERNEL)?;
        }
        Ok(true)
    })?;
    for ino in children {
        let inode = vol.read_inode(ino)?;
        match inode.file_type() {
            crate::inode::S_IFDIR if depth > 0 => walk(vol, &inode, depth - 1, buf)?,
            crate::inode::S_IFLNK => drop(vol.read_link(&inode)?),
            _ => {
                vol.read(&inode, 0, buf)?;
                vol.read(&inode, inode.size.saturating_sub(buf.len() as u64), buf)?;
            }
        }
    }
    Ok(())
}

#[kernel::kunit_tests(ext2_format)]
mod format {
    use super::*;
    use crate::super_block::{INCOMPAT_FILETYPE, RO_COMPAT_SPARSE_SUPER};
    use kernel::print::log_tail_contains;

    #[test]
    fn superblock_and_groups() -> Result {
        for image in &IMAGES {
            let img = unpack(image.packed)?;
            let vol = Volume::open(MemDevice(&img))?;
            let sb = &vol.sb;
            kunit_assert_eq!(sb.block_size, image.block_size, "{}", image.name);
            kunit_assert_eq!(sb.rev_level, image.rev, "{}", image.name);
            kunit_assert_eq!(sb.inode_size, image.inode_size, "{}", image.name);
            kunit_assert_eq!(sb.groups_count, image.groups, "{}", image.name);
            kunit_assert_eq!(
                sb.feature_ro_compat & RO_COMPAT_SPARSE_SUPER != 0,
                image.sparse_super
            );
            kunit_assert_eq!(sb.has_incompat(INCOMPAT_FILETYPE), image.rev == 1);
            kunit_assert!(!sb.read_only);
            // e2fsck made the counts exact: the groups' add up to the total.
            let free: u32 = vol
                .groups
                .iter()
                .map(|g| u32::from(g.free_blocks_count))
                .sum();
            kunit_assert_eq!(free, sb.free_blocks_count, "{}", image.name);
            let free: u32 = vol
                .groups
                .iter()
                .map(|g| u32::from(g.free_inodes_count))
                .sum();
            kunit_assert_eq!(free, sb.free_inodes_count, "{}", image.name);
        }
        Ok(())
    }

    /// Which groups hold a superblock copy is read from the image itself:
    /// a copy is the magic at the group's first block, and its group
    /// number.
    #[test]
    fn sparse_super_backups() -> Result {
        for image in &IMAGES {
            let img = unpack(image.packed)?;
            let vol = Volume::open(MemDevice(&img))?;
            let mut backups = 0;
            for g in 0..vol.sb.groups_count {
                let at = if g == 0 {
                    SUPERBLOCK_OFFSET as usize
                } else {
                    vol.sb.group_first_block(g) as usize * vol.sb.block_size
                };
                let has = le16(&img, at + 56)? == 0xef53 && le16(&img, at + 90)? as u32 == g;
                kunit_assert_eq!(has, vol.sb.group_has_super(g), "{} group {}", image.name, g);
                backups += u32::from(has);
            }
            let want = match (image.groups, image.sparse_super) {
                (4, true) => 3, // groups 0, 1 and 3
                (n, _) => n,
            };
            kunit_assert_eq!(backups, want, "{}", image.name);
        }
        Ok(())
    }

    #[test]
    fn files_read_back() -> Result {
        for image in &IMAGES {
            let img = unpack(image.packed)?;
            let vol = Volume::open(MemDevice(&img))?;
            let hello = resolve(&vol, "hello")?;
            kunit_assert_eq!(&read_vec(&vol, &hello, 0, 100)?[..], b"hello, ext2\n");
            kunit_assert_eq!(&read_vec(&vol, &hello, 7, 100)?[..], b"ext2\n");
            kunit_assert_eq!(read_vec(&vol, &hello, 12, 100)?.len(), 0);
            kunit_assert_eq!(hello.mode, 0o100640);
            kunit_assert_eq!((hello.uid, hello.gid), (1000, 100));
            kunit_assert_eq!(hello.mtime, 0x5f5e1000);
            kunit_assert_eq!(hello.links_count, 401, "{}", image.name);

            let file = resolve(&vol, "pattern")?;
            kunit_assert_eq!(file.size, 20000);
            // Odd-sized reads across block boundaries, to the end.
            let mut pos = 0;
            loop {
                let got = read_vec(&vol, &file, pos as u64, 777)?;
                if got.is_empty() {
                    break;
                }
                for (i, b) in got.iter().enumerate() {
                    kunit_assert_eq!(*b, pattern(pos + i), "{} byte {}", image.name, pos + i);
                }
                pos += got.len();
            }
            kunit_assert_eq!(pos, 20000);

            let deep = resolve(&vol, "a/b/c/d/e/deep")?;
            kunit_assert_eq!(&read_vec(&vol, &deep, 0, 100)?[..], b"deep\n");
            kunit_assert_eq!(resolve(&vol, "a/nothing").err(), Some(ENOENT));
            kunit_assert_eq!(resolve(&vol, "hello/x").err(), Some(ENOTDIR));
        }
        Ok(())
    }

    /// Data behind holes, through double- and triple-indirect blocks.
    #[test]
    fn holes_and_indirect_blocks() -> Result {
        for image in &IMAGES {
            let img = unpack(image.packed)?;
            let vol = Volume::open(MemDevice(&img))?;
            let bits = vol.sb.block_bits;
            let sparse = resolve(&vol, "sparse")?;
            kunit_assert_eq!(sparse.size, 300 * 1024);
            kunit_assert_eq!(
                &read_vec(&vol, &sparse, 300 * 1024 - 11, 64)?[..],
                b"END-OF-DIND"
            );
            kunit_assert!(read_vec(&vol, &sparse, 0, 8192)?.iter().all(|&b| b == 0));
            kunit_assert_eq!(vol.bmap(&sparse, 5)?, None);
            kunit_assert!(vol.bmap(&sparse, (300 * 1024 - 1) >> bits)?.is_some());

            let tind = resolve(&vol, "tind")?;
            let at = 70 * 1024 * 1024;
            kunit_assert_eq!(&read_vec(&vol, &tind, at - 2, 64)?[..], b"\0\0TIND");
            kunit_assert!(vol.bmap(&tind, at >> bits)?.is_some());
            kunit_assert_eq!(vol.bmap(&tind, (at >> bits) - 1)?, None);
            if image.block_size == 1024 {
                // Triple indirect: the data block and three of pointers.
                kunit_assert_eq!(tind.blocks, 4 * 2, "{}", image.name);
            }
            kunit_assert_eq!(vol.bmap(&tind, vol.sb.max_file_size() >> bits), Err(EFBIG));
        }
        Ok(())
    }

    /// A directory of several blocks (an htree one where dir_index is on,
    /// read as a linear one): every name once, and each position found
    /// again when reading restarts there.
    #[test]
    fn directories() -> Result {
        for image in &IMAGES {
            let img = unpack(image.packed)?;
            let vol = Volume::open(MemDevice(&img))?;
            let hello = resolve(&vol, "hello")?;
            let big = resolve(&vol, "big")?;
            kunit_assert!(big.size > image.block_size as u64);
            if image.rev == 1 {
                kunit_assert!(big.flags & 0x1000 != 0, "{}: not an htree", image.name);
            }
            let mut seen = [false; 400];
            let mut positions = KVec::new();
            let mut dots = 0;
            vol.for_each_dirent(&big, 0, |e| {
                positions.push((e.pos, e.ino), GFP_KERNEL)?;
                if e.name == b"." || e.name == b".." {
                    dots += 1;
                    return Ok(true);
                }
                kunit_assert_eq!(e.ino, hello.ino);
                kunit_assert_eq!(e.name.len(), 4);
                let n = core::str::from_utf8(&e.name[1..]).map_err(|_| EINVAL)?;
                let n: usize = n.parse().map_err(|_| EINVAL)?;
                kunit_assert!(!seen[n], "f{:03} twice", n);
                seen[n] = true;
                kunit_assert_eq!(e.file_type, if image.rev == 1 { 1 } else { 0 });
                Ok(true)
            })?;
            kunit_assert_eq!(dots, 2);
            kunit_assert!(seen.iter().all(|&s| s));
            for &(pos, ino) in positions.iter().step_by(37) {
                let mut first = None;
                vol.for_each_dirent(&big, pos, |e| {
                    first = Some((e.pos, e.ino));
                    Ok(false)
                })?;
                kunit_assert_eq!(first, Some((pos, ino)));
            }
            // A position inside an entry goes on at the next one.
            let (p1, _) = positions[1];
            let mut first = None;
            vol.for_each_dirent(&big, positions[0].0 + 1, |e| {
                first = Some(e.pos);
                Ok(false)
            })?;
            kunit_assert_eq!(first, Some(p1));
            kunit_assert_eq!(vol.for_each_dirent(&hello, 0, |_| Ok(true)), Err(ENOTDIR));
        }
        Ok(())
    }

    #[test]
    fn symlinks() -> Result {
        for image in &IMAGES {
            let img = unpack(image.packed)?;
            let vol = Volume::open(MemDevice(&img))?;
            let bs = vol.sb.block_size;
            let fast = resolve(&vol, "fast")?;
            kunit_assert!(fast.is_fast_symlink(bs));
            kunit_assert_eq!(&vol.read_link(&fast)?[..], b"hello");
            let slow = resolve(&vol, "slow")?;
            kunit_assert!(!slow.is_fast_symlink(bs));
            let target = vol.read_link(&slow)?;
            kunit_assert_eq!(target.len(), 100);
            kunit_assert!(target.starts_with(b"a/b/c/d/e/x"));
            kunit_assert!(target[10..].iter().all(|&b| b == b'x'));
            kunit_assert_eq!(vol.read_link(&resolve(&vol, "hello")?).err(), Some(EINVAL));
        }
        Ok(())
    }

    #[test]
    fn refuses_bad_superblocks() -> Result {
        const SB: usize = SUPERBLOCK_OFFSET as usize;
        let cases: [(usize, &[u8]); 14] = [
            (SB + 56, &[0x34, 0x12]),          // magic
            (SB + 76, &2u32.to_le_bytes()),    // revision
            (SB + 24, &3u32.to_le_bytes()),    // 8 KiB blocks
            (SB + 96, &0x12u32.to_le_bytes()), // INCOMPAT meta_bg
            (SB + 32, &0u32.to_le_bytes()),    // blocks per group
            (SB + 32, &9000u32.to_le_bytes()), // more than a bitmap holds
            (SB + 40, &0u32.to_le_bytes()),    // inodes per group
            (SB + 4, &u32::MAX.to_le_bytes()), // blocks past the device
            (SB, &7u32.to_le_bytes()),         // inodes count
            (SB + 88, &100u16.to_le_bytes()),  // inode size
            (SB + 88, &2048u16.to_le_bytes()), // inode size > block
            (SB + 84, &3u32.to_le_bytes()),    // first inode
            (SB + 20, &5000u32.to_le_bytes()), // first data block
            (SB + 20, &0u32.to_le_bytes()),    // group 0 would hold block 1
        ];
        for (i, (off, bytes)) in cases.iter().enumerate() {
            let mut img = unpack(IMAGES[0].packed)?;
            img.get_mut(*off..*off + bytes.len())
                .ok_or(EINVAL)?
                .copy_from_slice(bytes);
            let err = Volume::open(MemDevice(&img)).err();
            kunit_assert!(
                err == Some(EINVAL) || err == Some(EFSCORRUPTED),
                "case {}: {:?}",
                i,
                err
            );
            if i == 3 {
                kunit_assert!(log_tail_contains(b"unsupported INCOMPAT features 0x10"));
            }
        }
        // An unknown RO_COMPAT feature mounts, read-only.
        let mut img = unpack(IMAGES[0].packed)?;
        let ro = le32(&img, SB + 100)? | 0x100;
        put(&mut img, SB + 100, ro.to_le_bytes())?;
        let vol = Volume::open(MemDevice(&img))?;
        kunit_assert!(vol.sb.read_only);
        kunit_assert!(log_tail_contains(
            b"unsupported RO_COMPAT features 0x100: read-only"
        ));
        Ok(())
    }

    /// Each corruption gives `EUCLEAN` (or `EINVAL`) where it is met.
    #[test]
    fn corrupt_metadata() -> Result {
        let fresh = || -> Result<(KVVec<u8>, u32)> {
            let img = unpack(IMAGES[0].packed)?;
            let blocks = Volume::open(MemDevice(&img))?.sb.blocks_count;
            Ok((img, blocks))
        };
        // Where things are, from an intact copy.
        let (img, blocks) = fresh()?;
        let vol = Volume::open(MemDevice(&img))?;
        let bs = vol.sb.block_size;
        let root = vol.read_inode(ROOT_INO)?;
        let root_block = vol.bmap(&root, 0)?.ok_or(EINVAL)? as usize * bs;
        let [hello, pattern_, sparse, slow, fast] =
            ["hello", "pattern", "sparse", "slow", "fast"].map(|p| resolve(&vol, p));
        let (hello, pattern_, sparse, slow, fast) = (hello?, pattern_?, sparse?, slow?, fast?);
        let at = |i: &Inode| inode_offset(&vol, i.ino);
        let (hello_at, pattern_at, sparse_at, slow_at, fast_at) =
            (at(&hello), at(&pattern_), at(&sparse), at(&slow), at(&fast));
        let dind = sparse.block[13] as usize * bs;
        kunit_assert_eq!(vol.read_inode(0).err(), Some(EINVAL));
        kunit_assert_eq!(vol.read_inode(vol.sb.inodes_count + 1).err(), Some(EINVAL));
        drop(vol);
        drop(img);
        let desc = 2 * bs; // group descriptors follow the superblock's block 1

        let mut buf = [0u8; 64];
        let read_file = |vol: &Volume<MemDevice<'_>>, path: &str, pos: u64, buf: &mut [u8]| {
            vol.read(&resolve(vol, path)?, pos, buf)
        };

        // The inode table pointing past the group: refused at mount.
        let (mut img, _) = fresh()?;
        put(&mut img, desc + 8, blocks.to_le_bytes())?;
        kunit_assert_eq!(Volume::open(MemDevice(&img)).err(), Some(EFSCORRUPTED));

        // Directory entries: rec_len 0, past the block, an inode too big.
        for (off, value) in [(4, 0u32), (4, 4000), (0, u32::MAX)] {
            let (mut img, _) = fresh()?;
            if off == 4 {
                put(&mut img, root_block + off, (value as u16).to_le_bytes())?;
            } else {
                put(&mut img, root_block + 12 + off, value.to_le_bytes())?;
            }
            let vol = Volume::open(MemDevice(&img))?;
            let root = vol.read_inode(ROOT_INO)?;
            kunit_assert_eq!(vol.lookup(&root, b"hello").err(), Some(EFSCORRUPTED));
        }

        // A data pointer past the end; an indirect pointer past the end.
        let (mut img, _) = fresh()?;
        put(&mut img, pattern_at + 40, blocks.to_le_bytes())?;
        put(&mut img, dind, u32::MAX.to_le_bytes())?;
        let vol = Volume::open(MemDevice(&img))?;
        kunit_assert_eq!(
            read_file(&vol, "pattern", 0, &mut buf).err(),
            Some(EFSCORRUPTED)
        );
        kunit_assert_eq!(
            read_file(&vol, "pattern", 4096, &mut buf).map(|n| n > 0),
            Ok(true)
        );
        kunit_assert_eq!(
            read_file(&vol, "sparse", 300 * 1024 - 11, &mut buf).err(),
            Some(EFSCORRUPTED)
        );
        kunit_assert_eq!(
            read_file(&vol, "sparse", 0, &mut buf).map(|n| n > 0),
            Ok(true)
        );

        // Symlinks whose size does not fit; a bad mode; a deleted inode;
        // a directory size that is not whole blocks.
        let (mut img, _) = fresh()?;
        put(&mut img, slow_at + 4, 5000u32.to_le_bytes())?;
        put(&mut img, fast_at + 4, 61u32.to_le_bytes())?;
        put(&mut img, hello_at, 0o170644u16.to_le_bytes())?;
        put(&mut img, sparse_at + 26, 0u16.to_le_bytes())?;
        let vol = Volume::open(MemDevice(&img))?;
        kunit_assert_eq!(
            vol.read_link(&resolve(&vol, "slow")?).err(),
            Some(EFSCORRUPTED)
        );
        kunit_assert_eq!(
            vol.read_link(&resolve(&vol, "fast")?).err(),
            Some(EFSCORRUPTED)
        );
        kunit_assert_eq!(resolve(&vol, "hello").err(), Some(EFSCORRUPTED));
        kunit_assert_eq!(resolve(&vol, "sparse").err(), Some(EFSCORRUPTED));
        let mut big = resolve(&vol, "big")?;
        big.size -= 1;
        kunit_assert_eq!(
            vol.for_each_dirent(&big, 0, |_| Ok(true)),
            Err(EFSCORRUPTED)
        );
        Ok(())
    }

    /// Every byte of the metadata a walk of the tree reads, changed one
    /// at a time: each mount and walk ends in success or a clean error.
    #[test]
    fn byte_flips() -> Result {
        for image in [&IMAGES[0], &IMAGES[3]] {
            let mut img = unpack(image.packed)?;
            let regions = {
                let vol = Volume::open(MemDevice(&img))?;
                let bs = vol.sb.block_size;
                let root = vol.read_inode(ROOT_INO)?;
                let big = resolve(&vol, "big")?;
                let sparse = resolve(&vol, "sparse")?;
                let isize = vol.sb.inode_size.min(128);
                [
                    (SUPERBLOCK_OFFSET as usize, 208),
                    (2 * bs, 32 * vol.sb.groups_count as usize),
                    (inode_offset(&vol, ROOT_INO), isize),
                    (vol.bmap(&root, 0)?.ok_or(EINVAL)? as usize * bs, bs),
                    (inode_offset(&vol, big.ino), isize),
                    (inode_offset(&vol, sparse.ino), isize),
                    (sparse.block[13] as usize * bs, 64),
                ]
            };
            let (mut ok, mut failed) = (0u32, 0u32);
            let mut buf = KVec::from_elem(0u8, 4096, GFP_KERNEL)?;
            for (start, len) in regions {
                for off in start..start + len {
                    let orig = *img.get(off).ok_or(EINVAL)?;
                    for value in [0xff, orig ^ 0x01, 0] {
                        if value == orig {
                            continue;
                        }
                        img[off] = value;
                        let res = Volume::open(MemDevice(&img))
                            .and_then(|vol| walk(&vol, &vol.read_inode(ROOT_INO)?, 6, &mut buf));
                        img[off] = orig;
                        match res {
                            Ok(()) => ok += 1,
                            Err(e) => {
                                kunit_assert!(
                                    is_clean_error(e),
                                    "{} byte {}: {:?}",
                                    image.name,
                                    off,
                                    e
                                );
                                failed += 1;
                            }
                        }
                    }
                }
            }
            // Both kinds happen: the changes reach checked values.
            kunit_assert!(
                ok > 100 && failed > 100,
                "{}: {} ok, {} failed",
                image.name,
                ok,
                failed
            );
        }
        Ok(())
    }

    /// The bitmaps agree with the descriptors' free counts, and mark in
    /// use every inode the tree names and every block its maps point at.
    #[test]
    fn bitmaps() -> Result {
        for image in &IMAGES {
            let img = unpack(image.packed)?;
            let vol = Volume::open(MemDevice(&img))?;
            for (g, gd) in (0u32..).zip(vol.groups.iter()) {
                let (blocks, inodes) = vol.count_free(g)?;
                kunit_assert_eq!(
                    blocks,
                    u32::from(gd.free_blocks_count),
                    "{} {}",
                    image.name,
                    g
                );
                kunit_assert_eq!(
                    inodes,
                    u32::from(gd.free_inodes_count),
                    "{} {}",
                    image.name,
                    g
                );
            }
            kunit_assert_eq!(vol.count_free(vol.sb.groups_count).err(), Some(EINVAL));
            let bits = vol.sb.block_bits;
            for path in [
                "hello",
                "pattern",
                "sparse",
                "tind",
                "slow",
                "big",
                "a/b/c/d/e",
            ] {
                let inode = resolve(&vol, path)?;
                kunit_assert!(vol.inode_in_use(inode.ino)?, "{} {}", image.name, path);
                // Every mapped block up to 1000 and the last; the pointer blocks.
                let last = inode.size.div_ceil(1 << bits);
                for lblk in Iterator::chain(0..last.min(1000), last.checked_sub(1)) {
                    if let Some(b) = vol.bmap(&inode, lblk)? {
                        kunit_assert!(vol.block_in_use(b)?, "{} {} {}", image.name, path, lblk);
                    }
                }
                for &root in inode.block[12..].iter().filter(|&&b| b != 0) {
                    kunit_assert!(vol.block_in_use(root)?, "{} {}", image.name, path);
                }
            }
            // Few inodes are used: the last is free.
            kunit_assert!(!vol.inode_in_use(vol.sb.inodes_count)?);
            kunit_assert_eq!(vol.inode_in_use(0).err(), Some(EINVAL));
            kunit_assert_eq!(vol.block_in_use(vol.sb.blocks_count).err(), Some(EINVAL));
        }
        Ok(())
    }
}
