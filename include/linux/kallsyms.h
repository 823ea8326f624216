/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's own symbol table (function symbols), generated at link time
 * by scripts/kallsyms.sh, for backtraces and %pS.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

/*
 * kallsyms_lookup() - find the function containing addr. On success stores
 * its size, addr's offset into it and its name, and returns 0; returns
 * -ENOENT for an address outside kernel text. Never sleeps; any context.
 */
int kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset,
		    const char **name);

/* Address of the function named name, or 0. Linear search: tests only. */
unsigned long kallsyms_lookup_name(const char *name);

#endif /* _LINUX_KALLSYMS_H */
