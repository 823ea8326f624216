// SPDX-License-Identifier: GPL-2.0-only

//! rnull: block devices that do nothing, or keep their data in memory, in
//! safe Rust on [`kernel::block::mq`]: the twin of
//! `drivers/block/null_blk.c`, with the same parameters and behaviour, so
//! that the two pass the same tests (`null_blk_kunit.c` runs every case
//! on both) and can be measured against each other (`make bench`).
//!
//! Module parameters, from the command line (`rnull.<name>=`):
//! `nr_devices` (1: disks `/dev/rnullb0`.. made at boot), `size` (16 MiB
//! each), `bs` (512, the logical block size), `irqmode` (0: end requests
//! at once, 1: through `complete` (a workqueue), 2: from a timer),
//! `completion_nsec` (10000, the timer's delay, a tick at least),
//! `memory_backed` (1: keep written data), `hw_queue_depth` (64).
//!
//! Memory is a 4 KiB buffer per 4 KiB of the device, allocated at the
//! first write to it; a write that cannot get one fails with `ENOSPC`, as
//! in C. Requests may run concurrently: the buffers are kept under a
//! spinlock, held while one buffer is copied (never while allocating).

#![no_std]
#![forbid(unsafe_code)]

use core::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use kernel::block::mq::{GenDisk, GenDiskBuilder, Op, Operations, Request, TagSet};
use kernel::block::null_blk::{Config, IrqMode};
use kernel::ida::{Ida, IdaId};
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow, SpinLock};
use kernel::time::{self, Jiffies};
use kernel::types::ARef;

module! {
    type: RnullModule,
    name: "rnull",
    authors: ["Ferrite developers"],
    description: "Null block devices in safe Rust, null_blk's twin",
    license: "GPL",
    params: {
        nr_devices: u32 {
            default: 1,
            description: "Disks made at boot",
        },
        size: u64 {
            default: 16,
            description: "Size of each disk in MiB",
        },
        bs: u32 {
            default: 512,
            description: "Logical block size",
        },
        irqmode: u32 {
            default: 1,
            description: "0: end at once, 1: through complete(), 2: from a timer",
        },
        completion_nsec: u64 {
            default: 10000,
            description: "Timer mode's delay in ns",
        },
        memory_backed: bool {
            default: true,
            description: "Keep written data",
        },
        hw_queue_depth: u32 {
            default: 64,
            description: "Requests in flight per disk",
        },
    },
}

/// Bytes per memory buffer.
const PAGE: usize = 4096;
/// Disks at most (`rnullb0`..`rnullb63`).
const MAX_DEVICES: usize = 64;
/// Largest size, in MiB.
const MAX_SIZE_MIB: u64 = 1 << 20;

/// What a buffer never written holds.
static ZEROES: [u8; PAGE] = [0; PAGE];

/// The indexes in use.
static INDEXES: Ida<MAX_DEVICES> = Ida::new();

pin_data! {
    /// One disk's data, lent to every request.
    struct Dev {
        cfg: Config,
        /// A buffer per 4 KiB of the device, once written (memory backed).
        #[pin]
        pages: SpinLock<KVVec<Option<KVec<u8>>>>,
        nr_flushes: AtomicU64,
    }
}

impl Dev {
    /// Runs `f` on the buffer at `idx`, allocated first if `alloc` (else
    /// `None` where nothing was written).
    fn with_page(
        &self,
        idx: usize,
        alloc: bool,
        f: impl FnOnce(Option<&mut [u8]>) -> Result,
    ) -> Result {
        {
            let mut pages = self.pages.lock();
            let slot = pages.get_mut(idx).ok_or(EINVAL)?;
            if slot.is_some() || !alloc {
                return f(slot.as_deref_mut());
            }
        }
        let new = KVec::from_elem(0u8, PAGE, GFP_KERNEL).map_err(|_| ENOSPC)?;
        let mut pages = self.pages.lock();
        let slot = pages.get_mut(idx).ok_or(EINVAL)?;
        if slot.is_none() {
            *slot = Some(new);
        }
        f(slot.as_deref_mut())
    }

