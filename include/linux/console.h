/* SPDX-License-Identifier: GPL-2.0-only */
/* Consoles: where printk output goes (the serial port, for now). */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct console {
	const char *name;
	/* Write len bytes; called with interrupts off; must not sleep. */
	void (*write)(struct console *con, const char *s, size_t len);
	struct console *next;
	void *data;
};

/* Add con to the list printk writes to (under printk's lock, any CPU). May be called before mm exists. */
void register_console(struct console *con);

/*
 * console_write_raw() - write @len bytes to every console as they are (no
 * timestamp, not kept in the log): the output path of /dev/console.
 * Any context; never sleeps.
 */
void console_write_raw(const char *s, size_t len);

#endif /* _LINUX_CONSOLE_H */
