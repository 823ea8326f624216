// SPDX-License-Identifier: GPL-2.0-only

//! Access to user memory: [`UserSlice`] and its two halves,
//! [`UserSliceReader`] and [`UserSliceWriter`].
//!
//! A user pointer ([`UserPtr`]) is whatever a caller of the kernel passed:
//! NULL, a kernel address, unmapped memory, a range running off the end of
//! a mapping. It is only ever used through the C `copy_from_user()` and
//! `copy_to_user()` (`include/linux/uaccess.h`), or, for values of 4 and 8
//! bytes, through this module's own `get_user()`/`put_user()`: one load or
//! store in inline assembly with its exception-table entry (one file per
//! architecture under `uaccess/`, the same instructions as its
//! `asm/uaccess.h`), so that an ioctl's small argument costs no call.
//! Both check the range as `access_ok()` does and recover from faults, so
//! every bad address ends in [`EFAULT`], never in an oops. Hence all of
//! this is safe to use with any address.
//!
//! A [`UserSlice`] is a pointer and a length. Split into a reader or a
//! writer (or both), it is consumed from the front: every read or write
//! moves past the bytes it transferred, and a request for more bytes than
//! are left fails with `EFAULT` without touching memory, so a driver can
//! never go past the range it was given. On an error the reader or writer
//! has not advanced.
//!
//! Two more rules, as in Linux:
//!
//! - Reading the same user bytes twice may give two different values (user
//!   space may change them in between): read once into kernel memory, then
//!   check and use that copy. The reader enforces it by moving forward.
//! - These functions may sleep (a fault may have to page memory in), so
//!   call them in process context without a spinlock held.
//!
//! Drivers see user memory in two shapes: as a [`UserSlice`] built from
//! an `ioctl` argument, and as an `iov_iter` for reads and writes
//! ([`crate::iov`]), which may hold user or kernel memory.
//!
//! # Examples
//!
//! ```
//! use kernel::prelude::*;
//! use kernel::uaccess::{test_page::UserTestPage, UserSlice};
//!
//! // Tests map a user page of their own (there is no user space yet).
//! let page = UserTestPage::map()?;
//! let base = page.addr();
//!
//! // Write a u64 and some bytes, then read them back.
//! let mut w = UserSlice::new(base, 16).writer();
//! w.write(&0x1122_3344_5566_7788u64)?;
//! w.write_slice(b"rust")?;
//! assert_eq!(w.len(), 4);
//! assert_eq!(w.write_slice(b"too long"), Err(EFAULT)); // past the range
//!
//! let mut r = UserSlice::new(base, 12).reader();
//! assert_eq!(r.read::<u64>()?, 0x1122_3344_5566_7788);
//! let mut word = [0u8; 4];
//! r.read_slice(&mut word)?;
//! assert_eq!(&word, b"rust");
//! assert!(r.is_empty());
//!
//! // The whole range into a vector, allocating as needed.
//! let mut all = KVec::new();
//! UserSlice::new(base + 8, 4).read_all(&mut all, GFP_KERNEL)?;
//! assert_eq!(all.as_slice(), b"rust");
//!
//! // Bad addresses: NULL, a kernel address.
//! assert_eq!(UserSlice::new(0, 8).reader().read::<u64>(), Err(EFAULT));
//! let kernel_addr = &word as *const _ as usize;
//! assert_eq!(UserSlice::new(kernel_addr, 4).writer().write_slice(b"oops"), Err(EFAULT));
//! # Ok::<(), Error>(())
//! ```

use crate::alloc::{Flags, KVec};
use crate::error::{code::EFAULT, Result};
use crate::transmute::{AsBytes, FromBytes};
use core::mem::{size_of, MaybeUninit};

