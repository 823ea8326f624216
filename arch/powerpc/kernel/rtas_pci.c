// SPDX-License-Identifier: GPL-2.0-only
/*
 * pseries PCI host bridges: the device tree's "IBM,Logical_PHB" nodes, as
 * QEMU's spapr-pci-host-bridge gives them to the firmware (Ferrite boots
 * as that firmware, so nothing configured PCI before us).
 *
 * - Configuration space is reached only through RTAS: ibm,read-pci-config
 *   and ibm,write-pci-config take bus << 16 | devfn << 8 | register and
 *   the bridge's BUID (the address in its "reg").
 * - "ranges" give the I/O and 32-bit memory windows with their PCI bus
 *   addresses (of_pci_parse_ranges()); the core numbers buses and assigns
 *   every BAR from them.
 * - "interrupt-map" gives each root-bus slot's INTx pins as XICS LSI
 *   sources (specifier: source number, sense), which xics.c numbers.
 * - Devices' DMA goes through a TCE table, an IOMMU of 4 KiB pages, the
 *   "ibm,dma-window" (LIOBN, bus address, size). Every page of RAM is
 *   mapped once at boot at its own physical address, read-write, with
 *   H_PUT_TCE, so DMA addresses are the physical ones the DMA API hands
 *   out (kernel/dma/mapping.c). Linux maps each buffer instead; this
 *   keeps the DMA API free of arch hooks, at the price that a device can
 *   reach all of RAM, as on the other machines without an IOMMU.
 */
#define pr_fmt(fmt) "rtas-pci: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/byteorder.h>
#include <linux/libfdt.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/of_pci.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <asm/hvcall.h>
#include <asm/setup.h>

#define PHB_SLOTS	32
#define TCE_SHIFT	12
#define TCE_READ_WRITE	3

struct rtas_phb {
	struct pci_host_bridge host;
	u32 buid_hi, buid_lo;
	s16 intx[PHB_SLOTS][4];		/* Ferrite irq of slot, pin - 1; 0 none */
};

static u32 cell(const void *prop, int i)
{
	return be32_to_cpu(((const u32 *)prop)[i]);
}

static u64 cell64(const void *prop, int i)
{
	return (u64)cell(prop, i) << 32 | cell(prop, i + 1);
}

static u32 phb_cfg_addr(struct pci_bus *bus, unsigned int devfn, int where)
{
	return bus->number << 16 | devfn << 8 | where;
}

static int phb_read(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val)
{
	struct rtas_phb *phb = bus->host->sysdata;
	u32 v;

	if (rtas_call(pseries_platform.rtas_read_pci_config, 4, 2, &v,
		      phb_cfg_addr(bus, devfn, where), phb->buid_hi, phb->buid_lo, size))
		return PCIBIOS_DEVICE_NOT_FOUND;
	*val = v;
	return PCIBIOS_SUCCESSFUL;
}

static int phb_write(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 val)
{
	struct rtas_phb *phb = bus->host->sysdata;

	if (rtas_call(pseries_platform.rtas_write_pci_config, 5, 1, NULL,
		      phb_cfg_addr(bus, devfn, where), phb->buid_hi, phb->buid_lo, size, val))
		return PCIBIOS_DEVICE_NOT_FOUND;
	return PCIBIOS_SUCCESSFUL;
}

static struct pci_ops phb_ops = { .read = phb_read, .write = phb_write };

static int phb_map_irq(const struct pci_dev *dev, u8 slot, u8 pin)
{
	struct rtas_phb *phb = dev->bus->host->sysdata;

	return slot < PHB_SLOTS && pin >= 1 && pin <= 4 ? phb->intx[slot][pin - 1] : 0;
}

/*
 * "interrupt-map": entries of a child address (3 cells: the slot in bits
 * 15:11 of the first), the pin, the XICS phandle and its 2-cell specifier.
 */
static void __init phb_parse_intx(const void *fdt, int node, struct rtas_phb *phb)
{
	int len;
	const void *map = fdt_getprop(fdt, node, "interrupt-map", &len);

	for (int i = 0; map && (i + 7) * 4 <= len; i += 7) {
		u32 slot = (cell(map, i) >> 11) & 0x1f, pin = cell(map, i + 3);
		int irq = xics_source_to_irq(cell(map, i + 5));

		if (pin >= 1 && pin <= 4 && irq > 0)
			phb->intx[slot][pin - 1] = irq;
	}
}

/* Map every page of RAM at its physical address in the TCE table. */
static int __init phb_map_ram(const void *fdt, int node)
{
	int len;
	const void *w = fdt_getprop(fdt, node, "ibm,dma-window", &len);
	u64 end = memblock_end_of_DRAM();
	u32 liobn;

	if (!w || len < 20)
		return -ENODEV;
	liobn = cell(w, 0);
	if (cell64(w, 1) != 0 || cell64(w, 3) < end) {
		pr_warn("DMA window %#llx+%#llx does not cover RAM at 0\n",
			(unsigned long long)cell64(w, 1), (unsigned long long)cell64(w, 3));
		return -ERANGE;
	}
	for (u64 pa = 0; pa < end; pa += 1UL << TCE_SHIFT)
		if (plpar_hcall_norets(H_PUT_TCE, liobn, pa, pa | TCE_READ_WRITE) != H_SUCCESS)
			return -EIO;
	return 0;
}

static int __init phb_probe_node(const void *fdt, int node)
{
	struct rtas_phb *phb;
	u64 buid, size;
	int err;

	if (fdt_get_reg(fdt, node, 0, &buid, &size))
		return -EINVAL;
	err = phb_map_ram(fdt, node);
	if (err)
		return err;
	phb = kzalloc(sizeof(*phb), GFP_KERNEL);
	if (!phb)
		return -ENOMEM;
	phb->buid_hi = buid >> 32;
	phb->buid_lo = (u32)buid;
	phb->host.ops = &phb_ops;
	phb->host.sysdata = phb;
	phb->host.busnr_start = 0;
	phb->host.busnr_end = 0xff;
	phb->host.assign_resources = true;
	phb->host.map_irq = phb_map_irq;
	of_pci_parse_ranges(fdt, node, &phb->host);
	phb_parse_intx(fdt, node, phb);
	pr_info("BUID %#llx, mem %#llx-%#llx, io %#llx-%#llx\n", (unsigned long long)buid,
		(unsigned long long)phb->host.mem.start, (unsigned long long)phb->host.mem.end,
		(unsigned long long)phb->host.io.start, (unsigned long long)phb->host.io.end);
	err = pci_host_probe(&phb->host);
	if (err)
		kfree(phb);
	return err;
}

static int __init rtas_pci_init(void)
{
	const void *fdt = initial_boot_params;
	int node = -1;

	if (!fdt || !pseries_platform.rtas_read_pci_config ||
	    !pseries_platform.rtas_write_pci_config)
		return 0;
	while ((node = fdt_node_offset_by_compatible(fdt, node, "IBM,Logical_PHB")) >= 0) {
		int err = phb_probe_node(fdt, node);

		if (err)
			pr_warn("host bridge %s: error %d\n", fdt_get_name(fdt, node, NULL), err);
	}
	return 0;
}
subsys_initcall(rtas_pci_init);
