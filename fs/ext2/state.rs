// SPDX-License-Identifier: GPL-2.0-only

//! The superblock of a volume mounted read-write, kept as Linux's ext2
//! keeps it, so that e2fsprogs see what they expect: at mount the state
//! loses `EXT2_VALID_FS` (a crash leaves it "not clean" and `e2fsck`
//! checks it) and the mount count and mount time are set, written to
//! the device at once; every sync sets the write time; unmount puts back
//! the state found at mount. A regular file that passes 2 GiB turns on
//! `RO_COMPAT_LARGE_FILE`, first moving a revision 0 volume to revision
//! 1 (which has feature flags), as Linux's `ext2_update_dynamic_rev()`.
//!
//! Every function needs `&mut Volume` or the mount's lock: the caller
//! serialises them with the writers.

use crate::disk::{to_usize, BlockDevice, EFSCORRUPTED};
use crate::super_block::{
    DYNAMIC_REV, EXT2_ERROR_FS, EXT2_VALID_FS, GOOD_OLD_FIRST_INO, GOOD_OLD_INODE_SIZE,
    GOOD_OLD_REV, RO_COMPAT_LARGE_FILE, SUPERBLOCK_OFFSET,
};
use crate::volume::Volume;
use kernel::prelude::*;

/// The largest size a file may have without `RO_COMPAT_LARGE_FILE`.
const SMALL_FILE_MAX: u64 = i32::MAX as u64;

impl<D: BlockDevice> Volume<D> {
    /// Stores the superblock's changing fields ([`crate::super_block::SuperBlock::store`])
    /// in its buffer, and with `sync` writes that to the device now.
    /// Errors: `EIO`, `EUCLEAN`. May sleep.
    pub fn write_super(&self, sync: bool) -> Result {
        let bs = self.sb.block_size as u64;
        let (nr, off) = (SUPERBLOCK_OFFSET / bs, to_usize(SUPERBLOCK_OFFSET % bs)?);
        self.modify_block(nr, |b| self.sb.store(b.get_mut(off..).ok_or(EFSCORRUPTED)?))??;
        if sync {
            self.dev.sync_block(nr, self.sb.block_size)?;
        }
        Ok(())
    }

    /// Starts a read-write mount at `now` (seconds since 1970): warns of
    /// a volume that was not unmounted cleanly, has errors or reached its
    /// maximal mount count, then marks it not clean, counts the mount and
    /// writes the superblock to the device. Errors: those of
    /// [`Volume::write_super`], the volume unchanged in memory. May sleep.
    pub fn begin_rw(&mut self, now: u32) -> Result {
        let state = self.sb.state;
        if state & EXT2_VALID_FS == 0 {
            pr_warn!("mounting unchecked fs, running e2fsck is recommended\n");
        } else if state & EXT2_ERROR_FS != 0 {
            pr_warn!("mounting fs with errors, running e2fsck is recommended\n");
        } else if self.sb.max_mnt_count > 0
            && self.sb.mnt_count >= self.sb.max_mnt_count.unsigned_abs()
        {
            pr_warn!("maximal mount count reached, running e2fsck is recommended\n");
        }
        let saved = self.sb.clone();
        self.sb.state &= !EXT2_VALID_FS;
        self.sb.mnt_count = self.sb.mnt_count.wrapping_add(1);
        self.sb.mtime = now;
        self.sb.wtime = now;
        match self.write_super(true) {
            Ok(()) => {
                self.mount_state = Some(state);
                Ok(())
            }
            Err(err) => {
                self.sb = saved;
                Err(err)
            }
        }
    }

    /// Records a sync at `now`: the write time, into the superblock's
    /// buffer (the caller writes the buffers back). Nothing for a volume
    /// not mounted read-write. Errors: those of [`Volume::write_super`].
    pub fn sync_super(&mut self, now: u32) -> Result {
        if self.mount_state.is_none() {
            return Ok(());
        }
        self.sb.wtime = now;
        self.write_super(false)
    }

    /// Ends a read-write mount at `now`: the state found by
    /// [`Volume::begin_rw`] put back, with the write time, into the
    /// superblock's buffer. Nothing for a volume not mounted read-write.
    /// Errors: those of [`Volume::write_super`].
    pub fn end_rw(&mut self, now: u32) -> Result {
        let Some(state) = self.mount_state.take() else {
            return Ok(());
        };
        self.sb.state = state;
        self.sb.wtime = now;
        self.write_super(false)
    }

    /// Turns on `RO_COMPAT_LARGE_FILE` (on revision 0, moving to revision
    /// 1 first) if a regular file is to be `size` bytes, past 2 GiB, and
    /// writes the superblock to the device. Errors: those of
    /// [`Volume::write_super`]. May sleep.
    pub fn allow_size(&mut self, size: u64) -> Result {
        if size <= SMALL_FILE_MAX || self.sb.feature_ro_compat & RO_COMPAT_LARGE_FILE != 0 {
            return Ok(());
        }
        if self.sb.rev_level == GOOD_OLD_REV {
            pr_warn!(
                "updating to rev 1 because of new feature flag, running e2fsck is recommended\n"
            );
            self.sb.rev_level = DYNAMIC_REV;
            self.sb.first_ino = GOOD_OLD_FIRST_INO;
            self.sb.inode_size = GOOD_OLD_INODE_SIZE;
        }
        self.sb.feature_ro_compat |= RO_COMPAT_LARGE_FILE;
        self.write_super(true)
    }
}
