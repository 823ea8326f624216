// SPDX-License-Identifier: GPL-2.0-only

//! x86-64's single user accesses (as `arch/x86_64/include/asm/uaccess.h`):
//! plain moves, AT&T syntax, no SMAP to open.

user_accesses! {
    begin: "",
    end: "",
    clear: "xorl {failed:e}, {failed:e}",
    entry: ".balign 8\n.8byte 2b, 3b",
    get: [
        get_user_32: u32 = "movl ({src}), {v:e}",
        get_user_64: u64 = "movq ({src}), {v}",
    ],
    put: [
        put_user_32: u32 = "movl {v:e}, ({dst})",
        put_user_64: u64 = "movq {v}, ({dst})",
    ],
    operands: [options(att_syntax, nostack)],
}
