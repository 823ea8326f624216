/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The powerpc rt_sigaction has a restorer field (SA_RESTORER), though
 * glibc leaves it unset: handlers return through the kernel's trampoline.
 */
#define __ARCH_HAS_SA_RESTORER
#include <asm-generic/signal.h>
