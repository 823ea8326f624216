// SPDX-License-Identifier: GPL-2.0-only

//! The configuration of a null block device (`include/linux/null_blk.h`),
//! shared by the twins `drivers/block/null_blk.c` and `rnull.rs`, and
//! (test builds) the hook through which their shared tests drive the Rust
//! one (`include/kunit/null_blk.h`).

/// When a null block device ends its requests (`NULL_IRQ_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IrqMode {
    /// Inside `queue_rq`.
    None,
    /// Through [`Request::complete`](super::mq::Request::complete).
    Soft,
    /// From a timer, `completion_nsec` later.
    Timer,
}

/// What a null block device is to be (C's `struct nullb_config`).
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Size in MiB, 1..=1048576.
    pub size_mib: u64,
    /// The logical block size.
    pub block_size: u32,
    /// When requests end.
    pub irqmode: IrqMode,
    /// The timer mode's delay, rounded up to a tick.
    pub completion_nsec: u64,
    /// Whether written data is kept (else reads give zeroes).
    pub memory_backed: bool,
    /// Requests in flight at most.
    pub hw_queue_depth: u32,
    /// `badblock_nr` sectors from `badblock_start` fail with `EIO`.
    pub badblock_start: u64,
    /// See `badblock_start`.
    pub badblock_nr: u64,
}

impl Config {
    /// The mode numbered `mode` (`NULL_IRQ_*`), `None` for another number.
    pub fn irqmode_from(mode: u32) -> Option<IrqMode> {
        match mode {
            bindings::NULL_IRQ_NONE => Some(IrqMode::None),
            bindings::NULL_IRQ_SOFTIRQ => Some(IrqMode::Soft),
            bindings::NULL_IRQ_TIMER => Some(IrqMode::Timer),
            _ => None,
        }
    }
}

#[cfg(CONFIG_KUNIT)]
pub use twin::{register_rnull_twin, NullbTwin};

#[cfg(CONFIG_KUNIT)]
mod twin {
    use super::Config;
    use crate::alloc::{flags::GFP_KERNEL, KBox};
    use crate::error::{code::EINVAL, Result};
    use crate::str::CStr;
    use crate::types::ForeignOwnable;
    use core::marker::PhantomData;

    /// A null block device as the shared tests drive it
    /// (`struct nullb_twin_ops`).
    pub trait NullbTwin: Sized + Send + Sync + 'static {
        /// A new disk for `cfg`, added. Sleeps.
        fn add(cfg: &Config) -> Result<Self>;
        /// Its name (`"rnullb1"`).
        fn disk_name(&self) -> &CStr;
        /// Flushes it received.
        fn nr_flushes(&self) -> u64;
        /// Fills `buf` from its memory at byte `pos` (zeroes where nothing
        /// was written); `EINVAL` outside the device or without memory.
        fn peek(&self, pos: u64, buf: &mut [u8]) -> Result;
    }

    struct TwinVTable<T>(PhantomData<T>);

    impl<T: NullbTwin> TwinVTable<T> {
        const VTABLE: bindings::nullb_twin_ops = bindings::nullb_twin_ops {
            add_dev: Some(Self::add_dev),
            del_dev: Some(Self::del_dev),
            disk_name: Some(Self::disk_name),
            nr_flushes: Some(Self::nr_flushes),
            peek: Some(Self::peek),
        };

        /// # Safety
        ///
        /// `cfg` is a valid configuration, read during the call.
        unsafe extern "C" fn add_dev(cfg: *const bindings::nullb_config) -> *mut ffi::c_void {
            // SAFETY: the caller's guarantee.
            let c = unsafe { &*cfg };
            let Some(irqmode) = Config::irqmode_from(c.irqmode) else {
                return EINVAL.to_ptr();
            };
            let cfg = Config {
                size_mib: c.size as u64,
                block_size: c.bs,
                irqmode,
                completion_nsec: c.completion_nsec as u64,
                memory_backed: c.memory_backed,
                hw_queue_depth: c.hw_queue_depth,
                badblock_start: c.badblock_start,
                badblock_nr: c.badblock_nr,
            };
            match T::add(&cfg).and_then(|dev| Ok(KBox::new(dev, GFP_KERNEL)?)) {
                Ok(dev) => dev.into_foreign(),
                Err(err) => err.to_ptr(),
            }
        }

        /// # Safety
        ///
        /// `dev` came from `add_dev` and is not used again.
        unsafe extern "C" fn del_dev(dev: *mut ffi::c_void) {
            // SAFETY: the caller's guarantee.
            drop(unsafe { KBox::<T>::from_foreign(dev) })
        }

        /// # Safety
        ///
        /// `dev` came from `add_dev`, not deleted; the name is used only
        /// until it is.
        unsafe extern "C" fn disk_name(dev: *mut ffi::c_void) -> *const ffi::c_char {
            // SAFETY: the caller's guarantee.
            unsafe { KBox::<T>::borrow(dev) }.disk_name().as_ptr()
        }

        /// # Safety
        ///
        /// As for `disk_name`.
        unsafe extern "C" fn nr_flushes(dev: *mut ffi::c_void) -> ffi::c_ulong {
            // SAFETY: the caller's guarantee.
            unsafe { KBox::<T>::borrow(dev) }.nr_flushes() as ffi::c_ulong
        }

        /// # Safety
        ///
        /// As for `disk_name`; `buf` is valid for writes of `len` bytes and
        /// not used by anyone else during the call.
        unsafe extern "C" fn peek(
            dev: *mut ffi::c_void,
            pos: u64,
            buf: *mut ffi::c_void,
            len: usize,
        ) -> ffi::c_int {
            // SAFETY: the caller's guarantee.
            let (dev, buf) = unsafe {
                (
                    KBox::<T>::borrow(dev),
                    core::slice::from_raw_parts_mut(buf.cast::<u8>(), len),
                )
            };
            match dev.peek(pos, buf) {
                Ok(()) => 0,
                Err(err) => err.to_errno(),
            }
        }
    }

    /// Makes `T` the device of the shared tests' "rnull" suite. Once, at
    /// boot (`rnull`'s init).
    pub fn register_rnull_twin<T: NullbTwin>() {
        // SAFETY: the table is `'static`; its callbacks keep the contracts
        // of `struct nullb_twin_ops`.
        unsafe { bindings::rnull_twin_register(&TwinVTable::<T>::VTABLE) }
    }
}
