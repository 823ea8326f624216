/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 uses the generic struct stat. */
#include <asm-generic/stat.h>
