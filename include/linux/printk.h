/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * printk and the pr_*() family, with Linux's log levels. A message starts
 * with KERN_<LEVEL> ("\001" + digit); KERN_CONT continues the previous line.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/types.h>
#include <linux/compiler.h>

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"

#define LOGLEVEL_EMERG 0
#define LOGLEVEL_ERR 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_INFO 6
#define LOGLEVEL_DEBUG 7
#define LOGLEVEL_DEFAULT 4 /* level of a message with no KERN_ prefix */

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/*
 * printk() - format and print a kernel message to the console.
 * Safe in any context (interrupts, atomic sections, before the allocator
 * exists): it never sleeps and never allocates. Messages at or above
 * console_loglevel (set by "loglevel=" on the command line) are kept in
 * the log (dmesg) but not printed on the console.
 * Returns the number of characters formatted.
 */
__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

/* Console verbosity: messages with level < console_loglevel are printed. */
extern int console_loglevel;

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

/*
 * vsnprintf() - format into buf, writing at most size bytes including the
 * terminating NUL (nothing is written when size == 0). Returns the length
 * the full output would have had, like C99. Never sleeps or allocates.
 * Supports %d %i %u %x %X %o %c %s %p %% with the l/ll/z/h/hh modifiers,
 * width, precision (also '*'), the flags - 0 + space #, and %pS / %ps
 * (symbol+offset/size, or symbol name only).
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
/* Like vsnprintf() but returns the number of bytes actually written (excluding NUL). */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);

/* Print a hex + ASCII dump of len bytes at buf at level KERN_INFO. */
/*
 * log_buf_copy() - copy up to @size bytes of the newest log text into @buf,
 * oldest first, without a terminating NUL. Returns the count copied. Takes
 * the printk lock with interrupts off: any context, never sleeps, never
 * allocates. Each line has its level in front ("<6>"), as syslog(2)
 * gives it. For tests; user space reads the log with syslog(2).
 */
size_t log_buf_copy(char *buf, size_t size);

void print_hex_dump_bytes(const char *prefix, const void *buf, size_t len);

#endif /* _LINUX_PRINTK_H */
