/* SPDX-License-Identifier: GPL-2.0-only */
/* No user space on riscv64 yet: no system calls (asm-generic/syscall-none.h). */
#include <asm-generic/syscall-none.h>
