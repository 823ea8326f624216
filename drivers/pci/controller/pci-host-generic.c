// SPDX-License-Identifier: GPL-2.0-only
/*
 * The generic ECAM host bridge of the device tree ("pci-host-ecam-generic",
 * QEMU's arm64 and riscv64 virt machines). Configuration space is one
 * memory window: bus b, devfn f, register r at base + (b << 20 | f << 12
 * | r). The node's "ranges" give the memory and I/O windows and their
 * PCI bus addresses, "bus-range" the bus numbers, and "interrupt-map"
 * (under "interrupt-map-mask") which interrupt controller line each
 * root-bus slot's INTx pin drives.
 *
 * No firmware configures PCI on these machines, so the host asks the
 * core to number buses and assign every BAR (drivers/pci/probe.c). Only
 * the first ECAM_MAX_BUSES buses are mapped (1 MiB each), which is more
 * than the machines have; config accesses to the others find nothing.
 *
 * IRQ numbers: Ferrite numbers a line as its controller does (the PLIC's
 * source number; for the GIC's three-cell specifier, SPI n is 32 + n and
 * PPI n is 16 + n), so the specifier translates without a lookup.
 */
#define pr_fmt(fmt) "pci-host-generic: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/byteorder.h>
#include <linux/io.h>
#include <linux/libfdt.h>
#include <linux/of_fdt.h>
#include <linux/slab.h>
#include <linux/of_pci.h>
#include <linux/pci.h>

#define ECAM_MAX_BUSES 16
#define MAX_INTX_MAP 32

/* One interrupt-map entry, its key already masked. */
struct intx_map {
	u32 addr_hi;	/* bus << 16 | devfn << 8 of the child unit address */
	u32 pin;
	int irq;
};

struct gen_pci {
	struct pci_host_bridge host;
	void __iomem *ecam;
	u32 mask_hi, mask_pin;
	unsigned int nr_map;
	struct intx_map map[MAX_INTX_MAP];
};

static u32 cell(const void *prop, int i)
{
	return be32_to_cpu(((const u32 *)prop)[i]);
}

static void __iomem *ecam_addr(struct pci_bus *bus, unsigned int devfn, int where)
{
	struct gen_pci *gp = bus->host->sysdata;
	unsigned int n = bus->number - bus->host->busnr_start;

	if (bus->number < bus->host->busnr_start || n >= ECAM_MAX_BUSES)
		return NULL;
	return gp->ecam + ((unsigned long)n << 20 | devfn << 12 | where);
}

static struct pci_ops ecam_ops = {
	.read = pci_generic_config_read,
	.write = pci_generic_config_write,
	.map_bus = ecam_addr,
};

static int gen_pci_map_irq(const struct pci_dev *dev, u8 slot, u8 pin)
{
	struct gen_pci *gp = dev->bus->host->sysdata;
	u32 hi = (dev->bus->number << 16 | PCI_DEVFN(slot, 0) << 8) & gp->mask_hi;

	for (unsigned int i = 0; i < gp->nr_map; i++)
		if (gp->map[i].addr_hi == hi && gp->map[i].pin == (pin & gp->mask_pin))
			return gp->map[i].irq;
	return 0;
}

/* An interrupt specifier as a Ferrite IRQ number (see the top), or -1. */
static int irq_from_spec(const void *spec, int i, u32 ncells)
{
	if (ncells == 1)
		return cell(spec, i);
	if (ncells == 3 && cell(spec, i) <= 1)
		return (cell(spec, i) ? 16 : 32) + cell(spec, i + 1);
	return -1;
}

static void gen_pci_parse_intx(const void *fdt, int node, struct gen_pci *gp)
{
	const void *map, *mask;
	int len, i = 0;

	mask = fdt_getprop(fdt, node, "interrupt-map-mask", &len);
	map = fdt_getprop(fdt, node, "interrupt-map", &len);
	if (!mask || !map)
		return;
	gp->mask_hi = cell(mask, 0);
	gp->mask_pin = cell(mask, 3);
	len /= 4;
	/* Entry: child address (3), pin (1), phandle, parent address, parent specifier. */
	while (i + 5 <= len && gp->nr_map < MAX_INTX_MAP) {
		int parent = fdt_node_offset_by_phandle(fdt, cell(map, i + 4));
		u32 pac = 0, pic = 1;
		int irq;

		if (parent < 0)
			break;
		fdt_getprop_u32(fdt, parent, "#address-cells", 0, &pac);
		fdt_getprop_u32(fdt, parent, "#interrupt-cells", 0, &pic);
		if (i + 5 + pac + pic > len)
			break;
		irq = irq_from_spec(map, i + 5 + pac, pic);
		if (irq > 0) {
			gp->map[gp->nr_map].addr_hi = cell(map, i) & gp->mask_hi;
			gp->map[gp->nr_map].pin = cell(map, i + 3) & gp->mask_pin;
			gp->map[gp->nr_map].irq = irq;
			gp->nr_map++;
		}
		i += 5 + pac + pic;
	}
}

static int __init gen_pci_probe_node(const void *fdt, int node)
{
	struct gen_pci *gp;
	u64 base, size;
	u32 start = 0, end = 0xff;
	unsigned int nbus;
	int err;

	if (fdt_get_reg(fdt, node, 0, &base, &size))
		return -EINVAL;
	fdt_getprop_u32(fdt, node, "bus-range", 0, &start);
	fdt_getprop_u32(fdt, node, "bus-range", 1, &end);
	nbus = min(min(end - start + 1, (u32)(size >> 20)), (u32)ECAM_MAX_BUSES);
	if (start > end || !nbus)
		return -EINVAL;
	gp = kzalloc(sizeof(*gp), GFP_KERNEL);
	if (!gp)
		return -ENOMEM;
	gp->ecam = ioremap(base, (size_t)nbus << 20);
	if (!gp->ecam) {
		kfree(gp);
		return -ENOMEM;
	}
	gp->host.ops = &ecam_ops;
	gp->host.sysdata = gp;
	gp->host.busnr_start = start;
	gp->host.busnr_end = start + nbus - 1;
	gp->host.assign_resources = true;
	gp->host.map_irq = gen_pci_map_irq;
	of_pci_parse_ranges(fdt, node, &gp->host);
	gen_pci_parse_intx(fdt, node, gp);
	pr_info("ECAM at %#llx, buses %02x-%02x, mem %#llx-%#llx, io %#llx-%#llx, %u INTx routes\n",
		(unsigned long long)base, start, gp->host.busnr_end,
		(unsigned long long)gp->host.mem.start, (unsigned long long)gp->host.mem.end,
		(unsigned long long)gp->host.io.start, (unsigned long long)gp->host.io.end,
		gp->nr_map);
	err = pci_host_probe(&gp->host);
	if (err) {
		iounmap(gp->ecam);
		kfree(gp);
	}
	return err;
}

static int __init gen_pci_init(void)
{
	const void *fdt = initial_boot_params;
	int node = -1;

	if (!fdt)
		return 0;
	while ((node = fdt_node_offset_by_compatible(fdt, node, "pci-host-ecam-generic")) >= 0) {
		int err = gen_pci_probe_node(fdt, node);

		if (err)
			pr_warn("host bridge %s: error %d\n", fdt_get_name(fdt, node, NULL), err);
	}
	return 0;
}
subsys_initcall(gen_pci_init);