/// Defines an architecture's single user accesses, each an `unsafe fn`
/// of a user address (and, for a put, the value) returning `Result`:
/// `get: [name: type = "load"]` reads `{src}` into `{v}`, `put: [name:
/// type = "store"]` writes `{v}` to `{dst}`. `clear` zeroes `{failed}`
/// (it runs only if the access did not fault: the exception-table
/// `entry` sends a fault at label `2` to label `3`, after it); `begin` and
/// `end` open and close user access around it (`end` also runs after a
/// fault); `operands` are the extra operands and the options of `asm!`.
/// The generic part of `include/asm-generic/uaccess.h`, in Rust.
macro_rules! user_accesses {
    (
        begin: $begin:literal,
        end: $end:literal,
        clear: $clear:literal,
        entry: $entry:literal,
        get: [$($get:ident: $gty:ty = $load:literal),* $(,)?],
        put: [$($put:ident: $pty:ty = $store:literal),* $(,)?],
        operands: $operands:tt $(,)?
    ) => {
        $(
            /// Reads the value at the user address `src`; `EFAULT` if the
            /// load faults. Never sleeps (no user page is paged in yet).
            ///
            /// # Safety
            ///
            /// `src` and the bytes after it, for the size of the value,
            /// are user addresses (below `TASK_SIZE_MAX`): no kernel
            /// object lies there.
            #[inline(always)]
            pub(super) unsafe fn $get(src: usize) -> $crate::error::Result<$gty> {
                let mut v: $gty = 0;
                // SAFETY: `src` is a user address (the caller's promise),
                // so the load reads no kernel object.
                let failed = unsafe {
                    user_accesses!(@asm $begin, $load, $clear, $end, $entry, $operands,
                                   v = inout(reg) v, src = in(reg) src,)
                };
                if failed != 0 {
                    return Err($crate::error::code::EFAULT);
                }
                Ok(v)
            }
        )*
        $(
            /// Writes `v` at the user address `dst`; `EFAULT` if the store
            /// faults. Never sleeps (no user page is paged in yet).
            ///
            /// # Safety
            ///
            /// `dst` and the bytes after it, for the size of the value,
            /// are user addresses (below `TASK_SIZE_MAX`): no kernel
            /// object lies there.
            #[inline(always)]
            pub(super) unsafe fn $put(v: $pty, dst: usize) -> $crate::error::Result {
                // SAFETY: `dst` is a user address (the caller's promise),
                // so the store changes no kernel object.
                let failed = unsafe {
                    user_accesses!(@asm $begin, $store, $clear, $end, $entry, $operands,
                                   v = in(reg) v, dst = in(reg) dst,)
                };
                if failed != 0 {
                    return Err($crate::error::code::EFAULT);
                }
                Ok(())
            }
        )*
    };
    // The access at label 2, `clear` after it, and the exception-table
    // entry that sends a fault at 2 to 3, past `clear`: evaluates to 0 if
    // the access was made, 1 if it faulted.
    (@asm $begin:literal, $access:literal, $clear:literal, $end:literal, $entry:literal,
     [$($operands:tt)*], $($access_operands:tt)*) => {{
        let mut failed: usize = 1;
        core::arch::asm!(
            $begin,
            concat!("2: ", $access),
            $clear,
            concat!("3: ", $end),
            ".pushsection __ex_table, \"a\"",
            $entry,
            ".popsection",
            failed = inout(reg) failed,
            $($access_operands)*
            $($operands)*
        );
        failed
    }};
}

#[cfg_attr(target_arch = "x86_64", path = "uaccess/x86_64.rs")]
#[cfg_attr(target_arch = "riscv64", path = "uaccess/riscv64.rs")]
#[cfg_attr(target_arch = "aarch64", path = "uaccess/arm64.rs")]
#[cfg_attr(target_arch = "arm", path = "uaccess/arm.rs")]
#[cfg_attr(target_arch = "powerpc64", path = "uaccess/powerpc64.rs")]
mod arch;

/// Whether the `size` bytes at `addr` lie in the user part of the address
/// space, as C's `access_ok()`: below `TASK_SIZE_MAX`, without wrapping.
#[inline(always)]
fn access_ok(addr: UserPtr, size: usize) -> bool {
    size <= bindings::TASK_SIZE_MAX && addr <= bindings::TASK_SIZE_MAX - size
}

