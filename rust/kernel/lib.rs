// SPDX-License-Identifier: GPL-2.0-only

//! The `kernel` crate: Ferrite's Rust API.
//!
//! Rust code in the kernel uses this crate (and `core`), never the C
//! functions directly: drivers and samples are compiled with `unsafe_code`
//! forbidden, so every `unsafe` block lives here, each with a `// SAFETY:`
//! comment. Start with [`prelude`]; the modules are listed below.
//!
//! Two things every Rust object needs to link into vmlinux live here too:
//!
//! - the panic handler ([`mod@panic`]), which reports message and location
//!   through the C `panic()` (an oops, never a silent hang);
//! - the global allocator, over `krealloc()`/`kfree()`. `alloc` is built
//!   with `no_global_oom_handling`, so only fallible allocation exists:
//!   every allocation returns a `Result` and running out of memory is
//!   never a panic. Use [`KBox`](alloc::KBox) and [`KVec`](alloc::KVec).

#![no_std]
#![feature(rustc_attrs)]
#![feature(ptr_alignment_type)]
#![feature(allocator_api)]
#![allow(internal_features)]

pub mod alloc;
pub mod block;
pub mod buf;
pub mod build_assert;
pub mod chrdev;
pub mod cmdline;
pub mod cred;
pub mod device;
pub mod devres;
pub mod dma;
pub mod error;
pub mod fs;
pub mod hw_random;
pub mod ida;
pub mod init;
pub mod io;
pub mod ioctl;
pub mod iov;
pub mod irq;
#[cfg(CONFIG_KUNIT)]
pub mod kunit;
pub mod miscdevice;
pub mod module;
pub mod module_param;
#[cfg(CONFIG_PCI)]
pub mod pci;
pub mod platform;
pub mod poll;
pub mod print;
pub mod revocable;
pub mod smp;
pub mod str;
pub mod sync;
pub mod task;
pub mod time;
pub mod transmute;
pub mod types;
pub mod uaccess;
#[cfg(CONFIG_PCI)]
pub mod virtio;
pub mod workqueue;

/// The prefix of this crate's `pr_*!` messages (see [`print`]); `module!`
/// gives every module its own.
const __LOG_PREFIX: &str = "rust_kernel";

// The `macros` crate's output names `::kernel::...` paths; this makes them
// work inside this crate too (where only the tests use it: unused in a
// production build).
#[allow(unused_extern_crates)]
extern crate self as kernel;

pub use crate::module::{Module, ThisModule};
pub use ffi;
pub use macros::{kunit_tests, module, vtable};
/// The user-space API (`include/uapi/`): ioctl numbers and limits that a
/// driver shares with its C users.
pub use uapi;

/// What most kernel Rust code needs in scope: `use kernel::prelude::*;`.
pub mod prelude {
    pub use crate::alloc::{flags::*, AllocError, KBox, KVBox, KVVec, KVec, VBox, VVec};
    pub use crate::error::{code::*, Error, Result};
    pub use crate::init::{InPlaceInit, Init, PinInit};
    pub use crate::str::{fmt, CStr, CString};
    pub use crate::types::ForeignOwnable;
    pub use crate::{build_assert, build_error, c_str, current, static_assert};
    pub use crate::{
        dev_alert, dev_crit, dev_dbg, dev_emerg, dev_err, dev_info, dev_notice, dev_warn,
    };
    pub use crate::{global_lock, new_mutex, new_spinlock, pin_data, pin_init};
    #[cfg(CONFIG_KUNIT)]
    pub use crate::{kunit_assert, kunit_assert_eq, kunit_assert_ne};
    pub use crate::{kunit_tests, module, vtable, Module, ThisModule};
    pub use crate::{
        pr_alert, pr_cont, pr_crit, pr_debug, pr_emerg, pr_err, pr_info, pr_notice, pr_warn,
    };
    pub use crate::{stack_pin_init, stack_try_pin_init, try_pin_init};
    pub use core::pin::Pin;
}

/// `panic()` declared by hand: bindgen 0.60 drops `__noreturn`, and the
/// panic handler must be able to call a function returning `!`. The
/// signature must match `include/linux/bug.h`.
mod c {
    use ffi::c_char;

    unsafe extern "C" {
        /// `void panic(const char *fmt, ...)`, never returns.
        pub(crate) fn panic(fmt: *const c_char, ...) -> !;
    }
}

/// The panic handler: Rust panics become kernel panics.
pub mod panic {
    use crate::c;
    use core::fmt::{self, Write};
    use core::sync::atomic::{AtomicBool, Ordering};

    /// Longest panic report passed to C; longer ones are cut.
    const REPORT_LEN: usize = 256;

    /// A fixed buffer that formats into a NUL-terminated C string,
    /// silently truncating.
    struct Report {
        buf: [u8; REPORT_LEN],
        len: usize,
    }

    impl Write for Report {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            // Keep the last byte for the NUL terminator.
            let room = REPORT_LEN - 1 - self.len;
            let n = s.len().min(room);
            self.buf[self.len..self.len + n].copy_from_slice(&s.as_bytes()[..n]);
            self.len += n;
            Ok(())
        }
    }

    /// Set by the first panic: a panic while reporting one (a bug in the
    /// formatting code) must not recurse.
    static PANICKING: AtomicBool = AtomicBool::new(false);

    #[panic_handler]
    fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
        if PANICKING.swap(true, Ordering::Relaxed) {
            // SAFETY: a literal format string without conversions.
            unsafe { c::panic(c"Rust panic while reporting a Rust panic".as_ptr().cast()) }
        }
        let mut report = Report {
            buf: [0; REPORT_LEN],
            len: 0,
        };
        let _ = match info.location() {
            Some(loc) => write!(
                report,
                "Rust panic at {}:{}:{}: {}",
                loc.file(),
                loc.line(),
                loc.column(),
                info.message()
            ),
            None => write!(report, "Rust panic: {}", info.message()),
        };
        // A NUL inside the message would only end the C string early.
        report.buf[report.len] = 0;
        // SAFETY: "%s" takes one NUL-terminated string, which `report.buf`
        // is (the last byte is never written by `write_str`).
        unsafe { c::panic(c"%s".as_ptr().cast(), report.buf.as_ptr()) }
    }
}
