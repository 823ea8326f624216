// SPDX-License-Identifier: GPL-2.0-only
/*
 * printk: format a message, prefix it with a timestamp, keep it in the log
 * ring and write it to every console. Lock-protected with interrupts off;
 * during a panic the lock is only tried, so a CPU that died holding it
 * cannot silence the report.
 *
 * The ring keeps every message, whatever the console's level, with its
 * level in front as syslog(2) gives it ("<6>[    1.000000] text"); the
 * console shows only messages below console_loglevel, without the level.
 * syslog(2) (busybox dmesg) reads and clears the ring.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/ktime.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

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
	unsigned long flags;

	spin_lock_irqsave(&printk_lock, flags);
	con->next = console_list;
	console_list = con;
	spin_unlock_irqrestore(&printk_lock, flags);
}

static unsigned long log_clear;	/* log_head when the ring was last cleared */
static unsigned long log_unread;	/* where SYSLOG_ACTION_READ goes on */

static void log_store(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		log_buf[(log_head + i) % LOG_BUF_LEN] = s[i];
	log_head += len;
}

/* Put @s in the ring and, when @shown, on every console. */
static void emit(const char *s, size_t len, bool shown)
{
	if (shown)
		for (struct console *con = console_list; con; con = con->next)
			con->write(con, s, len);
	log_store(s, len);
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

	/*
	 * The raw lock operations: printk() runs inside the lock-order
	 * checker's reports, and the unlock below is raw for both cases.
	 */
	local_irq_save(flags);
	preempt_disable();
	if (unlikely(oops_in_progress))
		locked = do_raw_spin_trylock(&printk_lock);
	else
		do_raw_spin_lock(&printk_lock);
	if (level < 0)
		level = line_open ? last_level : LOGLEVEL_DEFAULT;
	else if (line_open)
		emit("\n", 1, last_level < console_loglevel);	/* a new message ends an unfinished line */
	if (!line_open) {
		u64 ns = ktime_get_ns();
		int n = scnprintf(stamp, sizeof(stamp), "[%5llu.%06llu] ",
				  ns / 1000000000ULL, (ns % 1000000000ULL) / 1000);
		char prefix[3] = { '<', '0' + level, '>' };

		log_store(prefix, sizeof(prefix));
		emit(stamp, n, level < console_loglevel);
	}
	emit(text, len, level < console_loglevel);
	line_open = len > 0 && text[len - 1] != '\n';
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

/* --- syslog(2) ------------------------------------------------------------ */

#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

/*
 * Copy up to @len bytes of the ring into @buf: from *@pos on (READ), or
 * the newest ones after the last clear, starting at a whole line
 * (READ_ALL). Moves *@pos past what was copied. Printk lock not held.
 */
static size_t log_copy(char *buf, size_t len, unsigned long *pos, bool newest)
{
	unsigned long flags, start, oldest, n;

	spin_lock_irqsave(&printk_lock, flags);
	oldest = log_head > LOG_BUF_LEN ? log_head - LOG_BUF_LEN : 0;
	start = max(max(*pos, oldest), log_clear);
	if (newest && log_head - start > len)
		start = log_head - len;
	if (newest && start > log_clear && start > 0) {
		/* Begin after the first line end: no torn record in front. */
		while (start < log_head && log_buf[(start - 1) % LOG_BUF_LEN] != '\n')
			start++;
	}
	n = min_t(unsigned long, len, log_head - start);
	for (unsigned long i = 0; i < n; i++)
		buf[i] = log_buf[(start + i) % LOG_BUF_LEN];
	*pos = start + n;
	spin_unlock_irqrestore(&printk_lock, flags);
	return n;
}

static int saved_console_loglevel = -1;

SYSCALL_DEFINE3(syslog, int, type, char __user *, ubuf, int, len)
{
	unsigned long pos = 0, flags;
	size_t n;
	char *kbuf;

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!ubuf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		len = min(len, LOG_BUF_LEN);
		kbuf = vmalloc(len);
		if (!kbuf)
			return -ENOMEM;
		if (type == SYSLOG_ACTION_READ) {
			while (!(n = log_copy(kbuf, len, &log_unread, false))) {
				if (signal_pending(current)) {
					vfree(kbuf);
					return -ERESTARTSYS;
				}
				schedule_timeout_interruptible(HZ / 10);
			}
		} else {
			n = log_copy(kbuf, len, &pos, true);
		}
		if (copy_to_user(ubuf, kbuf, n))
			n = -EFAULT;
		else if (type == SYSLOG_ACTION_READ_CLEAR)
			log_clear = pos;
		vfree(kbuf);
		return n;
	case SYSLOG_ACTION_CLEAR:
		spin_lock_irqsave(&printk_lock, flags);
		log_clear = log_head;
		spin_unlock_irqrestore(&printk_lock, flags);
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel < 0)
			saved_console_loglevel = console_loglevel;
		console_loglevel = 1;	/* emergencies only, as Linux's minimum */
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel >= 0) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = len;
		saved_console_loglevel = -1;
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD:
		spin_lock_irqsave(&printk_lock, flags);
		n = log_head - max(max(log_unread, log_clear),
				   log_head > LOG_BUF_LEN ? log_head - LOG_BUF_LEN : 0UL);
		spin_unlock_irqrestore(&printk_lock, flags);
		return n;
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}
