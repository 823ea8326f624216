// SPDX-License-Identifier: GPL-2.0-only

//! Time: the tick counter ([`jiffies()`], [`HZ`] ticks a second), the
//! monotonic clock ([`Ktime`], nanoseconds since boot) and durations
//! ([`Delta`]).
//!
//! Everything here is callable in any context and never sleeps; to
//! sleep, see [`crate::task::msleep`].
//!
//! # Examples
//!
//! ```
//! use kernel::time::{self, Delta, Ktime};
//!
//! let start = Ktime::ktime_get();
//! let j = time::jiffies();
//! let timeout = j.wrapping_add(time::msecs_to_jiffies(100));
//! assert!(time::time_before(j, timeout));
//!
//! let elapsed: Delta = Ktime::ktime_get() - start;
//! assert!(elapsed.as_nanos() >= 0);
//! assert_eq!(Delta::from_millis(2).as_micros(), 2000);
//! ```

use core::fmt;
use core::ops::{Add, Sub};

/// Ticks of the [`jiffies()`] counter (`unsigned long`); it wraps around,
/// so compare values with [`time_after`]/[`time_before`].
pub type Jiffies = ffi::c_ulong;

/// Milliseconds, as the C API takes them (`unsigned int`).
pub type Msecs = ffi::c_uint;

/// Timer ticks per second (the C `HZ`).
pub const HZ: u32 = bindings::HZ;

/// Nanoseconds per microsecond.
pub const NSEC_PER_USEC: i64 = 1_000;
/// Nanoseconds per millisecond.
pub const NSEC_PER_MSEC: i64 = 1_000_000;
/// Nanoseconds per second.
pub const NSEC_PER_SEC: i64 = 1_000_000_000;

/// The tick counter: ticks since boot, [`HZ`] a second.
#[inline]
pub fn jiffies() -> Jiffies {
    // SAFETY: reads one word, in any context.
    unsafe { bindings::get_jiffies() }
}

/// Seconds since 1970 on the wall clock (the C `ktime_get_real_seconds()`):
/// what filesystems store as times. Any context.
#[inline]
pub fn ktime_get_real_seconds() -> i64 {
    // SAFETY: reads the clock, in any context.
    let ns = unsafe { bindings::ktime_get_real_ns() };
    i64::try_from(ns / NSEC_PER_SEC as u64).unwrap_or(i64::MAX)
}

/// Converts milliseconds to ticks, rounding up.
#[inline]
pub fn msecs_to_jiffies(ms: Msecs) -> Jiffies {
    // SAFETY: pure arithmetic.
    unsafe { bindings::msecs_to_jiffies(ms) }
}

/// Converts ticks to milliseconds (saturating at `u32::MAX`).
#[inline]
pub fn jiffies_to_msecs(j: Jiffies) -> Msecs {
    let ms = j.saturating_mul(1000) / HZ as Jiffies;
    Msecs::try_from(ms).unwrap_or(Msecs::MAX)
}

/// Whether tick `a` is after tick `b`, allowing for wrap-around.
pub fn time_after(a: Jiffies, b: Jiffies) -> bool {
    (b.wrapping_sub(a) as ffi::c_long) < 0
}

/// Whether tick `a` is before tick `b`, allowing for wrap-around.
pub fn time_before(a: Jiffies, b: Jiffies) -> bool {
    time_after(b, a)
}

/// Whether tick `a` is after or at tick `b`, allowing for wrap-around.
pub fn time_after_eq(a: Jiffies, b: Jiffies) -> bool {
    (a.wrapping_sub(b) as ffi::c_long) >= 0
}

/// A point in time: nanoseconds on the monotonic clock since boot (the C
/// `ktime_t`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Default)]
pub struct Ktime(bindings::ktime_t);

impl Ktime {
    /// Now (`ktime_get()`); any context.
    #[inline]
    pub fn ktime_get() -> Ktime {
        // SAFETY: reads the clock, in any context.
        let ns = unsafe { bindings::ktime_get_ns() };
        Ktime(i64::try_from(ns).unwrap_or(i64::MAX))
    }

    /// A `Ktime` from a C `ktime_t`.
    pub const fn from_raw(kt: bindings::ktime_t) -> Ktime {
        Ktime(kt)
    }

    /// The C `ktime_t`.
    pub const fn to_raw(self) -> bindings::ktime_t {
        self.0
    }

    /// Nanoseconds since boot.
    pub const fn to_ns(self) -> i64 {
        self.0
    }

    /// Microseconds since boot.
    pub const fn to_us(self) -> i64 {
        self.0 / NSEC_PER_USEC
    }

    /// Milliseconds since boot.
    pub const fn to_ms(self) -> i64 {
        self.0 / NSEC_PER_MSEC
    }

    /// How long ago this was.
    #[inline]
    pub fn elapsed(self) -> Delta {
        Ktime::ktime_get() - self
    }
}

impl Sub for Ktime {
    type Output = Delta;

    /// The time from `rhs` to `self` (negative if `rhs` is later).
    fn sub(self, rhs: Ktime) -> Delta {
        Delta(self.0.saturating_sub(rhs.0))
    }
}

