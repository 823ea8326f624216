// SPDX-License-Identifier: GPL-2.0-only

//! KUnit tests of the filesystem API: the `rust_fs_mount` suite. A small
//! filesystem, "rustkfs", whose second 1 KiB block starts with its magic
//! and its size, is mounted from a memory-backed null_blk disk written by
//! hand: `fill_super` reads through the buffer cache, the root and
//! `statfs(2)` show what the filesystem said, a device without the magic
//! is refused, the per-mount data is dropped once per mount, and rounds
//! of mount and umount leak nothing.
//!
//! Its tree is fixed in [`cases`]' `TREE`: a file whose 6000 bytes are on
//! the disk from block 2, a subdirectory with a small file and a hard
//! link to the first, a symbolic link, and an entry naming an inode that
//! cannot be read. The tests walk, list, read, seek and follow it through
//! the VFS, check that the inode cache gives one inode per number and
//! that every inode's data is dropped by unmount, and fail each
//! allocation of a walk in turn to see that nothing leaks.

#[crate::kunit_tests(rust_fs_mount)]
mod cases {
    use crate::alloc::fault_inject::{self, memory_in_use};
    use crate::error::to_result;
    use crate::fs::inode::{S_IFLNK, S_IFREG};
    use crate::fs::{
        flags::{O_RDONLY, O_RDWR},
        Attrs, DirEmitter, File, FileSystem, INode, Registration, Stat, SuperBlock, Whence,
    };
    use crate::prelude::*;
    use crate::str::CString;
    use crate::types::{ARef, Either};
    use core::sync::atomic::{AtomicUsize, Ordering};

    const MAGIC: &[u8; 8] = b"rustkfs\0";
    const BLOCK: usize = 1024;
    const S_IFDIR: u16 = 0o040000;

    /// Mounts made (`fill_super` succeeded) and their data dropped.
    static MADE: AtomicUsize = AtomicUsize::new(0);
    static DROPPED: AtomicUsize = AtomicUsize::new(0);

    struct Mounted {
        /// The size the disk's header gives, in blocks.
        blocks: u32,
    }

