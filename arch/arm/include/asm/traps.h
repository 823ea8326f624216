/* SPDX-License-Identifier: GPL-2.0-only */
/* 32-bit ARM internals shared by traps.c, entry.S and the extable. */
#ifndef _ASM_ARM_TRAPS_H
#define _ASM_ARM_TRAPS_H

#include <linux/types.h>

struct pt_regs;

/* fixup_exception() is the exception table's (linux/extable.h). */
#include <linux/extable.h>

#endif /* _ASM_ARM_TRAPS_H */
