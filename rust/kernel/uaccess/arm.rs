// SPDX-License-Identifier: GPL-2.0-only

//! 32-bit arm's single user accesses (as `arch/arm/include/asm/uaccess.h`):
//! the unprivileged `ldrt`/`strt`; an 8-byte value moves as two words,
//! the low one first (little-endian), and fails if either faults.

use crate::error::Result;

user_accesses! {
    begin: "",
    end: "",
    clear: "mov {failed}, #0",
    entry: ".balign 4\n.long 2b, 3b",
    get: [
        get_user_32: u32 = "ldrt {v}, [{src}]",
    ],
    put: [
        put_user_32: u32 = "strt {v}, [{dst}]",
    ],
    operands: [options(nostack)],
}

/// As `get_user_32`, for 8 bytes at `src`.
///
/// # Safety
///
/// As for `get_user_32`, for the 8 bytes.
#[inline(always)]
pub(super) unsafe fn get_user_64(src: usize) -> Result<u64> {
    // SAFETY: both words lie in the 8 bytes the caller vouches for.
    let (lo, hi) = unsafe { (get_user_32(src)?, get_user_32(src + 4)?) };
    Ok(u64::from(hi) << 32 | u64::from(lo))
}

/// As `put_user_32`, for 8 bytes at `dst`.
///
/// # Safety
///
/// As for `put_user_32`, for the 8 bytes.
#[inline(always)]
pub(super) unsafe fn put_user_64(v: u64, dst: usize) -> Result {
    // SAFETY: both words lie in the 8 bytes the caller vouches for.
    unsafe {
        put_user_32(v as u32, dst)?;
        put_user_32((v >> 32) as u32, dst + 4)
    }
}