/// A user-space address, as an integer: it is never dereferenced by Rust,
/// only passed to the C user-copy functions.
pub type UserPtr = usize;

/// A range of user memory: `length` bytes at `ptr`. Nothing is checked
/// when it is made; every access is.
#[derive(Clone, Copy, Debug)]
pub struct UserSlice {
    ptr: UserPtr,
    length: usize,
}

impl UserSlice {
    /// The `length` bytes at the user address `ptr`.
    #[inline]
    pub const fn new(ptr: UserPtr, length: usize) -> Self {
        UserSlice { ptr, length }
    }

    /// Its address.
    #[inline]
    pub const fn addr(&self) -> UserPtr {
        self.ptr
    }

    /// Its length.
    #[inline]
    pub const fn len(&self) -> usize {
        self.length
    }

    /// Whether it is empty.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Reads the whole range, appending it to `buf` (which grows with
    /// `flags`). `ENOMEM` if it cannot grow, `EFAULT` on a bad address (then
    /// `buf` keeps its old contents).
    pub fn read_all(self, buf: &mut KVec<u8>, flags: Flags) -> Result {
        self.reader().read_all(buf, flags)
    }

    /// A reader over the range.
    #[inline]
    pub const fn reader(self) -> UserSliceReader {
        UserSliceReader {
            ptr: self.ptr,
            length: self.length,
        }
    }

    /// A writer over the range.
    #[inline]
    pub const fn writer(self) -> UserSliceWriter {
        UserSliceWriter {
            ptr: self.ptr,
            length: self.length,
        }
    }

    /// A reader and a writer over the same range (for `_IOWR` ioctls, which
    /// read their argument and write a result back).
    #[inline]
    pub const fn reader_writer(self) -> (UserSliceReader, UserSliceWriter) {
        (self.reader(), self.writer())
    }
}

/// Reads a [`UserSlice`] from the front; see the [module
/// documentation](self).
#[derive(Debug)]
pub struct UserSliceReader {
    ptr: UserPtr,
    length: usize,
}

impl UserSliceReader {
    /// Bytes left to read.
    #[inline]
    pub const fn len(&self) -> usize {
        self.length
    }

    /// Whether nothing is left.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Skips `n` bytes without reading them; `EFAULT` if fewer are left.
    pub fn skip(&mut self, n: usize) -> Result {
        if n > self.length {
            return Err(EFAULT);
        }
        self.ptr = self.ptr.wrapping_add(n);
        self.length -= n;
        Ok(())
    }

    /// Copies `n` bytes from the front of the range to `dst`, and moves
    /// past them; `EFAULT` if fewer are left or a byte cannot be read.
    ///
    /// What it writes to `dst` is only ever bytes copied from user memory
    /// or zeroes (`copy_from_user()` zeroes what it could not copy), never
    /// an uninitialised byte: so `dst` may be initialised memory of any
    /// type that accepts any bytes, and stays valid whatever happens. On
    /// success all `n` bytes are written.
    ///
    /// # Safety
    ///
    /// `dst` is valid for writes of `n` bytes, and not used by anything
    /// else during the call.
    #[inline]
    unsafe fn read_into(&mut self, dst: *mut u8, n: usize) -> Result {
        if n > self.length {
            return Err(EFAULT);
        }
        // SAFETY: `dst` is `n` writable bytes (the caller's promise). The
        // user address is checked and any fault caught by
        // `copy_from_user`, which writes copied bytes or zeroes only.
        let left = unsafe { bindings::copy_from_user(dst.cast(), self.ptr as *const _, n as _) };
        if left != 0 {
            return Err(EFAULT);
        }
        self.ptr = self.ptr.wrapping_add(n);
        self.length -= n;
        Ok(())
    }

