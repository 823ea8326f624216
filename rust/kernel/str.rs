// SPDX-License-Identifier: GPL-2.0-only

//! C strings and formatting: [`CStr`] (borrowed, NUL-terminated),
//! [`c_str!`](crate::c_str) (a `&'static CStr` checked at compile time),
//! [`CString`] (owned, allocated with flags), [`fmt!`] (Rust's
//! `format_args!`), and [`RawFormatter`] / [`Formatter`], which format
//! into a fixed `&mut [u8]` without allocating.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::str::Formatter;
//!
//! let name: &CStr = c_str!("rust_str");
//! assert_eq!(name.len(), 8);
//! assert_eq!(name.to_str(), Ok("rust_str"));
//! assert_eq!(name.as_bytes_with_nul().last(), Some(&0));
//!
//! let s = CString::try_from_fmt(fmt!("{}-{:02}", name, 7))?;
//! assert_eq!(s.to_str(), Ok("rust_str-07"));
//!
//! // Into a fixed buffer, e.g. for a name with a length limit.
//! let mut buf = [0u8; 16];
//! let mut f = Formatter::new(&mut buf);
//! core::fmt::Write::write_fmt(&mut f, fmt!("cpu{}", 3))?;
//! assert_eq!(f.as_str(), "cpu3");
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{flags::GFP_KERNEL, AllocError, Flags, KVec};
use crate::error::{code, Error, Result};
use core::fmt::{self, Write};
use core::ops::Deref;

pub use core::format_args as fmt;

/// A borrowed C string: bytes that end with a NUL and contain no other
/// NUL.
///
/// It has the layout of a byte slice (NUL included), so a `&CStr` is a
/// pointer and a length. Make one with [`c_str!`](crate::c_str), from
/// bytes with [`CStr::from_bytes_with_nul`], or from C with
/// [`CStr::from_char_ptr`].
#[repr(transparent)]
#[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CStr([u8]);

/// Why bytes are not a C string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CStrConvertError {
    /// A NUL before the last byte.
    InteriorNul,
    /// The last byte is not a NUL (or there are no bytes).
    NotNulTerminated,
}

impl From<CStrConvertError> for Error {
    fn from(_: CStrConvertError) -> Error {
        code::EINVAL
    }
}

impl CStr {
    /// The length in bytes, without the NUL.
    pub const fn len(&self) -> usize {
        self.0.len() - 1
    }

    /// Whether the string is empty (only the NUL).
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Checks that `bytes` end with their only NUL and makes them a C
    /// string. Usable in constants.
    pub const fn from_bytes_with_nul(bytes: &[u8]) -> Result<&CStr, CStrConvertError> {
        let n = bytes.len();
        if n == 0 || bytes[n - 1] != 0 {
            return Err(CStrConvertError::NotNulTerminated);
        }
        let mut i = 0;
        while i + 1 < n {
            if bytes[i] == 0 {
                return Err(CStrConvertError::InteriorNul);
            }
            i += 1;
        }
        // SAFETY: just checked.
        Ok(unsafe { CStr::from_bytes_with_nul_unchecked(bytes) })
    }

    /// Makes `bytes` a C string without checking.
    ///
    /// # Safety
    ///
    /// `bytes` ends with a NUL and contains no other.
    pub const unsafe fn from_bytes_with_nul_unchecked(bytes: &[u8]) -> &CStr {
        // SAFETY: `CStr` is a transparent wrapper of `[u8]`, so the
        // pointer cast keeps the length and the lifetime.
        unsafe { &*(bytes as *const [u8] as *const CStr) }
    }

