// SPDX-License-Identifier: GPL-2.0-only

//! Built-in Rust modules: the [`Module`] trait, [`ThisModule`], and the
//! run-time support that the [`module!`](crate::module!) macro expands to.
//!
//! Ferrite links every module into vmlinux, as Linux does for `=y`
//! modules. A module's `init` runs once at boot from the initcall table,
//! at level 6 (`device_initcall`), after every C initcall of levels 0-5
//! and of level 6 itself, in link order (see
//! `Documentation/rust/macros.rst`). Its instance lives in a static until
//! shutdown, when the exit-call table drops it: `kernel_power_off()` and
//! the end of a `kunit=1` run both call `do_exitcalls()`.
//!
//! # Examples
//!
//! (Not run as a doctest: `module!` registers an initcall at link time.)
//!
//! ```ignore
//! use kernel::prelude::*;
//!
//! module! {
//!     type: Hello,
//!     name: "hello",
//!     license: "GPL",
//! }
//!
//! struct Hello;
//!
//! impl kernel::Module for Hello {
//!     fn init(module: &'static ThisModule) -> Result<Self> {
//!         pr_info!("{:?} loaded\n", module.name());
//!         Ok(Hello)
//!     }
//! }
//!
//! impl Drop for Hello {
//!     fn drop(&mut self) {
//!         pr_info!("unloaded\n");
//!     }
//! }
//! ```

use crate::error::Result;
use core::cell::UnsafeCell;
use core::ffi::CStr;
use core::mem::MaybeUninit;
use core::sync::atomic::{AtomicU8, Ordering};

/// A built-in module: made at boot by [`Module::init`], dropped at
/// shutdown.
///
/// Declare one per crate with [`module!`](crate::module!).
pub trait Module: Sized + Sync + Send {
    /// Initialises the module; runs once, from the initcall table, in
    /// process context (it may sleep and allocate).
    ///
    /// An error is logged with the module's name and its errno is
    /// returned to `do_initcalls()`; boot goes on without the module, and
    /// nothing is dropped at shutdown.
    fn init(module: &'static ThisModule) -> Result<Self>;
}

/// A module's identity and metadata, as written in
/// [`module!`](crate::module!).
///
/// Ferrite has no loadable modules, so there is no C `struct module`
/// behind it (Linux's `ThisModule` wraps one): it describes the module to
/// Rust code, e.g. to name it in messages.
pub struct ThisModule {
    name: &'static CStr,
    description: &'static str,
    license: &'static str,
    authors: &'static [&'static str],
}

impl ThisModule {
    /// Describes a module; called by the code [`module!`](crate::module!)
    /// generates.
    pub const fn new(
        name: &'static CStr,
        description: &'static str,
        license: &'static str,
        authors: &'static [&'static str],
    ) -> ThisModule {
        ThisModule {
            name,
            description,
            license,
            authors,
        }
    }

    /// The module's name (`name:`), a C identifier.
    pub fn name(&self) -> &'static CStr {
        self.name
    }

    /// The module's name as a `&str`.
    pub fn name_str(&self) -> &'static str {
        // `module!` only accepts ASCII identifiers.
        self.name.to_str().unwrap_or("?")
    }

    /// The module's description (`description:`), or `""`.
    pub fn description(&self) -> &'static str {
        self.description
    }

    /// The module's licence (`license:`), a GPL-compatible one.
    pub fn license(&self) -> &'static str {
        self.license
    }

    /// The module's authors (`authors:`).
    pub fn authors(&self) -> &'static [&'static str] {
        self.authors
    }
}

/// An initcall: what the `.initcall<level>.init` sections hold
/// (`initcall_t` in `include/linux/init.h`).
pub type InitCall = extern "C" fn() -> ffi::c_int;

/// An exit call: what the `.exitcall.exit` section holds (`exitcall_t`).
pub type ExitCall = extern "C" fn();

/// [`ModuleInstance::state`] values.
mod state {
    /// `init` has not run.
    pub(super) const EMPTY: u8 = 0;
    /// `init` is running.
    pub(super) const INITIALISING: u8 = 1;
    /// `init` succeeded: the value is there.
    pub(super) const LIVE: u8 = 2;
    /// `init` failed, or the value has been dropped.
    pub(super) const GONE: u8 = 3;
}

/// The storage for a module's instance: a static written by the module's
/// initcall and emptied by its exit call.
///
/// Used by the code [`module!`](crate::module!) generates. Both calls are
/// safe to make at any time: a state machine makes a second `init` fail
/// (`EBUSY`) and an `exit` without a live instance do nothing, so
/// generated code needs no `unsafe`.
pub struct ModuleInstance<T: Module> {
    /// One of the [`state`] constants.
    state: AtomicU8,
    /// Initialised exactly when `state` is `LIVE`.
    value: UnsafeCell<MaybeUninit<T>>,
}

// SAFETY: `value` is only touched by `init` (which writes it while the
// state is INITIALISING, that is by exactly one thread) and by `exit`
// (which drops it after moving the state from LIVE to GONE, again by
// exactly one thread, ordered after the write by Release/Acquire). No
// reference to the value is ever handed out, so sharing the static only
// needs the value to be movable to the thread that drops it: `T: Send`,
// which `Module` requires.
unsafe impl<T: Module> Sync for ModuleInstance<T> {}

impl<T: Module> ModuleInstance<T> {
    /// Empty storage.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        ModuleInstance {
            state: AtomicU8::new(state::EMPTY),
            value: UnsafeCell::new(MaybeUninit::uninit()),
        }
    }

    /// Runs [`Module::init`] and keeps the instance; returns 0, or the
    /// negative errno after logging the failure.
    pub fn init(&self, module: &'static ThisModule) -> ffi::c_int {
        if self
            .state
            .compare_exchange(
                state::EMPTY,
                state::INITIALISING,
                Ordering::Acquire,
                Ordering::Relaxed,
            )
            .is_err()
        {
            crate::print::call_printk(
                &crate::print::format_strings::ERR,
                module.name_str(),
                format_args!("init called twice\n"),
            );
            return crate::error::code::EBUSY.to_errno();
        }
        match T::init(module) {
            Ok(value) => {
                // SAFETY: the state is INITIALISING, which only this call
                // could set (the exchange above), so nothing else reads or
                // writes `value` now.
                unsafe { (*self.value.get()).write(value) };
                self.state.store(state::LIVE, Ordering::Release);
                0
            }
            Err(e) => {
                crate::print::call_printk(
                    &crate::print::format_strings::ERR,
                    module.name_str(),
                    format_args!("init failed: {e:?}\n"),
                );
                self.state.store(state::GONE, Ordering::Release);
                e.to_errno()
            }
        }
    }

    /// Drops the instance if `init` made one.
    pub fn exit(&self) {
        if self
            .state
            .compare_exchange(
                state::LIVE,
                state::GONE,
                Ordering::Acquire,
                Ordering::Relaxed,
            )
            .is_ok()
        {
            // SAFETY: the state was LIVE, so `init` wrote the value (the
            // Acquire pairs with its Release store), and this call alone
            // moved it to GONE: the value is dropped exactly once and
            // nothing uses it afterwards.
            unsafe { (*self.value.get()).assume_init_drop() };
        }
    }

    /// Whether the instance exists (`init` succeeded and `exit` has not
    /// run).
    pub fn is_live(&self) -> bool {
        self.state.load(Ordering::Acquire) == state::LIVE
    }
}
