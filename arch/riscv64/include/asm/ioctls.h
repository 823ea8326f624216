/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 uses the generic terminal and file ioctl numbers. */
#include <uapi/asm-generic/ioctls.h>
