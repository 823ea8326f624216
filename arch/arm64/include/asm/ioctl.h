/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 uses the generic ioctl encoding. */
#include <uapi/asm-generic/ioctl.h>
