/* SPDX-License-Identifier: GPL-2.0-only */
/* Walking and saving the current call stack (oopses, lockdep's reports). */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

#include <linux/types.h>

struct pt_regs;

/* Called with each return address of a walk; false ends the walk. */
typedef bool (*stack_trace_consume_fn)(void *cookie, unsigned long addr);

/*
 * arch_stack_walk() - hand @consume_entry the return addresses of the
 * frames above @regs (a trap's registers, or arch_capture_regs()'s),
 * innermost first, not @regs' own pc. Follows the frame pointers within
 * the current task's stack (or the boot, IRQ or overflow stack it is on)
 * and stops at a frame outside it, so a corrupt chain ends the walk
 * instead of faulting. Linux's also takes a task; Ferrite walks only the
 * running one. Any context; never sleeps.
 */
void arch_stack_walk(stack_trace_consume_fn consume_entry, void *cookie,
		     struct pt_regs *regs);

/* An arch_stack_walk() consumer printing each address (print_return_address()). */
bool stack_trace_print_entry(void *cookie, unsigned long addr);

/*
 * stack_trace_save() - store up to @size return addresses of the calling
 * code's callers into @store, the first @skipnr left out (the caller's own
 * return address, into its caller, is the first); returns how many it
 * stored. Any context; never sleeps.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr);

#endif /* _LINUX_STACKTRACE_H */
