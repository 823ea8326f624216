// SPDX-License-Identifier: GPL-2.0-only

//! `iov_iter` cursors: the buffers of `read_iter` and `write_iter`.
//!
//! A C `struct iov_iter` (`include/linux/uio.h`) walks a buffer that is
//! either user memory (a `read(2)` buffer) or kernel memory
//! (`kernel_read()`); the copy functions handle both, and a fault in user
//! memory is a short copy, never an oops. Rust sees an iterator as one of
//! two types, by direction:
//!
//! - [`IovIterDest`]: data goes *into* it (a read): [`IovIterDest::copy_to_iter`];
//! - [`IovIterSource`]: data comes *out* of it (a write):
//!   [`IovIterSource::copy_from_iter`].
//!
//! Both only move forward and never go past the end, and both are
//! borrowed for the duration of one call: a driver cannot keep them.
//!
//! # Why `read_iter`/`write_iter` and not `read`/`write`
//!
//! Ferrite's VFS, like Linux's, gives kernel buffers (`kernel_read()`,
//! `kernel_write()`) only to `->read_iter`/`->write_iter`; `->read` and
//! `->write` take `__user` pointers only. A Rust driver that implements the
//! iterator methods serves both user callers and in-kernel callers (tests,
//! benchmarks, other drivers) with one method, and its copies have the same
//! cost either way. So [`FileOperations`](crate::fs::FileOperations) offers
//! `read_iter` and `write_iter`; [`crate::uaccess::UserSlice`] remains for
//! `ioctl` arguments.
//!
//! # Examples
//!
//! ```
//! use kernel::iov::{IovIterDest, IovIterSource};
//! use kernel::prelude::*;
//!
//! // What a driver's read does: copy what fits, report how much.
//! fn fill(dest: &mut IovIterDest<'_>) -> usize {
//!     dest.copy_to_iter(b"hello, world")
//! }
//!
//! let mut out = [0u8; 5];
//! let n = IovIterDest::with_kernel_buffer(&mut out, |dest| fill(dest));
//! assert_eq!(n, 5);
//! assert_eq!(&out, b"hello");
//!
//! // And a write: take everything the caller gave.
//! let mut v = KVec::new();
//! let n = IovIterSource::with_kernel_buffer(b"abc", |src| src.copy_from_iter_vec(&mut v, GFP_KERNEL))?;
//! assert_eq!(n, 3);
//! assert_eq!(v.as_slice(), b"abc");
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{Flags, KVec};
use crate::error::Result;
use crate::types::Opaque;
use core::marker::PhantomData;
use core::mem::MaybeUninit;

/// An `iov_iter` that receives data (`ITER_DEST`): the buffer of a read.
///
/// `'data` is how long the memory behind it stays valid; the type is only
/// reached by `&mut`, for one call.
#[repr(transparent)]
pub struct IovIterDest<'data> {
    iov: Opaque<bindings::iov_iter>,
    _p: PhantomData<&'data mut [u8]>,
}

/// An `iov_iter` that supplies data (`ITER_SOURCE`): the buffer of a write.
#[repr(transparent)]
pub struct IovIterSource<'data> {
    iov: Opaque<bindings::iov_iter>,
    _p: PhantomData<&'data [u8]>,
}

/// The bytes left in `iov`.
///
/// # Safety
///
/// `iov` points to an initialised `iov_iter`.
#[inline(always)]
unsafe fn count(iov: *mut bindings::iov_iter) -> usize {
    // SAFETY: `iov` is valid, as the caller guarantees.
    unsafe { (*iov).count }
}

impl<'data> IovIterDest<'data> {
    /// Wraps a C destination iterator.
    ///
    /// # Safety
    ///
    /// `ptr` is an initialised `ITER_DEST` iterator that nothing else uses
    /// for `'iov`, whose memory is valid for writes for `'data`.
    #[inline(always)]
    pub unsafe fn from_raw<'iov>(ptr: *mut bindings::iov_iter) -> &'iov mut IovIterDest<'data> {
        // SAFETY: `IovIterDest` is a transparent wrapper of the C struct;
        // the caller guarantees validity and exclusive use.
        unsafe { &mut *ptr.cast::<IovIterDest<'data>>() }
    }

