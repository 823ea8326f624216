/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 uses the generic struct termios and its flag values. */
#include <asm-generic/termbits.h>