    /// Borrows a C string from C.
    ///
    /// # Safety
    ///
    /// `ptr` points to a NUL-terminated string that stays valid and
    /// unchanged for `'a`.
    pub unsafe fn from_char_ptr<'a>(ptr: *const ffi::c_char) -> &'a CStr {
        let mut len = 0;
        // SAFETY: the string is NUL-terminated, so every byte up to and
        // including the NUL is readable.
        while unsafe { *ptr.add(len) } != 0 {
            len += 1;
        }
        // SAFETY: `len` bytes and the NUL are readable and valid for 'a.
        let bytes = unsafe { core::slice::from_raw_parts(ptr.cast::<u8>(), len + 1) };
        // SAFETY: the only NUL is the last byte.
        unsafe { CStr::from_bytes_with_nul_unchecked(bytes) }
    }

    /// Converts a `core::ffi::CStr` (`c"..."` literals). Usable in
    /// constants.
    pub const fn from_core(s: &core::ffi::CStr) -> &CStr {
        // SAFETY: a core `CStr`'s bytes end with their only NUL.
        unsafe { CStr::from_bytes_with_nul_unchecked(s.to_bytes_with_nul()) }
    }

    /// Converts to a `core::ffi::CStr`.
    pub fn as_core(&self) -> &core::ffi::CStr {
        // SAFETY: the bytes end with their only NUL.
        unsafe { core::ffi::CStr::from_bytes_with_nul_unchecked(&self.0) }
    }

    /// A pointer to the string, for C.
    pub const fn as_ptr(&self) -> *const ffi::c_char {
        self.0.as_ptr().cast()
    }

    /// The bytes, without the NUL.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0[..self.len()]
    }

    /// The bytes, with the NUL.
    pub const fn as_bytes_with_nul(&self) -> &[u8] {
        &self.0
    }

    /// The string as a `&str`, if it is UTF-8.
    pub fn to_str(&self) -> Result<&str, core::str::Utf8Error> {
        core::str::from_utf8(self.as_bytes())
    }

    /// The string as a `&str`, without checking.
    ///
    /// # Safety
    ///
    /// The bytes are valid UTF-8.
    pub unsafe fn as_str_unchecked(&self) -> &str {
        // SAFETY: as the caller guarantees.
        unsafe { core::str::from_utf8_unchecked(self.as_bytes()) }
    }

    /// An owned copy, allocated with `flags`.
    pub fn to_cstring(&self, flags: Flags) -> Result<CString, AllocError> {
        let mut buf = KVec::with_capacity(self.0.len(), flags)?;
        buf.extend_from_slice(&self.0, flags)?;
        Ok(CString { buf })
    }
}

impl AsRef<[u8]> for CStr {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl PartialEq<str> for CStr {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for CStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

/// Writes `b` as is if it is printable ASCII, as `\xNN` otherwise.
fn write_escaped(f: &mut fmt::Formatter<'_>, b: u8) -> fmt::Result {
    if (0x20..0x7f).contains(&b) {
        f.write_char(b as char)
    } else {
        write!(f, "\\x{b:02x}")
    }
}

/// Prints the bytes; those that are not printable ASCII appear as
/// `\xNN`.
impl fmt::Display for CStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &b in self.as_bytes() {
            write_escaped(f, b)?;
        }
        Ok(())
    }
}

/// Prints the string in double quotes, with `"` and `\` escaped.
impl fmt::Debug for CStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for &b in self.as_bytes() {
            match b {
                b'"' => f.write_str("\\\"")?,
                b'\\' => f.write_str("\\\\")?,
                _ => write_escaped(f, b)?,
            }
        }
        f.write_char('"')
    }
}

/// A `&'static CStr` from a string literal, checked at compile time.
///
/// A NUL inside the literal does not compile.
///
/// # Examples
///
/// ```
/// use kernel::c_str;
/// use kernel::str::CStr;
///
/// const NAME: &CStr = c_str!("ferrite");
/// assert_eq!(NAME.len(), 7);
/// assert_eq!(NAME.as_bytes_with_nul(), b"ferrite\0");
/// ```
#[macro_export]
macro_rules! c_str {
    ($str:expr $(,)?) => {{
        const S: &str = ::core::concat!($str, "\0");
        const C: &$crate::str::CStr = match $crate::str::CStr::from_bytes_with_nul(S.as_bytes()) {
            ::core::result::Result::Ok(v) => v,
            ::core::result::Result::Err(_) => ::core::panic!("c_str!: the string contains a NUL"),
        };
        C
    }};
}

