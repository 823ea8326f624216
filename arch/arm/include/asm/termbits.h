/* SPDX-License-Identifier: GPL-2.0-only */
/* arm uses the generic struct termios and its flag values. */
#include <asm-generic/termbits.h>
