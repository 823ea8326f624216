// SPDX-License-Identifier: GPL-2.0-only

//! Rust minimal sample: the smallest useful built-in module.
//!
//! Its `init` runs at boot from the initcall table (level 6, after the C
//! drivers), fills a vector with fallible pushes and prints it; the
//! instance lives until shutdown, when `Drop` prints it again. Built with
//! unsafe code forbidden, like every crate outside `rust/kernel`.

#![no_std]
#![forbid(unsafe_code)]

use kernel::prelude::*;

module! {
    type: RustMinimal,
    name: "rust_minimal",
    authors: ["Ferrite developers"],
    description: "Rust minimal sample",
    license: "GPL",
}

struct RustMinimal {
    numbers: KVec<i32>,
}

impl Module for RustMinimal {
    fn init(module: &'static ThisModule) -> Result<Self> {
        pr_info!("Rust minimal sample (init)\n");
        pr_info!(
            "{}: built in, licence {}\n",
            module.name_str(),
            module.license()
        );

        let mut numbers = KVec::new();
        numbers.push(72, GFP_KERNEL)?;
        numbers.push(108, GFP_KERNEL)?;
        numbers.push(200, GFP_KERNEL)?;

        Ok(RustMinimal { numbers })
    }
}

impl Drop for RustMinimal {
    fn drop(&mut self) {
        pr_info!("My numbers are {:?}\n", self.numbers);
        pr_info!("Rust minimal sample (exit)\n");
    }
}
