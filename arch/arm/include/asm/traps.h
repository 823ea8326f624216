/* SPDX-License-Identifier: GPL-2.0-only */
/* 32-bit ARM internals shared by traps.c, entry.S and the extable. */
#ifndef _ASM_ARM_TRAPS_H
#define _ASM_ARM_TRAPS_H

#include <linux/types.h>

struct pt_regs;

/*
 * If the faulting instruction has an entry in the exception table, move
 * regs->pc to its fixup and return true (used by uaccess and tests).
 */
bool fixup_exception(struct pt_regs *regs);

#endif /* _ASM_ARM_TRAPS_H */
