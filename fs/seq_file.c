// SPDX-License-Identifier: GPL-2.0-only
/* Appending text to a seq_file's fixed buffer (<linux/seq_file.h>). */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/seq_file.h>

/* Append @len bytes of @s, or mark the file overflowed if they do not fit. */
static void seq_append(struct seq_file *m, const char *s, size_t len)
{
	if (seq_has_overflowed(m))
		return;
	if (len > m->size - m->count) {
		m->count = m->size + 1;
		return;
	}
	memcpy(m->buf + m->count, s, len);
	m->count += len;
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	size_t room = m->size - m->count;
	va_list args;
	int len;

	if (seq_has_overflowed(m))
		return;
	va_start(args, fmt);
	len = vsnprintf(m->buf + m->count, room, fmt, args);
	va_end(args);
	/* vsnprintf() needs room for its terminating NUL too. */
	if (len < 0 || (size_t)len >= room)
		m->count = m->size + 1;
	else
		m->count += len;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_append(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_append(m, &c, 1);
}
