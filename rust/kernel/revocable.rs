// SPDX-License-Identifier: GPL-2.0-only

//! [`Revocable<T>`]: a value that its owner can take away from everyone
//! who shares it.
//!
//! Users reach the value only for the length of a closure
//! ([`try_access_with`](Revocable::try_access_with)), which gets `None`
//! once the value is revoked; [`revoke`](Revocable::revoke) drops the
//! value after any access in progress has ended. The closure runs under
//! a spinlock with interrupts off (Linux uses RCU here): it must not
//! sleep, and may run in interrupt context.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::revocable::Revocable;
//!
//! let r = KBox::pin_init(Revocable::new(7u32), GFP_KERNEL)?;
//! assert_eq!(r.try_access_with(|v| *v + 1), Some(8));
//! assert!(r.revoke());
//! assert_eq!(r.try_access_with(|v| *v + 1), None);
//! assert!(!r.revoke()); // once only
//! # Ok::<(), Error>(())
//! ```

use crate::init::PinInit;
use crate::new_spinlock;
use crate::sync::SpinLock;

crate::pin_data! {
    /// A `T` that can be revoked; see the module documentation.
    pub struct Revocable<T> {
        #[pin]
        data: SpinLock<Option<T>>,
    }
}

impl<T: Unpin> Revocable<T> {
    /// An initialiser of a `Revocable` holding `data`.
    pub fn new(data: T) -> impl PinInit<Self> {
        crate::pin_init!(Self {
            data <- new_spinlock!(Some(data)),
        })
    }

    /// Runs `f` on the value, unless it was revoked (`None`). `f` runs
    /// with a spinlock held and interrupts off: it must not sleep.
    pub fn try_access_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.data.lock_irqsave().as_ref().map(f)
    }

    /// Takes the value away and drops it (outside the lock); whether it
    /// was still there. Waits for an access in progress. Drops `T` in
    /// the caller's context.
    pub fn revoke(&self) -> bool {
        let old = self.data.lock_irqsave().take();
        old.is_some()
    }
}