    /// Fills `out` (possibly uninitialised memory) from the front of the
    /// range. On success every byte of `out` is initialised (with bytes of
    /// user memory); `EFAULT` if fewer than `out.len()` bytes are left or
    /// a byte cannot be read.
    #[inline]
    pub fn read_raw(&mut self, out: &mut [MaybeUninit<u8>]) -> Result {
        // SAFETY: `out` is `out.len()` writable bytes, borrowed for the
        // call.
        unsafe { self.read_into(out.as_mut_ptr().cast(), out.len()) }
    }

    /// Fills `out` from the front of the range; as [`Self::read_raw`].
    #[inline]
    pub fn read_slice(&mut self, out: &mut [u8]) -> Result {
        // SAFETY: `out` is `out.len()` writable bytes, borrowed for the
        // call; `read_into` writes only copied bytes or zeroes, so `out`
        // stays initialised even on an error. (Going through `read_raw`
        // would need a cast of `out` to `[MaybeUninit<u8>]`, whose soundness
        // would rest on what a safe function does not write.)
        unsafe { self.read_into(out.as_mut_ptr(), out.len()) }
    }

    /// Reads a `T` (any plain-bytes type: an integer, an array of them).
    ///
    /// Values of 4 or 8 bytes take the `get_user()` fast path: one inline
    /// load with a fault fixup, no call.
    #[inline]
    pub fn read<T: FromBytes>(&mut self) -> Result<T> {
        let n = size_of::<T>();
        if (n == 8 || n == 4) && self.length >= n {
            if !access_ok(self.ptr, n) {
                return Err(EFAULT);
            }
            // SAFETY: the `n` bytes at `self.ptr` are user addresses
            // (`access_ok`). `T` is `n` bytes and accepts any bytes
            // (`FromBytes`); `transmute_copy` reads them unaligned if it
            // must.
            let v = unsafe {
                if n == 8 {
                    core::mem::transmute_copy::<u64, T>(&arch::get_user_64(self.ptr)?)
                } else {
                    core::mem::transmute_copy::<u32, T>(&arch::get_user_32(self.ptr)?)
                }
            };
            self.ptr = self.ptr.wrapping_add(n);
            self.length -= n;
            return Ok(v);
        }
        let mut v = MaybeUninit::<T>::uninit();
        // SAFETY: the `MaybeUninit<T>` is `size_of::<T>()` writable bytes,
        // ours.
        unsafe { self.read_into(v.as_mut_ptr().cast(), size_of::<T>())? };
        // SAFETY: `read_into` succeeded, so it wrote all `size_of::<T>()`
        // bytes, and any bytes are a valid `T` (`FromBytes`).
        Ok(unsafe { v.assume_init() })
    }

    /// Reads everything left, appending it to `buf` (which grows with
    /// `flags`). `ENOMEM` if it cannot grow; `EFAULT` on a bad address
    /// (then `buf` keeps its old length).
    pub fn read_all(mut self, buf: &mut KVec<u8>, flags: Flags) -> Result {
        let n = self.length;
        buf.reserve(n, flags)?;
        let old = buf.len();
        let spare = &mut buf.spare_capacity_mut()[..n];
        self.read_raw(spare)?;
        // SAFETY: `read_raw` succeeded, so it initialised the `n` bytes
        // after the old length (its documented guarantee), within the
        // capacity just reserved.
        unsafe { buf.set_len(old + n) };
        Ok(())
    }
}

/// Writes a [`UserSlice`] from the front; see the [module
/// documentation](self).
#[derive(Debug)]
pub struct UserSliceWriter {
    ptr: UserPtr,
    length: usize,
}

impl UserSliceWriter {
    /// Room left.
    #[inline]
    pub const fn len(&self) -> usize {
        self.length
    }

