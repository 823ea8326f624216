// SPDX-License-Identifier: GPL-2.0-only

//! Device resources (`devm_*`): [`Devres<T>`], a value that belongs to a
//! driver's binding to a device and is revoked when the driver unbinds.
//!
//! A driver that hands a resource (a BAR mapping, say) to code that may
//! outlive its binding (a work item, a file someone keeps open) wraps it
//! in a `Devres`. When the device is unbound (after the driver's remove)
//! or its probe fails, the driver core runs the `devm` action that
//! [`Devres::new`] registered: the value is dropped (the BAR unmapped),
//! and every later [`try_access_with`](Devres::try_access_with) returns
//! [`ENXIO`] instead of touching a stale mapping. Dropping the `Devres`
//! first drops the value then and cancels the action. It is built on
//! [`Revocable`], so accesses are short, non-sleeping closures.
//!
//! # Examples
//!
//! ```
//! use kernel::devres::Devres;
//! use kernel::prelude::*;
//!
//! # #[cfg(CONFIG_PCI)]
//! # fn example(dev: &kernel::pci::Device) -> Result {
//! let bar = Devres::new(dev, dev.iomap_region::<0x100>(0)?)?;
//! let ident = bar.try_access_with(|regs| regs.read32(0))?;
//! // ...after the driver unbinds: Err(ENXIO), nothing mapped is touched.
//! # let _ = ident; Ok(()) }
//! # #[cfg(CONFIG_PCI)]
//! # let _ = example;
//! ```

use crate::alloc::flags::GFP_KERNEL;
use crate::device::Device;
use crate::error::{code::*, to_result, Result};
use crate::init::InPlaceInit;
use crate::revocable::Revocable;
use crate::sync::Arc;
use crate::types::ARef;
use core::ffi::c_void;

/// A `T` revoked when the driver of `dev` unbinds.
///
/// # Invariants
///
/// Until `drop` removes it, or it runs, a `devm` action of `dev` owns one
/// reference to `inner` (given up with `Arc::into_raw`) and revokes it.
pub struct Devres<T: Send + Unpin + 'static> {
    inner: Arc<Revocable<T>>,
    dev: ARef<Device>,
}

// The value sits behind the `Arc`: moving a `Devres` moves a pointer.
impl<T: Send + Unpin + 'static> Unpin for Devres<T> {}

impl<T: Send + Unpin + 'static> Devres<T> {
    /// Ties `data` to the current binding of `dev` (call it while a
    /// driver is bound, e.g. in probe). `ENOMEM`. May sleep.
    pub fn new(dev: &Device, data: T) -> Result<Self> {
        let inner = Arc::pin_init(Revocable::new(data), GFP_KERNEL)?;
        let raw = Arc::into_raw(inner.clone());
        // SAFETY: `dev` is alive; the action and its data stay valid until
        // it runs or is removed: `raw` is a reference only it takes back.
        let ret = unsafe {
            bindings::devm_add_action(dev.as_raw(), Some(revoke_action::<T>), raw as *mut c_void)
        };
        if let Err(e) = to_result(ret) {
            // SAFETY: not registered: the reference given up above is ours.
            drop(unsafe { Arc::from_raw(raw) });
            return Err(e);
        }
        // INVARIANT: the action now owns `raw`.
        Ok(Devres {
            inner,
            dev: dev.into(),
        })
    }

    /// Runs `f` on the value; [`ENXIO`] once the driver has unbound. `f`
    /// must not sleep (see [`Revocable::try_access_with`]).
    pub fn try_access_with<R>(&self, f: impl FnOnce(&T) -> R) -> Result<R> {
        self.inner.try_access_with(f).ok_or(ENXIO)
    }
}

impl<T: Send + Unpin + 'static> Drop for Devres<T> {
    fn drop(&mut self) {
        let raw = core::ptr::from_ref::<Revocable<T>>(&self.inner);
        // SAFETY: `dev` is alive; removing an action never runs it.
        let removed = unsafe {
            bindings::devm_remove_action_nowarn(
                self.dev.as_raw(),
                Some(revoke_action::<T>),
                raw as *mut c_void,
            )
        };
        if removed == 0 {
            // SAFETY: the action was removed before it ran, so the
            // reference it owned (type invariant) is ours to drop.
            drop(unsafe { Arc::from_raw(raw) });
        }
        self.inner.revoke();
    }
}