    /// Makes a destination iterator over a kernel buffer and passes it to
    /// `f` (for tests, and for code that calls a `read_iter` itself).
    pub fn with_kernel_buffer<R>(
        buf: &'data mut [u8],
        f: impl FnOnce(&mut IovIterDest<'data>) -> R,
    ) -> R {
        let kvec = bindings::kvec {
            iov_base: buf.as_mut_ptr().cast(),
            iov_len: buf.len(),
        };
        let iov = Opaque::<bindings::iov_iter>::uninit();
        // SAFETY: `iov_iter_kvec` initialises the whole iterator over the one
        // segment `kvec`, which outlives `iov` (both locals of this frame);
        // `buf` is borrowed mutably for `'data`.
        unsafe { bindings::iov_iter_kvec(iov.get(), bindings::ITER_DEST, &kvec, 1, buf.len()) };
        // SAFETY: just initialised as a destination over `buf`; used only
        // through this reference, which does not outlive the frame.
        f(unsafe { IovIterDest::from_raw(iov.get()) })
    }

    /// Makes a destination iterator over `len` bytes of user memory at
    /// `addr` (`iov_iter_ubuf()`, what `read(2)` gives a `read_iter`) and
    /// passes it to `f`. Any address may be given: the copies check it and
    /// stop short at the first byte they cannot write.
    pub fn with_user_buffer<R>(
        addr: crate::uaccess::UserPtr,
        len: usize,
        f: impl FnOnce(&mut IovIterDest<'data>) -> R,
    ) -> R {
        let iov = Opaque::<bindings::iov_iter>::uninit();
        // SAFETY: `iov_iter_ubuf` initialises the whole iterator; the user
        // address is only ever used by the copy functions, which check it
        // and catch faults, so no Rust memory is reached through it.
        unsafe { bindings::iov_iter_ubuf(iov.get(), bindings::ITER_DEST, addr as *mut _, len) };
        // SAFETY: just initialised as a destination; used only through
        // this reference, which does not outlive the frame.
        f(unsafe { IovIterDest::from_raw(iov.get()) })
    }

    /// Room left, in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        // SAFETY: the iterator is initialised (type invariant).
        unsafe { count(self.iov.get()) }
    }

    /// Whether no room is left.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Copies as much of `data` as fits and advances; returns the bytes
    /// copied, less than `min(data.len(), self.len())` only if user memory
    /// faulted.
    #[inline]
    pub fn copy_to_iter(&mut self, data: &[u8]) -> usize {
        // SAFETY: `data` is readable for its length; the iterator is
        // initialised, its memory valid for writes (type invariant), and
        // `copy_to_iter` never writes past its count.
        unsafe { bindings::copy_to_iter(data.as_ptr().cast(), data.len(), self.iov.get()) }
    }

    /// The read of a file whose contents are `contents`: copies from
    /// `*pos` as much as fits, advancing `*pos`. Returns the bytes copied:
    /// 0 at or past the end (or for a negative position); `EFAULT` if
    /// nothing could be copied because user memory faulted.
    #[inline]
    pub fn simple_read_from_buffer(&mut self, pos: &mut i64, contents: &[u8]) -> Result<usize> {
        let start = match usize::try_from(*pos) {
            Ok(p) if p < contents.len() => p,
            _ => return Ok(0),
        };
        let avail = &contents[start..];
        let want = avail.len().min(self.len());
        if want == 0 {
            return Ok(0);
        }
        let n = self.copy_to_iter(&avail[..want]);
        if n == 0 {
            return Err(crate::error::code::EFAULT);
        }
        // `start + n <= contents.len()`, which fits in an `i64`.
        *pos = (start + n) as i64;
        Ok(n)
    }
}

impl<'data> IovIterSource<'data> {
    /// Wraps a C source iterator.
    ///
    /// # Safety
    ///
    /// `ptr` is an initialised `ITER_SOURCE` iterator that nothing else
    /// uses for `'iov`, whose memory is valid for reads for `'data`.
    #[inline(always)]
    pub unsafe fn from_raw<'iov>(ptr: *mut bindings::iov_iter) -> &'iov mut IovIterSource<'data> {
        // SAFETY: `IovIterSource` is a transparent wrapper of the C struct;
        // the caller guarantees validity and exclusive use.
        unsafe { &mut *ptr.cast::<IovIterSource<'data>>() }
    }

    /// Makes a source iterator over a kernel buffer and passes it to `f`.
    pub fn with_kernel_buffer<R>(
        buf: &'data [u8],
        f: impl FnOnce(&mut IovIterSource<'data>) -> R,
    ) -> R {
        let kvec = bindings::kvec {
            iov_base: buf.as_ptr().cast_mut().cast(),
            iov_len: buf.len(),
        };
        let iov = Opaque::<bindings::iov_iter>::uninit();
        // SAFETY: as in `IovIterDest::with_kernel_buffer`; a source iterator
        // only reads its memory, so the shared `buf` is enough.
        unsafe { bindings::iov_iter_kvec(iov.get(), bindings::ITER_SOURCE, &kvec, 1, buf.len()) };
        // SAFETY: just initialised as a source over `buf`; used only
        // through this reference, which does not outlive the frame.
        f(unsafe { IovIterSource::from_raw(iov.get()) })
    }

    /// Bytes left.
    #[inline]
    pub fn len(&self) -> usize {
        // SAFETY: the iterator is initialised (type invariant).
        unsafe { count(self.iov.get()) }
    }

    /// Whether nothing is left.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Fills `out` (possibly uninitialised) from the front of the iterator
    /// as far as it can and advances; returns the initialised prefix,
    /// shorter than `min(out.len(), self.len())` only if user memory
    /// faulted.
    #[inline]
    pub fn copy_from_iter_raw<'a>(&mut self, out: &'a mut [MaybeUninit<u8>]) -> &'a mut [u8] {
        let (dst, len): (*mut u8, _) = (out.as_mut_ptr().cast(), out.len());
        // SAFETY: `out` is writable for its length; the iterator is
        // initialised and readable (type invariant).
        let n = unsafe { bindings::copy_from_iter(dst.cast(), len, self.iov.get()) };
        // SAFETY: `copy_from_iter()` copies up to `len` bytes (its
        // contract in `include/linux/uio.h`), so `n <= len`, and the first
        // `n` bytes of `out` were written just above.
        unsafe { core::slice::from_raw_parts_mut(dst, n) }
    }

