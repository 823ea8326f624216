// SPDX-License-Identifier: GPL-2.0-only
/*
 * The pseries hypervisor console: the virtual terminal "hvterm1" (QEMU's
 * spapr-vty on -serial), written with H_PUT_TERM_CHAR, up to 16 bytes a
 * call packed big-endian into two registers. It works from the first
 * instruction on (no MMIO, no MMU needed). Once timers work it is also
 * the console tty (/dev/ttyS0, /dev/console), whose input is polled every
 * tick with H_GET_TERM_CHAR (up to 16 bytes a call), as Linux's hvc
 * driver polls a terminal without an interrupt: the terminal's XICS
 * source (0x1100) is beyond Ferrite's NR_IRQS.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/byteorder.h>
#include <linux/console.h>
#include <linux/jiffies.h>
#include <linux/kdev_t.h>
#include <linux/major.h>
#include <linux/timer.h>
#include <linux/tty.h>
#include <linux/string.h>
#include <asm/hvcall.h>
#include <asm/setup.h>

/*
 * hvc_put_chars() - write @len (at most 16) bytes to virtual terminal
 * @vterm; retries while the hypervisor is busy. Never sleeps.
 */
static void hvc_put_chars(u32 vterm, const char *s, size_t len)
{
	u64 buf[2] = { 0, 0 };
	long rc;

	memcpy(buf, s, len);
	do {
		rc = plpar_hcall_norets(H_PUT_TERM_CHAR, vterm, len, be64_to_cpu(buf[0]),
					be64_to_cpu(buf[1]));
	} while (rc == H_BUSY);
}

/* What the tty writes goes out as it is (n_tty did the output processing). */
static void hvc_tty_write(struct tty_struct *tty, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i += 16)
		hvc_put_chars(pseries_platform.vterm, buf + i, min_t(size_t, n - i, 16));
}

static const struct tty_operations hvc_tty_ops = {
	.write = hvc_tty_write,
};

/* The console tty: /dev/ttyS0 in Ferrite's tty layer (Linux: hvc0). */
static struct tty_struct hvc_tty = {
	.name = "hvc0",
	.dev = MKDEV(TTY_MAJOR, 64),
	.line = 0,
	.ops = &hvc_tty_ops,
};

static struct timer_list hvc_poll_timer;

/* Feed every byte the terminal holds to the line discipline, then poll again next tick. */
static void hvc_poll(struct timer_list *t)
{
	unsigned long ret[PLPAR_HCALL_BUFSIZE];

	while (plpar_hcall(H_GET_TERM_CHAR, ret, pseries_platform.vterm) == H_SUCCESS && ret[0]) {
		u64 buf[2] = { cpu_to_be64(ret[1]), cpu_to_be64(ret[2]) };

		for (unsigned long i = 0; i < ret[0] && i < sizeof(buf); i++)
			tty_receive_char(&hvc_tty, ((u8 *)buf)[i]);
	}
	mod_timer(t, jiffies + 1);
}

static int __init hvc_tty_init(void)
{
	tty_register_console(&hvc_tty);
	timer_setup(&hvc_poll_timer, hvc_poll, 0);
	mod_timer(&hvc_poll_timer, jiffies + 1);
	return 0;
}
device_initcall(hvc_tty_init);

static void hvc_console_write(struct console *con, const char *s, size_t len)
{
	char chunk[16];
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			chunk[n++] = '\r';
		chunk[n++] = s[i];
		if (n >= sizeof(chunk) - 1) {
			hvc_put_chars(pseries_platform.vterm, chunk, n);
			n = 0;
		}
	}
	if (n)
		hvc_put_chars(pseries_platform.vterm, chunk, n);
}

static struct console hvc_console = {
	.name = "hvc0",
	.write = hvc_console_write,
};

void __init hvc_console_init(void)
{
	register_console(&hvc_console);
}
