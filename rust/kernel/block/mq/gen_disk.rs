// SPDX-License-Identifier: GPL-2.0-only

//! [`GenDisk`]: a disk of a Rust block driver, made by [`GenDiskBuilder`]
//! (C's `struct gendisk`, `blk_mq_alloc_disk()`, `add_disk()`).

use super::{Operations, TagSet};
use crate::error::{code::*, from_err_ptr, to_result, Result};
use crate::str::Formatter;
use crate::sync::Arc;
use crate::types::ForeignOwnable;
use core::fmt::{self, Write};

/// The description of a disk to make: capacity, block sizes, whether it
/// spins, whether it has a volatile write cache (then flushes reach the
/// driver) and the most segments a request may have. Defaults: 0
/// sectors, 512-byte blocks, not rotational, no write cache, no segment
/// limits.
#[derive(Clone, Copy, Debug)]
pub struct GenDiskBuilder {
    capacity_sectors: u64,
    logical_block_size: u32,
    physical_block_size: u32,
    rotational: bool,
    write_cache: bool,
    max_segments: u16,
    max_segment_size: u32,
}

impl Default for GenDiskBuilder {
    fn default() -> Self {
        Self::new()
    }
}

/// No disk operations: opening and closing need nothing from the driver.
static EMPTY_FOPS: bindings::block_device_operations = bindings::block_device_operations {
    open: None,
    release: None,
};

impl GenDiskBuilder {
    /// The defaults.
    pub const fn new() -> Self {
        GenDiskBuilder {
            capacity_sectors: 0,
            logical_block_size: bindings::SECTOR_SIZE,
            physical_block_size: bindings::SECTOR_SIZE,
            rotational: false,
            write_cache: false,
            max_segments: 0,
            max_segment_size: 0,
        }
    }

    /// The size, in 512-byte sectors.
    pub fn capacity_sectors(mut self, sectors: u64) -> Self {
        self.capacity_sectors = sectors;
        self
    }

    /// The smallest unit of I/O: a power of two from 512 to the page
    /// size (checked by [`GenDiskBuilder::build`]). The physical block
    /// size follows it unless set after it.
    pub fn logical_block_size(mut self, size: u32) -> Self {
        self.logical_block_size = size;
        self.physical_block_size = size;
        self
    }

    /// The device's own block: a power of two, at least the logical one.
    pub fn physical_block_size(mut self, size: u32) -> Self {
        self.physical_block_size = size;
        self
    }

    /// Whether the device is a spinning disk (seeks cost).
    pub fn rotational(mut self, rotational: bool) -> Self {
        self.rotational = rotational;
        self
    }

    /// Whether completed writes may sit in a volatile cache; flushes
    /// reach the driver only if so.
    pub fn write_cache(mut self, write_cache: bool) -> Self {
        self.write_cache = write_cache;
        self
    }

    /// The most segments one request may have (0: no limit): the block
    /// layer splits bigger I/O into several requests.
    pub fn max_segments(mut self, max: u16) -> Self {
        self.max_segments = max;
        self
    }

    /// The most bytes one segment may have (0: no limit). A limit below
    /// the page size counts as the page size (the block layer never cuts
    /// a segment, which never crosses a page), as Linux raises it.
    pub fn max_segment_size(mut self, max: u32) -> Self {
        self.max_segment_size = max;
        self
    }

    fn limits(&self) -> Result<bindings::queue_limits> {
        let lbs = self.logical_block_size;
        let pbs = self.physical_block_size;
        if !lbs.is_power_of_two()
            || lbs < bindings::SECTOR_SIZE
            || u64::from(lbs) > bindings::PAGE_SIZE as u64
            || !pbs.is_power_of_two()
            || pbs < lbs
        {
            return Err(EINVAL);
        }
        let mut features = 0;
        if self.rotational {
            features |= bindings::BLK_FEAT_ROTATIONAL;
        }
        if self.write_cache {
            features |= bindings::BLK_FEAT_WRITE_CACHE;
        }
        Ok(bindings::queue_limits {
            logical_block_size: lbs,
            physical_block_size: pbs,
            features,
            max_segments: self.max_segments,
            max_segment_size: match self.max_segment_size {
                0 => 0,
                max => max.max(bindings::PAGE_SIZE as u32),
            },
        })
    }

