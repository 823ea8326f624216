// SPDX-License-Identifier: GPL-2.0-only
/* Device-tree helpers of PCI host bridge drivers (<linux/of_pci.h>). */
#include <linux/kernel.h>
#include <linux/byteorder.h>
#include <linux/libfdt.h>
#include <linux/of_pci.h>
#include <linux/pci.h>

/* @n big-endian cells of @prop from cell @i, as one number. */
static u64 of_cells(const void *prop, int i, int n)
{
	u64 v = 0;

	while (n--)
		v = v << 32 | be32_to_cpu(((const u32 *)prop)[i++]);
	return v;
}

/* Entries: PCI address (3 cells: space code in bits 25:24), CPU address, size. */
void of_pci_parse_ranges(const void *fdt, int node, struct pci_host_bridge *host)
{
	int pna = fdt_address_cells(fdt, fdt_parent_offset(fdt, node));
	int ns = fdt_size_cells(fdt, node), len, entry = 3 + pna + ns;
	const void *r = fdt_getprop(fdt, node, "ranges", &len);

	for (int i = 0; r && (i + entry) * 4 <= len; i += entry) {
		u32 space = (of_cells(r, i, 1) >> 24) & 3;
		u64 pci = of_cells(r, i + 1, 2), cpu = of_cells(r, i + 3, pna);
		u64 size = of_cells(r, i + 3 + pna, ns);
		struct resource *res = space == 1 ? &host->io : space == 2 ? &host->mem : NULL;

		if (!res || !size || res->flags)
			continue;
		res->start = cpu;
		res->end = cpu + size - 1;
		res->flags = space == 1 ? IORESOURCE_IO : IORESOURCE_MEM;
		if (space == 1)
			host->io_offset = cpu - pci;
		else
			host->mem_offset = cpu - pci;
	}
}
