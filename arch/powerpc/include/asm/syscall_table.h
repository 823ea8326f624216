/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64: the generic numbers until user space is ported. */
#include <asm-generic/syscall_table.h>
