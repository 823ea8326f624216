/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The generic numbers, until user space is ported: the ARM EABI numbers
 * (Linux's arch/arm/tools/syscall.tbl) come with its system calls
 * (Documentation/arch/arm.rst).
 */
#include <asm-generic/syscall_table.h>
