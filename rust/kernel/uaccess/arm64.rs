// SPDX-License-Identifier: GPL-2.0-only

//! arm64's single user accesses (as `arch/arm64/include/asm/uaccess.h`):
//! the unprivileged `ldtr`/`sttr`, which fault on a kernel-only page.

user_accesses! {
    begin: "",
    end: "",
    clear: "mov {failed}, #0",
    entry: ".balign 8\n.8byte 2b, 3b",
    get: [
        get_user_32: u32 = "ldtr {v:w}, [{src}]",
        get_user_64: u64 = "ldtr {v}, [{src}]",
    ],
    put: [
        put_user_32: u32 = "sttr {v:w}, [{dst}]",
        put_user_64: u64 = "sttr {v}, [{dst}]",
    ],
    operands: [options(nostack)],
}