/// An owned C string, in `kmalloc` memory.
///
/// Dereferences to [`CStr`].
///
/// # Examples
///
/// ```
/// use kernel::prelude::*;
///
/// let s = CString::try_from_fmt(fmt!("{:>4}|{:x}", 1, 255))?;
/// assert_eq!(s.to_str(), Ok("   1|ff"));
///
/// // A NUL in the text is refused.
/// assert_eq!(CString::try_from_fmt(fmt!("a{}b", '\0')).err(), Some(EINVAL));
///
/// let copy = c_str!("abc").to_cstring(GFP_KERNEL)?;
/// assert_eq!(copy.as_bytes(), b"abc");
/// # Ok::<(), Error>(())
/// ```
pub struct CString {
    /// The bytes and the NUL.
    buf: KVec<u8>,
}

impl CString {
    /// Formats `args` into a new string (with `GFP_KERNEL`).
    ///
    /// Fails with `ENOMEM` if the allocation fails, `EINVAL` if the text
    /// contains a NUL or a formatting trait fails.
    pub fn try_from_fmt(args: fmt::Arguments<'_>) -> Result<Self> {
        Self::try_from_fmt_flags(args, GFP_KERNEL)
    }

    /// Formats `args` into a new string allocated with `flags`.
    ///
    /// Errors as for [`CString::try_from_fmt`].
    pub fn try_from_fmt_flags(args: fmt::Arguments<'_>, flags: Flags) -> Result<Self> {
        // First the length, then the text into an allocation that fits.
        let mut counter = RawFormatter::new(&mut []);
        counter.write_fmt(args)?;
        let len = counter.bytes_written();
        let mut buf = KVec::from_elem(0u8, len.checked_add(1).ok_or(code::ENOMEM)?, flags)?;
        let mut f = Formatter::new(&mut buf[..len]);
        // A `Display` that prints more the second time fails here.
        f.write_fmt(args)?;
        let written = f.bytes_written();
        if buf[..written].contains(&0) {
            return Err(code::EINVAL);
        }
        buf.truncate(written + 1);
        Ok(CString { buf })
    }

    /// Copies `s` into a new string allocated with `flags`.
    ///
    /// Fails with `EINVAL` if `s` contains a NUL.
    pub fn try_from_str(s: &str, flags: Flags) -> Result<Self> {
        if s.as_bytes().contains(&0) {
            return Err(code::EINVAL);
        }
        let mut buf = KVec::with_capacity(s.len() + 1, flags)?;
        buf.extend_from_slice(s.as_bytes(), flags)?;
        buf.push(0, flags)?;
        Ok(CString { buf })
    }
}

impl Deref for CString {
    type Target = CStr;

    fn deref(&self) -> &CStr {
        // SAFETY: `buf` always ends with its only NUL.
        unsafe { CStr::from_bytes_with_nul_unchecked(&self.buf) }
    }
}

impl TryFrom<&CStr> for CString {
    type Error = AllocError;

    /// Copies `s` (with `GFP_KERNEL`).
    fn try_from(s: &CStr) -> Result<Self, AllocError> {
        s.to_cstring(GFP_KERNEL)
    }
}

