/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 uses the generic struct stat until user space is ported. */
#include <asm-generic/stat.h>
