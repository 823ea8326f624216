/* SPDX-License-Identifier: GPL-2.0-only */
/* The 32-bit ARM rt_sigaction has a restorer (SA_RESTORER). */
#define __ARCH_HAS_SA_RESTORER
#include <asm-generic/signal.h>
