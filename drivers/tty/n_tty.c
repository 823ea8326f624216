// SPDX-License-Identifier: GPL-2.0-only
/*
 * The default line discipline: canonical mode (a line is read only once
 * complete; erase, kill and ^D edit it), echo, CR to NL on input, NL to
 * CRNL on output, and the signal characters (^C SIGINT, ^\ SIGQUIT, ^Z
 * SIGTSTP) sent to the foreground process group. In non-canonical mode a
 * read returns what is there once VMIN characters (at most 1 is waited
 * for) arrived, or after VTIME tenths of a second when VMIN is 0.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define L(tty, f) ((tty)->termios.c_lflag & (f))
#define I(tty, f) ((tty)->termios.c_iflag & (f))
#define O(tty, f) ((tty)->termios.c_oflag & (f))
#define MASK(i) ((i) & (N_TTY_BUF_SIZE - 1))

void n_tty_init(struct tty_struct *tty)
{
	static const u8 cc[NCCS] = {
		[VINTR] = 3, [VQUIT] = 0x1c, [VERASE] = 0x7f, [VKILL] = 0x15, [VEOF] = 4,
		[VTIME] = 0, [VMIN] = 1, [VSTART] = 0x11, [VSTOP] = 0x13, [VSUSP] = 0x1a,
		[VREPRINT] = 0x12, [VDISCARD] = 0x0f, [VWERASE] = 0x17, [VLNEXT] = 0x16,
	};

	spin_lock_init(&tty->lock);
	init_waitqueue_head(&tty->read_wait);
	tty->termios.c_iflag = ICRNL | IXON;
	tty->termios.c_oflag = OPOST | ONLCR;
	tty->termios.c_cflag = B38400 | CS8 | CREAD | HUPCL;
	tty->termios.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	memcpy(tty->termios.c_cc, cc, sizeof(cc));
	tty->winsize.ws_row = 24;
	tty->winsize.ws_col = 80;
}

/* Output with OPOST processing; caller holds tty->lock. */
static void out_chars(struct tty_struct *tty, const char *s, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' && O(tty, OPOST) && O(tty, ONLCR)) {
			if (i > start)
				tty->ops->write(tty, s + start, i - start);
			tty->ops->write(tty, "\r\n", 2);
			start = i + 1;
			tty->column = 0;
		} else if (s[i] == '\r') {
			tty->column = 0;
		} else if (s[i] == '\b') {
			if (tty->column)
				tty->column--;
		} else if ((u8)s[i] >= 0x20) {
			tty->column++;
		}
	}
	if (n > start)
		tty->ops->write(tty, s + start, n - start);
}

static void echo_char(struct tty_struct *tty, u8 c)
{
	if (c == '\n') {
		if (L(tty, ECHO) || L(tty, ECHONL))
			out_chars(tty, "\n", 1);
		return;
	}
	if (!L(tty, ECHO))
		return;
	if (c < 0x20 && c != '\t' && L(tty, ECHOCTL)) {
		char ctl[2] = { '^', (char)(c + '@') };

		out_chars(tty, ctl, 2);
	} else {
		out_chars(tty, (char *)&c, 1);
	}
}

static void erase_one(struct tty_struct *tty)
{
	u8 c;

	if (tty->head == tty->canon_head)
		return;
	tty->head--;
	c = tty->read_buf[MASK(tty->head)];
	if (L(tty, ECHO) && L(tty, ECHOE)) {
		int width = (c < 0x20 && c != '\t' && L(tty, ECHOCTL)) ? 2 : 1;

		while (width--)
			out_chars(tty, "\b \b", 3);
	}
}

static void isig(struct tty_struct *tty, int sig, u8 c)
{
	if (!L(tty, NOFLSH))
		tty->head = tty->canon_head = tty->tail;
	echo_char(tty, c);
	if (tty->pgrp)
		kill_pgrp(tty->pgrp, sig);
}

