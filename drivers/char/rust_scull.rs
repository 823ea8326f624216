// SPDX-License-Identifier: GPL-2.0-only

//! `/dev/rust_scull`: a bounded pipe (after LDD3's "scull"), for several
//! readers and writers.
//!
//! The device holds one ring buffer of [`SCULL_SIZE`] bytes, shared by
//! every open file. A write appends as much as fits (at least one byte) and
//! returns how much it took; a read removes up to what it asked for (at
//! least one byte) and returns how much it got. When the buffer is full, a
//! write waits for a reader to make room; when it is empty, a read waits
//! for a writer. With `O_NONBLOCK` they return `EAGAIN` instead of waiting.
//! A signal ends a wait with `ERESTARTSYS`. `poll` reports `POLLIN |
//! POLLRDNORM` when there is data and `POLLOUT | POLLWRNORM` when there is
//! room, and registers the two wait queues that change it. A fault on the
//! caller's buffer gives the bytes copied before it, or `EFAULT`. The
//! position is not used and there is no seek.
//!
//! ioctl (`include/uapi/linux/scull_dev.h`): `SCULL_RESET` empties the ring
//! and wakes waiting writers; only a caller with `CAP_SYS_ADMIN` in its
//! effective set may ([`kernel::cred::capable`]), others get `EPERM`. An
//! unknown command is `ENOTTY`.
//!
//! Locking: one `Mutex` around the ring, held for each operation (released
//! while waiting); two [`PollCondVar`]s, one for readers (notified after a
//! write) and one for writers (notified after a read). The buffer is
//! allocated once, at boot: reads and writes allocate nothing.

#![no_std]
#![forbid(unsafe_code)]

use kernel::cred::{capable, Capability};
use kernel::fs::{File, FileOperations, Kiocb};
use kernel::iov::{IovIterDest, IovIterSource};
use kernel::miscdevice::{MiscDeviceOptions, MiscDeviceRegistration};
use kernel::poll::{PollCondVar, PollTable, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM};
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow, Mutex};
use kernel::uapi::SCULL_RESET;

module! {
    type: RustScullModule,
    name: "rust_scull",
    authors: ["Ferrite developers"],
    description: "Bounded pipe device with blocking and non-blocking I/O",
    license: "GPL",
}

/// The ring's size in bytes.
pub const SCULL_SIZE: usize = 4096;

/// The ring buffer: `len` bytes from `head`, wrapping at [`SCULL_SIZE`].
struct Ring {
    buf: KVec<u8>,
    head: usize,
    len: usize,
}

pin_data! {
    /// The device's state, shared by every open file.
    struct Scull {
        #[pin]
        ring: Mutex<Ring>,
        /// Notified when data arrives.
        #[pin]
        readable: PollCondVar,
        /// Notified when room is made.
        #[pin]
        writable: PollCondVar,
    }
}

/// The driver: the file operations of `/dev/rust_scull`.
struct RustScull;

#[vtable]
impl FileOperations for RustScull {
    type Ptr = Arc<Scull>;
    type RegistrationData = Arc<Scull>;

    fn open(_file: &File, scull: &Arc<Scull>) -> Result<Arc<Scull>> {
        Ok(scull.clone())
    }

    fn read_iter(
        s: ArcBorrow<'_, Scull>,
        kiocb: &mut Kiocb<'_>,
        iov: &mut IovIterDest<'_>,
    ) -> Result<usize> {
        let want = iov.len();
        if want == 0 {
            return Ok(0);
        }
        let mut ring = s.ring.lock();
        while ring.len == 0 {
            if kiocb.is_nonblocking() {
                return Err(EAGAIN);
            }
            if s.readable.wait_interruptible(&mut ring) {
                return Err(ERESTARTSYS);
            }
        }
        let n = ring.len.min(want);
        let head = ring.head;
        let first = n.min(SCULL_SIZE - head);
        let mut copied = iov.copy_to_iter(&ring.buf[head..head + first]);
        if copied == first && first < n {
            copied += iov.copy_to_iter(&ring.buf[..n - first]);
        }
        if copied == 0 {
            return Err(EFAULT);
        }
        ring.head = (head + copied) % SCULL_SIZE;
        ring.len -= copied;
        drop(ring);
        s.writable.notify_all();
        Ok(copied)
    }

    fn write_iter(
        s: ArcBorrow<'_, Scull>,
        kiocb: &mut Kiocb<'_>,
        iov: &mut IovIterSource<'_>,
    ) -> Result<usize> {
        let want = iov.len();
        if want == 0 {
            return Ok(0);
        }
        let mut guard = s.ring.lock();
        while guard.len == SCULL_SIZE {
            if kiocb.is_nonblocking() {
                return Err(EAGAIN);
            }
            if s.writable.wait_interruptible(&mut guard) {
                return Err(ERESTARTSYS);
            }
        }
        let ring = &mut *guard;
        let n = (SCULL_SIZE - ring.len).min(want);
        let tail = (ring.head + ring.len) % SCULL_SIZE;
        let first = n.min(SCULL_SIZE - tail);
        let mut copied = iov.copy_from_iter(&mut ring.buf[tail..tail + first]);
        if copied == first && first < n {
            copied += iov.copy_from_iter(&mut ring.buf[..n - first]);
        }
        if copied == 0 {
            return Err(EFAULT);
        }
        ring.len += copied;
        drop(guard);
        s.readable.notify_all();
        Ok(copied)
    }

