/* SPDX-License-Identifier: GPL-2.0-only */
/* powerpc64 uses the generic rt_sigaction layout until user space is ported. */
#include <asm-generic/signal.h>
