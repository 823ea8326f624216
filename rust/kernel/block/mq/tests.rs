// SPDX-License-Identifier: GPL-2.0-only

//! KUnit tests of [`crate::block::mq`]: the `rust_block_mq` suite. The
//! data paths are tested through `rnull` by the shared null_blk suite
//! (`drivers/block/null_blk_kunit.c`); these check what only the
//! abstraction promises: a request ends once and only through its last
//! reference, several are in flight at once and wait for a tag when all
//! are, each request's data is made and dropped once, and allocation
//! failures leave nothing behind.

#[crate::kunit_tests(rust_block_mq)]
mod cases {
    use crate::alloc::fault_inject;
    use crate::block::mq::{GenDisk, GenDiskBuilder, Operations, Request, TagSet};
    use crate::fs::{flags::O_RDONLY, File};
    use crate::prelude::*;
    use crate::sync::SpinLock;
    use crate::task;
    use crate::types::ARef;
    use core::sync::atomic::{AtomicUsize, Ordering};

    /// Request data made so far, and dropped so far (by every tag set of
    /// `Parking`; the cases run one at a time).
    static MADE: AtomicUsize = AtomicUsize::new(0);
    static DROPPED: AtomicUsize = AtomicUsize::new(0);
    /// `new_request_data` fails when `MADE` reaches this.
    static FAIL_AT: AtomicUsize = AtomicUsize::new(usize::MAX);

    struct Counted;

    impl Drop for Counted {
        fn drop(&mut self) {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }

    crate::pin_data! {
        /// What a `Parking` disk shares with its test.
        struct Parked {
            /// Requests `queue_rq` kept, in arrival order.
            #[pin]
            rqs: SpinLock<KVec<ARef<Request<Parking>>>>,
            /// `end_ok` refused while a clone lived (first case).
            refused: AtomicUsize,
            /// `complete` calls.
            completed: AtomicUsize,
            /// 0: park every request; 1: end at once, trying with a clone
            /// first; 2: through `complete`; 3: through `complete_after`.
            mode: AtomicUsize,
        }
    }

    /// A test driver: its reads give each byte the request's sector
    /// number (low byte), and `mode` says how requests end.
    struct Parking;

    fn fill(rq: &Request<Parking>) {
        for seg in rq.segments() {
            let mut buf = [0u8; 512];
            buf.fill(rq.sector() as u8);
            let mut off = 0;
            while off < seg.len() {
                let n = (seg.len() - off).min(buf.len());
                let _ = seg.copy_from_slice(off, &buf[..n]);
                off += n;
            }
        }
    }

    #[crate::vtable]
    impl Operations for Parking {
        type RequestData = Counted;
        type QueueData = Pin<KBox<Parked>>;

        fn new_request_data() -> Result<Counted> {
            if MADE.load(Ordering::Relaxed) == FAIL_AT.load(Ordering::Relaxed) {
                return Err(EIO);
            }
            MADE.fetch_add(1, Ordering::Relaxed);
            Ok(Counted)
        }

        fn queue_rq(parked: Pin<&Parked>, rq: ARef<Request<Parking>>, _last: bool) -> Result {
            fill(&rq);
            match parked.mode.load(Ordering::Relaxed) {
                0 => parked.rqs.lock_irqsave().push(rq, GFP_ATOMIC)?,
                1 => {
                    let clone = rq.clone();
                    let rq = match Request::end_ok(rq) {
                        Err(rq) => rq,
                        Ok(()) => return Ok(()), // wrong: the case sees no refusal
                    };
                    parked.refused.fetch_add(1, Ordering::Relaxed);
                    drop(clone);
                    Request::end_ok(rq).map_err(|_| EIO)?;
                }
                2 => Request::complete(rq).map_err(|_| EIO)?,
                _ => Request::complete_after(rq, 1).map_err(|_| EIO)?,
            }
            Ok(())
        }

        fn complete(rq: ARef<Request<Parking>>) {
            let _ = Request::end_ok(rq);
        }
    }

    impl Parked {
        fn new(mode: usize) -> impl PinInit<Self> {
            crate::pin_init!(Parked {
                rqs <- new_spinlock!(KVec::new()),
                refused: AtomicUsize::new(0),
                completed: AtomicUsize::new(0),
                mode: AtomicUsize::new(mode),
            })
        }
    }

    /// A 64 KiB `Parking` disk `/dev/<name>` with `depth` tags.
    fn disk(name: &str, depth: u32, mode: usize) -> Result<GenDisk<Parking>> {
        let set = TagSet::new(depth)?;
        let parked = KBox::pin_init(Parked::new(mode), GFP_KERNEL)?;
        GenDiskBuilder::new()
            .capacity_sectors(128)
            .logical_block_size(4096)
            .build(fmt!("{}", name), set, parked)
    }

    /// Reads 4 KiB at `pos` of `path`; the byte every byte should be.
    fn read_block(path: &CStr, pos: i64) -> Result<u8> {
        let f = File::open(path, O_RDONLY)?;
        f.llseek(pos, 0)?;
        let mut buf = [0u8; 4096];
        if f.kernel_read(&mut buf)? != buf.len() {
            return Err(EIO);
        }
        let first = buf[0];
        if buf.iter().any(|&b| b != first) {
            return Err(EINVAL);
        }
        Ok(first)
    }

