/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * seq_file, reduced to what /proc's generated files need: a show()
 * callback appends text to a fixed buffer with Linux's seq_printf() &
 * co. Output beyond the buffer is dropped and seq_has_overflowed() says
 * so. Never sleeps or allocates.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/compiler.h>

struct seq_file {
	char *buf;
	size_t size;
	size_t count;		/* bytes written; size + 1 once overflowed */
	void *private;		/* the data given with the show() callback */
};

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);

static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count > m->size;
}

#endif /* _LINUX_SEQ_FILE_H */
