// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/bus/pci/devices: one line per function in Linux's format, which
 * busybox's and pciutils' readers understand: bus and devfn ("%02x%02x"),
 * vendor and device ("%04x%04x"), IRQ, then the start of each of the seven
 * regions (six BARs and the expansion ROM, the BAR's low flag bits or'ed
 * in), their sizes, and the bound driver's name.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/pci.h>
#include "pci.h"

#define PROC_PCI_REGIONS 7	/* Linux prints the ROM's slot too */

/* The low bits a BAR register shows for @res (PCI_BASE_ADDRESS_*). */
static unsigned int bar_flag_bits(const struct resource *res)
{
	if (res->flags & IORESOURCE_IO)
		return PCI_BASE_ADDRESS_SPACE_IO;
	return (res->flags & IORESOURCE_MEM_64 ? PCI_BASE_ADDRESS_MEM_TYPE_64 : 0) |
	       (res->flags & IORESOURCE_PREFETCH ? PCI_BASE_ADDRESS_MEM_PREFETCH : 0);
}

static void show_bus(struct seq_file *m, struct pci_bus *bus)
{
	struct pci_bus *child;
	struct pci_dev *dev;

	list_for_each_entry(dev, &bus->devices, bus_list) {
		struct device_driver *drv = READ_ONCE(dev->dev.driver);

		seq_printf(m, "%02x%02x\t%04x%04x\t%x", bus->number, dev->devfn, dev->vendor,
			   dev->device, dev->irq);
		for (int i = 0; i < PROC_PCI_REGIONS; i++) {
			const struct resource *r = &dev->resource[i];

			seq_printf(m, "\t%16llx", i < PCI_NUM_RESOURCES && r->flags ?
				   (unsigned long long)(r->start | bar_flag_bits(r)) : 0ULL);
		}
		for (int i = 0; i < PROC_PCI_REGIONS; i++)
			seq_printf(m, "\t%16llx", i < PCI_NUM_RESOURCES ?
				   (unsigned long long)pci_resource_len(dev, i) : 0ULL);
		seq_printf(m, "\t%s\n", drv ? drv->name : "");
	}
	list_for_each_entry(child, &bus->children, node)
		show_bus(m, child);
}

static int pci_devices_show(struct seq_file *m, void *v)
{
	struct pci_host_bridge *host;

	mutex_lock(&pci_host_lock);
	list_for_each_entry(host, &pci_host_bridges, node)
		show_bus(m, host->bus);
	mutex_unlock(&pci_host_lock);
	return 0;
}

static int __init pci_proc_init(void)
{
	struct proc_dir_entry *bus = proc_mkdir("bus", NULL);
	struct proc_dir_entry *pci = bus ? proc_mkdir("pci", bus) : NULL;

	if (!pci || !proc_create_single("devices", 0444, pci, pci_devices_show))
		return -ENOMEM;
	return 0;
}
device_initcall(pci_proc_init);
