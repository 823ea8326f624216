// SPDX-License-Identifier: GPL-2.0-only

//! Rust synchronisation sample: kernel threads sharing data safely.
//!
//! - Several threads add to one counter, an `Arc<Mutex<u64>>`: the total
//!   is exact.
//! - A producer thread hands numbers over to the module's init, one at a
//!   time, through a one-slot mailbox: a `Mutex` and two `CondVar`s built
//!   in place in an `Arc` with `pin_init!`.
//! - A `static` spinlock (`global_lock!`) counts the threads that ran.
//!
//! Built with unsafe code forbidden, like every crate outside
//! `rust/kernel`: locks, condition variables and their in-place
//! initialisation are all safe to use.

#![no_std]
#![forbid(unsafe_code)]

use kernel::prelude::*;
use kernel::sync::{Arc, CondVar, Mutex};
use kernel::task::{self, Thread};

module! {
    type: RustSync,
    name: "rust_sync",
    authors: ["Ferrite developers"],
    description: "Rust synchronisation sample",
    license: "GPL",
}

/// Threads adding to the counter.
const WORKERS: usize = 4;
/// Additions per thread.
const ROUNDS: u64 = 1000;
/// Numbers the producer hands over.
const ITEMS: u32 = 64;

global_lock! {
    /// Threads of this sample that have finished.
    static FINISHED: SpinLock<u32> = 0;
}

pin_data! {
    /// A one-slot mailbox: the producer waits for it to be empty, the
    /// consumer for it to be full.
    struct Mailbox {
        #[pin]
        slot: Mutex<Option<u32>>,
        #[pin]
        filled: CondVar,
        #[pin]
        emptied: CondVar,
    }
}

/// `WORKERS` threads add 1 to a shared counter `ROUNDS` times each; the
/// counter is returned when they are all done.
fn count_together() -> Result<Arc<Mutex<u64>>> {
    let counter = Arc::pin_init(new_mutex!(0u64), GFP_KERNEL)?;
    let mut workers: KVec<Thread<()>> = KVec::with_capacity(WORKERS, GFP_KERNEL)?;
    for _ in 0..WORKERS {
        let counter = counter.clone();
        let worker = task::spawn(c_str!("rust_sync_add"), move || {
            for i in 0..ROUNDS {
                *counter.lock() += 1;
                // Let the others in now and then, so they interleave.
                if i % 100 == 0 {
                    task::yield_now();
                }
            }
            *FINISHED.lock() += 1;
        })?;
        workers.push(worker, GFP_KERNEL)?;
    }
    for worker in workers {
        worker.join();
    }
    Ok(counter)
}

/// A producer thread sends 1..=`ITEMS` through a mailbox; returns how many
/// numbers arrived, in order, and their sum.
fn hand_off() -> Result<(u32, u64)> {
    let mailbox = Arc::pin_init(
        pin_init!(Mailbox {
            slot <- new_mutex!(None),
            filled <- CondVar::new(),
            emptied <- CondVar::new(),
        }),
        GFP_KERNEL,
    )?;

    let producer = {
        let mailbox = mailbox.clone();
        task::spawn(c_str!("rust_sync_prod"), move || {
            for i in 1..=ITEMS {
                let mut slot = mailbox.slot.lock();
                while slot.is_some() {
                    mailbox.emptied.wait(&mut slot);
                }
                *slot = Some(i);
                mailbox.filled.notify_one();
            }
            *FINISHED.lock() += 1;
        })?
    };

    let (mut in_order, mut sum) = (0, 0);
    for expected in 1..=ITEMS {
        let mut slot = mailbox.slot.lock();
        let item = loop {
            if let Some(item) = slot.take() {
                break item;
            }
            mailbox.filled.wait(&mut slot);
        };
        mailbox.emptied.notify_one();
        drop(slot);
        if item == expected {
            in_order += 1;
        }
        sum += u64::from(item);
    }
    producer.join();
    Ok((in_order, sum))
}

struct RustSync {
    counter: Arc<Mutex<u64>>,
}

impl Module for RustSync {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        pr_info!("Rust synchronisation sample (init)\n");

        let counter = count_together()?;
        let total = *counter.lock();
        pr_info!("{WORKERS} threads added {ROUNDS} each: total {total}\n");

        let (in_order, sum) = hand_off()?;
        pr_info!("hand-off: {in_order} of {ITEMS} numbers in order, sum {sum}\n");

        let finished = *FINISHED.lock();
        pr_info!("{finished} threads finished\n");

        if total != WORKERS as u64 * ROUNDS
            || in_order != ITEMS
            || sum != u64::from(ITEMS) * u64::from(ITEMS + 1) / 2
            || finished != WORKERS as u32 + 1
        {
            pr_err!("Rust synchronisation sample: wrong results\n");
            return Err(EIO);
        }
        Ok(RustSync { counter })
    }
}

impl Drop for RustSync {
    fn drop(&mut self) {
        pr_info!(
            "Rust synchronisation sample (exit): counter {}\n",
            *self.counter.lock()
        );
    }
}
