/* SPDX-License-Identifier: GPL-2.0-only */
/* arm uses the generic ioctl encoding. */
#include <uapi/asm-generic/ioctl.h>
