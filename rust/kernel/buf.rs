// SPDX-License-Identifier: GPL-2.0-only

//! Byte buffers that are written before they are read, so that making one
//! costs nothing.
//!
//! Safe Rust never reads uninitialised memory, so a plain `[u8; N]` has to
//! be filled (usually zeroed) when it is made, even when every byte will
//! be overwritten before it is read. For a buffer kept in a structure that
//! is allocated often (the per-open state of a driver, say), that zeroing
//! is a real cost that C code does not pay: `memset` of 256 bytes is a
//! few per cent of an `open()`.
//!
//! [`UninitBuf`] is such a buffer without the zeroing. Its bytes can only
//! be reached through [`UninitBuf::fill`], which starts from an empty
//! buffer, lets a closure append bytes through a [`BufCursor`], and then
//! gives back exactly the bytes appended: nothing written earlier and
//! nothing never written can be seen. This is the idea of `std`'s
//! `BorrowedBuf`, cut down to what drivers need.
//!
//! # Examples
//!
//! ```
//! use kernel::buf::UninitBuf;
//! use kernel::prelude::*;
//!
//! let mut buf = UninitBuf::<8>::new(); // no bytes written yet
//! let bytes = buf.fill(|c| {
//!     c.push(b"abc")?;
//!     c.push(&[b'd'])?;
//!     Ok(())
//! })?;
//! assert_eq!(bytes, b"abcd");
//!
//! // Each fill starts again from empty; a push that does not fit fails
//! // with ENOSPC and appends nothing.
//! let r = buf.fill(|c| {
//!     c.push(b"12345")?;
//!     assert_eq!(c.push(b"6789"), Err(ENOSPC));
//!     assert_eq!(c.len(), 5);
//!     c.push(b"678")
//! });
//! assert_eq!(r?, b"12345678");
//! # Ok::<(), Error>(())
//! ```

use crate::error::{code::ENOSPC, Result};
use core::mem::MaybeUninit;

/// `N` bytes that start uninitialised and are only read back after being
/// written, through [`fill`](Self::fill).
///
/// Aligned to 8 bytes, so that words pushed at multiples of 8 are aligned
/// (and so that the compiler keeps knowing the alignment of the fields
/// around it in a structure).
#[repr(C, align(8))]
pub struct UninitBuf<const N: usize> {
    bytes: [MaybeUninit<u8>; N],
}

impl<const N: usize> UninitBuf<N> {
    /// A buffer whose bytes are not written: making it stores nothing.
    #[inline]
    pub const fn new() -> Self {
        UninitBuf {
            bytes: [MaybeUninit::uninit(); N],
        }
    }

    /// How many bytes the buffer holds, `N`.
    #[inline]
    pub const fn capacity(&self) -> usize {
        N
    }