    impl Drop for Mounted {
        fn drop(&mut self) {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The data of each inode: counted when made and dropped.
    struct Node;
    static NODES_MADE: AtomicUsize = AtomicUsize::new(0);
    static NODES_DROPPED: AtomicUsize = AtomicUsize::new(0);

    impl Node {
        fn new() -> Self {
            NODES_MADE.fetch_add(1, Ordering::Relaxed);
            Node
        }
    }

    impl Drop for Node {
        fn drop(&mut self) {
            NODES_DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Inode numbers: the root, the big file on disk, a directory, a
    /// symlink, a small file; `BAD` is named but refuses to be read.
    const ROOT: u64 = 1;
    const BIG: u64 = 2;
    const SUB: u64 = 3;
    const LINK: u64 = 4;
    const SMALL: u64 = 5;
    const BAD: u64 = 99;
    const BIG_SIZE: usize = 6000;
    const SMALL_DATA: &[u8] = b"rustkfs file\n";
    const TARGET: &[u8] = b"sub/file";

    /// A directory entry: (name, inode).
    type Entry = (&'static [u8], u64);

    /// Each directory's entries, in listing order.
    const TREE: &[(u64, &[Entry])] = &[
        (
            ROOT,
            &[
                (b".", ROOT),
                (b"..", ROOT),
                (b"big", BIG),
                (b"sub", SUB),
                (b"link", LINK),
                (b"bad", BAD),
            ],
        ),
        (
            SUB,
            &[(b".", SUB), (b"..", ROOT), (b"file", SMALL), (b"twin", BIG)],
        ),
    ];

    /// The mode and size of each readable inode.
    fn stat_of(ino: u64) -> Option<(u16, usize)> {
        Some(match ino {
            ROOT | SUB => (S_IFDIR | 0o750, BLOCK),
            BIG => (S_IFREG | 0o644, BIG_SIZE),
            LINK => (S_IFLNK | 0o777, TARGET.len()),
            SMALL => (S_IFREG | 0o600, SMALL_DATA.len()),
            _ => return None,
        })
    }

    fn entries(dir: u64) -> Result<&'static [Entry]> {
        TREE.iter()
            .find(|(ino, _)| *ino == dir)
            .map(|(_, e)| *e)
            .ok_or(ENOTDIR)
    }

    /// Inode `ino` from the cache, or read in ("read": from `stat_of`).
    fn get(sb: &SuperBlock<RustKfs>, ino: u64) -> Result<ARef<INode<RustKfs>>> {
        let new = match sb.iget(ino)? {
            Either::Left(cached) => return Ok(cached),
            Either::Right(new) => new,
        };
        // Dropping `new` on an error takes it out of the cache.
        let (mode, size) = stat_of(ino).ok_or(EUCLEAN)?;
        let attrs = Attrs {
            mode,
            uid: 7,
            gid: 8,
            size: size as i64,
            nlink: if ino == BIG { 2 } else { 1 },
            ..Attrs::default()
        };
        new.init(&attrs, Node::new())
    }

    /// The byte at `pos` of the big file, as the tests write it to disk.
    fn big_byte(pos: usize) -> u8 {
        (pos % 251) as u8
    }

    struct RustKfs;

    impl FileSystem for RustKfs {
        type Data = Mounted;
        type INodeData = Node;
        const NAME: &'static CStr = c_str!("rustkfs");
        const MAGIC: u32 = 0x72_6b_66_73;

        fn fill_super(sb: &SuperBlock<Self>) -> Result<Mounted> {
            if sb.set_block_size(3000).is_ok() {
                return Err(EDOM); // the mounts below must succeed
            }
            sb.set_block_size(BLOCK)?;
            let head = sb.bread(1)?;
            if head.len() != BLOCK || head[..8] != MAGIC[..] {
                return Err(EINVAL);
            }
            let blocks = u32::from_le_bytes([head[8], head[9], head[10], head[11]]);
            // The block past the device's end is an error, not a panic.
            if sb.bread(sb.device_size() / BLOCK as u64).err() != Some(EIO) {
                return Err(EDOM);
            }
            MADE.fetch_add(1, Ordering::Relaxed);
            Ok(Mounted { blocks })
        }

        fn init_root(sb: &SuperBlock<Self>, data: &Mounted) -> Result<ARef<INode<Self>>> {
            let new = match sb.iget(ROOT)? {
                Either::Right(new) => new,
                Either::Left(_) => return Err(EEXIST), // a new mount has no inodes
            };
            let attrs = Attrs {
                mode: S_IFDIR | 0o750,
                uid: 7,
                gid: 8,
                size: BLOCK as i64,
                nlink: 3,
                atime_ns: 1_000_000_001,
                mtime_ns: 2_000_000_002,
                ctime_ns: i64::from(data.blocks),
                rdev: 0,
            };
            new.init(&attrs, Node::new())
        }

        fn lookup(
            dir: &INode<Self>,
            _: &Mounted,
            name: &[u8],
        ) -> Result<Option<ARef<INode<Self>>>> {
            match entries(dir.ino())?.iter().find(|(n, _)| *n == name) {
                Some((_, ino)) => get(dir.super_block(), *ino).map(Some),
                None => Ok(None),
            }
        }

        fn read_dir(dir: &INode<Self>, _: &Mounted, emitter: &mut DirEmitter<'_>) -> Result {
            let list = entries(dir.ino())?;
            let from = usize::try_from(emitter.pos()).map_err(|_| EINVAL)?;
            for (i, (name, ino)) in list.iter().enumerate().skip(from) {
                let ty = stat_of(*ino).map_or(0, |(mode, _)| mode & 0o170000);
                if !emitter.emit(i as i64, i as i64 + 1, name, *ino, ty) {
                    break;
                }
            }
            Ok(())
        }

        fn read(inode: &INode<Self>, _: &Mounted, pos: u64, buf: &mut [u8]) -> Result<usize> {
            let pos = usize::try_from(pos).map_err(|_| EINVAL)?;
            match inode.ino() {
                SMALL => {
                    let src = SMALL_DATA.get(pos..).unwrap_or(&[]);
                    let n = src.len().min(buf.len());
                    buf[..n].copy_from_slice(&src[..n]);
                    Ok(n)
                }
                BIG => {
                    // One block at a time, from the disk.
                    if pos >= BIG_SIZE {
                        return Ok(0);
                    }
                    let head = inode.super_block().bread(2 + (pos / BLOCK) as u64)?;
                    let off = pos % BLOCK;
                    let n = buf.len().min(BLOCK - off).min(BIG_SIZE - pos);
                    buf[..n].copy_from_slice(&head[off..off + n]);
                    Ok(n)
                }
                _ => Err(EINVAL),
            }
        }

        fn get_link(inode: &INode<Self>, _: &Mounted) -> Result<KVec<u8>> {
            if inode.ino() != LINK {
                return Err(EINVAL);
            }
            let mut v = KVec::new();
            v.extend_from_slice(TARGET, GFP_KERNEL)?;
            Ok(v)
        }

        fn statfs(_sb: &SuperBlock<Self>, data: &Mounted) -> Result<Stat> {
            Ok(Stat {
                blocks: data.blocks.into(),
                bfree: 5,
                bavail: 4,
                files: 16,
                ffree: 9,
                namelen: 255,
            })
        }
    }

    /// A 1 MiB memory-backed null_blk disk, removed on drop.
    struct Disk(*mut bindings::nullb);

    impl Disk {
        fn new() -> Result<Self> {
            let cfg = bindings::nullb_config {
                size: 1,
                bs: 512,
                irqmode: bindings::NULL_IRQ_NONE,
                memory_backed: true,
                hw_queue_depth: 8,
                // SAFETY: all-zero is a valid rest of the configuration.
                ..unsafe { core::mem::zeroed() }
            };
            // SAFETY: `cfg` is a valid configuration, read during the call.
            let nb = unsafe { bindings::null_add_dev(&cfg) };
            Ok(Self(crate::error::from_err_ptr(nb)?))
        }

        fn path(&self) -> Result<CString> {
            // SAFETY: the disk lives until `drop`; its name is a
            // NUL-terminated string as long.
            let name = unsafe { CStr::from_char_ptr(bindings::null_disk_name(self.0)) };
            CString::try_from_fmt(fmt!("/dev/{}", name))
        }

        /// Writes `data` at byte `pos` through the device node.
        fn write(&self, pos: i64, data: &[u8]) -> Result {
            let f = File::open(&self.path()?, O_RDWR)?;
            f.set_pos(pos);
            if f.kernel_write(data)? != data.len() {
                return Err(EIO);
            }
            Ok(())
        }
    }

    impl Drop for Disk {
        fn drop(&mut self) {
            // SAFETY: made by `null_add_dev`, removed once.
            unsafe { bindings::null_del_dev(self.0) };
        }
    }

    fn mount(dev: &CStr) -> Result {
        // SAFETY: NUL-terminated strings, only read during the call.
        to_result(unsafe {
            bindings::kern_mount_at(
                dev.as_ptr(),
                c_str!("/rustkfs_t").as_ptr(),
                c_str!("rustkfs").as_ptr(),
                0,
                core::ptr::null_mut(),
            )
        })
    }

    fn umount() -> Result {
        // SAFETY: a NUL-terminated string, only read during the call.
        to_result(unsafe { bindings::kern_umount(c_str!("/rustkfs_t").as_ptr(), 0) })
    }

    /// The root's attributes, magic, block size and statfs as the VFS
    /// sees them at the mountpoint.
    fn look() -> Result<(Attrs, u64, u64, bindings::kstatfs)> {
        let (mut p, mut st): (bindings::path, bindings::kstatfs) =
            // SAFETY: all-zero is a valid empty path and statfs buffer.
            unsafe { (core::mem::zeroed(), core::mem::zeroed()) };
        // SAFETY: a NUL-terminated name; `p` is filled with a reference.
        to_result(unsafe { bindings::kern_path(c_str!("/rustkfs_t").as_ptr(), 0, &mut p) })?;
        // SAFETY: `p` holds a reference to a dentry with an inode and a
        // super block, dropped with `path_put` at the end.
        unsafe {
            let i = (*p.dentry).d_inode;
            let sb = (*p.dentry).d_sb;
            let attrs = Attrs {
                mode: (*i).i_mode,
                uid: (*i).i_uid,
                gid: (*i).i_gid,
                size: (*i).i_size,
                nlink: (*i).i_nlink,
                atime_ns: (*i).i_atime_ns,
                mtime_ns: (*i).i_mtime_ns,
                ctime_ns: (*i).i_ctime_ns,
                rdev: (*i).i_rdev,
            };
            let r = to_result(bindings::vfs_statfs(&p, &mut st));
            let out = ((*sb).s_magic as u64, (*sb).s_blocksize as u64);
            bindings::path_put(&p);
            r?;
            Ok((attrs, out.0, out.1, st))
        }
    }

    #[test]
    fn mount_reads_the_device() -> Result {
        // SAFETY: a NUL-terminated name.
        to_result(unsafe { bindings::kern_mkdir(c_str!("/rustkfs_t").as_ptr(), 0o755) })?;
        let disk = Disk::new()?;
        let dev = disk.path()?;
        let reg = Registration::<RustKfs>::new()?;
        kunit_assert_eq!(Registration::<RustKfs>::new().err(), Some(EBUSY));
        let (made, dropped) = (
            MADE.load(Ordering::Relaxed),
            DROPPED.load(Ordering::Relaxed),
        );

        // No magic yet: refused, nothing made.
        kunit_assert_eq!(mount(&dev), Err(EINVAL));
        kunit_assert_eq!(MADE.load(Ordering::Relaxed), made);

        let mut header = [0u8; 12];
        header[..8].copy_from_slice(MAGIC);
        header[8..].copy_from_slice(&1000u32.to_le_bytes());
        disk.write(BLOCK as i64, &header)?;
        let mut before = (0, 0, 0);
        for round in 0..3 {
            if round == 2 {
                before = memory_in_use();
            }
            mount(&dev)?;
            let (attrs, magic, bsize, st) = look()?;
            kunit_assert_eq!(attrs.mode, S_IFDIR | 0o750);
            kunit_assert_eq!((attrs.uid, attrs.gid, attrs.nlink), (7, 8, 3));
            kunit_assert_eq!(
                (attrs.size, attrs.atime_ns, attrs.mtime_ns),
                (1024, 1_000_000_001, 2_000_000_002)
            );
            kunit_assert_eq!(attrs.ctime_ns, 1000);
            kunit_assert_eq!((magic, bsize), (0x726b6673, 1024));
            kunit_assert_eq!(
                (st.f_type as u64, st.f_bsize as u64, st.f_frsize as u64),
                (0x726b6673, 1024, 1024)
            );
            kunit_assert_eq!((st.f_blocks, st.f_bfree, st.f_bavail), (1000, 5, 4));
            kunit_assert_eq!((st.f_files, st.f_ffree, st.f_namelen as u64), (16, 9, 255));
            // Mounted: the disk is busy for a second mount.
            kunit_assert_eq!(mount(&dev), Err(EBUSY));
            umount()?;
        }
        kunit_assert_eq!(memory_in_use(), before);
        kunit_assert_eq!(MADE.load(Ordering::Relaxed) - made, 3);
        kunit_assert_eq!(DROPPED.load(Ordering::Relaxed) - dropped, 3);
        drop(reg);
        kunit_assert_eq!(mount(&dev), Err(ENODEV));
        drop(disk);
        // SAFETY: a NUL-terminated name.
        to_result(unsafe { bindings::kern_rmdir(c_str!("/rustkfs_t").as_ptr()) })
    }

    /// Writes the rustkfs header (1000 blocks) and the big file.
    fn format(disk: &Disk) -> Result {
        let mut header = [0u8; 12];
        header[..8].copy_from_slice(MAGIC);
        header[8..].copy_from_slice(&1000u32.to_le_bytes());
        disk.write(BLOCK as i64, &header)?;
        let mut big = KVec::new();
        for i in 0..BIG_SIZE {
            big.push(big_byte(i), GFP_KERNEL)?;
        }
        disk.write(2 * BLOCK as i64, &big)
    }

    /// A mounted rustkfs on a formatted disk, unmounted and removed on
    /// drop (the registration too).
    struct Mount {
        _disk: Disk,
        _reg: Registration<RustKfs>,
    }

    impl Mount {
        fn new() -> Result<Self> {
            // SAFETY: a NUL-terminated name.
            let r = unsafe { bindings::kern_mkdir(c_str!("/rustkfs_t").as_ptr(), 0o755) };
            if r != 0 && r != -(bindings::EEXIST as i32) {
                return Err(Error::from_errno(r));
            }
            let disk = Disk::new()?;
            format(&disk)?;
            let reg = Registration::<RustKfs>::new()?;
            mount(&disk.path()?)?;
            Ok(Self {
                _disk: disk,
                _reg: reg,
            })
        }
    }

    impl Drop for Mount {
        fn drop(&mut self) {
            let _ = umount();
            // SAFETY: a NUL-terminated name.
            unsafe { bindings::kern_rmdir(c_str!("/rustkfs_t").as_ptr()) };
        }
    }

    /// The inode number `path` resolves to (`follow`: the last symlink
    /// too).
    fn ino_of(path: &CStr, follow: bool) -> Result<u64> {
        // SAFETY: all-zero is a valid empty path.
        let mut p: bindings::path = unsafe { core::mem::zeroed() };
        let flags = if follow { bindings::LOOKUP_FOLLOW } else { 0 };
        // SAFETY: a NUL-terminated name; `p` gets a reference.
        to_result(unsafe { bindings::kern_path(path.as_ptr(), flags, &mut p) })?;
        // SAFETY: `p` holds a referenced dentry with an inode, released
        // after the read.
        let ino = unsafe {
            let ino = (*(*p.dentry).d_inode).i_ino as u64;
            bindings::path_put(&p);
            ino
        };
        Ok(ino)
    }

    /// The whole of the file at `path`, read in pieces of `piece` bytes.
    fn read_all(path: &CStr, piece: usize) -> Result<KVec<u8>> {
        let f = File::open(path, O_RDONLY)?;
        let mut out = KVec::new();
        let mut buf = KVec::new();
        buf.extend_with(piece, 0u8, GFP_KERNEL)?;
        loop {
            let n = f.kernel_read(&mut buf)?;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(&buf[..n], GFP_KERNEL)?;
        }
    }

    /// A listed entry: (name, inode, `DT_*` type).
    type Listed = (KVec<u8>, u64, u32);

    /// A `dir_context` that keeps up to `max` entries.
    #[repr(C)]
    struct Lister {
        ctx: bindings::dir_context,
        max: usize,
        got: KVec<Listed>,
    }

    unsafe extern "C" fn list_actor(
        ctx: *mut bindings::dir_context,
        name: *const ffi::c_char,
        len: ffi::c_int,
        _pos: i64,
        ino: u64,
        ty: u32,
    ) -> bool {
        // SAFETY: `ctx` is the first field of the `Lister` that `list`
        // passes to `iterate_dir`; the name is `len` bytes for the call.
        let (l, name) = unsafe {
            (
                &mut *ctx.cast::<Lister>(),
                core::slice::from_raw_parts(name.cast::<u8>(), len as usize),
            )
        };
        if l.got.len() >= l.max {
            return false;
        }
        let mut n = KVec::new();
        n.extend_from_slice(name, GFP_KERNEL).is_ok()
            && l.got.push((n, ino, ty), GFP_KERNEL).is_ok()
    }

    /// Up to `max` entries of directory `path` from position `from`, and
    /// the position after them.
    fn list(path: &CStr, from: i64, max: usize) -> Result<(KVec<Listed>, i64)> {
        let f = File::open(path, O_RDONLY)?;
        f.set_pos(from);
        let mut l = Lister {
            ctx: bindings::dir_context {
                actor: Some(list_actor),
                pos: 0,
            },
            max,
            got: KVec::new(),
        };
        // SAFETY: an open file; the context lives through the call.
        to_result(unsafe { bindings::iterate_dir(f.as_ptr(), &mut l.ctx) })?;
        Ok((l.got, f.pos()))
    }

    #[test]
    fn tree_walks_reads_and_lists() -> Result {
        let made = NODES_MADE.load(Ordering::Relaxed);
        let dropped = NODES_DROPPED.load(Ordering::Relaxed);
        {
            let _m = Mount::new()?;
            // Pieces that straddle blocks and chunks: the data is the disk's.
            let big = read_all(c_str!("/rustkfs_t/big"), 1000)?;
            kunit_assert_eq!(big.len(), BIG_SIZE);
            kunit_assert!(big.iter().enumerate().all(|(i, b)| *b == big_byte(i)));
            kunit_assert_eq!(read_all(c_str!("/rustkfs_t/big"), 8192)?.len(), BIG_SIZE);
            kunit_assert_eq!(&read_all(c_str!("/rustkfs_t/sub/file"), 5)?[..], SMALL_DATA);

            // llseek within, at and past the end.
            let f = File::open(c_str!("/rustkfs_t/big"), O_RDONLY)?;
            kunit_assert_eq!(f.llseek(5990, Whence::Set as i32)?, 5990);
            let mut ten = [0u8; 20];
            kunit_assert_eq!(f.kernel_read(&mut ten)?, 10);
            kunit_assert_eq!(ten[9], big_byte(5999));
            kunit_assert_eq!(f.kernel_read(&mut ten)?, 0);
            kunit_assert_eq!(f.llseek(-1, Whence::End as i32)?, 5999);
            kunit_assert_eq!(f.llseek(-1, Whence::Set as i32), Err(EINVAL));
            drop(f);

            // A hard link is the same inode (one cache entry); a
            // symlink is followed, and read with readlink.
            kunit_assert_eq!(ino_of(c_str!("/rustkfs_t/sub/twin"), false)?, BIG);
            kunit_assert_eq!(ino_of(c_str!("/rustkfs_t/big"), false)?, BIG);
            kunit_assert_eq!(ino_of(c_str!("/rustkfs_t/link"), false)?, LINK);
            kunit_assert_eq!(ino_of(c_str!("/rustkfs_t/link"), true)?, SMALL);
            kunit_assert_eq!(&read_all(c_str!("/rustkfs_t/link"), 64)?[..], SMALL_DATA);
            let mut target = [0u8; 32];
            // SAFETY: a NUL-terminated name and a buffer of its size.
            let n = unsafe {
                bindings::do_readlinkat(
                    core::ptr::null(),
                    c_str!("/rustkfs_t/link").as_ptr(),
                    target.as_mut_ptr().cast(),
                    target.len() as i32,
                )
            };
            kunit_assert_eq!(target.get(..n.max(0) as usize), Some(TARGET));
            kunit_assert_eq!(ino_of(c_str!("/rustkfs_t/sub/../big"), false)?, BIG);

            // Errors: no such name, a name whose inode cannot be read
            // (the filesystem's errno reaches the caller), not a directory.
            kunit_assert_eq!(ino_of(c_str!("/rustkfs_t/nothing"), false), Err(ENOENT));
            kunit_assert_eq!(ino_of(c_str!("/rustkfs_t/bad"), false), Err(EUCLEAN));
            kunit_assert_eq!(ino_of(c_str!("/rustkfs_t/big/x"), false), Err(ENOTDIR));

            // Listing: everything in order with types, then resumed at
            // each position finding the same entries.
            let (all, end) = list(c_str!("/rustkfs_t"), 0, 100)?;
            let root = entries(ROOT)?;
            kunit_assert_eq!(all.len(), root.len());
            kunit_assert_eq!(end, root.len() as i64);
            for ((name, ino, ty), (n, i)) in all.iter().zip(root.iter()) {
                kunit_assert_eq!((&name[..], *ino), (*n, *i));
                let want = stat_of(*i).map_or(0, |(m, _)| u32::from(m >> 12));
                kunit_assert_eq!(*ty, want);
            }
            for (from, entry) in root.iter().enumerate() {
                let (two, next) = list(c_str!("/rustkfs_t"), from as i64, 2)?;
                kunit_assert_eq!(&two[0].0[..], entry.0);
                kunit_assert_eq!(next, (from + two.len()) as i64);
            }
            let (sub, _) = list(c_str!("/rustkfs_t/sub"), 0, 100)?;
            kunit_assert_eq!(sub.len(), 4);
            kunit_assert_eq!((&sub[3].0[..], sub[3].1), (&b"twin"[..], BIG));
        }
        // Unmounted: every inode read was evicted and its data dropped.
        let made = NODES_MADE.load(Ordering::Relaxed) - made;
        kunit_assert_eq!(made, 5); // root, big, sub, link, file
        kunit_assert_eq!(NODES_DROPPED.load(Ordering::Relaxed) - dropped, made);
        Ok(())
    }

    #[test]
    fn failed_allocations_leak_nothing() -> Result {
        // One round first, so that what the first mount allocates for
        // good (the disk's caches) is in the baseline.
        drop(Mount::new()?);
        let before = memory_in_use();
        let mut failures = 0;
        for n in 0.. {
            let made = NODES_MADE.load(Ordering::Relaxed);
            let dropped = NODES_DROPPED.load(Ordering::Relaxed);
            let (res, fired) = {
                let _m = Mount::new()?;
                let guard = fault_inject::fail_after_scoped(n);
                let res = read_all(c_str!("/rustkfs_t/sub/../link"), 64)
                    .map(|data| &data[..] == SMALL_DATA);
                let fired = !fault_inject::armed();
                drop(guard);
                (res, fired)
            };
            kunit_assert_eq!(memory_in_use(), before);
            kunit_assert_eq!(
                NODES_DROPPED.load(Ordering::Relaxed) - dropped,
                NODES_MADE.load(Ordering::Relaxed) - made
            );
            if !fired {
                kunit_assert_eq!(res, Ok(true));
                break;
            }
            kunit_assert_eq!(res.err(), Some(ENOMEM));
            failures += 1;
        }
        // Walking, reading in, linking and opening allocate several times.
        kunit_assert!(failures >= 4);
        Ok(())
    }
}
