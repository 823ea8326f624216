/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The generic struct stat, until user space is ported: 32-bit ARM's own
 * struct stat64 comes with its system calls (Documentation/arch/arm.rst).
 */
#include <asm-generic/stat.h>