    fn ioctl(s: ArcBorrow<'_, Scull>, _file: &File, cmd: u32, _arg: usize) -> Result<isize> {
        if cmd != SCULL_RESET {
            return Err(ENOTTY);
        }
        if !capable(Capability::SYS_ADMIN) {
            return Err(EPERM);
        }
        s.ring.lock().len = 0;
        s.writable.notify_all();
        Ok(0)
    }

    fn poll(s: ArcBorrow<'_, Scull>, file: &File, table: &mut PollTable<'_>) -> u32 {
        table.register_wait(file, &s.readable);
        table.register_wait(file, &s.writable);
        let len = s.ring.lock().len;
        let mut mask = 0;
        if len > 0 {
            mask |= POLLIN | POLLRDNORM;
        }
        if len < SCULL_SIZE {
            mask |= POLLOUT | POLLWRNORM;
        }
        mask
    }
}

/// The module: the device is registered while it lives.
struct RustScullModule {
    _reg: Pin<KBox<MiscDeviceRegistration<RustScull>>>,
}

impl Module for RustScullModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        let ring = Ring {
            buf: KVec::from_elem(0u8, SCULL_SIZE, GFP_KERNEL)?,
            head: 0,
            len: 0,
        };
        let scull = Arc::pin_init(
            pin_init!(Scull {
                ring <- new_mutex!(ring),
                readable <- PollCondVar::new(),
                writable <- PollCondVar::new(),
            }),
            GFP_KERNEL,
        )?;
        let opts = MiscDeviceOptions {
            name: c_str!("rust_scull"),
        };
        let reg = KBox::pin_init(MiscDeviceRegistration::register(opts, scull), GFP_KERNEL)?;
        Ok(RustScullModule { _reg: reg })
    }
}

#[kunit_tests(rust_scull)]
mod tests {
    use super::*;
    use kernel::cred;
    use kernel::fs::flags::{O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY};
    use kernel::task;
    use kernel::types::ARef;

    fn open(flags: u32) -> Result<ARef<File>> {
        File::open(c_str!("/dev/rust_scull"), flags)
    }

    /// Reads exactly `buf.len()` bytes, in as many reads as it takes.
    fn read_exact(f: &File, buf: &mut [u8]) -> Result {
        let mut done = 0;
        while done < buf.len() {
            done += f.kernel_read(&mut buf[done..])?;
        }
        Ok(())
    }

    /// Writes all of `buf`, in as many writes as it takes.
    fn write_all(f: &File, buf: &[u8]) -> Result {
        let mut done = 0;
        while done < buf.len() {
            done += f.kernel_write(&buf[done..])?;
        }
        Ok(())
    }

