// SPDX-License-Identifier: GPL-2.0-only

//! virtio-blk: the virtio block device (type 2) as `/dev/vda`, `/dev/vdb`..
//! in safe Rust, on [`kernel::virtio`] and [`kernel::block::mq`].
//!
//! The device has one request queue. A request is a descriptor chain of
//! three parts (virtio spec 1.2, section 5.2.6): a 16-byte header the
//! device reads (type, reserved, first 512-byte sector), the request's
//! data pages (lent for DMA: read by the device for a write, written for
//! a read; none for a flush), and one status byte the device writes (0
//! OK, 1 IOERR, 2 UNSUPP). Headers and status bytes live in one coherent
//! allocation, a 32-byte slot per tag, so a request needs no allocation.
//!
//! Every tag may be in flight at once: the tag set is as deep as the
//! ring. When the ring has too few free descriptors for a request,
//! `queue_rq` answers `EBUSY` and blk-mq offers it again after another
//! request ended. The interrupt handler takes the chains the device
//! returned and ends their requests with the status byte's meaning.
//!
//! From the device configuration, as offered: the capacity (always),
//! `BLK_SIZE` (the logical block size), `SEG_MAX` and `SIZE_MAX` (the
//! disk's queue limits, so the block layer splits bigger I/O; a segment
//! beyond a `SIZE_MAX` below the page size still fails with `EIO`), `RO`
//! (writes fail) and
//! `FLUSH` (a volatile write cache: flushes reach the device; without
//! it, writes are durable when they complete).
//!
//! The disk is added in [`virtio::Driver::ready`], once the device runs
//! and its interrupt is installed (adding it reads the partition table).
//! Unbinding resets the device first ([`kernel::virtio`]); `Drop` then
//! ends the requests the device will never return with `EIO` and removes
//! the disk, whose write-back then fails with `ENODEV`.

#![no_std]
#![forbid(unsafe_code)]

use kernel::block::mq::{GenDisk, GenDiskBuilder, Op, Operations, Request, TagSet};
use kernel::dma::CoherentAllocation;
use kernel::ida::{Ida, IdaId};
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow, Mutex};
use kernel::types::ARef;
use kernel::virtio::{self, Buffer, Virtqueue};

module! {
    type: VirtioBlkModule,
    name: "virtio_blk",
    authors: ["Ferrite developers"],
    description: "virtio block devices as /dev/vd*",
    license: "GPL",
}

/// Feature bits (`VIRTIO_BLK_F_*`).
const F_SIZE_MAX: u32 = 1;
const F_SEG_MAX: u32 = 2;
const F_RO: u32 = 5;
const F_BLK_SIZE: u32 = 6;
const F_FLUSH: u32 = 9;

/// Offsets in the device configuration (`struct virtio_blk_config`).
const CFG_CAPACITY: usize = 0;
const CFG_SIZE_MAX: usize = 8;
const CFG_SEG_MAX: usize = 12;
const CFG_BLK_SIZE: usize = 20;

/// Request types (`VIRTIO_BLK_T_*`).
const T_IN: u32 = 0;
const T_OUT: u32 = 1;
const T_FLUSH: u32 = 4;

/// Status bytes (`VIRTIO_BLK_S_*`).
const S_OK: u8 = 0;
const S_UNSUPP: u8 = 2;

/// Per tag: the header at 0, the status byte at `STATUS`.
const SLOT: usize = 32;
const HEADER: usize = 16;
const STATUS: usize = 16;

/// Ring entries asked for (the device's limit if smaller).
const MAX_RING: u16 = 1024;

/// Disks at most (`vda`..`vdz`).
const MAX_DISKS: usize = 26;

/// The disk letters in use.
static INDEXES: Ida<MAX_DISKS> = Ida::new();

/// What the device configuration says, read once at probe.
#[derive(Clone, Copy)]
struct Geometry {
    capacity: u64,
    block_size: u32,
    /// Data segments per request, at most.
    seg_max: usize,
    /// Bytes per data segment, at most.
    size_max: u32,
    read_only: bool,
    flush: bool,
}

impl Geometry {
    fn read(dev: &virtio::Device, ring: u16) -> Result<Self> {
        let (capacity, size_max, seg_max, blk_size) = dev.read_config(|cfg| {
            Ok((
                cfg.try_read64(CFG_CAPACITY)?,
                cfg.try_read32(CFG_SIZE_MAX)?,
                cfg.try_read32(CFG_SEG_MAX)?,
                cfg.try_read32(CFG_BLK_SIZE)?,
            ))
        })?;
        // The header and the status byte take two descriptors.
        let mut segs = usize::from(ring) - 2;
        if dev.has_feature(F_SEG_MAX) && seg_max != 0 {
            segs = segs.min(seg_max as usize);
        }
        let block_size = match blk_size {
            512..=4096 if dev.has_feature(F_BLK_SIZE) && blk_size.is_power_of_two() => blk_size,
            _ => 512,
        };
        Ok(Geometry {
            capacity,
            block_size,
            seg_max: segs,
            size_max: if dev.has_feature(F_SIZE_MAX) && size_max != 0 {
                size_max
            } else {
                u32::MAX
            },
            read_only: dev.has_feature(F_RO),
            flush: dev.has_feature(F_FLUSH),
        })
    }
}