void tty_receive_char(struct tty_struct *tty, u8 c)
{
	const u8 *cc = tty->termios.c_cc;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	if (c == '\r') {
		if (I(tty, IGNCR))
			goto out;
		if (I(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(tty, INLCR)) {
		c = '\r';
	}
	if (L(tty, ISIG)) {
		if (c == cc[VINTR]) {
			isig(tty, SIGINT, c);
			goto wake;
		}
		if (c == cc[VQUIT]) {
			isig(tty, SIGQUIT, c);
			goto wake;
		}
		if (c == cc[VSUSP]) {
			isig(tty, SIGTSTP, c);
			goto wake;
		}
	}
	if (L(tty, ICANON)) {
		if (c == cc[VERASE] || c == '\b') {
			erase_one(tty);
			goto out;
		}
		if (c == cc[VKILL]) {
			while (tty->head != tty->canon_head)
				erase_one(tty);
			goto out;
		}
		if (c == cc[VWERASE] && L(tty, IEXTEN)) {
			while (tty->head != tty->canon_head &&
			       tty->read_buf[MASK(tty->head - 1)] == ' ')
				erase_one(tty);
			while (tty->head != tty->canon_head &&
			       tty->read_buf[MASK(tty->head - 1)] != ' ')
				erase_one(tty);
			goto out;
		}
		if (c == cc[VEOF]) {
			if (tty->head == tty->canon_head)
				tty->eof_pending++;
			tty->canon_head = tty->head;
			goto wake;
		}
	}
	/* Keep one slot free in canonical mode for the newline that ends a line. */
	if (tty->head - tty->tail >= N_TTY_BUF_SIZE - (L(tty, ICANON) && c != '\n' ? 1 : 0))
		goto out;
	tty->read_buf[MASK(tty->head++)] = c;
	echo_char(tty, c);
	if (L(tty, ICANON) && c != '\n')
		goto out;
	tty->canon_head = tty->head;
wake:
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible_all(&tty->read_wait);
	return;
out:
	spin_unlock_irqrestore(&tty->lock, flags);
}

bool n_tty_readable(struct tty_struct *tty)
{
	if (L(tty, ICANON))
		return tty->canon_head != tty->tail || tty->eof_pending;
	return tty->head != tty->tail;
}

unsigned int n_tty_chars_in_buffer(struct tty_struct *tty)
{
	return (L(tty, ICANON) ? tty->canon_head : tty->head) - tty->tail;
}

void n_tty_flush(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	tty->head = tty->canon_head = tty->tail;
	tty->eof_pending = 0;
	spin_unlock_irqrestore(&tty->lock, flags);
}

/* Take up to @count characters (one line in canonical mode) into @kbuf. */
static size_t take_chars(struct tty_struct *tty, char *kbuf, size_t count, bool *eof)
{
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&tty->lock, flags);
	if (L(tty, ICANON)) {
		while (n < count && tty->tail != tty->canon_head) {
			char c = tty->read_buf[MASK(tty->tail++)];

			kbuf[n++] = c;
			if (c == '\n')
				break;
		}
		if (!n && tty->eof_pending) {
			tty->eof_pending--;
			*eof = true;
		}
	} else {
		while (n < count && tty->tail != tty->head)
			kbuf[n++] = tty->read_buf[MASK(tty->tail++)];
		tty->canon_head = tty->tail;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

ssize_t n_tty_read(struct tty_struct *tty, char __user *buf, size_t count, bool nonblock)
{
	char kbuf[256];
	bool eof = false;
	size_t n;
	long timeout = MAX_SCHEDULE_TIMEOUT;

	if (!count)
		return 0;
	if (!L(tty, ICANON) && !tty->termios.c_cc[VMIN]) {
		if (!tty->termios.c_cc[VTIME])
			nonblock = true;
		else
			timeout = tty->termios.c_cc[VTIME] * HZ / 10;
	}
	for (;;) {
		n = take_chars(tty, kbuf, min(count, sizeof(kbuf)), &eof);
		if (n || eof)
			break;
		if (nonblock)
			return (!L(tty, ICANON) && !tty->termios.c_cc[VMIN]) ? 0 : -EAGAIN;
		if (timeout != MAX_SCHEDULE_TIMEOUT) {
			timeout = wait_event_interruptible_timeout(tty->read_wait,
								   n_tty_readable(tty), timeout);
			if (timeout < 0)
				return -ERESTARTSYS;
			if (!timeout)
				return 0;
		} else if (wait_event_interruptible(tty->read_wait, n_tty_readable(tty))) {
			return -ERESTARTSYS;
		}
	}
	if (n && copy_to_user(buf, kbuf, n))
		return -EFAULT;
	return n;
}

ssize_t n_tty_write(struct tty_struct *tty, struct iov_iter *from)
{
	char kbuf[256];
	size_t count = iov_iter_count(from), done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(kbuf)), got;
		unsigned long flags;

		got = copy_from_iter(kbuf, n, from);
		if (!got)
			return done ? (ssize_t)done : -EFAULT;
		spin_lock_irqsave(&tty->lock, flags);
		out_chars(tty, kbuf, got);
		spin_unlock_irqrestore(&tty->lock, flags);
		done += got;
		if (got < n)
			break;
	}
	return done;
}
