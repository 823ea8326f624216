// SPDX-License-Identifier: GPL-2.0-only

//! `/dev/rust_lkdtm`: the Rust half of the crash test
//! `lkdtm=rust_misc_panic` (`drivers/misc/lkdtm.c`).
//!
//! A misc device whose `ioctl` panics on [`LKDTM_RUST_PANIC`] (and is
//! `ENOTTY` for every other command, so that tools probing devices do not
//! set it off). lkdtm opens the node and calls that `ioctl` through the C
//! VFS (`vfs_ioctl()`), and `scripts/run_tests.py` checks that a panic in
//! a Rust driver method is a kernel panic naming this file and line, with
//! the table's `ioctl` trampoline and the C caller in the backtrace,
//! rather than a hang. A safe driver like any other: the crash is the
//! driver's own `panic!`, not something the `kernel` crate does for it.

#![no_std]
#![forbid(unsafe_code)]

use kernel::fs::{File, FileOperations};
use kernel::ioctl::_IO;
use kernel::miscdevice::{MiscDeviceOptions, MiscDeviceRegistration};
use kernel::prelude::*;

module! {
    type: RustLkdtmModule,
    name: "rust_lkdtm",
    authors: ["Ferrite developers"],
    description: "Crash test: a panic in a Rust ioctl",
    license: "GPL",
}

/// Panics (the crash test); `drivers/misc/lkdtm.c` has the same number.
pub const LKDTM_RUST_PANIC: u32 = _IO(b'L', 0x52);

/// The driver: only `open` and `ioctl`.
struct RustLkdtm;

#[vtable]
impl FileOperations for RustLkdtm {
    type Ptr = ();
    type RegistrationData = ();

    fn open(_file: &File, _data: &()) -> Result {
        Ok(())
    }

    fn ioctl(_device: (), _file: &File, cmd: u32, _arg: usize) -> Result<isize> {
        if cmd != LKDTM_RUST_PANIC {
            return Err(ENOTTY);
        }
        panic!("lkdtm: panic in a Rust ioctl (cmd {:#x})", cmd);
    }
}

/// The module: holds the registration, so `/dev/rust_lkdtm` exists while
/// the kernel runs.
struct RustLkdtmModule {
    _reg: Pin<KBox<MiscDeviceRegistration<RustLkdtm>>>,
}

impl Module for RustLkdtmModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        let opts = MiscDeviceOptions {
            name: c_str!("rust_lkdtm"),
        };
        let reg = KBox::pin_init(MiscDeviceRegistration::register(opts, ()), GFP_KERNEL)?;
        Ok(RustLkdtmModule { _reg: reg })
    }
}