    #[test]
    fn end_waits_for_the_last_reference() -> Result {
        let d = disk("rmq_end", 2, 1)?;
        d.queue_data().refused.store(0, Ordering::Relaxed);
        // Block 10: not among those the partition scan read (cached).
        kunit_assert_eq!(read_block(c_str!("/dev/rmq_end"), 80 * 512), Ok(80));
        kunit_assert_eq!(d.queue_data().refused.load(Ordering::Relaxed), 1);
        Ok(())
    }

    #[test]
    fn complete_and_complete_after_reach_complete() -> Result {
        for mode in [2, 3] {
            let d = disk("rmq_complete", 2, mode)?;
            kunit_assert_eq!(read_block(c_str!("/dev/rmq_complete"), 88 * 512), Ok(88));
            drop(d);
        }
        Ok(())
    }

    /// Three readers on a disk of two tags: two requests wait in the
    /// driver with distinct tags, the third waits for a tag, and gets one
    /// once they end. They read every other page, so that no read looks
    /// sequential and reads ahead into another reader's page.
    #[test]
    fn requests_in_flight_and_tag_wait() -> Result {
        // Built ending requests at once: `build` reads the partition table.
        let d = disk("rmq_park", 2, 1)?;
        d.queue_data().mode.store(0, Ordering::Relaxed);
        let parked = || d.queue_data().rqs.lock_irqsave().len();
        let mut readers = KVec::new();
        for i in 0..3i64 {
            let t = task::spawn(c_str!("rmq_reader"), move || {
                read_block(c_str!("/dev/rmq_park"), (2 * i + 10) * 4096)
            })?;
            readers.push(t, GFP_KERNEL)?;
        }
        let wait_for = |n: usize| {
            for _ in 0..500 {
                if parked() >= n {
                    break;
                }
                task::msleep(2);
            }
            parked()
        };
        kunit_assert_eq!(wait_for(2), 2);
        task::msleep(20);
        kunit_assert_eq!(parked(), 2, "a third request got a tag of two");
        let taken: KVec<_> = core::mem::take(&mut *d.queue_data().rqs.lock_irqsave());
        kunit_assert!(taken[0].tag() != taken[1].tag() && taken[0].tag() < 2 && taken[1].tag() < 2);
        for rq in taken {
            kunit_assert!(Request::end_ok(rq).is_ok());
        }
        kunit_assert_eq!(wait_for(1), 1);
        for rq in core::mem::take(&mut *d.queue_data().rqs.lock_irqsave()) {
            kunit_assert!(Request::end_ok(rq).is_ok());
        }
        let mut sectors = KVec::new();
        for t in readers {
            sectors.push(t.join()?, GFP_KERNEL)?;
        }
        sectors.sort_unstable();
        kunit_assert_eq!(&sectors[..], &[80u8, 96, 112][..]);
        Ok(())
    }

    #[test]
    fn request_data_made_and_dropped_once() -> Result {
        let (made, dropped) = (
            MADE.load(Ordering::Relaxed),
            DROPPED.load(Ordering::Relaxed),
        );
        FAIL_AT.store(made + 3, Ordering::Relaxed);
        let failed = TagSet::<Parking>::new(5);
        FAIL_AT.store(usize::MAX, Ordering::Relaxed);
        kunit_assert_eq!(failed.err(), Some(EIO));
        kunit_assert_eq!(MADE.load(Ordering::Relaxed), made + 3);
        kunit_assert_eq!(DROPPED.load(Ordering::Relaxed), dropped + 3);
        let set = TagSet::<Parking>::new(5)?;
        kunit_assert_eq!(MADE.load(Ordering::Relaxed), made + 8);
        drop(set);
        kunit_assert_eq!(DROPPED.load(Ordering::Relaxed), dropped + 8);
        kunit_assert_eq!(TagSet::<Parking>::new(0).err(), Some(EINVAL));
        let bad = GenDiskBuilder::new().logical_block_size(1000);
        let set = TagSet::<Parking>::new(1)?;
        let parked = KBox::pin_init(Parked::new(1), GFP_KERNEL)?;
        kunit_assert_eq!(bad.build(fmt!("rmq_bad"), set, parked).err(), Some(EINVAL));
        Ok(())
    }

    /// Makes a disk, reads a block through it, removes it.
    fn cycle() -> Result {
        let d = disk("rmq_nomem", 2, 2)?;
        let got = read_block(c_str!("/dev/rmq_nomem"), 80 * 512);
        drop(d);
        match got {
            Ok(80) => Ok(()),
            Ok(_) => Err(EINVAL),
            Err(e) => Err(e),
        }
    }

    #[test]
    fn allocation_failures_leak_nothing() -> Result {
        cycle()?; // warm the caches
        let before = fault_inject::memory_in_use();
        let mut failures = 0;
        for n in 0..300 {
            let guard = fault_inject::fail_after_scoped(n);
            let res = cycle();
            let fired = !fault_inject::armed();
            drop(guard);
            if !fired {
                kunit_assert!(res.is_ok());
                break;
            }
            failures += 1;
            kunit_assert!(res.is_ok() || res == Err(ENOMEM), "{:?} at {}", res, n);
        }
        kunit_assert!(failures > 5, "{} failures", failures);
        kunit_assert_eq!(fault_inject::memory_in_use(), before);
        cycle()
    }
}