    /// Makes the disk `/dev/<name>` on `tag_set` with the driver's
    /// `queue_data`, reads its partition table and returns it.
    /// `EINVAL` for bad block sizes or a name longer than 31 bytes,
    /// `ENOMEM`, `EEXIST` for a name taken, `EBUSY` when no device
    /// numbers are left (it picks numbers of major 259). On failure
    /// `queue_data` is dropped. Sleeps (reads the disk).
    pub fn build<T: Operations>(
        self,
        name: fmt::Arguments<'_>,
        tag_set: Arc<TagSet<T>>,
        queue_data: T::QueueData,
    ) -> Result<GenDisk<T>> {
        let lim = self.limits()?;
        let mut buf = [0u8; bindings::DISK_NAME_LEN as usize];
        let mut f = Formatter::new(&mut buf);
        f.write_fmt(name).map_err(|_| EINVAL)?;
        let name = f.into_cstr().map_err(|_| EINVAL)?;
        let data = queue_data.into_foreign();
        // SAFETY: the tag set is allocated (`TagSet::new`) and outlives the
        // disk (`GenDisk` holds it); `lim` is read during the call.
        let disk = match from_err_ptr(unsafe {
            bindings::blk_mq_alloc_disk(tag_set.as_raw(), &lim, data)
        }) {
            Ok(disk) => disk,
            Err(err) => {
                // SAFETY: from `into_foreign` above, never lent out.
                drop(unsafe { T::QueueData::from_foreign(data) });
                return Err(err);
            }
        };
        // SAFETY: `disk` is new and ours: its name fits (checked by the
        // formatter: at most DISK_NAME_LEN bytes with the NUL), the table
        // is `'static`.
        let added = to_result(unsafe {
            let bytes = name.as_bytes_with_nul();
            for (dst, src) in (*disk).disk_name.iter_mut().zip(bytes) {
                *dst = *src as _;
            }
            (*disk).fops = &EMPTY_FOPS;
            bindings::set_capacity(disk, self.capacity_sectors);
            bindings::add_disk(disk)
        });
        if let Err(err) = added {
            // SAFETY: allocated above and never added: no request can
            // reach the queue data any more.
            unsafe {
                bindings::put_disk(disk);
                drop(T::QueueData::from_foreign(data));
            }
            return Err(err);
        }
        // INVARIANT: added just now, with `data` as its queue data.
        Ok(GenDisk {
            disk,
            queue_data: data,
            _tag_set: tag_set,
        })
    }
}

/// A disk added by [`GenDiskBuilder::build`]; dropping it removes it
/// (`del_gendisk()`: the nodes go, the cache is written back, I/O still
/// inside the driver is waited for), then drops the queue data and the
/// tag set reference. Open files of a removed disk get `ENODEV`.
///
/// # Invariants
///
/// `disk` was added with `queue_data` (from `T::QueueData::into_foreign`)
/// as its queue's `queuedata`, and is on the tag set `_tag_set`.
pub struct GenDisk<T: Operations> {
    disk: *mut bindings::gendisk,
    queue_data: *mut ffi::c_void,
    _tag_set: Arc<TagSet<T>>,
}

// SAFETY: a disk may be removed from any thread (process context); the
// queue data is `Send + Sync`.
unsafe impl<T: Operations> Send for GenDisk<T> {}
// SAFETY: `&GenDisk` only reads the disk's name and capacity.
unsafe impl<T: Operations> Sync for GenDisk<T> {}

impl<T: Operations> GenDisk<T> {
    /// The disk's name (`"rnullb0"`).
    pub fn name(&self) -> &crate::str::CStr {
        // SAFETY: the name was written NUL-terminated by `build` and the
        // disk lives as long as `self`.
        unsafe { crate::str::CStr::from_char_ptr((*self.disk).disk_name.as_ptr()) }
    }

    /// The queue data given to [`GenDiskBuilder::build`].
    pub fn queue_data(&self) -> <T::QueueData as ForeignOwnable>::Borrowed<'_> {
        // SAFETY: stored by `build`, taken back only in `drop`.
        unsafe { T::QueueData::borrow(self.queue_data) }
    }
}

impl<T: Operations> Drop for GenDisk<T> {
    fn drop(&mut self) {
        // SAFETY: added by `build` (type invariant); `del_gendisk()`
        // returns when no request of the disk is inside the driver and
        // none can enter, so the queue data is no longer lent out.
        unsafe {
            bindings::del_gendisk(self.disk);
            bindings::put_disk(self.disk);
            drop(T::QueueData::from_foreign(self.queue_data));
        }
    }
}
