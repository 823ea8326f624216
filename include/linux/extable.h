/* SPDX-License-Identifier: GPL-2.0-only */
/* The exception table (kernel/extable.c), for the architectures' fault handlers. */
#ifndef _LINUX_EXTABLE_H
#define _LINUX_EXTABLE_H

#include <linux/types.h>

struct pt_regs;

/*
 * fixup_exception() - if the instruction at @regs' pc has an entry in the
 * exception table, move the pc to its fixup and return true (a user
 * access then returns its error); false otherwise. Any context; never
 * sleeps.
 */
bool fixup_exception(struct pt_regs *regs);

#endif /* _LINUX_EXTABLE_H */
