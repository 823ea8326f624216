// SPDX-License-Identifier: GPL-2.0-only
/* stack_trace_save() and printing, on each architecture's arch_stack_walk(). */
#include <linux/compiler.h>
#include <linux/kallsyms.h>
#include <linux/panic.h>
#include <linux/stacktrace.h>
#include <asm/ptrace.h>

bool stack_trace_print_entry(void *cookie, unsigned long addr)
{
	print_return_address(addr);
	return true;
}

struct stack_trace_store {
	unsigned long *store;
	unsigned int size, skip, len;
};

static bool stack_trace_store_entry(void *cookie, unsigned long addr)
{
	struct stack_trace_store *c = cookie;

	if (c->skip) {
		c->skip--;
		return true;
	}
	c->store[c->len++] = addr;
	return c->len < c->size;
}

/* noinline: the walk starts from this function's own frame. */
noinline unsigned int stack_trace_save(unsigned long *store, unsigned int size,
				       unsigned int skipnr)
{
	struct stack_trace_store c = { store, size, skipnr, 0 };
	struct pt_regs regs;

	if (!size)
		return 0;
	arch_capture_regs(&regs);
	arch_stack_walk(stack_trace_store_entry, &c, &regs);
	return c.len;
}