    /// Fills `out` from the front of the iterator; returns the bytes
    /// copied, as [`Self::copy_from_iter_raw`].
    #[inline]
    pub fn copy_from_iter(&mut self, out: &mut [u8]) -> usize {
        // SAFETY: `[u8]` and `[MaybeUninit<u8>]` have the same layout, and
        // only initialised bytes are written into it.
        let out = unsafe { &mut *(out as *mut [u8] as *mut [MaybeUninit<u8>]) };
        self.copy_from_iter_raw(out).len()
    }

    /// Appends everything left to `v` (growing it with `flags`); returns
    /// the bytes appended, fewer than [`Self::len`] only if user memory
    /// faulted. `ENOMEM` (nothing consumed, `v` unchanged) if `v` cannot
    /// grow.
    #[inline]
    pub fn copy_from_iter_vec(&mut self, v: &mut KVec<u8>, flags: Flags) -> Result<usize> {
        let want = self.len();
        v.reserve(want, flags)?;
        let old = v.len();
        let n = self
            .copy_from_iter_raw(&mut v.spare_capacity_mut()[..want])
            .len();
        // SAFETY: the `n` bytes after the old length were initialised by
        // the copy, inside the capacity reserved above.
        unsafe { v.set_len(old + n) };
        Ok(n)
    }
}

#[crate::kunit_tests(rust_iov)]
mod tests {
    use super::*;
    use crate::alloc::fault_inject;
    use crate::prelude::*;
    use crate::uaccess::test_page::UserTestPage;

    #[test]
    fn dest_stops_at_the_end() {
        let mut buf = [0u8; 8];
        let (n1, n2, left) = IovIterDest::with_kernel_buffer(&mut buf, |d| {
            let a = d.copy_to_iter(b"12345");
            let b = d.copy_to_iter(b"6789");
            (a, b, d.len())
        });
        kunit_assert_eq!((n1, n2, left), (5, 3, 0));
        kunit_assert_eq!(&buf, b"12345678");
    }

    #[test]
    fn simple_read_positions() -> Result {
        let mut buf = [0u8; 4];
        let mut pos = 2i64;
        let n = IovIterDest::with_kernel_buffer(&mut buf, |d| {
            d.simple_read_from_buffer(&mut pos, b"abcdefg")
        })?;
        kunit_assert_eq!((n, pos), (4, 6));
        kunit_assert_eq!(&buf, b"cdef");
        let mut pos = 7i64;
        let n = IovIterDest::with_kernel_buffer(&mut buf, |d| {
            d.simple_read_from_buffer(&mut pos, b"abcdefg")
        })?;
        kunit_assert_eq!((n, pos), (0, 7));
        let mut pos = -1i64;
        let n = IovIterDest::with_kernel_buffer(&mut buf, |d| {
            d.simple_read_from_buffer(&mut pos, b"abc")
        })?;
        kunit_assert_eq!(n, 0);
        Ok(())
    }

    #[test]
    fn source_into_slices_and_vectors() -> Result {
        let mut out = [0u8; 3];
        let (a, rest) =
            IovIterSource::with_kernel_buffer(b"hello", |s| (s.copy_from_iter(&mut out), s.len()));
        kunit_assert_eq!((a, rest), (3, 2));
        kunit_assert_eq!(&out, b"hel");

        let mut v = KVec::new();
        v.push(b'>', GFP_KERNEL)?;
        // More than the capacity: the vector must grow, and cannot.
        let big = [7u8; 512];
        kunit_assert!(v.capacity() < 513);
        let r = IovIterSource::with_kernel_buffer(&big, |s| {
            let _g = fault_inject::fail_after_scoped(0);
            let r = s.copy_from_iter_vec(&mut v, GFP_KERNEL | __GFP_NOWARN);
            (r, s.len())
        });
        kunit_assert_eq!(r, (Err(ENOMEM), 512));
        kunit_assert_eq!(v.as_slice(), b">");
        let n = IovIterSource::with_kernel_buffer(b"data", |s| {
            s.copy_from_iter_vec(&mut v, GFP_KERNEL)
        })?;
        kunit_assert_eq!(n, 4);
        kunit_assert_eq!(v.as_slice(), b">data");
        Ok(())
    }

    #[test]
    fn user_iterators_fault_short() -> Result {
        let page = UserTestPage::map()?;
        let end = page.addr() + page.len() - 2;
        // 8 bytes of which the first 2 are mapped.
        IovIterDest::with_user_buffer(end, 8, |d| {
            kunit_assert_eq!(d.len(), 8);
            kunit_assert_eq!(d.copy_to_iter(b"abcdefgh"), 2);
        });
        Ok(())
    }
}
