// SPDX-License-Identifier: GPL-2.0-only
/* stack_trace_save() for architectures that cannot walk their stack yet. */
#include <linux/compiler.h>
#include <linux/stacktrace.h>

unsigned int __weak stack_trace_save(unsigned long *store, unsigned int size,
				     unsigned int skipnr)
{
	return 0;
}
