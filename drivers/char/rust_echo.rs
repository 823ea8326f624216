// SPDX-License-Identifier: GPL-2.0-only

//! `/dev/rust_echo`: a write stores its bytes, reads give them back.
//!
//! The device holds one buffer, shared by every open file. A write
//! replaces the whole content with the bytes written (whatever the file
//! position) and leaves the position after them; a read copies from the
//! file position, and returns 0 (end of file) at or past the end of the
//! content. `llseek` moves the position relative to the start, the current
//! position or the end of the content, within `0..=ECHO_MAX`.
//!
//! ioctls (`include/uapi/linux/echo_dev.h`): `ECHO_CLEAR` empties the device
//! and frees its buffer; `ECHO_GET_LEN` stores the content's length, a
//! `u64`, at the user pointer given. Errors: an unknown command is
//! `ENOTTY`; a bad user pointer `EFAULT` (a write or read that faults
//! after some bytes transferred returns that short count, and a write
//! keeps just those bytes); a write larger than `ECHO_MAX` (1 MiB) is
//! `EFBIG` ("file too large", as for a write past a file system's size
//! limit) and changes nothing; `ENOMEM` if the buffer cannot grow, and then
//! the old content stays.
//!
//! The buffer is a `KVec<u8>` under a `Mutex`, held for the whole of each
//! operation (as `drivers/char/c_echo.c`, its C twin, does with a `struct
//! mutex`). It only grows when a write is larger than its capacity, so
//! writes of a steady size allocate nothing.

#![no_std]
#![forbid(unsafe_code)]

use kernel::fs::{File, FileOperations, Kiocb, Whence};
use kernel::iov::{IovIterDest, IovIterSource};
use kernel::miscdevice::{MiscDeviceOptions, MiscDeviceRegistration};
use kernel::prelude::*;
use kernel::sync::{Arc, ArcBorrow, Mutex};
use kernel::uaccess::UserSlice;

module! {
    type: RustEchoModule,
    name: "rust_echo",
    authors: ["Ferrite developers"],
    description: "Echo device: reads return what was last written",
    license: "GPL",
}

// The ioctl numbers and the size limit are those of the C header.
use kernel::uapi::{ECHO_CLEAR, ECHO_GET_LEN};
/// The largest write accepted.
const ECHO_MAX: usize = kernel::uapi::ECHO_MAX as usize;

pin_data! {
    /// The device's state, shared by every open file.
    struct Echo {
        #[pin]
        content: Mutex<KVec<u8>>,
    }
}

/// The driver: the file operations of `/dev/rust_echo`.
struct RustEcho;

#[vtable]
impl FileOperations for RustEcho {
    type Ptr = Arc<Echo>;
    type RegistrationData = Arc<Echo>;

    #[inline]
    fn open(_file: &File, echo: &Arc<Echo>) -> Result<Arc<Echo>> {
        Ok(echo.clone())
    }

    #[inline]
    fn read_iter(
        echo: ArcBorrow<'_, Echo>,
        kiocb: &mut Kiocb<'_>,
        iov: &mut IovIterDest<'_>,
    ) -> Result<usize> {
        let content = echo.content.lock();
        iov.simple_read_from_buffer(kiocb.pos_mut(), &content)
    }

    #[inline]
    fn write_iter(
        echo: ArcBorrow<'_, Echo>,
        kiocb: &mut Kiocb<'_>,
        iov: &mut IovIterSource<'_>,
    ) -> Result<usize> {
        let len = iov.len();
        if len > ECHO_MAX {
            return Err(EFBIG);
        }
        let mut content = echo.content.lock();
        if content.capacity() < len {
            // Allocate before dropping the old content: on failure it stays.
            *content = KVec::with_capacity(len, GFP_KERNEL)?;
        } else {
            content.clear();
        }
        // The capacity is there: this copies, it does not allocate.
        let n = iov.copy_from_iter_vec(&mut content, GFP_KERNEL)?;
        if n == 0 && len != 0 {
            return Err(EFAULT);
        }
        // `n <= ECHO_MAX`, so it fits.
        kiocb.set_pos(n as i64);
        Ok(n)
    }

    #[inline]
    fn ioctl(echo: ArcBorrow<'_, Echo>, _file: &File, cmd: u32, arg: usize) -> Result<isize> {
        match cmd {
            ECHO_CLEAR => {
                *echo.content.lock() = KVec::new();
                Ok(0)
            }
            ECHO_GET_LEN => {
                let len = echo.content.lock().len() as u64;
                UserSlice::new(arg, size_of::<u64>()).writer().write(&len)?;
                Ok(0)
            }
            _ => Err(ENOTTY),
        }
    }

    fn llseek(echo: ArcBorrow<'_, Echo>, file: &File, offset: i64, whence: Whence) -> Result<i64> {
        let base = match whence {
            Whence::Set => 0,
            Whence::Cur => file.pos(),
            // The content is at most `ECHO_MAX` bytes: it fits.
            Whence::End => echo.content.lock().len() as i64,
            Whence::Data | Whence::Hole => return Err(EINVAL),
        };
        match base.checked_add(offset) {
            Some(pos) if (0..=ECHO_MAX as i64).contains(&pos) => {
                file.set_pos(pos);
                Ok(pos)
            }
            _ => Err(EINVAL),
        }
    }
}

/// The module: the device is registered while it lives.
struct RustEchoModule {
    _reg: Pin<KBox<MiscDeviceRegistration<RustEcho>>>,
}

impl Module for RustEchoModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        let echo = Arc::pin_init(
            pin_init!(Echo { content <- new_mutex!(KVec::new()) }),
            GFP_KERNEL,
        )?;
        let opts = MiscDeviceOptions {
            name: c_str!("rust_echo"),
        };
        let reg = KBox::pin_init(MiscDeviceRegistration::register(opts, echo), GFP_KERNEL)?;
        Ok(RustEchoModule { _reg: reg })
    }
}
