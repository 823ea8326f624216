// SPDX-License-Identifier: GPL-2.0-only

//! The kernel command line (`include/linux/cmdline.h`): the boot one, and
//! C's option parser over any command line.

use core::ffi::CStr;

/// The boot command line, as the architecture copied it at boot.
pub fn boot_command_line() -> &'static CStr {
    // SAFETY: `boot_command_line` is a NUL-terminated array written once,
    // by the architecture's setup code before the first initcall and
    // before any other thread exists, and never again; it lives for the
    // whole run. So a shared reference to it from here on never sees a
    // write.
    unsafe { CStr::from_ptr(core::ptr::addr_of!(bindings::boot_command_line).cast()) }
}

/// Copies the value of the last `name=value` option of `cmdline` into
/// `buf`, NUL-terminated and cut to fit, with C's `cmdline_get_str()`.
///
/// Returns the value's full length (0 for a bare `name`), which may be
/// more than `buf` held, or `None` if `cmdline` has no option `name`.
/// Never sleeps or allocates.
pub fn get_str(cmdline: &CStr, name: &CStr, buf: &mut [u8]) -> Option<usize> {
    // SAFETY: both strings are NUL-terminated, `buf` is valid for writes of
    // `buf.len()` bytes; the C function writes at most that many and keeps
    // no pointer.
    let r = unsafe {
        bindings::cmdline_get_str(
            cmdline.as_ptr().cast(),
            name.as_ptr().cast(),
            buf.as_mut_ptr().cast(),
            buf.len(),
        )
    };
    usize::try_from(r).ok()
}