    /// Runs `f` with a cursor at the start of the (now empty) buffer and
    /// returns the bytes it appended, in order, or `f`'s error. Never
    /// allocates or sleeps; the bytes of earlier fills cannot be seen.
    #[inline]
    pub fn fill<F>(&mut self, f: F) -> Result<&mut [u8]>
    where
        F: FnOnce(&mut BufCursor<'_>) -> Result,
    {
        let mut cursor = BufCursor {
            bytes: &mut self.bytes,
            len: 0,
        };
        f(&mut cursor)?;
        let len = cursor.len;
        // SAFETY: the cursor's first `len` bytes were written by `push`
        // (the only way `len` grows) during this fill, and `MaybeUninit<u8>`
        // has the layout of `u8`; the slice borrows `self` mutably.
        Ok(unsafe { core::slice::from_raw_parts_mut(self.bytes.as_mut_ptr().cast::<u8>(), len) })
    }
}

impl<const N: usize> UninitBuf<N> {
    /// Writes the buffer's first `len` bytes `K` at a time from `next`
    /// (called `ceil(len / K)` times, in order; the bytes of its last
    /// result past `len` are written but not returned) and returns those
    /// `len` bytes. Fails with `ENOSPC`, calling `next` never, if the
    /// `ceil(len / K)` chunks do not fit in `N` bytes, or if `K` is 0
    /// (chunks of nothing can fill nothing).
    ///
    /// The space is checked once for the whole fill, where a loop of
    /// [`BufCursor::push`] checks it at every chunk: the loop of a
    /// generator's words is then the loop C would write. Never allocates
    /// or sleeps; the bytes of earlier fills cannot be seen.
    ///
    /// # Examples
    ///
    /// ```
    /// use kernel::buf::UninitBuf;
    /// use kernel::prelude::*;
    ///
    /// let mut buf = UninitBuf::<8>::new();
    /// let mut i = 0u16;
    /// let bytes = buf.fill_chunks(5, || {
    ///     i += 1;
    ///     i.to_le_bytes()
    /// })?;
    /// assert_eq!(bytes, &[1, 0, 2, 0, 3]); // three calls, the last cut
    /// assert_eq!(buf.fill_chunks(9, || [0u8; 2]).err(), Some(ENOSPC));
    /// # Ok::<(), Error>(())
    /// ```
    #[inline]
    pub fn fill_chunks<const K: usize>(
        &mut self,
        len: usize,
        mut next: impl FnMut() -> [u8; K],
    ) -> Result<&mut [u8]> {
        if K == 0 {
            return Err(ENOSPC);
        }
        if len == 0 {
            return Ok(&mut []);
        }
        let count = len.div_ceil(K);
        if count > N / K {
            return Err(ENOSPC);
        }
        let base = self.bytes.as_mut_ptr().cast::<u8>();
        // A loop that runs at least once, with the test at its end: the
        // compiler then keeps knowing the alignment of what `next` reads
        // (as for a loop that may run zero times it does not, on riscv64).
        let mut i = 0;
        loop {
            let chunk = next();
            // SAFETY: `i < count <= N / K`, so bytes `i * K..(i + 1) * K`
            // are inside the buffer.
            let dst = unsafe { base.add(i * K) };
            if K.is_multiple_of(8) {
                // Whole words, stored as words: the compiler does not
                // follow the buffer's alignment through the loop and would
                // otherwise store byte by byte where unaligned stores are
                // not allowed (riscv64).
                for (j, w) in chunk.as_chunks::<8>().0.iter().enumerate() {
                    // SAFETY: inside the chunk's bytes; 8-aligned, since the
                    // buffer is (`align(8)`, its bytes at offset 0) and
                    // `i * K` and `j * 8` are multiples of 8.
                    unsafe { dst.add(j * 8).cast::<u64>().write(u64::from_ne_bytes(*w)) };
                }
            } else {
                // SAFETY: `dst` has `K` bytes of the buffer; `chunk` is a
                // local, not in it.
                unsafe { core::ptr::copy_nonoverlapping(chunk.as_ptr(), dst, K) };
            }
            i += 1;
            if i == count {
                break;
            }
        }
        // SAFETY: the loop wrote the first `count * K >= len` bytes during
        // this fill, and `MaybeUninit<u8>` has the layout of `u8`; the
        // slice borrows `self` mutably.
        Ok(unsafe { core::slice::from_raw_parts_mut(base, len) })
    }
}

impl<const N: usize> Default for UninitBuf<N> {
    fn default() -> Self {
        Self::new()
    }
}

/// Appends bytes to an [`UninitBuf`] during [`UninitBuf::fill`].
pub struct BufCursor<'a> {
    bytes: &'a mut [MaybeUninit<u8>],
    /// Bytes written so far: always at most `bytes.len()`.
    len: usize,
}

impl BufCursor<'_> {
    /// Appends `data` after the bytes already appended, or fails with
    /// `ENOSPC` (appending nothing) if it does not fit.
    #[inline]
    pub fn push(&mut self, data: &[u8]) -> Result {
        let Some(dst) = self.bytes.get_mut(self.len..self.len + data.len()) else {
            return Err(ENOSPC);
        };
        // SAFETY: `dst` is `data.len()` writable bytes (`MaybeUninit<u8>`
        // has the layout of `u8`) and does not overlap `data`, which is a
        // shared borrow while `dst` is a unique one.
        unsafe {
            core::ptr::copy_nonoverlapping(data.as_ptr(), dst.as_mut_ptr().cast::<u8>(), data.len())
        };
        self.len += data.len();
        Ok(())
    }

    /// How many bytes have been appended.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing has been appended yet.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many more bytes fit.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.len
    }
}

