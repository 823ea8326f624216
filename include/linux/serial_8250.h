/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_SERIAL_8250_H
#define _LINUX_SERIAL_8250_H

#include <linux/types.h>

enum { UPIO_PORT, UPIO_MEM };

struct uart_8250 {
	unsigned long base;	/* I/O port or virtual MMIO address */
	int iotype;		/* UPIO_PORT or UPIO_MEM */
	int regshift;		/* MMIO register stride: 1 << regshift bytes */
	int irq;		/* receive interrupt, or 0 for none (polled only) */
};

/*
 * serial8250_early_init() - program the UART for 115200 8N1 polled I/O and
 * register it as the console. Needs no allocator; callable at first boot.
 */
struct uart_8250 *serial8250_early_init(unsigned long base, int iotype, int regshift);

/* serial8250_set_irq() - the IRQ line of @up, for tty input. Boot, before initcalls. */
void serial8250_set_irq(struct uart_8250 *up, int irq);

/* Write one byte, spinning until the transmitter is free. Never sleeps. */
void serial8250_putc(struct uart_8250 *up, char c);

/* Read one byte if one is waiting; -1 otherwise. Never blocks. */
int serial8250_getc(struct uart_8250 *up);

#endif /* _LINUX_SERIAL_8250_H */
