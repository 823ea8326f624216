// SPDX-License-Identifier: GPL-2.0-only

//! Kernel errors: [`Error`] wraps a negative errno, [`Result`] is the
//! kernel's result type, and [`code`] has a constant per errno.
//!
//! C functions report errors as negative integers or as error pointers;
//! [`to_result`] and [`from_err_ptr`] turn those into a [`Result`], and
//! [`Error::to_errno`] goes back the other way when C calls into Rust.
//!
//! # Examples
//!
//! ```
//! use kernel::error::{code::ENOMEM, to_result, Error};
//!
//! assert_eq!(ENOMEM.to_errno(), -12);
//! assert_eq!(to_result(0), Ok(()));
//! assert_eq!(to_result(-12), Err(ENOMEM));
//! assert_eq!(Error::from_errno(-12), ENOMEM);
//! ```

use core::alloc::AllocError;
use core::fmt;
use core::num::NonZeroI32;

/// Errno constants, as [`Error`] values: `code::ENOMEM`, `code::EINVAL`...
pub mod code {
    use super::Error;

    macro_rules! declare_err {
        ($($name:ident = $num:literal: $doc:literal,)*) => {
            $(
                #[doc = $doc]
                pub const $name: Error = Error::from_const(-$num);
            )*

            /// The name of a known errno (positive or negative), if any.
            pub(crate) fn name(errno: i32) -> Option<&'static str> {
                match errno.unsigned_abs() {
                    $($num => Some(stringify!($name)),)*
                    _ => None,
                }
            }
        };
    }

    declare_err! {
        EPERM = 1: "Operation not permitted.",
        ENOENT = 2: "No such file or directory.",
        ESRCH = 3: "No such process.",
        EINTR = 4: "Interrupted system call.",
        EIO = 5: "I/O error.",
        ENXIO = 6: "No such device or address.",
        E2BIG = 7: "Argument list too long.",
        ENOEXEC = 8: "Exec format error.",
        EBADF = 9: "Bad file number.",
        ECHILD = 10: "No child processes.",
        EAGAIN = 11: "Try again.",
        ENOMEM = 12: "Out of memory.",
        EACCES = 13: "Permission denied.",
        EFAULT = 14: "Bad address.",
        EBUSY = 16: "Device or resource busy.",
        EEXIST = 17: "File exists.",
        EXDEV = 18: "Cross-device link.",
        ENODEV = 19: "No such device.",
        ENOTDIR = 20: "Not a directory.",
        EISDIR = 21: "Is a directory.",
        EINVAL = 22: "Invalid argument.",
        ENFILE = 23: "File table overflow.",
        EMFILE = 24: "Too many open files.",
        ENOTTY = 25: "Not a typewriter.",
        EFBIG = 27: "File too large.",
        ENOSPC = 28: "No space left on device.",
        ESPIPE = 29: "Illegal seek.",
        EROFS = 30: "Read-only file system.",
        EMLINK = 31: "Too many links.",
        EPIPE = 32: "Broken pipe.",
        EDOM = 33: "Math argument out of domain of func.",
        ERANGE = 34: "Math result not representable.",
        EDEADLK = 35: "Resource deadlock would occur.",
        ENAMETOOLONG = 36: "File name too long.",
        ENOSYS = 38: "Invalid system call number.",
        ENOTEMPTY = 39: "Directory not empty.",
        ELOOP = 40: "Too many symbolic links encountered.",
        ENODATA = 61: "No data available.",
        ETIME = 62: "Timer expired.",
        EOVERFLOW = 75: "Value too large for defined data type.",
        EOPNOTSUPP = 95: "Operation not supported.",
        ETIMEDOUT = 110: "Connection timed out.",
        EUCLEAN = 117: "Structure needs cleaning (a filesystem's metadata is corrupt).",
        ECANCELED = 125: "Operation canceled.",
        ERESTARTSYS = 512: "Restart the system call (never seen by user space).",
        ENOTSUPP = 524: "Operation is not supported (kernel-internal).",
    }
}

/// The largest errno value (`MAX_ERRNO` in `include/linux/errno.h`).
const MAX_ERRNO: i32 = 4095;

/// A kernel error: a negative errno in `-MAX_ERRNO..=-1`.
///
/// The niche of [`NonZeroI32`] makes `Result<(), Error>` as small as an
/// `i32`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Error(NonZeroI32);

impl Error {
    /// Makes an error from a negative errno returned by C.
    ///
    /// A value outside `-MAX_ERRNO..=-1` is a bug in the caller; it
    /// becomes `EINVAL` (with a warning) rather than a panic.
    #[inline]
    pub fn from_errno(errno: ffi::c_int) -> Error {
        if !(-MAX_ERRNO..=-1).contains(&errno) {
            crate::pr_warn!(
                "attempted to create an Error from invalid errno {}\n",
                errno
            );
            return code::EINVAL;
        }
        Error::from_const(errno)
    }

    /// Builds a constant error; `errno` must be in `-MAX_ERRNO..=-1`
    /// (checked at compile time for constants).
    const fn from_const(errno: i32) -> Error {
        match NonZeroI32::new(errno) {
            Some(v) if errno >= -MAX_ERRNO && errno < 0 => Error(v),
            _ => panic!("errno out of range"),
        }
    }

    /// The negative errno, as C expects it.
    #[inline]
    pub const fn to_errno(self) -> ffi::c_int {
        self.0.get()
    }

    /// The errno as an error pointer (`ERR_PTR`) for C functions returning
    /// pointers.
    pub fn to_ptr<T>(self) -> *mut T {
        // SAFETY: `ERR_PTR` only converts an integer into a pointer value.
        unsafe { bindings::ERR_PTR(self.0.get() as ffi::c_long) }.cast()
    }