    /// Whether no room is left.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Writes `data` at the front of the range; `EFAULT` if it does not
    /// fit in what is left or a byte cannot be written (some may have been).
    #[inline]
    pub fn write_slice(&mut self, data: &[u8]) -> Result {
        let n = data.len();
        if n > self.length {
            return Err(EFAULT);
        }
        let (dst, src) = (self.ptr as *mut _, data.as_ptr().cast());
        // SAFETY: `data` is `n` readable bytes. The user address is checked
        // and any fault caught by `copy_to_user`.
        let left = unsafe { bindings::copy_to_user(dst, src, n as _) };
        if left != 0 {
            return Err(EFAULT);
        }
        self.ptr = self.ptr.wrapping_add(n);
        self.length -= n;
        Ok(())
    }

    /// Writes a `T` (any type that is plain bytes).
    ///
    /// Values of 4 or 8 bytes take the `put_user()` fast path: one inline
    /// store with a fault fixup, no call.
    #[inline]
    pub fn write<T: AsBytes + ?Sized>(&mut self, value: &T) -> Result {
        let bytes = value.as_bytes();
        let n = bytes.len();
        if n > self.length {
            return Err(EFAULT);
        }
        let fast = match (<[u8; 8]>::try_from(bytes), <[u8; 4]>::try_from(bytes)) {
            (Ok(b), _) => Some((u64::from_ne_bytes(b), 8)),
            (_, Ok(b)) => Some((u64::from(u32::from_ne_bytes(b)), 4)),
            _ => None,
        };
        let Some((v, n)) = fast else {
            return self.write_slice(bytes);
        };
        if !access_ok(self.ptr, n) {
            return Err(EFAULT);
        }
        // SAFETY: the `n` bytes at `self.ptr` are user addresses
        // (`access_ok`).
        unsafe {
            if n == 8 {
                arch::put_user_64(v, self.ptr)?;
            } else {
                arch::put_user_32(v as u32, self.ptr)?;
            }
        }
        self.ptr = self.ptr.wrapping_add(n);
        self.length -= n;
        Ok(())
    }
}

/// A user page for tests, which run in kernel threads with no process's
/// address space loaded.
///
/// No user mapping exists there to copy to or from, so tests map one
/// zeroed page at a user address of the table in use
/// (`map_user_test_page()`); the success paths of user copies can then
/// be exercised. Only one test may map a given address at
/// a time (tests run one after the other). Test builds only.
#[cfg(CONFIG_KUNIT)]
pub mod test_page {
    use crate::error::{to_result, Result};
    use crate::uaccess::UserPtr;

    /// The address [`UserTestPage::map`] uses (the C tests use others).
    pub const TEST_PAGE_ADDR: UserPtr = 0x4600_0000;

    /// A mapped user test page, unmapped (and freed) when dropped.
    ///
    /// # Examples
    ///
    /// ```
    /// use kernel::uaccess::{test_page::UserTestPage, UserSlice};
    ///
    /// let page = UserTestPage::map()?;
    /// assert_eq!(page.len(), 4096);
    /// let mut r = UserSlice::new(page.addr(), page.len()).reader();
    /// assert_eq!(r.read::<[u64; 4]>()?, [0; 4]); // zeroed
    /// # Ok::<(), kernel::error::Error>(())
    /// ```
    pub struct UserTestPage {
        addr: UserPtr,
    }

    impl UserTestPage {
        /// Maps the page at [`TEST_PAGE_ADDR`]; `EEXIST` if it is already
        /// mapped, `ENOMEM`. May sleep.
        pub fn map() -> Result<Self> {
            Self::map_at(TEST_PAGE_ADDR)
        }

        /// Maps a page at the page-aligned user address `addr`; `EINVAL`
        /// for a bad address, `EEXIST`, `ENOMEM`. May sleep.
        pub fn map_at(addr: UserPtr) -> Result<Self> {
            // SAFETY: the C function checks `addr` and maps only user
            // addresses, which no Rust reference can point to.
            to_result(unsafe { bindings::map_user_test_page(addr as _) })?;
            Ok(UserTestPage { addr })
        }

        /// The page's user address.
        pub fn addr(&self) -> UserPtr {
            self.addr
        }

