// SPDX-License-Identifier: GPL-2.0-only
/*
 * printk: format a message, prefix it with a timestamp, keep it in the log
 * ring and write it to every console. Lock-protected with interrupts off;
 * during a panic the lock is only tried, so a CPU that died holding it
 * cannot silence the report.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/ktime.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define LOG_BUF_LEN (1 << 16)

int console_loglevel = 7;	/* print levels 0..6 (KERN_INFO) by default */
int oops_in_progress;

static struct console *console_list;
static DEFINE_SPINLOCK(printk_lock);
static char log_buf[LOG_BUF_LEN];
static unsigned long log_head;	/* bytes ever written to log_buf */
static bool line_open;		/* the last message did not end in '\n' */

void register_console(struct console *con)
{
	con->next = console_list;
	console_list = con;
}

static void emit(const char *s, size_t len)
{
	for (struct console *con = console_list; con; con = con->next)
		con->write(con, s, len);
	for (size_t i = 0; i < len; i++)
		log_buf[(log_head + i) % LOG_BUF_LEN] = s[i];
	log_head += len;
}

/* Split "\001N" off fmt; returns the level or LOGLEVEL_DEFAULT, or -1 for KERN_CONT. */
static int printk_get_level(const char **fmt)
{
	const char *f = *fmt;

	if (f[0] != KERN_SOH[0] || !f[1])
		return LOGLEVEL_DEFAULT;
	*fmt = f + 2;
	if (f[1] == 'c')
		return -1;
	if (f[1] >= '0' && f[1] <= '7')
		return f[1] - '0';
	return LOGLEVEL_DEFAULT;
}

int vprintk(const char *fmt, va_list args)
{
	static int last_level = LOGLEVEL_DEFAULT;
	char text[512], stamp[32];
	unsigned long flags;
	bool locked = true;
	int level, len;

	level = printk_get_level(&fmt);
	len = vscnprintf(text, sizeof(text), fmt, args);

	local_irq_save(flags);
	if (unlikely(oops_in_progress)) {
		preempt_disable();
		locked = do_raw_spin_trylock(&printk_lock);
	} else {
		spin_lock(&printk_lock);
	}
	if (level < 0)
		level = line_open ? last_level : LOGLEVEL_DEFAULT;
	else if (line_open)
		emit("\n", 1);	/* a new message ends an unfinished line */
	if (level < console_loglevel) {
		if (!line_open) {
			u64 ns = ktime_get_ns();
			int n = scnprintf(stamp, sizeof(stamp), "[%5llu.%06llu] ",
					  ns / 1000000000ULL, (ns % 1000000000ULL) / 1000);
			emit(stamp, n);
		}
		emit(text, len);
		line_open = len > 0 && text[len - 1] != '\n';
	}
	last_level = level;
	if (locked)
		do_raw_spin_unlock(&printk_lock);
	preempt_enable_no_resched();
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}

void console_write_raw(const char *s, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&printk_lock, flags);
	for (struct console *con = console_list; con; con = con->next)
		con->write(con, s, len);
	spin_unlock_irqrestore(&printk_lock, flags);
}

size_t log_buf_copy(char *buf, size_t size)
{
	unsigned long flags, start, n;

	spin_lock_irqsave(&printk_lock, flags);
	n = min_t(unsigned long, size, min_t(unsigned long, log_head, LOG_BUF_LEN));
	start = log_head - n;
	for (unsigned long i = 0; i < n; i++)
		buf[i] = log_buf[(start + i) % LOG_BUF_LEN];
	spin_unlock_irqrestore(&printk_lock, flags);
	return n;
}

void print_hex_dump_bytes(const char *prefix, const void *buf, size_t len)
{
	const u8 *p = buf;

	for (size_t off = 0; off < len; off += 16) {
		char line[80];
		int n = scnprintf(line, sizeof(line), "%s%08zx:", prefix, off);

		for (size_t i = off; i < off + 16 && i < len; i++)
			n += scnprintf(line + n, sizeof(line) - n, " %02x", p[i]);
		printk(KERN_INFO "%s\n", line);
	}
}
