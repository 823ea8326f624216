// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Intel MultiProcessor Specification 1.4 table, what a PC without
 * ACPI describes its CPUs with: a 16-byte floating pointer ("_MP_") in the
 * first KiB of the EBDA, the last KiB of base memory or the BIOS ROM,
 * pointing at a configuration table ("PCMP") whose processor entries give
 * the APIC IDs. Both structures are checksummed before use.
 */
#define pr_fmt(fmt) "mptable: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/smp.h>

#define MP_PROCESSOR		0
#define  CPU_ENABLED		(1U << 0)
#define MP_PROCESSOR_SIZE	20
#define MP_OTHER_SIZE		8	/* bus, I/O APIC, interrupt entries */

struct mpf_intel {
	char signature[4];		/* "_MP_" */
	u32 physptr;			/* the configuration table; 0: a default one */
	u8 length;			/* in 16-byte units: 1 */
	u8 specification;
	u8 checksum;
	u8 feature[5];
} __packed;

struct mpc_table {
	char signature[4];		/* "PCMP" */
	u16 length;			/* of the base table, header included */
	u8 spec;
	u8 checksum;
	char oem[8];
	char productid[12];
	u32 oemptr;
	u16 oemsize;
	u16 oemcount;			/* entries */
	u32 lapic;
	u32 reserved;
} __packed;

static u64 scan_mpf(u64 start, u64 len)
{
	for (u64 pa = start; pa + sizeof(struct mpf_intel) <= start + len; pa += 16) {
		const struct mpf_intel *mpf = fw_map(pa, sizeof(*mpf));

		if (mpf && !memcmp(mpf->signature, "_MP_", 4) && mpf->length == 1 &&
		    fw_checksum_ok(mpf, sizeof(*mpf)))
			return pa;
	}
	return 0;
}

/* The floating pointer, where the specification says to look (all below 1 MiB). */
static const struct mpf_intel *find_mpf(void)
{
	const u16 *ebda_seg = fw_map(0x40e, 2);
	u64 ebda = ebda_seg ? (u64)*ebda_seg << 4 : 0, pa = 0;

	if (ebda >= 0x400 && ebda < 0xa0000)
		pa = scan_mpf(ebda, 1024);
	if (!pa)
		pa = scan_mpf(639 * 1024, 1024);
	if (!pa)
		pa = scan_mpf(0xf0000, 0x10000);
	return fw_map(pa, sizeof(struct mpf_intel));
}

int mpc_apicids(u64 pa, u32 *ids, int max)
{
	const struct mpc_table *mpc = fw_map(pa, sizeof(*mpc));
	u32 off = sizeof(*mpc);
	int n = 0;

	if (!mpc || memcmp(mpc->signature, "PCMP", 4) || mpc->length < sizeof(*mpc) ||
	    !fw_map(pa, mpc->length) || !fw_checksum_ok(mpc, mpc->length))
		return -ENODEV;
	for (u32 i = 0; i < mpc->oemcount; i++) {
		const u8 *e = (const u8 *)mpc + off;
		u32 size = e[0] == MP_PROCESSOR ? MP_PROCESSOR_SIZE : MP_OTHER_SIZE;

		if (off + size > mpc->length)
			return -ENODEV;		/* entries overrun the table */
		if (e[0] == MP_PROCESSOR && (e[3] & CPU_ENABLED)) {
			if (n < max)
				ids[n] = e[1];
			n++;
		}
		off += size;
	}
	return n;
}

int mptable_apicids(u32 *ids, int max)
{
	const struct mpf_intel *mpf = find_mpf();

	/* physptr 0 means one of the spec's default configurations: not supported. */
	return mpf && mpf->physptr ? mpc_apicids(mpf->physptr, ids, max) : -ENODEV;
}