/// The device's request queue, shared by the disk and the interrupt.
struct Queue {
    vq: Virtqueue<ARef<Request<VirtioBlk>>>,
    /// A [`SLOT`] per tag: header and status byte.
    slots: Arc<CoherentAllocation<u8>>,
    geo: Geometry,
}

impl Queue {
    /// Writes `rq`'s header into its slot and marks its status unset.
    fn prepare(&self, rq: &Request<VirtioBlk>, ty: u32) -> Result<usize> {
        let slot = rq.tag() as usize * SLOT;
        let sector = if ty == T_FLUSH { 0 } else { rq.sector() };
        let mut header = [0u8; HEADER];
        header[..4].copy_from_slice(&ty.to_le_bytes());
        header[8..].copy_from_slice(&sector.to_le_bytes());
        for (i, byte) in header.into_iter().enumerate() {
            self.slots.write(slot + i, byte)?;
        }
        self.slots.write(slot + STATUS, 0xff)?;
        Ok(slot)
    }

    /// The status `rq` ended with, from its status byte.
    fn status(&self, rq: &Request<VirtioBlk>) -> Result {
        match self.slots.read(rq.tag() as usize * SLOT + STATUS)? {
            S_OK => Ok(()),
            S_UNSUPP => Err(EOPNOTSUPP),
            _ => Err(EIO),
        }
    }

    /// Ends the requests the device returned (interrupt context).
    fn complete(&self) {
        while let Some((rq, _len)) = self.vq.get_buf() {
            let status = self.status(&rq);
            // The queue's reference was the only one: ending succeeds.
            let _ = Request::end(rq, status);
        }
    }
}

/// The driver's [`Operations`].
struct VirtioBlk;

#[vtable]
impl Operations for VirtioBlk {
    type RequestData = ();
    type QueueData = Arc<Queue>;

    fn new_request_data() -> Result<()> {
        Ok(())
    }

    fn queue_rq(q: ArcBorrow<'_, Queue>, rq: ARef<Request<Self>>, _is_last: bool) -> Result {
        let ty = match rq.op() {
            Op::Read => T_IN,
            Op::Write if q.geo.read_only => return Err(EROFS),
            Op::Write => T_OUT,
            // Writes are durable when they complete: nothing to do.
            Op::Flush if !q.geo.flush => return Request::end_ok(rq).map_err(|_| EIO),
            Op::Flush => T_FLUSH,
        };
        // The queue limits keep requests within `seg_max`; a `size_max`
        // below the page size cannot be met.
        if rq.nr_segments() > q.geo.seg_max
            || rq.segments().any(|s| s.len() > q.geo.size_max as usize)
        {
            return Err(EIO);
        }
        let slot = q.prepare(&rq, ty)?;
        let header = Buffer::new(q.slots.clone(), slot, HEADER)?;
        let status = Buffer::new(q.slots.clone(), slot + STATUS, 1)?;
        match q.vq.add_lent(&[header], &[status], rq) {
            Ok(()) => {
                q.vq.kick();
                Ok(())
            }
            // Too few free descriptors: offered again once one ended.
            Err((e, _rq)) if e == ENOSPC => Err(EBUSY),
            Err((e, _rq)) => Err(e),
        }
    }
}

/// A disk `/dev/vd<letter>`; removed when dropped, and then (fields drop
/// in order) its letter is free again.
struct Disk {
    _disk: GenDisk<VirtioBlk>,
    _index: IdaId<'static, MAX_DISKS>,
}

/// The driver's data for one device.
struct VirtioBlkDevice {
    queue: Arc<Queue>,
    /// Added by `ready`.
    disk: Pin<KBox<Mutex<Option<Disk>>>>,
}

impl virtio::Driver for VirtioBlkDevice {
    const ID_TABLE: &'static [u32] = &[virtio::ID_BLOCK];
    const FEATURES: u64 =
        1 << F_SIZE_MAX | 1 << F_SEG_MAX | 1 << F_RO | 1 << F_BLK_SIZE | 1 << F_FLUSH;

    fn probe(dev: &virtio::Device) -> Result<Self> {
        let vq = dev.setup_vq(0, MAX_RING)?;
        let geo = Geometry::read(dev, vq.size())?;
        let depth = usize::from(vq.size());
        let slots = CoherentAllocation::<u8>::alloc_coherent(dev.pci(), depth * SLOT, GFP_KERNEL)?;
        let queue = Arc::new(
            Queue {
                vq,
                slots: Arc::new(slots, GFP_KERNEL)?,
                geo,
            },
            GFP_KERNEL,
        )?;
        Ok(VirtioBlkDevice {
            queue,
            disk: KBox::pin_init(new_mutex!(None), GFP_KERNEL)?,
        })
    }