    #[test]
    fn nonblocking_and_poll() -> Result {
        let f = open(O_RDWR | O_NONBLOCK)?;
        let mut buf = KVec::from_elem(0u8, SCULL_SIZE + 10, GFP_KERNEL)?;
        kunit_assert_eq!(f.kernel_read(&mut buf), Err(EAGAIN));
        kunit_assert_eq!(f.poll_ready(), POLLOUT | POLLWRNORM);
        for (i, b) in buf.iter_mut().enumerate() {
            *b = i as u8;
        }
        // More than fits: a short write, then EAGAIN.
        kunit_assert_eq!(f.kernel_write(&buf)?, SCULL_SIZE);
        kunit_assert_eq!(f.kernel_write(b"x"), Err(EAGAIN));
        kunit_assert_eq!(f.poll_ready(), POLLIN | POLLRDNORM);
        let mut small = [0u8; 100];
        kunit_assert_eq!(f.kernel_read(&mut small)?, 100);
        kunit_assert_eq!(small[99], 99);
        kunit_assert_eq!(f.poll_ready(), POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
        // Wrap around the end of the ring, in order.
        kunit_assert_eq!(f.kernel_write(&buf[..50])?, 50);
        let mut rest = KVec::from_elem(0u8, SCULL_SIZE, GFP_KERNEL)?;
        kunit_assert_eq!(f.kernel_read(&mut rest)?, SCULL_SIZE - 100 + 50);
        kunit_assert_eq!(rest[0], 100);
        kunit_assert_eq!(rest[SCULL_SIZE - 101], (SCULL_SIZE - 1) as u8);
        kunit_assert_eq!(rest[SCULL_SIZE - 100], 0);
        kunit_assert_eq!(rest[SCULL_SIZE - 51], 49);
        kunit_assert_eq!(f.kernel_read(&mut small), Err(EAGAIN));
        kunit_assert_eq!(f.kernel_read(&mut [])?, 0);
        Ok(())
    }

    #[test]
    fn blocking_reader_is_woken() -> Result {
        let reader = task::spawn(c_str!("scull_reader"), || -> Result<[u8; 5]> {
            let f = open(O_RDONLY)?;
            let mut got = [0u8; 5];
            read_exact(&f, &mut got)?;
            Ok(got)
        })?;
        task::msleep(20);
        kunit_assert!(!reader.is_finished(), "the reader did not wait");
        let f = open(O_WRONLY)?;
        kunit_assert_eq!(f.kernel_write(b"wake!")?, 5);
        kunit_assert_eq!(reader.join()?, *b"wake!");
        Ok(())
    }

    #[test]
    fn blocking_writer_is_woken() -> Result {
        let f = open(O_RDWR | O_NONBLOCK)?;
        let fill = KVec::from_elem(7u8, SCULL_SIZE, GFP_KERNEL)?;
        kunit_assert_eq!(f.kernel_write(&fill)?, SCULL_SIZE);
        let writer = task::spawn(c_str!("scull_writer"), || -> Result<usize> {
            let f = open(O_WRONLY)?;
            f.kernel_write(&[9u8; 100])
        })?;
        task::msleep(20);
        kunit_assert!(!writer.is_finished(), "the writer did not wait");
        let mut buf = KVec::from_elem(0u8, SCULL_SIZE, GFP_KERNEL)?;
        read_exact(&f, &mut buf)?;
        kunit_assert!(buf.iter().all(|&b| b == 7));
        kunit_assert_eq!(writer.join()?, 100);
        let mut tail = [0u8; 100];
        read_exact(&f, &mut tail)?;
        kunit_assert_eq!(tail, [9u8; 100]);
        kunit_assert_eq!(f.kernel_read(&mut tail), Err(EAGAIN));
        Ok(())
    }

    #[test]
    fn reset_needs_cap_sys_admin() -> Result {
        let f = open(O_RDWR | O_NONBLOCK)?;
        kunit_assert_eq!(f.kernel_write(b"abc")?, 3);
        // A thread without CAP_SYS_ADMIN is refused and the bytes stay.
        let refused = task::spawn(c_str!("scull_nocap"), || -> Result<_> {
            cred::drop_effective(Capability::SYS_ADMIN)?;
            let cred = cred::Credential::current();
            let f = open(O_RDWR)?;
            Ok((
                capable(Capability::SYS_ADMIN),
                cred.euid(),
                f.cred().has_capability(Capability::SYS_ADMIN),
                f.ioctl(SCULL_RESET, 0),
            ))
        })?;
        kunit_assert_eq!(refused.join()?, (false, 0, false, Err(EPERM)));
        kunit_assert_eq!(f.poll_ready(), POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
        kunit_assert_eq!(f.ioctl(SCULL_RESET + 1, 0), Err(ENOTTY));
        // This thread keeps init_cred's full set, as does the file.
        kunit_assert!(f.cred().has_capability(Capability::SYS_ADMIN));
        kunit_assert_eq!(f.ioctl(SCULL_RESET, 0)?, 0);
        kunit_assert_eq!(f.kernel_read(&mut [0u8; 1]), Err(EAGAIN));
        Ok(())
    }

    #[test]
    fn many_readers_and_writers() -> Result {
        const THREADS: usize = 4;
        const PER_THREAD: usize = 3 * SCULL_SIZE + 123;
        let mut writers = KVec::new();
        let mut readers = KVec::new();
        for id in 0..THREADS {
            let w = task::spawn(c_str!("scull_w"), move || -> Result {
                let f = open(O_WRONLY)?;
                let chunk = [id as u8 + 1; 500];
                let mut left = PER_THREAD;
                while left > 0 {
                    let n = left.min(chunk.len());
                    write_all(&f, &chunk[..n])?;
                    left -= n;
                }
                Ok(())
            })?;
            writers.push(w, GFP_KERNEL)?;
            let r = task::spawn(
                c_str!("scull_r"),
                move || -> Result<[usize; THREADS + 1]> {
                    let f = open(O_RDONLY)?;
                    let mut seen = [0usize; THREADS + 1];
                    let mut buf = [0u8; 333];
                    let mut left = PER_THREAD;
                    while left > 0 {
                        let n = f.kernel_read(&mut buf[..left.min(333)])?;
                        for &b in &buf[..n] {
                            seen[usize::from(b).min(THREADS)] += 1;
                        }
                        left -= n;
                    }
                    Ok(seen)
                },
            )?;
            readers.push(r, GFP_KERNEL)?;
        }
        for w in writers {
            w.join()?;
        }
        let mut total = [0usize; THREADS + 1];
        for r in readers {
            let seen = r.join()?;
            for (t, s) in total.iter_mut().zip(seen.iter()) {
                *t += s;
            }
        }
        // Every byte of every writer was read exactly once, nothing else.
        kunit_assert_eq!(total[0], 0);
        for t in &total[1..] {
            kunit_assert_eq!(*t, PER_THREAD);
        }
        let f = open(O_RDONLY | O_NONBLOCK)?;
        kunit_assert_eq!(f.kernel_read(&mut [0u8; 1]), Err(EAGAIN));
        Ok(())
    }
}
