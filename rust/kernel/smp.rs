// SPDX-License-Identifier: GPL-2.0-only

//! Several CPUs: which one runs the caller, how many are online, and
//! running a function on each (C `<linux/smp.h>`,
//! `Documentation/core-api/smp.rst`).
//!
//! Secondary CPUs run no task yet: a cross-CPU call is how code runs on
//! several CPUs at once. The function runs in interrupt context with
//! interrupts off, so it must not sleep (no [`Mutex`](crate::sync::Mutex),
//! [`CondVar`](crate::sync::CondVar) or waiting on a
//! [`Completion`](crate::sync::Completion)); a
//! [`SpinLock`](crate::sync::SpinLock), atomics and [`Arc`](crate::sync::Arc)
//! clones are fine.
//!
//! # Examples
//!
//! ```
//! use core::sync::atomic::{AtomicU32, Ordering};
//!
//! let calls = AtomicU32::new(0);
//! kernel::smp::on_each_cpu(&|| {
//!     calls.fetch_add(1, Ordering::Relaxed);
//! });
//! assert_eq!(calls.load(Ordering::Relaxed), kernel::smp::num_online_cpus());
//! ```

use core::ffi::c_void;

/// The number of the CPU running the caller.
///
/// A task may move to another CPU right after (once secondary CPUs run
/// tasks): the answer is only stable with preemption or interrupts off,
/// as in a function [`on_each_cpu`] runs.
pub fn processor_id() -> u32 {
    // SAFETY: reads the calling CPU's `cpu_info`, always set up.
    unsafe { bindings::smp_processor_id() }
}

/// How many CPUs are online.
pub fn num_online_cpus() -> u32 {
    // SAFETY: reads the online mask, which only CPU bring-up writes
    // (atomically).
    unsafe { bindings::num_online_cpus() }
}

/// Runs `f` on every online CPU, the caller's included, each time with
/// interrupts off (in interrupt context on the other CPUs), and returns
/// once every call has returned.
///
/// `f` must not sleep. It is shared by the CPUs, hence `Sync`. Call from a
/// task with interrupts on: two CPUs waiting for each other with
/// interrupts off would wait forever.
pub fn on_each_cpu<F: Fn() + Sync>(f: &F) {
    unsafe extern "C" fn call<F: Fn() + Sync>(info: *mut c_void) {
        // SAFETY: `info` is the `&F` that `on_each_cpu` passed; it is
        // alive, because `on_each_cpu` waits for this call to return.
        let f = unsafe { &*info.cast_const().cast::<F>() };
        f();
    }
    // SAFETY: `call::<F>` has the C signature of `smp_call_func_t` and
    // only reads `info` as an `&F`; with `wait` = 1 the C function
    // returns after every call has returned, so `f` outlives them; `F:
    // Sync` makes sharing `&F` between CPUs sound.
    unsafe { bindings::on_each_cpu(Some(call::<F>), core::ptr::from_ref(f).cast_mut().cast(), 1) };
}
