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

/*
 * print_return_address() - print one backtrace line for the return address
 * @ret at KERN_EMERG: " [<addr>] func+off/size", or the bare address. The
 * symbol is looked up at @ret - 1, inside the call (which may have been the
 * last instruction of its function, a call to a noreturn one), as Linux's
 * %pB does. Any context; never sleeps.
 */
void print_return_address(unsigned long ret);

#endif /* _LINUX_KALLSYMS_H */