impl fmt::Display for CString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl fmt::Debug for CString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// Formats into a byte buffer, keeping what fits and counting the rest.
///
/// Writing never fails: text past the end is cut (possibly in the middle
/// of a UTF-8 character) but counted by [`RawFormatter::bytes_written`],
/// so an empty buffer measures how long a text is. Linux's `RawFormatter`
/// works on raw pointers; this one borrows a slice and is safe.
///
/// # Examples
///
/// ```
/// use core::fmt::Write;
/// use kernel::str::RawFormatter;
///
/// let mut buf = [0u8; 4];
/// let mut f = RawFormatter::new(&mut buf);
/// write!(f, "{}", 123456).unwrap();
/// assert_eq!(f.bytes_written(), 6);
/// assert!(f.is_truncated());
/// assert_eq!(f.as_bytes(), b"1234");
/// ```
pub struct RawFormatter<'a> {
    buf: &'a mut [u8],
    pos: usize,
}

impl<'a> RawFormatter<'a> {
    /// A formatter writing to the start of `buf`.
    pub fn new(buf: &'a mut [u8]) -> Self {
        RawFormatter { buf, pos: 0 }
    }

    /// How many bytes the text has, written or cut.
    pub fn bytes_written(&self) -> usize {
        self.pos
    }

    /// Whether some text did not fit.
    pub fn is_truncated(&self) -> bool {
        self.pos > self.buf.len()
    }

    /// The bytes in the buffer.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.pos.min(self.buf.len())]
    }
}

impl Write for RawFormatter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let start = self.pos.min(self.buf.len());
        let n = s.len().min(self.buf.len() - start);
        self.buf[start..start + n].copy_from_slice(&s.as_bytes()[..n]);
        self.pos = self.pos.saturating_add(s.len());
        Ok(())
    }
}

/// Formats into a byte buffer, failing when the text does not fit.
///
/// A piece that does not fit is not written at all, so the buffer always
/// holds whole pieces of text: valid UTF-8 ([`Formatter::as_str`]).
///
/// # Examples
///
/// ```
/// use core::fmt::Write;
/// use kernel::str::Formatter;
///
/// let mut buf = [0u8; 8];
/// let mut f = Formatter::new(&mut buf);
/// write!(f, "{}+{}", 1, 2).unwrap();
/// assert_eq!(f.as_str(), "1+2");
/// assert!(write!(f, "{}", "too long").is_err());
/// assert_eq!(f.as_str(), "1+2");
/// assert_eq!(f.into_cstr().map(|s| s.len()), Ok(3));
/// ```
pub struct Formatter<'a> {
    buf: &'a mut [u8],
    pos: usize,
}

impl<'a> Formatter<'a> {
    /// A formatter writing to the start of `buf`.
    pub fn new(buf: &'a mut [u8]) -> Self {
        Formatter { buf, pos: 0 }
    }

    /// How many bytes have been written.
    pub fn bytes_written(&self) -> usize {
        self.pos
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        // SAFETY: only whole `&str`s are ever copied in, back to back, so
        // the bytes up to `pos` are valid UTF-8.
        unsafe { core::str::from_utf8_unchecked(&self.buf[..self.pos]) }
    }

    /// Ends the text with a NUL and returns it as a C string.
    ///
    /// Fails with `ENOSPC` if there is no room for the NUL, `EINVAL` if
    /// the text contains a NUL.
    pub fn into_cstr(self) -> Result<&'a CStr> {
        let pos = self.pos;
        let buf = self.buf;
        let Some(nul) = buf.get_mut(pos) else {
            return Err(code::ENOSPC);
        };
        *nul = 0;
        Ok(CStr::from_bytes_with_nul(&buf[..=pos])?)
    }
}

impl Write for Formatter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.pos.checked_add(s.len()).ok_or(fmt::Error)?;
        let dst = self.buf.get_mut(self.pos..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.pos = end;
        Ok(())
    }
}

