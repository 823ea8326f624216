// SPDX-License-Identifier: GPL-2.0-only

//! Open files: [`File`] (a C `struct file`), [`Kiocb`] (one read or write
//! in progress) and [`Whence`] (how `llseek` counts).
//!
//! The VFS (`fs/`, `include/linux/fs.h`) calls a driver's file operations
//! with a `struct file *`; the table that receives those calls
//! ([`crate::fs::file_operations`]) hands it to Rust as `&File`, valid for
//! the call. A driver reads the open flags ([`File::flags`],
//! [`File::is_nonblocking`]), the position ([`File::pos`],
//! [`File::set_pos`]) and the opener's credentials ([`File::cred`]) through
//! it.
//!
//! Files are reference counted: [`ARef<File>`](crate::types::ARef) keeps
//! one alive beyond a call (`get_file()`/`fput()`). In-kernel users (and
//! tests) open one with [`File::open`] and call its operations through the
//! VFS, as the system calls do: [`File::kernel_read`],
//! [`File::kernel_write`], [`File::ioctl`], [`File::llseek`],
//! [`File::poll_ready`].
//!
//! # Examples
//!
//! ```
//! use kernel::fs::{flags, File, Whence};
//! use kernel::prelude::*;
//!
//! // What a driver's llseek may look like, for a 100-byte object.
//! fn seek(file: &File, offset: i64, whence: Whence) -> Result<i64> {
//!     let base = match whence {
//!         Whence::Set => 0,
//!         Whence::Cur => file.pos(),
//!         Whence::End => 100,
//!         _ => return Err(EINVAL),
//!     };
//!     let pos = base.checked_add(offset).filter(|p| (0..=100).contains(p)).ok_or(EINVAL)?;
//!     file.set_pos(pos);
//!     Ok(pos)
//! }
//!
//! assert_eq!(Whence::try_from(2), Ok(Whence::End));
//! assert_eq!(Whence::try_from(9), Err(EINVAL));
//! assert_eq!(flags::O_NONBLOCK, 0o4000);
//! # let _ = seek;
//! ```

use crate::cred::Credential;
use crate::error::{code::EINVAL, from_err_ptr, Error, Result};
use crate::str::CStr;
use crate::types::{ARef, AlwaysRefCounted, Opaque};
use core::marker::PhantomData;
use core::ptr::NonNull;
use core::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use ffi::c_int;

/// Open flags (`file->f_flags`), the C `O_*` values.
pub mod flags {
    /// Do not block: return `EAGAIN` instead of waiting.
    pub const O_NONBLOCK: u32 = bindings::O_NONBLOCK;
    /// Writes go to the end of the file.
    pub const O_APPEND: u32 = bindings::O_APPEND;
    /// The access mode bits: one of [`O_RDONLY`], [`O_WRONLY`], [`O_RDWR`].
    pub const O_ACCMODE: u32 = bindings::O_ACCMODE;
    /// Open for reading only.
    pub const O_RDONLY: u32 = 0;
    /// Open for writing only.
    pub const O_WRONLY: u32 = 1;
    /// Open for reading and writing.
    pub const O_RDWR: u32 = 2;
}

/// An open file: a C `struct file`.
///
/// Only ever seen by reference (`&File`, valid for the call that gave it)
/// or through an [`ARef<File>`](crate::types::ARef), which holds a
/// reference count.
///
/// # Invariants
///
/// The inner `struct file` is valid (its count above zero) for as long as
/// the `&File` is.
#[repr(transparent)]
pub struct File(Opaque<bindings::file>);

// SAFETY: nothing in a `struct file` belongs to the thread that opened it:
// its count is atomic (`get_file()`/`fput()` work from any thread), the
// fields `File` changes (`f_pos`) or that others change under it
// (`f_flags`, by `fcntl(F_SETFL)`) are accessed as atomics, and the other
// fields it reads (`f_mode`, `f_inode`, `f_op`, `f_cred`) are set before
// the file is handed out and never written afterwards. The C functions it calls
// (`vfs_*`, `kernel_read`...) may be called from any task.
unsafe impl Send for File {}
// SAFETY: as above: every method takes `&self` and is safe to call from
// several threads at once (the VFS takes no lock around file operations
// either).
unsafe impl Sync for File {}