    /// Moves `len` bytes between the device at byte `pos` and the
    /// caller: `step(buffer, done, n)` for each piece, with the device's
    /// `n` bytes (`None`: never written, zeroes) and the `done` bytes
    /// moved before it.
    fn copy(
        &self,
        mut pos: u64,
        len: usize,
        write: bool,
        mut step: impl FnMut(Option<&mut [u8]>, usize, usize) -> Result,
    ) -> Result {
        let mut done = 0;
        while done < len {
            let off = (pos % PAGE as u64) as usize;
            let n = (len - done).min(PAGE - off);
            let idx = usize::try_from(pos / PAGE as u64).map_err(|_| EINVAL)?;
            self.with_page(idx, write, |page| {
                step(page.map(|p| &mut p[off..off + n]), done, n)
            })?;
            pos += n as u64;
            done += n;
        }
        Ok(())
    }

    /// Does `rq`'s work; the status it ends with.
    fn handle(&self, rq: &Request<Rnull>) -> Result {
        let write = match rq.op() {
            Op::Flush => {
                self.nr_flushes.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
            Op::Write => true,
            Op::Read => false,
        };
        let sector = rq.sector();
        let nr = u64::from(rq.bytes()) >> 9;
        let bad = self.cfg.badblock_start;
        if self.cfg.badblock_nr != 0 && sector < bad + self.cfg.badblock_nr && bad < sector + nr {
            return Err(EIO);
        }
        let mut pos = sector << 9;
        for seg in rq.segments() {
            if !self.cfg.memory_backed {
                if !write {
                    seg.fill_zero();
                }
                continue;
            }
            self.copy(pos, seg.len(), write, |page, done, n| match page {
                Some(page) if write => seg.copy_to_slice(done, page),
                Some(page) => seg.copy_from_slice(done, page),
                None => seg.copy_from_slice(done, &ZEROES[..n]),
            })?;
            pos += seg.len() as u64;
        }
        Ok(())
    }
}

/// The driver's [`Operations`].
struct Rnull;

#[vtable]
impl Operations for Rnull {
    /// The status to end with, as an errno (0: success), kept from
    /// `queue_rq` to `complete`.
    type RequestData = AtomicI32;
    type QueueData = Arc<Dev>;

    fn new_request_data() -> Result<AtomicI32> {
        Ok(AtomicI32::new(0))
    }

    fn queue_rq(dev: ArcBorrow<'_, Dev>, rq: ARef<Request<Self>>, _is_last: bool) -> Result {
        let status = dev.handle(&rq);
        let ended = match dev.cfg.irqmode {
            IrqMode::None => Request::end(rq, status),
            IrqMode::Soft | IrqMode::Timer => {
                rq.data()
                    .store(status.err().map_or(0, Error::to_errno), Ordering::Relaxed);
                if dev.cfg.irqmode == IrqMode::Soft {
                    Request::complete(rq)
                } else {
                    Request::complete_after(rq, delay_jiffies(dev.cfg.completion_nsec))
                }
            }
        };
        // The only reference: handing it on cannot fail.
        ended.map_err(|_| EIO)
    }