        /// Its size in bytes.
        pub fn len(&self) -> usize {
            bindings::PAGE_SIZE
        }

        /// Always false: a page is never empty.
        pub fn is_empty(&self) -> bool {
            false
        }
    }

    impl Drop for UserTestPage {
        fn drop(&mut self) {
            // SAFETY: the page was mapped by `map_at` and is unmapped once.
            unsafe { bindings::unmap_user_test_page(self.addr as _) }
        }
    }
}

#[crate::kunit_tests(rust_uaccess)]
mod tests {
    use super::test_page::UserTestPage;
    use super::*;
    use crate::alloc::fault_inject;
    use crate::prelude::*;

    #[test]
    fn reader_cannot_overrun() -> Result {
        let page = UserTestPage::map()?;
        let mut w = UserSlice::new(page.addr(), 8).writer();
        w.write_slice(b"abcdefgh")?;
        kunit_assert!(w.is_empty());
        kunit_assert_eq!(w.write_slice(b"x"), Err(EFAULT));

        let mut r = UserSlice::new(page.addr(), 6).reader();
        let mut big = [0u8; 7];
        kunit_assert_eq!(r.read_slice(&mut big), Err(EFAULT));
        kunit_assert_eq!(r.len(), 6); // nothing consumed by the failure
        kunit_assert_eq!(r.read::<u64>(), Err(EFAULT));
        r.skip(2)?;
        let mut four = [0u8; 4];
        r.read_slice(&mut four)?;
        kunit_assert_eq!(&four, b"cdef");
        kunit_assert_eq!(r.skip(1), Err(EFAULT));
        Ok(())
    }

    #[test]
    fn small_values_fast_path() -> Result {
        let page = UserTestPage::map()?;
        let mut w = UserSlice::new(page.addr(), 30).writer();
        w.write(&0xa1b2_c3d4u32)?;
        w.write(&[1u8, 2, 3, 4, 5, 6, 7, 8])?;
        w.write(&[9u16; 8])?; // 16 bytes: the copy path
        kunit_assert_eq!(w.len(), 2);
        kunit_assert_eq!(w.write(&0u32), Err(EFAULT)); // 2 bytes left
        let mut r = UserSlice::new(page.addr(), 30).reader();
        kunit_assert_eq!(r.read::<[u8; 4]>()?, [0xd4, 0xc3, 0xb2, 0xa1]);
        kunit_assert_eq!(r.read::<u64>()?, 0x0807_0605_0403_0201);
        kunit_assert_eq!(r.read::<[u16; 8]>()?, [9; 8]);
        kunit_assert_eq!(r.read::<u32>(), Err(EFAULT));
        kunit_assert_eq!(r.len(), 2);
        // Faults on the fast path.
        let end = page.addr() + page.len() - 2;
        kunit_assert_eq!(UserSlice::new(end, 4).reader().read::<u32>(), Err(EFAULT));
        kunit_assert_eq!(UserSlice::new(end, 8).writer().write(&1u64), Err(EFAULT));
        kunit_assert_eq!(UserSlice::new(0, 4).writer().write(&1i32), Err(EFAULT));
        Ok(())
    }

