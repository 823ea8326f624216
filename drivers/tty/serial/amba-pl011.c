// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM PrimeCell PL011 UART: a boot console with polled output, usable from
 * the first line of C to the last line of a panic (like 8250.c), then the
 * console tty with interrupt-driven input. Plain MMIO, so it builds
 * everywhere.
 */
#include <linux/console.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kdev_t.h>
#include <linux/major.h>
#include <linux/serial_pl011.h>
#include <linux/tty.h>
#include <asm/io.h>

#define UARTDR 0x00	/* data */
#define UARTFR 0x18	/* flags */
#define UARTIBRD 0x24	/* integer baud divisor */
#define UARTFBRD 0x28	/* fractional baud divisor */
#define UARTLCR_H 0x2c	/* line control */
#define UARTCR 0x30	/* control */
#define UARTIMSC 0x38	/* interrupt mask */
#define UARTICR 0x44	/* interrupt clear */
#define IMSC_RXIM 0x10	/* receive interrupt */
#define IMSC_RTIM 0x40	/* receive timeout interrupt */

#define FR_TXFF 0x20	/* transmit FIFO full */
#define FR_RXFE 0x10	/* receive FIFO empty */
#define FR_BUSY 0x08
#define LCRH_WLEN8 0x60
#define LCRH_FEN 0x10
#define CR_UARTEN 0x001
#define CR_TXE 0x100
#define CR_RXE 0x200

static struct uart_pl011 boot_pl011;

void pl011_putc(struct uart_pl011 *up, char c)
{
	while (readl(up->base + UARTFR) & FR_TXFF)
		;
	writel((u8)c, up->base + UARTDR);
}

int pl011_getc(struct uart_pl011 *up)
{
	if (readl(up->base + UARTFR) & FR_RXFE)
		return -1;
	return readl(up->base + UARTDR) & 0xff;
}

static void pl011_console_write(struct console *con, const char *s, size_t len)
{
	struct uart_pl011 *up = con->data;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			pl011_putc(up, '\r');
		pl011_putc(up, s[i]);
	}
}

static struct console pl011_console = {
	.name = "ttyAMA0",
	.write = pl011_console_write,
	.data = &boot_pl011,
};

struct uart_pl011 *pl011_early_init(unsigned long base)
{
	struct uart_pl011 *up = &boot_pl011;

	up->base = base;
	while (readl(base + UARTFR) & FR_BUSY)
		;
	writel(0, base + UARTCR);		/* disable while programming */
	writel(0, base + UARTIMSC);		/* no interrupts yet */
	writel(0x7ff, base + UARTICR);
	writel(13, base + UARTIBRD);		/* 115200 baud from 24 MHz */
	writel(1, base + UARTFBRD);
	writel(LCRH_WLEN8 | LCRH_FEN, base + UARTLCR_H);
	writel(CR_UARTEN | CR_TXE | CR_RXE, base + UARTCR);
	register_console(&pl011_console);
	return up;
}

static void pl011_tty_write(struct tty_struct *tty, const char *buf, size_t n)
{
	struct uart_pl011 *up = tty->driver_data;

	for (size_t i = 0; i < n; i++)
		pl011_putc(up, buf[i]);
}

static const struct tty_operations pl011_tty_ops = {
	.write = pl011_tty_write,
};

/* The serial port tty: /dev/ttyS0 in Ferrite's tty layer (Linux: ttyAMA0). */
static struct tty_struct pl011_tty = {
	.name = "ttyAMA0",
	.dev = MKDEV(TTY_MAJOR, 64),
	.line = 0,
	.ops = &pl011_tty_ops,
	.driver_data = &boot_pl011,
};

static irqreturn_t pl011_interrupt(int irq, void *dev)
{
	struct uart_pl011 *up = dev;
	int c, n = 0;

	writel(IMSC_RXIM | IMSC_RTIM, up->base + UARTICR);
	while ((c = pl011_getc(up)) >= 0 && n++ < 256)
		tty_receive_char(&pl011_tty, (u8)c);
	return IRQ_HANDLED;
}

/* Input: the console port becomes a tty with an interrupt-driven receiver. */
static int __init pl011_tty_init(void)
{
	struct uart_pl011 *up = &boot_pl011;
	int err;

	if (!up->base || up->irq <= 0)
		return 0;
	tty_register_console(&pl011_tty);
	err = request_irq(up->irq, pl011_interrupt, 0, "serial", up);
	if (err)
		return err;
	while (pl011_getc(up) >= 0)
		;
	writel(IMSC_RXIM | IMSC_RTIM, up->base + UARTIMSC);
	return 0;
}
device_initcall(pl011_tty_init);
