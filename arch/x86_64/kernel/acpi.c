// SPDX-License-Identifier: GPL-2.0-only
/*
 * Just enough ACPI to count the CPUs: find the RSDP, walk the RSDT or
 * XSDT to the MADT ("APIC") and list its enabled local APICs. Every table
 * is checksummed and bounded by its own length before it is read, so a
 * corrupt table yields -ENODEV rather than a wild read. Tables are read
 * through the direct map, which covers RAM up to the 2 MiB boundary past
 * its end, where firmwares put them.
 */
#define pr_fmt(fmt) "acpi: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/smp.h>

#define EBDA_SEG_PTR	0x40e
#define BIOS_ROM_START	0xe0000
#define BIOS_ROM_END	0x100000

#define MADT_LAPIC		0
#define  MADT_LAPIC_ENABLED	(1U << 0)

struct acpi_rsdp {
	char signature[8];		/* "RSD PTR " */
	u8 checksum;			/* of the first 20 bytes */
	char oem_id[6];
	u8 revision;			/* 2 and up: the fields below exist */
	u32 rsdt_address;
	u32 length;
	u64 xsdt_address;
	u8 extended_checksum;		/* of all @length bytes */
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 asl_compiler_id;
	u32 asl_compiler_revision;
} __packed;

struct acpi_madt_lapic {
	u8 type;
	u8 length;
	u8 processor_id;
	u8 apic_id;
	u32 flags;
} __packed;

bool fw_checksum_ok(const void *p, u32 len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

const void *fw_map(u64 pa, u64 len)
{
	u64 end = ALIGN(memblock_end_of_DRAM(), 1UL << 21);

	if (!pa || pa >= end || len > end - pa)
		return NULL;
	return __va(pa);
}

static bool rsdp_valid(u64 pa)
{
	const struct acpi_rsdp *r = fw_map(pa, sizeof(*r));

	if (!r || memcmp(r->signature, "RSD PTR ", 8) || !fw_checksum_ok(r, 20))
		return false;
	return r->revision < 2 || (r->length >= sizeof(*r) && fw_map(pa, r->length) &&
				   fw_checksum_ok(r, r->length));
}

/* The first valid RSDP on a 16-byte boundary of physical [start, end). */
static u64 scan_rsdp(u64 start, u64 end)
{
	for (u64 pa = start; pa + sizeof(struct acpi_rsdp) <= end; pa += 16)
		if (rsdp_valid(pa))
			return pa;
	return 0;
}

u64 acpi_find_rsdp(void)
{
	const u16 *ebda_seg = fw_map(EBDA_SEG_PTR, 2);
	u64 ebda = ebda_seg ? (u64)*ebda_seg << 4 : 0, pa = 0;

	if (rsdp_valid(pvh_rsdp_paddr))
		return pvh_rsdp_paddr;
	if (ebda >= 0x400 && ebda < BIOS_ROM_START)
		pa = scan_rsdp(ebda, ebda + 1024);
	return pa ? pa : scan_rsdp(BIOS_ROM_START, BIOS_ROM_END);
}

/* The table at @pa if its length is sane and its checksum right. */
static const struct acpi_table_header *acpi_table(u64 pa)
{
	const struct acpi_table_header *h = fw_map(pa, sizeof(*h));

	if (!h || h->length < sizeof(*h) || !fw_map(pa, h->length) ||
	    !fw_checksum_ok(h, h->length))
		return NULL;
	return h;
}

/* Physical address of the table with @sig listed by the XSDT (or, before ACPI 2.0, the RSDT). */
static u64 acpi_get_table(const char *sig)
{
	u64 rsdp_pa = acpi_find_rsdp();
	const struct acpi_rsdp *rsdp = fw_map(rsdp_pa, sizeof(*rsdp));
	bool xsdt = rsdp && rsdp->revision >= 2 && rsdp->xsdt_address;
	const struct acpi_table_header *root;
	u32 esize = xsdt ? 8 : 4;

	if (!rsdp)
		return 0;
	root = acpi_table(xsdt ? rsdp->xsdt_address : rsdp->rsdt_address);
	if (!root)
		return 0;
	for (u32 off = sizeof(*root); off + esize <= root->length; off += esize) {
		const u8 *e = (const u8 *)root + off;
		u64 pa = 0;
		const struct acpi_table_header *t;

		memcpy(&pa, e, esize);		/* entries are unaligned */
		t = acpi_table(pa);
		if (t && !memcmp(t->signature, sig, 4))
			return pa;
	}
	return 0;
}

int madt_apicids(u64 pa, u32 *ids, int max)
{
	/* The MADT: a header, the local APIC address and flags, then entries. */
	const struct acpi_table_header *madt = acpi_table(pa);
	u32 off = sizeof(*madt) + 8;
	int n = 0;

	if (!madt || memcmp(madt->signature, "APIC", 4))
		return -ENODEV;
	while (off + 2 <= madt->length) {
		const u8 *e = (const u8 *)madt + off;
		const struct acpi_madt_lapic *l = (const void *)e;

		if (e[1] < 2 || off + e[1] > madt->length)
			return -ENODEV;		/* a malformed entry */
		if (e[0] == MADT_LAPIC && e[1] >= sizeof(*l) && (l->flags & MADT_LAPIC_ENABLED)) {
			if (n < max)
				ids[n] = l->apic_id;
			n++;
		}
		off += e[1];
	}
	return n;
}

int acpi_madt_apicids(u32 *ids, int max)
{
	u64 pa = acpi_get_table("APIC");

	return pa ? madt_apicids(pa, ids, max) : -ENODEV;
}
