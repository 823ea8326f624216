/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 uses the generic rt_sigaction layout (no restorer). */
#include <asm-generic/signal.h>
