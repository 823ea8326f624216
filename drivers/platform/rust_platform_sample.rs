// SPDX-License-Identifier: GPL-2.0-only

//! Rust platform driver sample: binds to the board's
//! `"rust-platform-sample"` device (`arch/x86_64/kernel/board.c`) and
//! logs its probe and its remove.
//!
//! The driver's data ([`SampleDriver`]) is made by `probe` for each
//! device it binds to and dropped when the device or the driver goes
//! away: the `Drop` impl is the remove. It keeps a counted reference to
//! its device to name it in the remove message. Built with unsafe code
//! forbidden, like every Rust driver.

#![no_std]

use core::sync::atomic::{AtomicUsize, Ordering};
use kernel::platform;
use kernel::prelude::*;
use kernel::types::ARef;

/// What the id table entry of a device tells the driver.
#[derive(Debug)]
struct BoardInfo {
    /// Where the device is declared.
    declared_by: &'static str,
}

/// Per-device data: alive from probe to remove.
struct SampleDriver {
    pdev: ARef<platform::Device>,
}

/// Devices bound now.
static BOUND: AtomicUsize = AtomicUsize::new(0);

impl platform::Driver for SampleDriver {
    type IdInfo = BoardInfo;
    const ID_TABLE: platform::IdTable<BoardInfo> = &[(
        c_str!("rust-platform-sample"),
        BoardInfo {
            declared_by: "board code",
        },
    )];

    fn probe(pdev: &platform::Device, info: Option<&BoardInfo>) -> Result<Pin<KBox<Self>>> {
        let declared_by = info.map_or("?", |i| i.declared_by);
        dev_info!(pdev, "probe (declared by {})\n", declared_by);
        let data = KBox::pin(SampleDriver { pdev: pdev.into() }, GFP_KERNEL)?;
        BOUND.fetch_add(1, Ordering::Relaxed);
        Ok(data)
    }
}

impl Drop for SampleDriver {
    fn drop(&mut self) {
        BOUND.fetch_sub(1, Ordering::Relaxed);
        dev_info!(self.pdev, "remove\n");
    }
}

kernel::module_platform_driver! {
    type: SampleDriver,
    name: "rust_platform_sample",
    authors: ["Ferrite developers"],
    description: "Rust platform driver sample",
    license: "GPL",
}

#[kernel::kunit_tests(rust_platform_sample)]
mod tests {
    use super::*;

    use kernel::print::log_tail_contains;

    #[test]
    fn bound_to_the_board_device() -> Result {
        let dev = platform::Device::find_by_name(c_str!("rust-platform-sample")).ok_or(ENODEV)?;
        kunit_assert!(dev.is_bound());
        kunit_assert_eq!(dev.id(), None);
        kunit_assert!(BOUND.load(Ordering::Relaxed) >= 1);
        Ok(())
    }

    #[test]
    fn probe_and_remove_are_logged() -> Result {
        let before = BOUND.load(Ordering::Relaxed);
        // A second device of the same name is probed by the driver that
        // the module registered at boot.
        let dev = platform::DeviceRegistration::new(c_str!("rust-platform-sample"), 1)?;
        kunit_assert!(dev.is_bound());
        kunit_assert_eq!(BOUND.load(Ordering::Relaxed), before + 1);
        kunit_assert!(log_tail_contains(
            b"rust_platform_sample rust-platform-sample.1: probe (declared by board code)"
        ));
        drop(dev);
        kunit_assert_eq!(BOUND.load(Ordering::Relaxed), before);
        kunit_assert!(log_tail_contains(
            b"rust_platform_sample rust-platform-sample.1: remove"
        ));
        Ok(())
    }
}