    fn complete(rq: ARef<Request<Self>>) {
        let status = match rq.data().load(Ordering::Relaxed) {
            0 => Ok(()),
            errno => Err(Error::from_errno(errno)),
        };
        let _ = Request::end(rq, status);
    }
}

/// `nsec` in ticks, rounded up.
fn delay_jiffies(nsec: u64) -> Jiffies {
    let per_tick = (time::NSEC_PER_SEC / i64::from(time::HZ)) as u64;
    nsec.div_ceil(per_tick) as Jiffies
}

/// A disk `/dev/rnullb<index>`; removed when dropped, and then (fields
/// drop in order) its index is free again.
struct RnullDevice {
    // Only held outside tests: dropping it removes the disk.
    #[cfg_attr(not(CONFIG_KUNIT), allow(dead_code))]
    disk: GenDisk<Rnull>,
    _index: IdaId<'static, MAX_DEVICES>,
}

impl RnullDevice {
    fn new(cfg: &Config) -> Result<Self> {
        if cfg.size_mib == 0 || cfg.size_mib > MAX_SIZE_MIB {
            return Err(EINVAL);
        }
        let nr_pages = usize::try_from((cfg.size_mib << 20) / PAGE as u64).map_err(|_| EINVAL)?;
        let nr_pages = if cfg.memory_backed { nr_pages } else { 0 };
        let mut pages = KVVec::with_capacity(nr_pages, GFP_KERNEL)?;
        for _ in 0..nr_pages {
            pages.push(None, GFP_KERNEL)?;
        }
        let dev = Arc::pin_init(
            pin_init!(Dev {
                cfg: *cfg,
                pages <- new_spinlock!(pages),
                nr_flushes: AtomicU64::new(0),
            }),
            GFP_KERNEL,
        )?;
        let index = INDEXES.alloc()?;
        let set = TagSet::new(cfg.hw_queue_depth)?;
        let disk = GenDiskBuilder::new()
            .capacity_sectors(cfg.size_mib << (20 - 9))
            .logical_block_size(cfg.block_size)
            .write_cache(true)
            .build(fmt!("rnullb{}", index.id()), set, dev)?;
        Ok(RnullDevice {
            disk,
            _index: index,
        })
    }
}

#[cfg(CONFIG_KUNIT)]
impl kernel::block::null_blk::NullbTwin for RnullDevice {
    fn add(cfg: &Config) -> Result<Self> {
        RnullDevice::new(cfg)
    }

    fn disk_name(&self) -> &CStr {
        self.disk.name()
    }

    fn nr_flushes(&self) -> u64 {
        self.disk.queue_data().nr_flushes.load(Ordering::Relaxed)
    }

    fn peek(&self, pos: u64, buf: &mut [u8]) -> Result {
        let dev = self.disk.queue_data();
        let size = dev.cfg.size_mib << 20;
        if !dev.cfg.memory_backed || pos > size || buf.len() as u64 > size - pos {
            return Err(EINVAL);
        }
        dev.copy(pos, buf.len(), false, |page, done, n| {
            let dst = &mut buf[done..done + n];
            match page {
                Some(page) => dst.copy_from_slice(page),
                None => dst.fill(0),
            }
            Ok(())
        })
    }
}

struct RnullModule {
    _devices: KVec<RnullDevice>,
}

impl Module for RnullModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        let Some(irqmode) = Config::irqmode_from(*module_parameters::irqmode.value()) else {
            return Err(EINVAL);
        };
        let cfg = Config {
            size_mib: *module_parameters::size.value(),
            block_size: *module_parameters::bs.value(),
            irqmode,
            completion_nsec: *module_parameters::completion_nsec.value(),
            memory_backed: *module_parameters::memory_backed.value(),
            hw_queue_depth: *module_parameters::hw_queue_depth.value(),
            badblock_start: 0,
            badblock_nr: 0,
        };
        let mut devices = KVec::new();
        for i in 0..*module_parameters::nr_devices.value() {
            match RnullDevice::new(&cfg) {
                Ok(dev) => devices.push(dev, GFP_KERNEL)?,
                Err(err) => {
                    pr_err!("cannot add rnullb{}: {:?}\n", i, err);
                    return Err(err);
                }
            }
        }
        #[cfg(CONFIG_KUNIT)]
        kernel::block::null_blk::register_rnull_twin::<RnullDevice>();
        Ok(RnullModule { _devices: devices })
    }
}
