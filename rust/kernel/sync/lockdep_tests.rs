// SPDX-License-Identifier: GPL-2.0-only

//! The lock-order checker through Rust's locks: the `rust_lockdep` suite,
//! after the C `lockdep` one (`kernel/locking/lockdep_kunit.c`).
//!
//! Each [`new_mutex!`](crate::new_mutex) and
//! [`new_spinlock!`](crate::new_spinlock) call site is a lock class of its
//! own: an A -> B, B -> A inversion of two sites is reported, naming both,
//! while two locks of one site taken in both orders are one class and are
//! not. A [`SpinLock`] taken in (simulated) hard IRQ context and also with
//! interrupts enabled is reported; with [`Lock::lock_irqsave`] it is not.
//! The deliberate reports print as "EXPECTED (test)", which
//! `scripts/run_tests.py` lets through.
//!
//! [`Lock::lock_irqsave`]: crate::sync::Lock::lock_irqsave

#[crate::kunit_tests(rust_lockdep)]
mod cases {
    use crate::prelude::*;
    use crate::sync::{Backend, Lock, SpinLock};
    use core::ffi::c_void;
    use core::ptr::{addr_of, addr_of_mut};

    /// Reports the checker has made so far.
    fn reports() -> usize {
        // SAFETY: a plain read of a counter the checker only increments.
        unsafe { addr_of!(bindings::lockdep_reports).read_volatile() }
    }

    /// Runs `f` with the checker's reports marked as expected.
    fn expecting_report(f: impl FnOnce()) {
        // SAFETY: only the test running now sets and clears the flag.
        unsafe { addr_of_mut!(bindings::lockdep_expect_report).write_volatile(true) };
        f();
        // SAFETY: as above.
        unsafe { addr_of_mut!(bindings::lockdep_expect_report).write_volatile(false) };
    }

    /// The class names of the last report: (held, acquired).
    fn last_report() -> (Option<&'static CStr>, &'static CStr) {
        // SAFETY: the names are the classes' names, static C strings, or
        // NULL for the held lock of an IRQ-safety report; the test made the
        // last report, so nothing changes them now.
        unsafe {
            let r = addr_of!(bindings::lockdep_last_report).read();
            let held = (!r.held.is_null()).then(|| CStr::from_char_ptr(r.held));
            (held, CStr::from_char_ptr(r.acquired))
        }
    }

    /// Takes `outer`, then `inner`, then releases both.
    fn nest<B: Backend>(outer: &Lock<(), B>, inner: &Lock<(), B>) {
        let _o = outer.lock();
        let _i = inner.lock();
    }

    /// Takes `a` then `b` (no report), then `b` then `a`: one report, of
    /// `b` (named `b_name`) held while acquiring `a` (`a_name`).
    fn check_inversion<B: Backend>(a: &Lock<(), B>, b: &Lock<(), B>, a_name: &[u8], b_name: &[u8]) {
        let before = reports();

        nest(a, b);
        kunit_assert_eq!(reports(), before);
        expecting_report(|| nest(b, a));
        kunit_assert_eq!(reports(), before + 1);
        let (held, acquired) = last_report();
        kunit_assert_eq!(held.map(CStr::as_bytes), Some(b_name));
        kunit_assert_eq!(acquired.as_bytes(), a_name);
    }

    #[test]
    fn mutex_inversion_is_reported() -> Result {
        let a = KBox::pin_init(new_mutex!((), "rust_lockdep_mutex_a"), GFP_KERNEL)?;
        let b = KBox::pin_init(new_mutex!((), "rust_lockdep_mutex_b"), GFP_KERNEL)?;

        check_inversion(&a, &b, b"rust_lockdep_mutex_a", b"rust_lockdep_mutex_b");
        Ok(())
    }

    #[test]
    fn spinlock_inversion_is_reported() -> Result {
        let a = KBox::pin_init(new_spinlock!((), "rust_lockdep_spin_a"), GFP_KERNEL)?;
        let b = KBox::pin_init(new_spinlock!((), "rust_lockdep_spin_b"), GFP_KERNEL)?;

        check_inversion(&a, &b, b"rust_lockdep_spin_a", b"rust_lockdep_spin_b");
        Ok(())
    }

    /// Two mutexes made at one call site: one class, never reported.
    #[test]
    fn one_site_is_one_class() -> Result {
        let make = || KBox::pin_init(new_mutex!(()), GFP_KERNEL);
        let (a, b) = (make()?, make()?);
        let before = reports();

        nest(&a, &b);
        nest(&b, &a);
        kunit_assert_eq!(reports(), before);
        Ok(())
    }

    /// Takes and releases the `SpinLock<()>` at `arg`.
    unsafe extern "C" fn lock_unlock(arg: *mut c_void) {
        // SAFETY: `arg` is the pinned lock `irq_safety_is_checked` passes,
        // alive for the call.
        let lock = unsafe { &*arg.cast::<SpinLock<()>>() };
        drop(lock.lock());
    }

    #[test]
    fn irq_safety_is_checked() -> Result {
        let lock = KBox::pin_init(new_spinlock!((), "rust_lockdep_irq"), GFP_KERNEL)?;
        let lock_ref: &SpinLock<()> = &lock;
        let arg = core::ptr::from_ref(lock_ref).cast_mut().cast::<c_void>();
        let before = reports();

        // SAFETY: `lock_unlock` only takes the lock at `arg`, alive here.
        unsafe { bindings::lockdep_kunit_in_hardirq(Some(lock_unlock), arg) };
        drop(lock.lock_irqsave());
        kunit_assert_eq!(reports(), before);
        expecting_report(|| drop(lock.lock()));
        kunit_assert_eq!(reports(), before + 1);
        let (held, acquired) = last_report();
        kunit_assert!(held.is_none());
        kunit_assert_eq!(acquired.as_bytes(), b"rust_lockdep_irq");
        Ok(())
    }
}
