/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Terminals (drivers/tty/). One tty exists today: the serial console,
 * reached as /dev/ttyS0, /dev/console and (for its session) /dev/tty. A
 * driver gives the tty an output function and feeds received characters to
 * tty_receive_char() from its interrupt handler; the line discipline
 * (n_tty.c) does canonical editing, echo and the signal characters, and
 * read(2) takes from it.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#include <asm/termbits.h>		/* struct termios, c_cc indices, flags */

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

#define N_TTY_BUF_SIZE 4096

struct tty_struct;

struct tty_operations {
	/* Write @n bytes to the device (any context; may spin, never sleeps). */
	void (*write)(struct tty_struct *tty, const char *buf, size_t n);
};

struct tty_struct {
	const char *name;
	dev_t dev;			/* its device number (the driver's) */
	int line;			/* port number (TIOCGSERIAL) */
	const struct tty_operations *ops;
	void *driver_data;
	spinlock_t lock;		/* termios, buffer, pgrp; taken in IRQs */
	struct termios termios;
	struct winsize winsize;
	pid_t pgrp;			/* foreground process group */
	pid_t session;			/* the session it controls, or 0 */
	wait_queue_head_t read_wait;
	/* n_tty: received characters [tail, head); complete lines end at canon_head. */
	char read_buf[N_TTY_BUF_SIZE];
	unsigned int head, tail, canon_head;
	unsigned int eof_pending;	/* ^D on an empty line: reads returning 0 */
	unsigned int column;		/* for erasing echoed characters */
};

/*
 * tty_register_console() - make @tty (its ops and name set) the system
 * console tty behind /dev/ttyS0, /dev/console and /dev/tty. Boot.
 */
void tty_register_console(struct tty_struct *tty);

/*
 * tty_receive_char() - a character arrived: run it through the line
 * discipline (echo, editing, ^C...). Interrupt context; never sleeps.
 */
void tty_receive_char(struct tty_struct *tty, u8 c);

/* Drop current's controlling terminal (the session leader exits). */
void disassociate_ctty(void);

/*
 * The line discipline (n_tty.c), for tty_io.c:
 * n_tty_init() - default termios (cooked mode, echo, ^C...), 24x80. Boot.
 * n_tty_read() - read(2): one line in canonical mode (0 after ^D on an
 *   empty line), else what is there; sleeps unless @nonblock (-EAGAIN).
 *   Returns the count, -EFAULT or -ERESTARTSYS (signal). May sleep.
 * n_tty_write() - write(2) (or a kernel write) from the iterator @from, with
 *   output processing; returns the count or
 *   -EFAULT. Never sleeps (the UART is polled).
 * n_tty_readable() - whether a read would not block (poll). Any context.
 * n_tty_chars_in_buffer() - what a read could take now (FIONREAD).
 * n_tty_flush() - drop pending input (TCFLSH, TCSETSF). Any context.
 */
void n_tty_init(struct tty_struct *tty);
ssize_t n_tty_read(struct tty_struct *tty, char __user *buf, size_t count, bool nonblock);
struct iov_iter;
ssize_t n_tty_write(struct tty_struct *tty, struct iov_iter *from);
bool n_tty_readable(struct tty_struct *tty);
unsigned int n_tty_chars_in_buffer(struct tty_struct *tty);
void n_tty_flush(struct tty_struct *tty);

#endif /* _LINUX_TTY_H */
