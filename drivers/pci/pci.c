// SPDX-License-Identifier: GPL-2.0-only
/*
 * What a driver does with its function: enable decoding, allow bus
 * mastering, map BARs, find capabilities (<linux/pci.h>).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/pci.h>

static void pci_update_command(struct pci_dev *dev, u16 clear, u16 set)
{
	u16 cmd, new;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	new = (cmd & ~clear) | set;
	if (new != cmd)
		pci_write_config_word(dev, PCI_COMMAND, new);
}

int pci_enable_device(struct pci_dev *dev)
{
	u16 set = 0;

	if (dev->enable_cnt++)
		return 0;
	for (int i = 0; i < PCI_NUM_RESOURCES; i++) {
		if (dev->resource[i].flags & IORESOURCE_IO)
			set |= PCI_COMMAND_IO;
		if (dev->resource[i].flags & IORESOURCE_MEM)
			set |= PCI_COMMAND_MEMORY;
	}
	pci_update_command(dev, PCI_COMMAND_INTX_DISABLE, set);
	return 0;
}

void pci_disable_device(struct pci_dev *dev)
{
	if (WARN_ON(!dev->enable_cnt) || --dev->enable_cnt)
		return;
	pci_update_command(dev, PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 0);
	dev->is_busmaster = false;
}

void pci_set_master(struct pci_dev *dev)
{
	pci_update_command(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = true;
}

void pci_clear_master(struct pci_dev *dev)
{
	pci_update_command(dev, PCI_COMMAND_MASTER, 0);
	dev->is_busmaster = false;
}

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	resource_size_t len;

	if (bar < 0 || bar >= PCI_NUM_RESOURCES ||
	    !(pci_resource_flags(dev, bar) & IORESOURCE_MEM))
		return NULL;
	len = pci_resource_len(dev, bar);
	if (maxlen && maxlen < len)
		len = maxlen;
	return ioremap(pci_resource_start(dev, bar), len);
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	iounmap(addr);
}

u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap)
{
	u8 id;

	/* At most 48 capabilities fit in config space: stop a looping list. */
	for (int ttl = 48; ttl > 0; ttl--) {
		if (pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos) || pos < 0x40)
			return 0;
		pos &= ~3;
		if (pci_read_config_byte(dev, pos + PCI_CAP_LIST_ID, &id) || id == 0xff)
			return 0;
		if (id == cap)
			return pos;
	}
	return 0;
}

u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	u16 status;

	if (pci_read_config_word(dev, PCI_STATUS, &status) || !(status & PCI_STATUS_CAP_LIST))
		return 0;
	/* PCI_CAPABILITY_LIST is the "next" field of a capability at 0x33. */
	return pci_find_next_capability(dev, PCI_CAPABILITY_LIST - PCI_CAP_LIST_NEXT, cap);
}
