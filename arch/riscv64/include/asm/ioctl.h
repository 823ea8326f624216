/* SPDX-License-Identifier: GPL-2.0-only */
/* riscv64 uses the generic ioctl encoding. */
#include <uapi/asm-generic/ioctl.h>
