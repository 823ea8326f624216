/* SPDX-License-Identifier: GPL-2.0-only */
/* Saving a task's own call stack, for reports made later (lockdep). */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

/*
 * stack_trace_save() - store up to @size return addresses of the calling
 * code's callers into @store, the first @skipnr frames (the caller's own
 * return address being frame 1) left out; returns how many it stored.
 * Needs frame pointers; an architecture that cannot walk them stores none
 * (the generic default). Any context; never sleeps.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr);

#endif /* _LINUX_STACKTRACE_H */
