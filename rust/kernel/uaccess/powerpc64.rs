// SPDX-License-Identifier: GPL-2.0-only

//! powerpc64's single user accesses (as
//! `arch/powerpc/include/asm/uaccess.h`): indexed loads and stores with
//! `0` as the base, so the address may be in any register.

user_accesses! {
    begin: "",
    end: "",
    clear: "li {failed}, 0",
    entry: ".balign 8\n.8byte 2b, 3b",
    get: [
        get_user_32: u32 = "lwzx {v}, 0, {src}",
        get_user_64: u64 = "ldx {v}, 0, {src}",
    ],
    put: [
        put_user_32: u32 = "stwx {v}, 0, {dst}",
        put_user_64: u64 = "stdx {v}, 0, {dst}",
    ],
    operands: [options(nostack)],
}