    fn ready(&self) -> Result {
        let geo = self.queue.geo;
        let index = INDEXES.alloc()?;
        let set = TagSet::new(u32::from(self.queue.vq.size()))?;
        let name = char::from(b'a' + index.id() as u8);
        let disk = GenDiskBuilder::new()
            .capacity_sectors(geo.capacity)
            .logical_block_size(geo.block_size)
            .write_cache(geo.flush)
            .max_segments(u16::try_from(geo.seg_max).unwrap_or(u16::MAX))
            .max_segment_size(geo.size_max)
            .build(fmt!("vd{}", name), set, self.queue.clone())?;
        pr_info!(
            "[vd{}] {} 512-byte logical blocks, {}-byte blocks, {} descriptors, {} segments per request\n",
            name,
            geo.capacity,
            geo.block_size,
            self.queue.vq.size(),
            geo.seg_max
        );
        *self.disk.lock() = Some(Disk {
            _disk: disk,
            _index: index,
        });
        Ok(())
    }

    fn queue_interrupt(&self) {
        self.queue.complete();
    }
}

impl Drop for VirtioBlkDevice {
    fn drop(&mut self) {
        // The device was reset: what it had is never coming back. Ending
        // it lets removing the disk (which waits for requests inside the
        // driver) go on.
        while let Some(rq) = self.queue.vq.detach_unused_buf() {
            let _ = Request::end(rq, Err(EIO));
        }
        let disk = self.disk.lock().take();
        drop(disk);
    }
}

struct VirtioBlkModule {
    _drv: virtio::Registration<VirtioBlkDevice>,
}

impl Module for VirtioBlkModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        Ok(VirtioBlkModule {
            _drv: virtio::Registration::new(c_str!("virtio_blk"))?,
        })
    }
}

#[kunit_tests(virtio_blk)]
mod tests {
    use super::*;
    use kernel::alloc::fault_inject;
    use kernel::fs::{flags::O_RDONLY, File};
    use kernel::pci;

    /// The disk `scripts/qemu.sh` gives every boot, at 00:12.0.
    fn disk_pci() -> Result<ARef<pci::Device>> {
        pci::Device::get(0x1af4, 0x1001).ok_or(ENODEV)
    }

    /// Reads the first 4 KiB of `/dev/vda`.
    fn read_vda() -> Result<KVec<u8>> {
        let mut buf = KVec::from_elem(0u8, 4096, GFP_KERNEL)?;
        let n = File::open(c_str!("/dev/vda"), O_RDONLY)?.kernel_read(&mut buf)?;
        kunit_assert_eq!(n, 4096);
        Ok(buf)
    }

    #[test]
    fn bound_at_boot_and_serves_dev_vda() -> Result {
        kunit_assert!(disk_pci()?.is_bound());
        let first = read_vda()?;
        // A second read (from the buffer cache) agrees.
        kunit_assert!(read_vda()? == first);
        Ok(())
    }

    #[test]
    fn unbind_removes_the_disk_and_rebind_adds_it_again() -> Result {
        let dev = disk_pci()?;
        let first = read_vda()?;
        let before = fault_inject::memory_in_use();
        dev.release_driver();
        kunit_assert!(!dev.is_bound());
        kunit_assert!(File::open(c_str!("/dev/vda"), O_RDONLY).is_err());
        kunit_assert_eq!(dev.attach(), Ok(true));
        kunit_assert!(read_vda()? == first);
        kunit_assert_eq!(fault_inject::memory_in_use(), before);
        Ok(())
    }

    #[test]
    fn enomem_at_each_allocation_leaks_nothing() -> Result {
        let dev = disk_pci()?;
        dev.release_driver();
        let mut n = 0;
        loop {
            let before = fault_inject::memory_in_use();
            let injected = fault_inject::count();
            let guard = fault_inject::fail_after_scoped(n);
            let bound = dev.attach();
            drop(guard);
            if fault_inject::count() == injected {
                // No allocation left to fail: this run bound for real.
                kunit_assert_eq!(bound, Ok(true));
                break;
            }
            // A failure the driver survives (e.g. reading the partition
            // table) leaves it bound: unbind it to count what it kept.
            if dev.is_bound() {
                dev.release_driver();
            }
            kunit_assert_eq!(fault_inject::memory_in_use(), before);
            n += 1;
            if n > 200 {
                kunit_assert!(false);
                break;
            }
        }
        kunit_assert!(read_vda().is_ok());
        // Allocations in the transport, the ring, the slots, the queue,
        // the tag set and the disk all failed once.
        kunit_assert!(n >= 8);
        Ok(())
    }
}
