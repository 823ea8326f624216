// SPDX-License-Identifier: GPL-2.0-only

//! riscv64's single user accesses (as `arch/riscv64/include/asm/uaccess.h`):
//! `sstatus.SUM` is set for the one access and cleared after it, also
//! when it faulted (the fixup lands on the clearing instruction).

/// `sstatus.SUM` (`SR_SUM` in `asm/csr.h`): S-mode may access user pages.
const SR_SUM: usize = 1 << 18;

user_accesses! {
    begin: "csrs sstatus, {sum}",
    end: "csrc sstatus, {sum}",
    clear: "li {failed}, 0",
    entry: ".balign 8\n.8byte 2b, 3b",
    get: [
        get_user_32: u32 = "lwu {v}, 0({src})",
        get_user_64: u64 = "ld {v}, 0({src})",
    ],
    put: [
        put_user_32: u32 = "sw {v}, 0({dst})",
        put_user_64: u64 = "sd {v}, 0({dst})",
    ],
    operands: [sum = in(reg) SR_SUM, options(nostack)],
}
