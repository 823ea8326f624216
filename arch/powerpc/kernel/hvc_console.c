// SPDX-License-Identifier: GPL-2.0-only
/*
 * The pseries hypervisor console: the virtual terminal "hvterm1" (QEMU's
 * spapr-vty on -serial), written with H_PUT_TERM_CHAR, up to 16 bytes a
 * call packed big-endian into two registers. It works from the first
 * instruction on (no MMIO, no MMU needed). Input (H_GET_TERM_CHAR) comes
 * with user space.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/byteorder.h>
#include <linux/console.h>
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
