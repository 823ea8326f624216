// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM PrimeCell PL011 UART: a boot console with polled output, usable from
 * the first line of C to the last line of a panic (like 8250.c); input
 * comes later with the tty layer. Plain MMIO, so it builds everywhere.
 */
#include <linux/console.h>
#include <linux/serial_pl011.h>
#include <asm/io.h>

#define UARTDR 0x00	/* data */
#define UARTFR 0x18	/* flags */
#define UARTIBRD 0x24	/* integer baud divisor */
#define UARTFBRD 0x28	/* fractional baud divisor */
#define UARTLCR_H 0x2c	/* line control */
#define UARTCR 0x30	/* control */
#define UARTIMSC 0x38	/* interrupt mask */
#define UARTICR 0x44	/* interrupt clear */

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