/// The `devm` action: revokes the value and drops the action's reference.
unsafe extern "C" fn revoke_action<T: Send + Unpin + 'static>(data: *mut c_void) {
    // SAFETY: `data` is the reference `Devres::new` gave up for this
    // action, which runs once and is then forgotten.
    let inner = unsafe { Arc::from_raw(data.cast_const().cast::<Revocable<T>>()) };
    inner.revoke();
}

// Every case drives QEMU's edu PCI device.
#[cfg(CONFIG_PCI)]
#[crate::kunit_tests(rust_devres)]
mod tests {
    use super::*;
    use crate::alloc::fault_inject::memory_in_use;
    use crate::alloc::KBox;
    use crate::pci;
    use crate::prelude::*;

    crate::global_lock! {
        /// Where the test driver leaves its BAR, as if handed to a work
        /// item that outlives the binding.
        static KEPT: Mutex<Option<Devres<pci::Bar<0x100>>>> = None;
    }

    struct EduKeep(ARef<pci::Device>);

    impl pci::Driver for EduKeep {
        type IdInfo = ();
        const ID_TABLE: pci::IdTable<()> = &[(pci::DeviceId::from_id(0x1234, 0x11e8), ())];

        fn probe(dev: &pci::Device, _: &()) -> Result<Pin<KBox<Self>>> {
            let data = KBox::pin(EduKeep(dev.into()), GFP_KERNEL)?;
            dev.enable_device()?;
            let bar = Devres::new(dev, dev.iomap_region::<0x100>(0)?)?;
            *KEPT.lock() = Some(bar);
            Ok(data)
        }
    }

    impl Drop for EduKeep {
        fn drop(&mut self) {
            self.0.disable_device();
        }
    }

    /// Whether edu's identification register answers through the kept BAR.
    fn kept_ident() -> Option<Result<bool>> {
        KEPT.lock()
            .as_ref()
            .map(|bar| bar.try_access_with(|regs| pci::edu_swapped(regs.read32(0)).is_some()))
    }

    #[test]
    fn unbinding_revokes_the_bar() -> Result {
        if pci::edu_or_skip().is_none() {
            return Ok(());
        }
        let before = memory_in_use();
        {
            let reg = pci::Registration::<EduKeep>::new(c_str!("rust-devres-test"))?;
            kunit_assert_eq!(kept_ident(), Some(Ok(true)));
            let edu = pci::Device::get(0x1234, 0x11e8).ok_or(ENODEV)?;
            edu.release_driver();
            kunit_assert!(!edu.is_bound());
            // The driver's BAR outlived the binding: revoked, not stale.
            kunit_assert_eq!(kept_ident(), Some(Err(ENXIO)));
            // Rebinding maps it again (the old `Devres` is dropped).
            kunit_assert_eq!(edu.attach(), Ok(true));
            kunit_assert_eq!(kept_ident(), Some(Ok(true)));
            drop(reg);
            kunit_assert_eq!(kept_ident(), Some(Err(ENXIO)));
            drop(KEPT.lock().take());
        }
        kunit_assert_eq!(memory_in_use(), before);
        Ok(())
    }

    #[test]
    fn dropping_first_cancels_the_action() -> Result {
        if pci::edu_or_skip().is_none() {
            return Ok(());
        }
        let before = memory_in_use();
        {
            let reg = pci::Registration::<EduKeep>::new(c_str!("rust-devres-test"))?;
            kunit_assert_eq!(kept_ident(), Some(Ok(true)));
            // Dropped while bound: unmapped now; unbinding later finds
            // no action to run.
            drop(KEPT.lock().take());
            drop(reg);
        }
        kunit_assert_eq!(memory_in_use(), before);
        Ok(())
    }
}