    /// The errno's name (`"ENOMEM"`), if it is one of [`code`]'s.
    pub fn name(&self) -> Option<&'static str> {
        code::name(self.0.get())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "Error({})", self.0.get()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl From<AllocError> for Error {
    #[inline]
    fn from(_: AllocError) -> Error {
        code::ENOMEM
    }
}

impl From<alloc::collections::TryReserveError> for Error {
    fn from(_: alloc::collections::TryReserveError) -> Error {
        code::ENOMEM
    }
}

impl From<core::num::TryFromIntError> for Error {
    fn from(_: core::num::TryFromIntError) -> Error {
        code::EINVAL
    }
}

impl From<core::str::Utf8Error> for Error {
    fn from(_: core::str::Utf8Error) -> Error {
        code::EINVAL
    }
}

/// An initialiser that can never fail converts to any error type: so
/// `KBox::pin_init(new_mutex!(0), GFP_KERNEL)?` works in a function that
/// returns a kernel [`Result`].
impl From<core::convert::Infallible> for Error {
    fn from(e: core::convert::Infallible) -> Error {
        match e {}
    }
}

impl From<fmt::Error> for Error {
    fn from(_: fmt::Error) -> Error {
        code::EINVAL
    }
}

/// The kernel's result type: an [`Error`] by default.
pub type Result<T = (), E = Error> = core::result::Result<T, E>;

/// Converts a C return value (`0` or positive: success, negative: errno).
#[inline]
pub fn to_result(ret: ffi::c_int) -> Result {
    if ret < 0 {
        Err(Error::from_errno(ret))
    } else {
        Ok(())
    }
}

/// Converts a C pointer that may be an error pointer (`IS_ERR`).
pub fn from_err_ptr<T>(ptr: *mut T) -> Result<*mut T> {
    // SAFETY: `IS_ERR` and `PTR_ERR` only look at the pointer's value.
    if unsafe { bindings::IS_ERR(ptr.cast()) } {
        // SAFETY: as above.
        let errno = unsafe { bindings::PTR_ERR(ptr.cast()) };
        // An error pointer holds -MAX_ERRNO..=-1, which fits in an i32.
        return Err(Error::from_errno(errno as ffi::c_int));
    }
    Ok(ptr)
}

/// Runs `f` and turns its result into what a C caller expects: the value,
/// or the negative errno converted with `From<i16>` (errno fits in i16).
///
/// For functions that C calls through a vtable.
pub fn from_result<T, F>(f: F) -> T
where
    T: From<i16>,
    F: FnOnce() -> Result<T>,
{
    match f() {
        Ok(v) => v,
        // Errors are in -4095..=-1, so the cast cannot truncate.
        Err(e) => T::from(e.to_errno() as i16),
    }
}

#[crate::kunit_tests(rust_error)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn errno_round_trip() {
        kunit_assert_eq!(ENOMEM.to_errno(), -12);
        kunit_assert_eq!(Error::from_errno(-22), EINVAL);
        kunit_assert_eq!(Error::from_errno(-4095).to_errno(), -4095);
        kunit_assert_eq!(ENOTTY.name(), Some("ENOTTY"));
        kunit_assert_eq!(Error::from_errno(-4000).name(), None);
        kunit_assert_eq!(size_of::<Result>(), 4);
    }

    #[test]
    fn invalid_errno_becomes_einval() {
        kunit_assert_eq!(Error::from_errno(0), EINVAL);
        kunit_assert_eq!(Error::from_errno(5), EINVAL);
        kunit_assert_eq!(Error::from_errno(-4096), EINVAL);
    }

    #[test]
    fn c_return_values() {
        kunit_assert_eq!(to_result(0), Ok(()));
        kunit_assert_eq!(to_result(3), Ok(()));
        kunit_assert_eq!(to_result(-14), Err(EFAULT));
        let p: *mut u8 = ENOSPC.to_ptr();
        kunit_assert_eq!(from_err_ptr(p), Err(ENOSPC));
        let mut x = 0u8;
        let q: *mut u8 = &mut x;
        kunit_assert_eq!(from_err_ptr(q), Ok(q));
    }

    #[test]
    fn vtable_returns() {
        kunit_assert_eq!(from_result::<isize, _>(|| Ok(7)), 7);
        kunit_assert_eq!(from_result::<isize, _>(|| Err(EAGAIN)), -11);
        kunit_assert_eq!(from_result::<i32, _>(|| Err(EINVAL)), -22);
    }

    #[test]
    fn conversions() {
        kunit_assert_eq!(Error::from(AllocError), ENOMEM);
        kunit_assert_eq!(Error::from(u8::try_from(300u32).unwrap_err()), EINVAL);
        let mut v: ::alloc::vec::Vec<u8> = ::alloc::vec::Vec::new();
        kunit_assert_eq!(v.try_reserve(usize::MAX).map_err(Error::from), Err(ENOMEM));
        let mut bad = [b'a', 0xfe];
        bad[0] = 0xff; // not a literal, so the compiler cannot tell
        kunit_assert!(core::str::from_utf8(&bad).map_err(Error::from) == Err(EINVAL));
    }

    #[test]
    fn debug_names() {
        let mut buf = [0u8; 32];
        let mut f = crate::str::Formatter::new(&mut buf);
        kunit_assert!(fmt::write(&mut f, format_args!("{:?}/{}", ENOMEM, EBUSY)).is_ok());
        kunit_assert_eq!(f.as_str(), "ENOMEM/EBUSY");
    }
}
