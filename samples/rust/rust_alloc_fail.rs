// SPDX-License-Identifier: GPL-2.0-only

//! Rust allocation failure sample: makes allocations fail on purpose
//! (fault injection) and shows that safe Rust gets an `ENOMEM` it can
//! handle, not a crash, a leak or a half-changed value; then allocates
//! for real.
//!
//! Fault injection counts every allocation request in the kernel, so each
//! armed window here is a single call. Built with unsafe code forbidden.

#![no_std]
#![forbid(unsafe_code)]

use kernel::alloc::{fault_inject, Flags};
use kernel::prelude::*;

module! {
    type: RustAllocFail,
    name: "rust_alloc_fail",
    authors: ["Ferrite developers"],
    description: "Rust allocation failure sample",
    license: "GPL",
}

struct RustAllocFail {
    numbers: KVec<u32>,
    table: KVec<KBox<u64>>,
}

/// Failures are expected here: no message from the allocator.
const QUIET: Flags = GFP_KERNEL.union(__GFP_NOWARN);

/// Builds `n` boxed values; the first failure ends it with `ENOMEM`, and
/// what was built so far is freed on the way out.
fn build_table(n: u64, flags: Flags) -> Result<KVec<KBox<u64>>> {
    let mut table = KVec::with_capacity(n as usize, flags)?;
    for i in 0..n {
        table.push(KBox::new(i * i, flags)?, flags)?;
    }
    Ok(table)
}

/// Reports how an allocation that was meant to fail went.
fn expect_enomem<T>(what: &str, r: Result<T>) {
    match r {
        Err(e) if e == ENOMEM => pr_info!("{what}: failed with {e:?}, handled\n"),
        Err(e) => pr_warn!("{what}: failed with {e:?}, expected ENOMEM\n"),
        // Another allocation took the injected failure first.
        Ok(_) => pr_warn!("{what}: succeeded, the failure hit something else\n"),
    }
}

impl Module for RustAllocFail {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        pr_info!("Rust allocation failure sample (init)\n");
        let injected = fault_inject::count();

        // A box: the very next allocation fails.
        let r = {
            let _armed = fault_inject::fail_after_scoped(0);
            KBox::new([0u8; 128], QUIET)
        };
        expect_enomem("KBox::new", r.map_err(Error::from));

        // A vector that cannot grow is left as it was.
        let mut numbers = KVec::with_capacity(4, GFP_KERNEL)?;
        let mut next = 1;
        while numbers.push_within_capacity(next).is_ok() {
            next += 1;
        }
        let r = {
            let _armed = fault_inject::fail_after_scoped(0);
            numbers.push(next, QUIET)
        };
        expect_enomem("KVec::push", r.map_err(Error::from));
        pr_info!("the vector still holds {:?}\n", numbers);

        // A failure in the middle of a build-up: `?` returns ENOMEM and
        // drops the three boxes already made.
        let r = {
            let _armed = fault_inject::fail_after_scoped(4);
            build_table(8, QUIET)
        };
        expect_enomem("build_table (fails at the 5th allocation)", r);
        pr_info!(
            "{} allocation failures injected\n",
            fault_inject::count() - injected
        );

        // Disarmed: the same work succeeds.
        numbers.push(next, GFP_KERNEL)?;
        let table = build_table(8, GFP_KERNEL)?;
        pr_info!(
            "then succeeded: {:?}, table sum {}\n",
            numbers,
            table.iter().map(|b| **b).sum::<u64>()
        );
        Ok(RustAllocFail { numbers, table })
    }
}

impl Drop for RustAllocFail {
    fn drop(&mut self) {
        pr_info!(
            "Rust allocation failure sample (exit): {} numbers, {} boxes\n",
            self.numbers.len(),
            self.table.len()
        );
    }
}