// SAFETY: `get_file()` and `fput()` take and drop a reference; the last
// `fput()` frees the file. Both may be called from any thread (`fput` may
// sleep, which `Drop` of an `ARef<File>` documents).
unsafe impl AlwaysRefCounted for File {
    fn inc_ref(&self) {
        // SAFETY: the file is valid (type invariant).
        unsafe { bindings::get_file(self.as_ptr()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: the caller owns a reference and gives it up.
        unsafe { bindings::fput(obj.as_ptr().cast()) }
    }
}

impl File {
    /// A `&File` for a C pointer.
    ///
    /// # Safety
    ///
    /// `ptr` is a valid `struct file` that stays valid for `'a`.
    #[inline(always)]
    pub unsafe fn from_raw<'a>(ptr: *mut bindings::file) -> &'a File {
        // INVARIANT: `ptr` is valid for `'a` (the caller's promise).
        // SAFETY: `File` is a transparent wrapper, and `ptr` valid for `'a`
        // (the caller's promise).
        unsafe { &*ptr.cast::<File>() }
    }

    /// The C `struct file *`.
    #[inline(always)]
    pub fn as_ptr(&self) -> *mut bindings::file {
        self.0.get()
    }

    /// Opens the file at `path` (absolute) with the `O_*` `flags`
    /// (`filp_open()`): for in-kernel users and tests. The file is
    /// released (`fput()`) when the last [`ARef`] goes; no `->flush` is
    /// called. May sleep.
    pub fn open(path: &CStr, flags: u32) -> Result<ARef<File>> {
        // SAFETY: `path` is NUL-terminated; `filp_open` returns a file with
        // one reference or an error pointer.
        let f = unsafe { bindings::filp_open(path.as_ptr(), flags as c_int, 0) };
        let f = from_err_ptr(f)?;
        // INVARIANT: the reference keeps the file valid while the `ARef`
        // lives.
        // SAFETY: not an error, so a valid file whose one reference is
        // handed to the `ARef`.
        Ok(unsafe { ARef::from_raw(NonNull::new_unchecked(f.cast::<File>())) })
    }

    /// Reads into the kernel buffer `buf` at the file position, advancing
    /// it (`kernel_read()`): the bytes read, 0 at end of file. May sleep.
    pub fn kernel_read(&self, buf: &mut [u8]) -> Result<usize> {
        // SAFETY: the file is valid (type invariant); `buf` is writable for
        // its length; `f_pos` belongs to the file (the VFS races on it like
        // C does).
        let n = unsafe {
            bindings::kernel_read(
                self.as_ptr(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                &raw mut (*self.as_ptr()).f_pos,
            )
        };
        to_count(n)
    }

    /// Writes the kernel buffer `buf` at the file position, advancing it
    /// (`kernel_write()`): the bytes written. May sleep.
    pub fn kernel_write(&self, buf: &[u8]) -> Result<usize> {
        // SAFETY: as in `kernel_read`; `buf` is only read.
        let n = unsafe {
            bindings::kernel_write(
                self.as_ptr(),
                buf.as_ptr().cast(),
                buf.len(),
                &raw mut (*self.as_ptr()).f_pos,
            )
        };
        to_count(n)
    }

    /// The events ready now (`vfs_poll()` with no table): see
    /// [`crate::poll`].
    pub fn poll_ready(&self) -> u32 {
        // SAFETY: the file is valid (type invariant); a NULL table is
        // allowed.
        unsafe { bindings::vfs_poll(self.as_ptr(), core::ptr::null_mut()) }
    }

    /// Calls the file's `ioctl` with `cmd` and `arg` (`vfs_ioctl()`), as
    /// `ioctl(2)` would once the file is looked up: the driver's result,
    /// or its error (`ENOTTY` if the file has no `ioctl`). A pointer
    /// argument is taken as a user address. May sleep.
    pub fn ioctl(&self, cmd: u32, arg: usize) -> Result<isize> {
        // SAFETY: the file is valid (type invariant); the argument is
        // passed on to the driver, which checks it as it would for
        // `ioctl(2)` (user pointers go through `copy_*_user`).
        let ret = unsafe { bindings::vfs_ioctl(self.as_ptr(), cmd, arg as _) };
        to_count(ret as isize).map(|n| n as isize)
    }

    /// Moves the file position through the file's `llseek`
    /// (`vfs_llseek()`): `whence` is a C `SEEK_*` value (`Whence::End as
    /// i32`...; others are passed on, and refused with `EINVAL` by the
    /// table [`crate::fs::file_operations`] builds). The new position, or
    /// the error (`ESPIPE` if the file has no `llseek`). May sleep.
    pub fn llseek(&self, offset: i64, whence: i32) -> Result<i64> {
        // SAFETY: the file is valid (type invariant).
        let ret = unsafe { bindings::vfs_llseek(self.as_ptr(), offset, whence) };
        to_count(ret as isize).map(|_| ret)
    }

    /// The credentials of the task that opened the file (`f_cred`), as
    /// Linux keeps them: a driver that grants by who opened the file,
    /// rather than by who calls, reads these.
    pub fn cred(&self) -> &Credential {
        // SAFETY: the file is valid (type invariant); `f_cred` is set when
        // the file is made, holds a reference until the file is freed and
        // never changes, so it is valid for as long as `self` is.
        unsafe { Credential::from_ptr((*self.as_ptr()).f_cred) }
    }

    /// The device number of the file's inode (`file_inode(file)->i_rdev`):
    /// for a device node, which device was opened (the minor in the low
    /// 20 bits); 0 for other files and for files without an inode.
    pub fn rdev(&self) -> u32 {
        // SAFETY: the file is valid (type invariant); `f_inode` is set at
        // open and never changes.
        let inode = unsafe { (*self.as_ptr()).f_inode };
        if inode.is_null() {
            return 0;
        }
        // SAFETY: the file holds its inode until it is released; `i_rdev`
        // is set when the inode is made and never changes.
        unsafe { (*inode).i_rdev }
    }

    /// The file's operations table (`f_op`), to compare with a known one:
    /// the table an open installs is part of the file's contract.
    pub fn ops(&self) -> *const bindings::file_operations {
        // SAFETY: the file is valid (type invariant); `f_op` is only
        // written during `open`, before the file is handed out.
        unsafe { (*self.as_ptr()).f_op }
    }

    /// The open flags (`O_NONBLOCK`, `O_APPEND`, the access mode...): see
    /// [`flags`].
    #[inline]
    pub fn flags(&self) -> u32 {
        // SAFETY: the file is valid (type invariant) and `f_flags` an
        // aligned `u32` that lives as long; `fcntl(F_SETFL)` may change it
        // concurrently, so it is read atomically (a plain load, as C does).
        let f = unsafe { AtomicU32::from_ptr(&raw mut (*self.as_ptr()).f_flags) };
        f.load(Ordering::Relaxed)
    }

    /// Whether the file was opened with `O_NONBLOCK`: operations that
    /// would wait return `EAGAIN` instead.
    #[inline]
    pub fn is_nonblocking(&self) -> bool {
        self.flags() & flags::O_NONBLOCK != 0
    }

    /// Whether the file was opened for reading (`FMODE_READ`).
    #[inline]
    pub fn is_readable(&self) -> bool {
        // SAFETY: the file is valid (type invariant); `f_mode` is set
        // before the driver sees the file.
        unsafe { (*self.as_ptr()).f_mode & bindings::FMODE_READ != 0 }
    }

    /// Whether the file was opened for writing (`FMODE_WRITE`).
    #[inline]
    pub fn is_writable(&self) -> bool {
        // SAFETY: as in `is_readable`.
        unsafe { (*self.as_ptr()).f_mode & bindings::FMODE_WRITE != 0 }
    }

    /// The file position (`f_pos`).
    ///
    /// The VFS takes no lock around file operations, so two calls on one
    /// file may race on it, as in C; a driver that cares serialises them
    /// itself. The accesses are atomic (relaxed: plain loads and stores on
    /// x86-64 and RISC-V), so a race gives an old or a new value, never a
    /// torn one.
    #[inline]
    pub fn pos(&self) -> i64 {
        self.pos_atomic().load(Ordering::Relaxed)
    }

    /// Sets the file position (`f_pos`), for `llseek`.
    #[inline]
    pub fn set_pos(&self, pos: i64) {
        self.pos_atomic().store(pos, Ordering::Relaxed)
    }

    /// `f_pos`, seen as an atomic.
    #[inline(always)]
    fn pos_atomic(&self) -> &AtomicI64 {
        // SAFETY: the file is valid for as long as `&self`, and `f_pos` is an
        // aligned `i64` (`loff_t`) that C accesses with plain (single-copy
        // atomic) loads and stores.
        unsafe { AtomicI64::from_ptr(&raw mut (*self.as_ptr()).f_pos) }
    }
}

/// A byte count or a negative errno from C.
fn to_count(n: isize) -> Result<usize> {
    if n < 0 {
        // Errors are in -4095..=-1.
        return Err(Error::from_errno(n as c_int));
    }
    Ok(n as usize)
}

/// One synchronous read or write in progress: a C `struct kiocb`, given
/// to `read_iter` and `write_iter`.
///
/// It carries the file and the position to transfer at, which the method
/// advances; the VFS stores it back in the caller's position when the
/// method returns a positive count.
///
/// # Invariants
///
/// `inner` is a valid kiocb whose file is valid, both used only through
/// this value for `'a`.
pub struct Kiocb<'a> {
    inner: NonNull<bindings::kiocb>,
    _p: PhantomData<&'a mut bindings::kiocb>,
}

impl<'a> Kiocb<'a> {
    /// Wraps a C `struct kiocb`.
    ///
    /// # Safety
    ///
    /// `ptr` is a valid kiocb whose file is valid, both used only through
    /// the result for `'a`.
    #[inline(always)]
    pub unsafe fn from_raw(ptr: *mut bindings::kiocb) -> Self {
        // INVARIANT: the caller's promise.
        Kiocb {
            // SAFETY: valid, hence not null (the caller's promise).
            inner: unsafe { NonNull::new_unchecked(ptr) },
            _p: PhantomData,
        }
    }

    /// The file being read or written.
    #[inline]
    pub fn file(&self) -> &'a File {
        // SAFETY: the kiocb and its file are valid for `'a` (type
        // invariant).
        unsafe { File::from_raw((*self.inner.as_ptr()).ki_filp) }
    }

    /// The position to transfer at.
    #[inline]
    pub fn pos(&self) -> i64 {
        // SAFETY: the kiocb is valid and ours for `'a` (type invariant).
        unsafe { (*self.inner.as_ptr()).ki_pos }
    }

    /// The position, to update it after a transfer.
    #[inline]
    pub fn pos_mut(&mut self) -> &mut i64 {
        // SAFETY: the kiocb is valid and used only through `self` (type
        // invariant), borrowed mutably here.
        unsafe { &mut (*self.inner.as_ptr()).ki_pos }
    }

    /// Sets the position (the end of what was transferred).
    #[inline]
    pub fn set_pos(&mut self, pos: i64) {
        *self.pos_mut() = pos;
    }

    /// Whether the transfer must not block: the file is `O_NONBLOCK` or
    /// the caller asked for `IOCB_NOWAIT`.
    #[inline]
    pub fn is_nonblocking(&self) -> bool {
        // SAFETY: the kiocb is valid for `'a` (type invariant).
        let nowait = unsafe { (*self.inner.as_ptr()).ki_flags } & bindings::IOCB_NOWAIT != 0;
        nowait || self.file().is_nonblocking()
    }
}

/// Where an `llseek` offset counts from (`SEEK_*`; `as i32` gives the C
/// value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum Whence {
    /// `SEEK_SET`: from the start.
    Set = 0,
    /// `SEEK_CUR`: from the current position.
    Cur = 1,
    /// `SEEK_END`: from the end.
    End = 2,
    /// `SEEK_DATA`: the next data at or after the offset.
    Data = 3,
    /// `SEEK_HOLE`: the next hole at or after the offset.
    Hole = 4,
}

