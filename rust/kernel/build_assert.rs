// SPDX-License-Identifier: GPL-2.0-only

//! Assertions checked when the kernel is built, not when it runs.
//!
//! - [`static_assert!`](crate::static_assert): a condition on constants,
//!   evaluated by the compiler; a false one does not compile. Inside a
//!   generic function, write `const { assert!(...) }` to check a
//!   condition on the type parameters for each instantiation.
//! - [`build_assert!`](macro@crate::build_assert): a condition the optimiser
//!   can decide (function arguments that are constants after inlining,
//!   const generics, sizes). If it is not proven true, the call to the
//!   undefined symbol `rust_build_error` stays in the object and
//!   **linking vmlinux fails** (`undefined reference to
//!   rust_build_error`, in the function that holds the assertion). The
//!   kernel crates are always built optimised (`-Copt-level=2`), which
//!   this relies on, as Linux does.
//! - [`build_error!`](crate::build_error): the same link error for a path
//!   that must be optimised away (e.g. a `#[vtable]` default method that
//!   is never called).
//!
//! `build_assert!` and `build_error!` call a non-`const` function, so
//! they do not work inside a `const fn`; there, use `assert!`, which is
//! a compile-time error when evaluated in a constant.
//!
//! # Examples
//!
//! ```
//! use kernel::{build_assert, static_assert};
//!
//! static_assert!(core::mem::size_of::<u64>() == 8);
//!
//! #[inline(always)]
//! fn field_offset<const N: usize>() -> usize {
//!     // Known at build time in every caller: no code, no link error.
//!     build_assert!(N < 4, "only four fields");
//!     N * 8
//! }
//!
//! fn small<T>() -> usize {
//!     const { ::core::assert!(core::mem::size_of::<T>() <= 16) };
//!     core::mem::size_of::<T>()
//! }
//!
//! assert_eq!(field_offset::<3>(), 24);
//! assert_eq!(small::<u32>(), 4);
//! ```

/// Fails the build if a call is left after optimisation: see the
/// module documentation. Use [`build_error!`](crate::build_error).
#[doc(hidden)]
#[inline(always)]
pub fn build_error(msg: &'static str) -> ! {
    unsafe extern "C" {
        /// Never defined: a reference to it that survives optimisation
        /// is a link error, which is the point.
        fn rust_build_error(msg: *const u8) -> !;
    }
    // SAFETY: this call is never made at run time: the symbol does not
    // exist, so vmlinux only links if the optimiser removed every call.
    unsafe { rust_build_error(msg.as_ptr()) }
}

/// Fails the build (at link time) unless the optimiser removes it: see
/// the module documentation.
///
/// # Examples
///
/// ```
/// fn order(size: usize) -> u32 {
///     match size {
///         4096 => 0,
///         8192 => 1,
///         _ => kernel::build_error!("unsupported size"),
///     }
/// }
///
/// // Inlined with a constant: the error branch is gone.
/// assert_eq!(order(8192), 1);
/// ```
#[macro_export]
macro_rules! build_error {
    () => {
        $crate::build_assert::build_error("build_error!() reached")
    };
    ($msg:expr $(,)?) => {
        $crate::build_assert::build_error($msg)
    };
}

/// Asserts a condition that the optimiser must prove: a false (or
/// unprovable) one fails the build at link time. See the module
/// documentation.
#[macro_export]
macro_rules! build_assert {
    ($cond:expr $(,)?) => {
        if !$cond {
            $crate::build_error!(::core::concat!(
                "build_assert!(",
                ::core::stringify!($cond),
                ") failed"
            ));
        }
    };
    ($cond:expr, $msg:expr $(,)?) => {
        if !$cond {
            $crate::build_error!($msg);
        }
    };
}

/// Asserts a condition on constants at compile time; a false one does
/// not compile. Usable where an item is.
///
/// # Examples
///
/// ```
/// kernel::static_assert!(u32::MAX as u64 + 1 == 1 << 32);
/// kernel::static_assert!(1 + 1 == 2, "arithmetic");
/// ```
#[macro_export]
macro_rules! static_assert {
    ($cond:expr $(,)?) => {
        const _: () = ::core::assert!($cond);
    };
    ($cond:expr, $msg:literal $(,)?) => {
        const _: () = ::core::assert!($cond, $msg);
    };
}
