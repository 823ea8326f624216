// SPDX-License-Identifier: GPL-2.0-only

//! KUnit tests of the filesystem API: the `rust_fs_mount` suite. A small
//! filesystem, "rustkfs", whose second 1 KiB block starts with its magic
//! and its size, is mounted from a memory-backed null_blk disk written by
//! hand: `fill_super` reads through the buffer cache, the root and
//! `statfs(2)` show what the filesystem said, a device without the magic
//! is refused, the per-mount data is dropped once per mount, and rounds
//! of mount and umount leak nothing.

#[crate::kunit_tests(rust_fs_mount)]
mod cases {
    use crate::alloc::fault_inject::memory_in_use;
    use crate::error::to_result;
    use crate::fs::inode::Attrs;
    use crate::fs::{flags::O_RDWR, File, FileSystem, Registration, Stat, SuperBlock};
    use crate::prelude::*;
    use crate::str::CString;
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

    struct RustKfs;

    impl FileSystem for RustKfs {
        type Data = Mounted;
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

        fn init_root(_sb: &SuperBlock<Self>, data: &Mounted) -> Result<Attrs> {
            Ok(Attrs {
                mode: S_IFDIR | 0o750,
                uid: 7,
                gid: 8,
                size: BLOCK as i64,
                nlink: 3,
                atime_ns: 1_000_000_001,
                mtime_ns: 2_000_000_002,
                ctime_ns: i64::from(data.blocks),
            })
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
}