impl TryFrom<i32> for Whence {
    type Error = Error;

    /// The C value (`SEEK_SET`...); `EINVAL` for anything else.
    #[inline]
    fn try_from(v: i32) -> Result<Whence> {
        match v {
            0 => Ok(Whence::Set),
            1 => Ok(Whence::Cur),
            2 => Ok(Whence::End),
            3 => Ok(Whence::Data),
            4 => Ok(Whence::Hole),
            _ => Err(EINVAL),
        }
    }
}

#[crate::kunit_tests(rust_fs)]
mod tests {
    use super::*;
    use crate::prelude::*;

    /// Opens `/dev/null` (a C driver) for a test.
    fn open_null(flags: u32) -> Result<ARef<File>> {
        File::open(c_str!("/dev/null"), flags)
    }

    #[test]
    fn kernel_io() -> Result {
        let z = File::open(c_str!("/dev/zero"), flags::O_RDWR)?;
        let mut buf = [1u8; 16];
        kunit_assert_eq!(z.kernel_read(&mut buf)?, 16);
        kunit_assert_eq!(buf, [0; 16]);
        kunit_assert_eq!(z.kernel_write(b"gone")?, 4);
        let full = File::open(c_str!("/dev/full"), flags::O_WRONLY)?;
        kunit_assert_eq!(full.kernel_write(b"x"), Err(ENOSPC));
        kunit_assert_eq!(full.kernel_read(&mut buf), Err(EBADF));
        kunit_assert_eq!(File::open(c_str!("/dev/none"), 0).err(), Some(ENOENT));
        kunit_assert_ne!(z.poll_ready() & crate::poll::POLLIN, 0);
        Ok(())
    }

