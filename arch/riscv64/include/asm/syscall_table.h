/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 uses Linux's generic system call numbers. */
#include <asm-generic/syscall_table.h>
