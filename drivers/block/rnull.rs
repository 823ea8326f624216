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
//! Memory is a [`PageStore`]: a 4 KiB page per 4 KiB of the device,
//! allocated at the first write to it; a write that cannot get one fails
//! with `ENOSPC`, as in C. Requests may run concurrently, without a lock
//! (the store allows it, as C's page array does).

#![no_std]
#![forbid(unsafe_code)]

use core::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use kernel::block::mq::{GenDisk, GenDiskBuilder, Op, Operations, Request, TagSet};
use kernel::block::null_blk::{Config, IrqMode};
use kernel::block::PageStore;
use kernel::ida::{Ida, IdaId};
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow};
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

/// Disks at most (`rnullb0`..`rnullb63`).
const MAX_DEVICES: usize = 64;
/// Largest size, in MiB.
const MAX_SIZE_MIB: u64 = 1 << 20;

/// The indexes in use.
static INDEXES: Ida<MAX_DEVICES> = Ida::new();

/// One disk's data, lent to every request.
struct Dev {
    cfg: Config,
    /// The data written (memory backed; else empty).
    pages: PageStore,
    nr_flushes: AtomicU64,
}

impl Dev {
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
            if write {
                self.pages.write_segment(pos, &seg).map_err(|e| {
                    if e == ENOMEM {
                        ENOSPC
                    } else {
                        e
                    }
                })?;
            } else {
                self.pages.read_segment(pos, &seg)?;
            }
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
        let bytes = if cfg.memory_backed {
            cfg.size_mib << 20
        } else {
            0
        };
        let dev = Arc::new(
            Dev {
                cfg: *cfg,
                pages: PageStore::new(bytes)?,
                nr_flushes: AtomicU64::new(0),
            },
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
        dev.pages.read(pos, buf)
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