    #[test]
    fn flags_and_modes() -> Result {
        let f = open_null(flags::O_RDONLY | flags::O_NONBLOCK)?;
        kunit_assert!(f.is_nonblocking());
        kunit_assert!(f.is_readable());
        kunit_assert!(!f.is_writable());
        kunit_assert_eq!(f.flags() & flags::O_ACCMODE, flags::O_RDONLY);
        let g = open_null(flags::O_RDWR)?;
        kunit_assert!(!g.is_nonblocking());
        kunit_assert!(g.is_readable() && g.is_writable());
        Ok(())
    }

    #[test]
    fn position_and_references() -> Result {
        let f = open_null(flags::O_RDWR)?;
        kunit_assert_eq!(f.pos(), 0);
        f.set_pos(42);
        kunit_assert_eq!(f.pos(), 42);
        // SAFETY: `f` is a valid file.
        let count = || unsafe { (*f.as_ptr()).f_count.counter };
        let before = count();
        let g = f.clone();
        kunit_assert_eq!(count(), before + 1);
        kunit_assert_eq!(g.pos(), 42);
        drop(g);
        kunit_assert_eq!(count(), before);
        Ok(())
    }

    #[test]
    fn whence_values() {
        kunit_assert_eq!(Whence::try_from(0), Ok(Whence::Set));
        kunit_assert_eq!(Whence::try_from(1), Ok(Whence::Cur));
        kunit_assert_eq!(Whence::try_from(3), Ok(Whence::Data));
        kunit_assert_eq!(Whence::try_from(4), Ok(Whence::Hole));
        kunit_assert_eq!(Whence::try_from(-1), Err(EINVAL));
    }
}
