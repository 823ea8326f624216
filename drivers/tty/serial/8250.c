// SPDX-License-Identifier: GPL-2.0-only
/*
 * 8250/16550 UART: the boot console. Polled output, so it works from the
 * first instruction of C to the last line of a panic. Once interrupts
 * work, received characters raise the UART's interrupt and go to the
 * console tty (drivers/tty/), which makes the port /dev/ttyS0.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <linux/serial_8250.h>
#include <linux/tty.h>
#include <linux/kdev_t.h>
#include <linux/major.h>
#include <asm/io.h>

#define UART_RX 0	/* receive buffer (DLAB=0) */
#define UART_TX 0	/* transmit holding (DLAB=0) */
#define UART_DLL 0	/* divisor low (DLAB=1) */
#define UART_IER 1	/* interrupt enable (DLAB=0) */
#define UART_DLM 1	/* divisor high (DLAB=1) */
#define UART_FCR 2	/* FIFO control */
#define UART_LCR 3	/* line control */
#define UART_MCR 4	/* modem control */
#define UART_LSR 5	/* line status */
#define UART_LSR_DR 0x01	/* data ready */
#define UART_LSR_THRE 0x20	/* transmit holding register empty */
#define UART_IER_RDI 0x01	/* interrupt on received data */

static struct uart_8250 boot_uart;

static u8 serial_in(struct uart_8250 *up, int reg)
{
	if (up->iotype == UPIO_PORT)
		return inb((u16)(up->base + reg));
	return readb(up->base + (reg << up->regshift));
}

static void serial_out(struct uart_8250 *up, int reg, u8 val)
{
	if (up->iotype == UPIO_PORT)
		outb(val, (u16)(up->base + reg));
	else
		writeb(val, up->base + (reg << up->regshift));
}

void serial8250_putc(struct uart_8250 *up, char c)
{
	while (!(serial_in(up, UART_LSR) & UART_LSR_THRE))
		;
	serial_out(up, UART_TX, (u8)c);
}

int serial8250_getc(struct uart_8250 *up)
{
	if (!(serial_in(up, UART_LSR) & UART_LSR_DR))
		return -1;
	return serial_in(up, UART_RX);
}

static void serial8250_console_write(struct console *con, const char *s, size_t len)
{
	struct uart_8250 *up = con->data;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial8250_putc(up, '\r');
		serial8250_putc(up, s[i]);
	}
}

static struct console serial8250_console = {
	.name = "ttyS0",
	.write = serial8250_console_write,
	.data = &boot_uart,
};

struct uart_8250 *serial8250_early_init(unsigned long base, int iotype, int regshift)
{
	struct uart_8250 *up = &boot_uart;

	up->base = base;
	up->iotype = iotype;
	up->regshift = regshift;
	serial_out(up, UART_IER, 0x00);		/* no interrupts yet */
	serial_out(up, UART_LCR, 0x80);		/* DLAB on */
	serial_out(up, UART_DLL, 0x01);		/* 115200 baud */
	serial_out(up, UART_DLM, 0x00);
	serial_out(up, UART_LCR, 0x03);		/* 8N1 */
	serial_out(up, UART_FCR, 0x07);		/* FIFOs on, cleared */
	serial_out(up, UART_MCR, 0x0b);		/* DTR, RTS, OUT2 */
	register_console(&serial8250_console);
	return up;
}

void serial8250_set_irq(struct uart_8250 *up, int irq)
{
	up->irq = irq;
}

static void serial8250_tty_write(struct tty_struct *tty, const char *buf, size_t n)
{
	struct uart_8250 *up = tty->driver_data;

	for (size_t i = 0; i < n; i++)
		serial8250_putc(up, buf[i]);
}

static const struct tty_operations serial8250_tty_ops = {
	.write = serial8250_tty_write,
};

static struct tty_struct serial8250_tty = {
	.name = "ttyS0",
	.dev = MKDEV(TTY_MAJOR, 64),
	.line = 0,
	.ops = &serial8250_tty_ops,
	.driver_data = &boot_uart,
};

static irqreturn_t serial8250_interrupt(int irq, void *dev)
{
	struct uart_8250 *up = dev;
	int c, n = 0;

	while ((c = serial8250_getc(up)) >= 0 && n++ < 256)
		tty_receive_char(&serial8250_tty, (u8)c);
	return IRQ_HANDLED;
}

/* Input: the console port becomes a tty with an interrupt-driven receiver. */
static int __init serial8250_tty_init(void)
{
	struct uart_8250 *up = &boot_uart;
	int err;

	if (!up->base || up->irq <= 0)
		return 0;
	tty_register_console(&serial8250_tty);
	err = request_irq(up->irq, serial8250_interrupt, 0, "serial", up);
	if (err)
		return err;
	while (serial8250_getc(up) >= 0)
		;
	serial_out(up, UART_IER, UART_IER_RDI);
	return 0;
}
device_initcall(serial8250_tty_init);
