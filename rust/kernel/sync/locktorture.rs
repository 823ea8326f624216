// SPDX-License-Identifier: GPL-2.0-only

//! Lock torture for Rust's locks: the `rust_locktorture` suite, after the
//! C one (`kernel/locking/locktorture.c`).
//!
//! Writer threads take a [`SpinLock`] (with [`SpinLock::lock`] or
//! [`SpinLock::lock_irqsave`]) or a [`Mutex`] over and over for a bounded
//! time. Inside, each raises an "inside" flag (finding it raised is an
//! error) and adds one to a counter in two steps, a load and a later
//! store, with a pause between: without exclusion, updates get lost. The
//! counter and flag are relaxed atomics outside the lock, so that a lock
//! which does not exclude shows as lost updates, not as a data race: the
//! "busted" kind, where each writer takes a lock of its own, must be
//! caught, which shows the test can fail.

#[crate::kunit_tests(rust_locktorture)]
mod cases {
    use crate::prelude::*;
    use crate::sync::{Arc, Mutex, SpinLock};
    use crate::task::{self, Thread};
    use core::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::Relaxed};

    /// Writer threads per run.
    const WRITERS: usize = 4;
    /// How long each run lasts, once every writer has started.
    const RUN_MS: u32 = 300;
    /// The longest wait for the writers to start: a virtual CPU of a busy
    /// host may get no time for a while, and the run's clock starts only
    /// when all of them run, so that each has the whole run to get in.
    const START_MAX_MS: u32 = 10_000;

    /// Which lock the writers take.
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Spin,
        SpinIrqsave,
        Mutex,
        /// Each writer takes its own mutex: no exclusion at all.
        Busted,
    }

    /// What the writers share.
    struct Shared {
        spin: Pin<KBox<SpinLock<()>>>,
        mutex: Pin<KBox<Mutex<()>>>,
        counter: AtomicU64,
        inside: AtomicBool,
        errors: AtomicUsize,
        stop: AtomicBool,
        /// Writers that have started.
        started: AtomicUsize,
    }

    /// The critical section: check and raise the flag, update the counter
    /// in two steps, lower the flag. `sleep` lets the others run meanwhile.
    fn critical(s: &Shared, sleep: bool) {
        if s.inside.swap(true, Relaxed) {
            s.errors.fetch_add(1, Relaxed);
        }
        let v = s.counter.load(Relaxed);
        if sleep {
            task::msleep(1);
        } else {
            for _ in 0..200 {
                core::hint::spin_loop();
            }
        }
        s.counter.store(v + 1, Relaxed);
        s.inside.store(false, Relaxed);
    }

    /// One writer: returns how many times it went through the section.
    fn writer(s: &Shared, kind: Kind, own: &Mutex<()>) -> u64 {
        let mut n = 0u64;
        s.started.fetch_add(1, Relaxed);
        while !s.stop.load(Relaxed) {
            // Sleeping locks sometimes sleep inside, so that even one CPU
            // interleaves the writers there.
            let sleep = n.is_multiple_of(16);
            match kind {
                Kind::Spin => {
                    let _g = s.spin.lock();
                    critical(s, false);
                }
                Kind::SpinIrqsave => {
                    let _g = s.spin.lock_irqsave();
                    critical(s, false);
                }
                Kind::Mutex => {
                    let _g = s.mutex.lock();
                    critical(s, sleep);
                }
                Kind::Busted => {
                    let _g = own.lock();
                    critical(s, sleep);
                }
            }
            n += 1;
            if n.is_multiple_of(32) {
                task::yield_now();
            }
        }
        n
    }

    /// Runs the writers on `kind` for `RUN_MS`: (errors, counter, acquisitions).
    fn torture(kind: Kind) -> Result<(usize, u64, u64)> {
        let s = Arc::new(
            Shared {
                spin: KBox::pin_init(new_spinlock!(()), GFP_KERNEL)?,
                mutex: KBox::pin_init(new_mutex!(()), GFP_KERNEL)?,
                counter: AtomicU64::new(0),
                inside: AtomicBool::new(false),
                errors: AtomicUsize::new(0),
                stop: AtomicBool::new(false),
                started: AtomicUsize::new(0),
            },
            GFP_KERNEL,
        )?;
        let mut threads: KVec<Thread<u64>> = KVec::with_capacity(WRITERS, GFP_KERNEL)?;
        for _ in 0..WRITERS {
            let mine = s.clone();
            let own = KBox::pin_init(new_mutex!(()), GFP_KERNEL)?;
            let t = task::spawn(c_str!("rust_torture"), move || writer(&mine, kind, &own));
            match t {
                Ok(t) => threads.push(t, GFP_KERNEL)?,
                Err(e) => {
                    s.stop.store(true, Relaxed);
                    return Err(e);
                }
            }
        }
        let mut waited = 0;
        while s.started.load(Relaxed) < WRITERS && waited < START_MAX_MS {
            task::msleep(1);
            waited += 1;
        }
        task::msleep(RUN_MS);
        s.stop.store(true, Relaxed);
        let mut total = 0;
        for t in threads {
            let n = t.join();
            kunit_assert!(n > 0);
            total += n;
        }
        Ok((s.errors.load(Relaxed), s.counter.load(Relaxed), total))
    }

    /// Each real lock: nobody found another inside, no update lost.
    fn expect_exclusion(kind: Kind) -> Result {
        let (errors, counter, total) = torture(kind)?;
        kunit_assert_eq!(errors, 0);
        kunit_assert_eq!(counter, total);
        Ok(())
    }

    #[test]
    fn spinlock_excludes() -> Result {
        expect_exclusion(Kind::Spin)
    }

    #[test]
    fn spinlock_irqsave_excludes() -> Result {
        expect_exclusion(Kind::SpinIrqsave)
    }

    #[test]
    fn mutex_excludes() -> Result {
        expect_exclusion(Kind::Mutex)
    }

    #[test]
    fn catches_busted_lock() -> Result {
        let (errors, counter, total) = torture(Kind::Busted)?;
        kunit_assert!(errors > 0);
        kunit_assert!(counter < total);
        Ok(())
    }
}
