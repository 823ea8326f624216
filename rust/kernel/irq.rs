// SPDX-License-Identifier: GPL-2.0-only

//! Interrupt handlers (`include/linux/interrupt.h`).
//!
//! - [`Handler`]: what runs when the line fires: [`Handler::handle`]
//!   says whether the interrupt was its device's ([`IrqReturn`]).
//! - [`Registration`]: a handler installed on a line with
//!   `request_irq()`, owning the handler; dropping it calls `free_irq()`
//!   and only then drops the handler.
//!
//! A handler runs in interrupt context, with interrupts off: it must not
//! sleep, so it takes no mutex and allocates nothing; spinlocks and
//! atomics are fine. It is `Sync` because the code that owns the
//! [`Registration`] may use it (through [`Registration::handler`]) while
//! an interrupt runs it. Work that needs to sleep goes to a workqueue
//! ([`crate::workqueue`]). A level-triggered line (PCI INTx) keeps firing
//! until the handler makes the device deassert it.
//!
//! Ferrite runs on one CPU, so `free_irq()` returning means the handler
//! is not running and will not run again; with more CPUs this would need
//! Linux's `synchronize_irq()`.

use crate::alloc::{flags::GFP_KERNEL, KBox};
use crate::error::{to_result, Result};
use crate::str::CStr;
use core::ffi::c_void;

/// What a handler says about an interrupt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IrqReturn {
    /// Not this handler's device.
    None,
    /// Handled: the device no longer asserts the line.
    Handled,
}

/// An interrupt handler; see the module documentation for its rules.
pub trait Handler: Sync + Send + 'static {
    /// Handles an interrupt on the line, in interrupt context.
    fn handle(&self) -> IrqReturn;
}

/// A [`Handler`] installed on an interrupt line, freed when dropped.
///
/// # Invariants
///
/// `handler` is installed on line `irq` with its own address as the
/// `dev` cookie, from `new` until `drop`.
pub struct Registration<T: Handler> {
    irq: u32,
    handler: KBox<T>,
}

impl<T: Handler> Registration<T> {
    /// Installs `handler` on line `irq` under `name` (shown in
    /// diagnostics) and unmasks the line. The handler may run before this
    /// returns. Errors: `EINVAL` (no such line), `EBUSY` (the line has a
    /// handler; lines are not shared yet), `ENOMEM`.
    pub fn new(irq: u32, name: &'static CStr, handler: T) -> Result<Self> {
        let handler = KBox::new(handler, GFP_KERNEL)?;
        let cookie = core::ptr::from_ref::<T>(&handler)
            .cast_mut()
            .cast::<c_void>();
        // SAFETY: `cookie` points to the boxed handler, which stays at
        // that address until `drop` frees the line and only then frees
        // the box; `name` is static; the trampoline matches `T`.
        to_result(unsafe {
            bindings::request_irq(
                irq,
                Some(handle_irq_callback::<T>),
                0,
                name.as_ptr(),
                cookie,
            )
        })?;
        // INVARIANT: installed just now with the box's address.
        Ok(Registration { irq, handler })
    }

    /// The line.
    pub fn irq(&self) -> u32 {
        self.irq
    }

    /// The handler, for the code that owns the registration.
    pub fn handler(&self) -> &T {
        &self.handler
    }
}

impl<T: Handler> Drop for Registration<T> {
    fn drop(&mut self) {
        let cookie = core::ptr::from_ref::<T>(&self.handler)
            .cast_mut()
            .cast::<c_void>();
        // SAFETY: by the type invariant the handler is installed on `irq`
        // with this cookie; on one CPU, once `free_irq()` returns it
        // neither runs nor will run, so the box may be dropped after.
        unsafe { bindings::free_irq(self.irq, cookie) };
    }
}

/// The C handler: calls [`Handler::handle`] on the registered handler.
unsafe extern "C" fn handle_irq_callback<T: Handler>(
    _irq: ffi::c_int,
    cookie: *mut c_void,
) -> bindings::irqreturn_t {
    // SAFETY: `cookie` is the address of a live `T` (see `Registration`),
    // which is `Sync`, so a shared reference from interrupt context is fine.
    let handler = unsafe { &*cookie.cast::<T>() };
    match handler.handle() {
        IrqReturn::None => bindings::irqreturn_IRQ_NONE,
        IrqReturn::Handled => bindings::irqreturn_IRQ_HANDLED,
    }
}

// Every case drives QEMU's edu PCI device.
#[cfg(CONFIG_PCI)]
#[crate::kunit_tests(rust_irq)]
mod tests {
    use super::*;
    use crate::pci;
    use crate::prelude::*;
    use core::sync::atomic::{AtomicU32, Ordering};

    const EDU_INTR_STATUS: usize = 0x24;
    const EDU_INTR_RAISE: usize = 0x60;
    const EDU_INTR_ACK: usize = 0x64;

    struct EduIrq {
        regs: pci::Bar<0x100>,
        seen: AtomicU32,
        calls: AtomicU32,
    }

    impl Handler for EduIrq {
        fn handle(&self) -> IrqReturn {
            let status = self.regs.read32(EDU_INTR_STATUS);
            if status == 0 {
                return IrqReturn::None;
            }
            self.regs.write32(status, EDU_INTR_ACK);
            self.seen.store(status, Ordering::Relaxed);
            self.calls.fetch_add(1, Ordering::Relaxed);
            IrqReturn::Handled
        }
    }

    /// Waits up to a second for `calls` to reach `n`.
    fn wait_calls(h: &EduIrq, n: u32) -> bool {
        for _ in 0..100 {
            if h.calls.load(Ordering::Relaxed) >= n {
                return true;
            }
            crate::task::msleep(10);
        }
        false
    }

    #[test]
    fn edu_interrupt_reaches_the_handler() -> Result {
        let Some(dev) = pci::edu_or_skip() else {
            return Ok(());
        };
        let irq = dev.irq().ok_or(ENODEV)?;
        dev.enable_device()?;
        let handler = EduIrq {
            regs: dev.iomap_region::<0x100>(0)?,
            seen: AtomicU32::new(0),
            calls: AtomicU32::new(0),
        };
        let reg = Registration::new(irq, c_str!("rust-irq-test"), handler)?;
        kunit_assert_eq!(reg.irq(), irq);
        // The line is taken: a second handler is refused (and dropped).
        let other = EduIrq {
            regs: dev.iomap_region::<0x100>(0)?,
            seen: AtomicU32::new(0),
            calls: AtomicU32::new(0),
        };
        kunit_assert!(matches!(
            Registration::new(irq, c_str!("rust-irq-test2"), other),
            Err(e) if e == EBUSY
        ));
        reg.handler().regs.write32(0x5a, EDU_INTR_RAISE);
        kunit_assert!(wait_calls(reg.handler(), 1));
        kunit_assert_eq!(reg.handler().seen.load(Ordering::Relaxed), 0x5a);
        kunit_assert_eq!(reg.handler().regs.read32(EDU_INTR_STATUS), 0);
        drop(reg);
        // Freed: the line can be taken again.
        let again = EduIrq {
            regs: dev.iomap_region::<0x100>(0)?,
            seen: AtomicU32::new(0),
            calls: AtomicU32::new(0),
        };
        let reg = Registration::new(irq, c_str!("rust-irq-test"), again)?;
        drop(reg);
        dev.disable_device();
        Ok(())
    }
}
