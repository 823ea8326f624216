/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 uses the generic struct termios and its flag values. */
#include <asm-generic/termbits.h>
