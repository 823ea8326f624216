/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 uses the generic terminal and file ioctl numbers. */
#include <uapi/asm-generic/ioctls.h>