impl Add<Delta> for Ktime {
    type Output = Ktime;

    fn add(self, d: Delta) -> Ktime {
        Ktime(self.0.saturating_add(d.0))
    }
}

impl Sub<Delta> for Ktime {
    type Output = Ktime;

    fn sub(self, d: Delta) -> Ktime {
        Ktime(self.0.saturating_sub(d.0))
    }
}

/// A span of time, in nanoseconds (may be negative).
///
/// The constructors saturate instead of overflowing.
///
/// # Examples
///
/// ```
/// use kernel::time::Delta;
///
/// let d = Delta::from_secs(1) + Delta::from_micros(500);
/// assert_eq!(d.as_millis(), 1000);
/// assert_eq!(d.as_micros(), 1_000_500);
/// assert!(Delta::from_millis(-1).is_negative());
/// assert_eq!(Delta::from_secs(i64::MAX).as_nanos(), i64::MAX);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Default)]
pub struct Delta(i64);

impl Delta {
    /// No time.
    pub const ZERO: Delta = Delta(0);

    /// `ns` nanoseconds.
    pub const fn from_nanos(ns: i64) -> Delta {
        Delta(ns)
    }

    /// `us` microseconds.
    pub const fn from_micros(us: i64) -> Delta {
        Delta(us.saturating_mul(NSEC_PER_USEC))
    }

    /// `ms` milliseconds.
    pub const fn from_millis(ms: i64) -> Delta {
        Delta(ms.saturating_mul(NSEC_PER_MSEC))
    }

    /// `s` seconds.
    pub const fn from_secs(s: i64) -> Delta {
        Delta(s.saturating_mul(NSEC_PER_SEC))
    }

    /// In nanoseconds.
    pub const fn as_nanos(self) -> i64 {
        self.0
    }

    /// In whole microseconds (rounded towards zero).
    pub const fn as_micros(self) -> i64 {
        self.0 / NSEC_PER_USEC
    }

    /// In whole milliseconds (rounded towards zero).
    pub const fn as_millis(self) -> i64 {
        self.0 / NSEC_PER_MSEC
    }

    /// In whole seconds (rounded towards zero).
    pub const fn as_secs(self) -> i64 {
        self.0 / NSEC_PER_SEC
    }

    /// Whether it is zero.
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Whether it is below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }
}

impl Add for Delta {
    type Output = Delta;

    fn add(self, rhs: Delta) -> Delta {
        Delta(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Delta {
    type Output = Delta;

    fn sub(self, rhs: Delta) -> Delta {
        Delta(self.0.saturating_sub(rhs.0))
    }
}

impl fmt::Display for Delta {
    /// `1.000500000s`-style: seconds with nanoseconds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let ns = self.0.unsigned_abs();
        let per_sec = NSEC_PER_SEC.unsigned_abs();
        write!(f, "{sign}{}.{:09}s", ns / per_sec, ns % per_sec)
    }
}

#[crate::kunit_tests(rust_time)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn conversions() {
        kunit_assert_eq!(HZ, 250);
        kunit_assert_eq!(msecs_to_jiffies(1000), 250);
        kunit_assert_eq!(msecs_to_jiffies(1), 1); // rounds up
        kunit_assert_eq!(jiffies_to_msecs(250), 1000);
        kunit_assert_eq!(Delta::from_micros(1500).as_millis(), 1);
        kunit_assert_eq!(Delta::from_nanos(-1500).as_micros(), -1);
        kunit_assert_eq!(Delta::from_millis(i64::MAX).as_nanos(), i64::MAX);
        kunit_assert_eq!((Delta::from_secs(2) - Delta::from_secs(3)).as_secs(), -1);
    }

    #[test]
    fn wrap_around() {
        let near_end: Jiffies = Jiffies::MAX - 5;
        let wrapped = near_end.wrapping_add(10);
        kunit_assert!(time_after(wrapped, near_end));
        kunit_assert!(time_before(near_end, wrapped));
        kunit_assert!(time_after_eq(wrapped, wrapped));
        kunit_assert!(!time_after(near_end, wrapped));
    }

    #[test]
    fn clocks_advance_across_msleep() {
        let k0 = Ktime::ktime_get();
        let j0 = jiffies();
        crate::task::msleep(20);
        let d = k0.elapsed();
        let j1 = jiffies();
        kunit_assert!(d.as_millis() >= 20, "slept {}", d);
        kunit_assert!(d.as_millis() < 2000, "slept {}", d);
        // 20 ms is 5 ticks at HZ=250.
        kunit_assert!(j1.wrapping_sub(j0) >= msecs_to_jiffies(20));
        kunit_assert!(Ktime::ktime_get() > k0);
        kunit_assert_eq!((k0 + d - d), k0);
    }

    #[test]
    fn display() -> Result {
        let s = CString::try_from_fmt(fmt!("{}", Delta::from_micros(1_000_500)))?;
        kunit_assert_eq!(s.to_str(), Ok("1.000500000s"));
        let s = CString::try_from_fmt(fmt!("{}", Delta::from_nanos(-5)))?;
        kunit_assert_eq!(s.to_str(), Ok("-0.000000005s"));
        Ok(())
    }
}
