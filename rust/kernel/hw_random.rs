// SPDX-License-Identifier: GPL-2.0-only

//! Hardware random number generators (`include/linux/hw_random.h`).
//!
//! A driver implements [`HwRng`] and keeps a [`Registration`] while its
//! device is bound; `/dev/hwrng` reads from the current generator (the
//! first registered that is still there). The core serialises reads and
//! [`HwRng::read`] runs in process context: it may sleep and take
//! mutexes. Dropping the registration waits for a read in progress to
//! return, so a read that waits for the device must be woken first when
//! the device goes away.
//!
//! # Examples
//!
//! ```
//! use kernel::hw_random::{HwRng, Registration};
//! use kernel::prelude::*;
//!
//! struct Fours;
//!
//! impl HwRng for Fours {
//!     fn read(&self, buf: &mut [u8], _wait: bool) -> Result<usize> {
//!         buf.fill(4); // chosen by fair dice roll
//!         Ok(buf.len())
//!     }
//! }
//!
//! let reg = Registration::new(c_str!("fours-example"), Fours)?;
//! // The name is taken while it is registered.
//! assert!(Registration::new(c_str!("fours-example"), Fours).is_err());
//! drop(reg);
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{flags::GFP_KERNEL, KBox};
use crate::error::{to_result, Result};
use crate::str::CStr;
use crate::types::Opaque;
use core::ffi::c_void;

/// A source of random bytes.
pub trait HwRng: Send + Sync + 'static {
    /// Fills the start of `buf` and returns how many bytes it filled.
    /// With `wait`, it may sleep until it has at least one byte; without,
    /// it returns what it has at once (possibly 0). Process context.
    fn read(&self, buf: &mut [u8], wait: bool) -> Result<usize>;
}

/// The C generator and the Rust one it calls, at a fixed heap address.
struct Inner<T> {
    rng: Opaque<bindings::hwrng>,
    data: T,
}

/// A registered [`HwRng`], unregistered when dropped.
///
/// # Invariants
///
/// `inner.rng` is registered with `priv` pointing to `inner`, from `new`
/// until `drop`.
pub struct Registration<T: HwRng> {
    inner: KBox<Inner<T>>,
}

// SAFETY: the C generator is only touched by the core under its mutex;
// `T` is `Send + Sync`.
unsafe impl<T: HwRng> Send for Registration<T> {}
// SAFETY: as above: `&Registration` only gives `&T`.
unsafe impl<T: HwRng> Sync for Registration<T> {}

impl<T: HwRng> Registration<T> {
    /// Registers `data` under `name`. `EEXIST` if the name is taken,
    /// `ENOMEM`. May sleep.
    pub fn new(name: &'static CStr, data: T) -> Result<Self> {
        let inner = KBox::new(
            Inner {
                rng: Opaque::zeroed(),
                data,
            },
            GFP_KERNEL,
        )?;
        let rng = inner.rng.get();
        // SAFETY: `rng` is ours, zeroed, not registered yet: we fill in
        // what the core reads (the list head is its own).
        unsafe {
            (*rng).name = name.as_ptr();
            (*rng).read = Some(read_callback::<T>);
            (*rng).priv_ = core::ptr::from_ref(&*inner) as usize;
        }
        // SAFETY: the generator is filled in and stays at this heap
        // address, with `inner` alive, until `drop` unregisters it.
        to_result(unsafe { bindings::hwrng_register(rng) })?;
        // INVARIANT: registered just now, `priv` pointing to `inner`.
        Ok(Registration { inner })
    }

    /// The generator.
    pub fn data(&self) -> &T {
        &self.inner.data
    }
}

impl<T: HwRng> Drop for Registration<T> {
    fn drop(&mut self) {
        // SAFETY: registered by `new`; once this returns, no read runs on
        // it or will, so `inner` may be freed.
        unsafe { bindings::hwrng_unregister(self.inner.rng.get()) }
    }
}

/// The C `read`: calls [`HwRng::read`] on the core's buffer.
unsafe extern "C" fn read_callback<T: HwRng>(
    rng: *mut bindings::hwrng,
    data: *mut c_void,
    max: usize,
    wait: bool,
) -> ffi::c_int {
    // SAFETY: `rng` is registered by a `Registration<T>`, whose `priv` is
    // the address of its live `Inner<T>` (type invariant).
    let inner = unsafe { &*((*rng).priv_ as *const Inner<T>) };
    // SAFETY: the core passes its own buffer of `max` bytes, used by no one
    // else during the call (it holds its mutex).
    let buf = unsafe { core::slice::from_raw_parts_mut(data.cast::<u8>(), max) };
    match inner.data.read(buf, wait) {
        Ok(n) => ffi::c_int::try_from(n.min(max)).unwrap_or(ffi::c_int::MAX),
        Err(e) => e.to_errno(),
    }
}