#[crate::kunit_tests(rust_str)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn cstr_checks() {
        kunit_assert_eq!(CStr::from_bytes_with_nul(b"abc\0").map(|s| s.len()), Ok(3));
        kunit_assert_eq!(
            CStr::from_bytes_with_nul(b"abc").err(),
            Some(CStrConvertError::NotNulTerminated)
        );
        kunit_assert_eq!(
            CStr::from_bytes_with_nul(b"a\0c\0").err(),
            Some(CStrConvertError::InteriorNul)
        );
        kunit_assert_eq!(
            CStr::from_bytes_with_nul(b"").err(),
            Some(CStrConvertError::NotNulTerminated)
        );
        let empty = c_str!("");
        kunit_assert!(empty.is_empty());
        kunit_assert_eq!(empty.as_bytes_with_nul(), b"\0");
    }

    #[test]
    fn cstr_from_c() {
        let s = c_str!("from C");
        // SAFETY: `s` is a NUL-terminated static string.
        let back = unsafe { CStr::from_char_ptr(s.as_ptr()) };
        kunit_assert_eq!(back, s);
        kunit_assert_eq!(back.as_ptr(), s.as_ptr());
        let core_s = CStr::from_core(c"core");
        kunit_assert_eq!(core_s.to_str(), Ok("core"));
        kunit_assert_eq!(core_s.as_core(), c"core");
    }

    #[test]
    fn cstr_display_and_debug() -> Result {
        // SAFETY: ends with the only NUL.
        let s = unsafe { CStr::from_bytes_with_nul_unchecked(b"a\"b\\\x01\xff\0") };
        let shown = CString::try_from_fmt(fmt!("{s}"))?;
        kunit_assert_eq!(shown.to_str(), Ok("a\"b\\\\x01\\xff"));
        let dbg = CString::try_from_fmt(fmt!("{s:?}"))?;
        kunit_assert_eq!(dbg.to_str(), Ok("\"a\\\"b\\\\\\x01\\xff\""));
        kunit_assert!(s.to_str().is_err());
        Ok(())
    }

    #[test]
    fn cstring_formats() -> Result {
        let s = CString::try_from_fmt(fmt!("{:<5}|{:^5}|{:>5}", "l", "c", "r"))?;
        kunit_assert_eq!(s.to_str(), Ok("l    |  c  |    r"));
        let s = CString::try_from_fmt(fmt!("{:#x} {:08b} {:.2} {:?}", 255, 5u8, "abc", Some(1)))?;
        kunit_assert_eq!(s.to_str(), Ok("0xff 00000101 ab Some(1)"));
        let empty = CString::try_from_fmt(fmt!(""))?;
        kunit_assert!(empty.is_empty());
        kunit_assert_eq!(
            CString::try_from_str("x\0y", GFP_KERNEL).err(),
            Some(EINVAL)
        );
        let copy = CString::try_from(c_str!("copy"))?;
        kunit_assert_eq!(&*copy, c_str!("copy"));
        Ok(())
    }

    #[test]
    fn cstring_allocation_failure() {
        let _guard = crate::alloc::fault_inject::fail_after_scoped(0);
        let r = CString::try_from_fmt_flags(fmt!("{}", 42), GFP_KERNEL | __GFP_NOWARN);
        kunit_assert_eq!(r.err(), Some(ENOMEM));
    }

    #[test]
    fn fixed_buffers() {
        let mut buf = [0xffu8; 6];
        let mut f = RawFormatter::new(&mut buf);
        let (a, b) = ("abc", "defgh");
        let _ = write!(f, "{a}{b}");
        kunit_assert_eq!(f.bytes_written(), 8);
        kunit_assert_eq!(f.as_bytes(), b"abcdef");

        let mut buf = [0u8; 6];
        let mut f = Formatter::new(&mut buf);
        kunit_assert!(f.write_str("abcdef").is_ok());
        kunit_assert_eq!(f.into_cstr().err(), Some(ENOSPC));

        let mut buf = [0u8; 6];
        let mut f = Formatter::new(&mut buf);
        kunit_assert!(write!(f, "\u{e9}{}", 1).is_ok());
        kunit_assert_eq!(f.as_str(), "\u{e9}1");
        kunit_assert_eq!(f.into_cstr().map(|s| s.len()), Ok(3));
    }
}