    #[test]
    fn inline_access_edges() -> Result {
        // The inline loads and stores of 4 and 8 bytes: the last user
        // addresses pass the range check and fault (nothing is mapped
        // there), one byte further fails the check; a kernel address
        // fails it too and its memory is left alone. A failure does not
        // advance the reader or writer.
        let top = bindings::TASK_SIZE_MAX;
        for (addr, n) in [(top - 8, 8), (top - 7, 8), (top - 4, 4), (top - 3, 4)] {
            let mut w = UserSlice::new(addr, 8).writer();
            let r = if n == 8 {
                w.write(&7u64)
            } else {
                w.write(&7u32)
            };
            kunit_assert_eq!(r, Err(EFAULT));
            kunit_assert_eq!(w.len(), 8);
            let mut rd = UserSlice::new(addr, 8).reader();
            let r = if n == 8 {
                rd.read::<u64>().map(drop)
            } else {
                rd.read::<u32>().map(drop)
            };
            kunit_assert_eq!(r, Err(EFAULT));
            kunit_assert_eq!(rd.len(), 8);
        }
        let mut word = [0x55u8; 8];
        let kernel_addr = word.as_mut_ptr() as usize;
        kunit_assert_eq!(
            UserSlice::new(kernel_addr, 8).writer().write(&0u64),
            Err(EFAULT)
        );
        kunit_assert_eq!(
            UserSlice::new(kernel_addr, 4).writer().write(&0u32),
            Err(EFAULT)
        );
        kunit_assert_eq!(
            UserSlice::new(kernel_addr, 8).reader().read::<u64>(),
            Err(EFAULT)
        );
        kunit_assert_eq!(word, [0x55; 8]);
        // The fault fixup returns to a working state: the next access of
        // a mapped page succeeds.
        let page = UserTestPage::map()?;
        UserSlice::new(page.addr() + 8, 8)
            .writer()
            .write(&0x0102_0304u32)?;
        kunit_assert_eq!(
            UserSlice::new(page.addr() + 8, 4).reader().read::<u32>()?,
            0x0102_0304
        );
        Ok(())
    }

    #[test]
    fn faults_are_efault() -> Result {
        let page = UserTestPage::map()?;
        // A range that runs off the end of the mapped page.
        let end = page.addr() + page.len() - 4;
        let mut r = UserSlice::new(end, 8).reader();
        kunit_assert_eq!(r.read::<u64>(), Err(EFAULT));
        let mut w = UserSlice::new(end, 8).writer();
        kunit_assert_eq!(w.write(&1u64), Err(EFAULT));
        // Above the user half, and wrapping around.
        let top = bindings::TASK_SIZE_MAX;
        kunit_assert_eq!(UserSlice::new(top, 1).reader().read::<u8>(), Err(EFAULT));
        kunit_assert_eq!(
            UserSlice::new(usize::MAX - 2, 8).reader().read::<u64>(),
            Err(EFAULT)
        );
        // An unmapped user address.
        kunit_assert_eq!(
            UserSlice::new(0x1000, 4).reader().read::<u32>(),
            Err(EFAULT)
        );
        Ok(())
    }

    #[test]
    fn read_all_failures_keep_the_vector() -> Result {
        let page = UserTestPage::map()?;
        UserSlice::new(page.addr(), 3)
            .writer()
            .write_slice(b"xyz")?;
        let mut v = KVec::new();
        v.extend_from_slice(b"12", GFP_KERNEL)?;
        kunit_assert_eq!(
            UserSlice::new(0, 3).read_all(&mut v, GFP_KERNEL),
            Err(EFAULT)
        );
        kunit_assert_eq!(v.as_slice(), b"12");
        {
            let _g = fault_inject::fail_after_scoped(0);
            let r = UserSlice::new(page.addr(), 1000).read_all(&mut v, GFP_KERNEL | __GFP_NOWARN);
            kunit_assert_eq!(r, Err(ENOMEM));
        }
        kunit_assert_eq!(v.as_slice(), b"12");
        UserSlice::new(page.addr(), 3).read_all(&mut v, GFP_KERNEL)?;
        kunit_assert_eq!(v.as_slice(), b"12xyz");
        Ok(())
    }

    #[test]
    fn reader_writer_same_range() -> Result {
        let page = UserTestPage::map()?;
        let (mut r, mut w) = UserSlice::new(page.addr(), 8).reader_writer();
        let v: u64 = r.read()?;
        kunit_assert_eq!(v, 0);
        w.write(&(v + 41))?;
        kunit_assert_eq!(UserSlice::new(page.addr(), 8).reader().read::<u64>()?, 41);
        kunit_assert_eq!(UserTestPage::map().err(), Some(EEXIST));
        Ok(())
    }
}
