/* SPDX-License-Identifier: GPL-2.0-only */
/* arm64 uses the generic struct stat. */
#include <asm-generic/stat.h>