#[crate::kunit_tests(rust_buf)]
mod tests {
    use super::*;
    use crate::error::code::EINVAL;
    use crate::{kunit_assert, kunit_assert_eq};

    #[test]
    fn fill_returns_what_was_pushed() -> Result {
        let mut buf = UninitBuf::<16>::new();
        kunit_assert_eq!(buf.capacity(), 16);
        let bytes = buf.fill(|c| {
            kunit_assert!(c.is_empty());
            kunit_assert_eq!(c.remaining(), 16);
            for i in 0..4u32 {
                c.push(&i.to_le_bytes())?;
            }
            kunit_assert_eq!(c.remaining(), 0);
            Ok(())
        })?;
        kunit_assert_eq!(bytes.len(), 16);
        kunit_assert_eq!(&bytes[..8], &[0, 0, 0, 0, 1, 0, 0, 0]);
        bytes[0] = 9; // the bytes are the caller's to change
        kunit_assert_eq!(bytes[0], 9);
        // A new fill shows none of the old bytes.
        kunit_assert_eq!(buf.fill(|_| Ok(()))?.len(), 0);
        kunit_assert_eq!(buf.fill(|c| c.push(b"xy"))?, b"xy");
        Ok(())
    }

    #[test]
    fn overflow_appends_nothing() -> Result {
        let mut buf = UninitBuf::<4>::new();
        let bytes = buf.fill(|c| {
            c.push(b"abc")?;
            kunit_assert_eq!(c.push(b"de"), Err(ENOSPC));
            kunit_assert_eq!(c.len(), 3);
            kunit_assert_eq!(c.push(&[]), Ok(()));
            c.push(b"d")?;
            kunit_assert_eq!(c.push(b"e"), Err(ENOSPC));
            Ok(())
        })?;
        kunit_assert_eq!(bytes, b"abcd");
        // A zero-sized buffer takes only empty pushes.
        let mut none = UninitBuf::<0>::new();
        kunit_assert_eq!(none.fill(|c| c.push(b"a")).err(), Some(ENOSPC));
        kunit_assert_eq!(none.fill(|c| c.push(b""))?.len(), 0);
        Ok(())
    }

    #[test]
    fn fill_chunks_writes_whole_chunks() -> Result {
        let mut buf = UninitBuf::<16>::new();
        let calls = core::cell::Cell::new(0u32);
        let next = || {
            calls.set(calls.get() + 1);
            (0x0403_0201u32 * calls.get()).to_le_bytes()
        };
        kunit_assert_eq!(buf.fill_chunks(0, next)?.len(), 0);
        let bytes = buf.fill_chunks(6, next)?;
        kunit_assert_eq!(bytes, &[1, 2, 3, 4, 2, 4]);
        kunit_assert_eq!(calls.get(), 2);
        // Every byte of a full buffer; one more chunk's worth does not fit
        // and `next` is not called.
        kunit_assert_eq!(buf.fill_chunks(16, next)?.len(), 16);
        kunit_assert_eq!(calls.get(), 6);
        kunit_assert_eq!(buf.fill_chunks(17, next).err(), Some(ENOSPC));
        kunit_assert_eq!(calls.get(), 6);
        // Chunks that do not divide the buffer: 3 of 5 bytes in 16.
        let mut odd = UninitBuf::<16>::new();
        kunit_assert_eq!(odd.fill_chunks(15, || *b"abcde")?, b"abcdeabcdeabcde");
        kunit_assert_eq!(odd.fill_chunks(16, || *b"abcde").err(), Some(ENOSPC));
        kunit_assert_eq!(odd.fill_chunks(4, || [0u8; 0]).err(), Some(ENOSPC));
        Ok(())
    }

    #[test]
    fn closure_error_is_returned() {
        let mut buf = UninitBuf::<4>::new();
        let r = buf.fill(|c| {
            c.push(b"ab")?;
            Err(EINVAL)
        });
        kunit_assert_eq!(r.err(), Some(EINVAL));
    }
}
