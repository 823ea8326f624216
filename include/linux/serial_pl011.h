/* SPDX-License-Identifier: GPL-2.0-only */
/* ARM PrimeCell PL011 UART: the boot console of arm64 (QEMU virt). */
#ifndef _LINUX_SERIAL_PL011_H
#define _LINUX_SERIAL_PL011_H

#include <linux/types.h>

struct uart_pl011 {
	unsigned long base;	/* virtual MMIO address */
	int irq;		/* receive interrupt (set by the board), 0: none */
};

/*
 * pl011_early_init() - program the UART for 115200 8N1 polled I/O and
 * register it as the console. Needs no allocator; callable at first boot,
 * once @base is mapped as device memory. Once the board sets its irq, an
 * initcall makes the port the console tty (/dev/ttyS0, /dev/console)
 * with an interrupt-driven receiver.
 */
struct uart_pl011 *pl011_early_init(unsigned long base);

/* Write one byte, spinning until the transmit FIFO has room. Never sleeps. */
void pl011_putc(struct uart_pl011 *up, char c);

/* Read one byte if one is waiting; -1 otherwise. Never blocks. */
int pl011_getc(struct uart_pl011 *up);

#endif /* _LINUX_SERIAL_PL011_H */
