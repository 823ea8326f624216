// SPDX-License-Identifier: GPL-2.0-only

//! Credentials: who a task is and what it may do ([`Credential`], a C
//! `struct cred`), and capability checks ([`capable`], [`Capability`]).
//!
//! C side: `include/linux/cred.h`, `include/linux/capability.h`,
//! `kernel/cred.c`, `kernel/capability.c`. A `struct cred` never changes
//! once a task uses it (a task that changes its ids installs a new one), so
//! a [`Credential`] is read without a lock. Ids are plain numbers: Ferrite
//! has no user namespaces, so Linux's `kuid_t` is the `uid_t` itself.
//!
//! A driver that guards an operation checks the caller's effective set
//! with [`capable`]; one that judges by who opened a file reads
//! [`File::cred`](crate::fs::File::cred).
//!
//! # Examples
//!
//! ```
//! use kernel::cred::{capable, Capability, Credential};
//!
//! // Tests run in kernel threads, which hold init_cred: root, every
//! // capability.
//! let cred = Credential::current();
//! assert_eq!(cred.euid(), 0);
//! assert!(cred.has_capability(Capability::SYS_ADMIN));
//! assert!(capable(Capability::SYS_ADMIN));
//! ```

use crate::types::{ARef, AlwaysRefCounted, Opaque};
use core::ptr::NonNull;

/// A capability number (`CAP_*` of `include/uapi/linux/capability.h`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capability(u32);

impl Capability {
    /// Change file owners (`CAP_CHOWN`).
    pub const CHOWN: Self = Self(bindings::CAP_CHOWN);
    /// Bypass file permission checks (`CAP_DAC_OVERRIDE`).
    pub const DAC_OVERRIDE: Self = Self(bindings::CAP_DAC_OVERRIDE);
    /// Signal any process (`CAP_KILL`).
    pub const KILL: Self = Self(bindings::CAP_KILL);
    /// Set any uid (`CAP_SETUID`).
    pub const SETUID: Self = Self(bindings::CAP_SETUID);
    /// Set any gid (`CAP_SETGID`).
    pub const SETGID: Self = Self(bindings::CAP_SETGID);
    /// Raw I/O to devices (`CAP_SYS_RAWIO`).
    pub const SYS_RAWIO: Self = Self(bindings::CAP_SYS_RAWIO);
    /// System administration, what no narrower capability covers
    /// (`CAP_SYS_ADMIN`).
    pub const SYS_ADMIN: Self = Self(bindings::CAP_SYS_ADMIN);
    /// Go past resource limits, such as a filesystem's blocks reserved
    /// for root (`CAP_SYS_RESOURCE`).
    pub const SYS_RESOURCE: Self = Self(bindings::CAP_SYS_RESOURCE);

    /// The C `CAP_*` number.
    pub const fn as_raw(self) -> u32 {
        self.0
    }
}

/// Whether the current task's effective set holds `cap` (C `capable()`):
/// what a driver checks before a privileged operation (and fails with
/// `EPERM` otherwise). Never sleeps.
pub fn capable(cap: Capability) -> bool {
    // SAFETY: `capable` only reads current's credentials; any context.
    unsafe { bindings::capable(cap.0 as _) }
}

/// Whether `gid` is the current task's filesystem group id or one of its
/// supplementary groups (C `in_group_p()`). Never sleeps.
pub fn in_group_p(gid: u32) -> bool {
    // SAFETY: `in_group_p` only reads current's credentials; any context.
    unsafe { bindings::in_group_p(gid as _) }
}

/// A task's or an open file's credentials: a C `struct cred`.
///
/// Only ever seen by reference or through an [`ARef<Credential>`], which
/// holds a reference count (`get_cred()`/`put_cred()`).
///
/// # Invariants
///
/// The inner `struct cred` is valid (its count above zero) for as long as
/// the `&Credential` is, and none of its fields change while it is.
#[repr(transparent)]
pub struct Credential(Opaque<bindings::cred>);

// SAFETY: a `struct cred` is never changed once in use and its count is
// atomic: any thread may read it or drop a reference to it.
unsafe impl Send for Credential {}
// SAFETY: as above: every method only reads fields that never change.
unsafe impl Sync for Credential {}

// SAFETY: `get_cred()` and `put_cred()` take and drop a reference; the last
// `put_cred()` frees it. Both may be called from any thread, and never
// sleep.
unsafe impl AlwaysRefCounted for Credential {
    fn inc_ref(&self) {
        // SAFETY: the credentials are valid (type invariant).
        unsafe { bindings::get_cred(self.0.get()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: the caller owns a reference and gives it up.
        unsafe { bindings::put_cred(obj.as_ptr().cast()) }
    }
}

impl Credential {
    /// A `&Credential` for a C pointer.
    ///
    /// # Safety
    ///
    /// `ptr` is a valid `struct cred` that stays valid for `'a`.
    #[inline(always)]
    pub unsafe fn from_ptr<'a>(ptr: *const bindings::cred) -> &'a Credential {
        // INVARIANT: valid for `'a` (the caller's promise); a `struct cred`
        // in use never changes (`include/linux/cred.h`).
        // SAFETY: `Credential` is a transparent wrapper, and `ptr` valid for
        // `'a` (the caller's promise).
        unsafe { &*ptr.cast::<Credential>() }
    }

    /// The current task's credentials, with a reference: they stay valid
    /// (and the same) even if the task installs new ones meanwhile. Never
    /// sleeps.
    pub fn current() -> ARef<Credential> {
        // SAFETY: every task has credentials (`current->cred` is set when
        // the task is made and only replaced, under a reference, by
        // `commit_creds()` of the task itself, which is not running it now).
        let cred = unsafe { Credential::from_ptr(bindings::current_cred()) };
        cred.into()
    }

    fn raw(&self) -> &bindings::cred {
        // SAFETY: valid and unchanging while `self` is (type invariant).
        unsafe { &*self.0.get() }
    }

    /// The real user id.
    pub fn uid(&self) -> u32 {
        self.raw().uid
    }

    /// The effective user id: whom the task acts as.
    pub fn euid(&self) -> u32 {
        self.raw().euid
    }

    /// The file-system user id: whom file permission checks see.
    pub fn fsuid(&self) -> u32 {
        self.raw().fsuid
    }

    /// The real group id.
    pub fn gid(&self) -> u32 {
        self.raw().gid
    }

    /// The effective group id.
    pub fn egid(&self) -> u32 {
        self.raw().egid
    }

    /// Whether the effective set holds `cap`, as [`capable`] checks for
    /// the current task.
    pub fn has_capability(&self, cap: Capability) -> bool {
        self.raw().cap_effective.val & (1u64 << cap.0) != 0
    }
}

/// Removes `cap` from the current task's effective set (a copy of its
/// credentials, committed; the permitted set keeps it), as a process does
/// with `capset(2)`: for tests that check a refusal, in a thread they
/// spawn (kernel threads share `init_cred`, which stays untouched). Fails
/// with `ENOMEM`. May sleep. Test builds only.
#[cfg(CONFIG_KUNIT)]
pub fn drop_effective(cap: Capability) -> crate::error::Result {
    // SAFETY: `prepare_creds` returns a private copy of current's
    // credentials, or NULL.
    let new = unsafe { bindings::prepare_creds() };
    if new.is_null() {
        return Err(crate::error::code::ENOMEM);
    }
    // SAFETY: `new` is the private copy, not yet seen by anyone else;
    // `commit_creds` takes the reference `prepare_creds` gave.
    unsafe {
        (*new).cap_effective.val &= !(1u64 << cap.0);
        bindings::commit_creds(new);
    }
    Ok(())
}
