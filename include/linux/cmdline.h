/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel command line options: "name", "name=value", space separated,
 * value may be double-quoted. Pure string functions: no allocation, any
 * context. The boot command line is boot_command_line (linux/init.h).
 */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

/*
 * cmdline_get_str() - copy the value of the last "name=value" in cmdline
 * into buf (NUL-terminated, truncated to size). Returns the value's length,
 * 0 for a bare "name", or -ENOENT if name is absent.
 */
int cmdline_get_str(const char *cmdline, const char *name, char *buf, size_t size);

/* True if "name" or "name=<anything but 0/n/off/false>" is present. */
bool cmdline_get_bool(const char *cmdline, const char *name);

/* Parse "name=<integer>" into *val. Returns 0, -ENOENT or -EINVAL. */
int cmdline_get_long(const char *cmdline, const char *name, long *val);

#endif /* _LINUX_CMDLINE_H */
