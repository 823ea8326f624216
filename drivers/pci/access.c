// SPDX-License-Identifier: GPL-2.0-only
/*
 * Config space accessors: checked offsets, then the host bridge's pci_ops
 * under pci_lock (the 0xCF8/0xCFC pair is one shared register window, and
 * a read-modify-write of a word must not interleave with another CPU's),
 * and the generic accessors of hosts whose configuration space is memory.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/spinlock.h>
#include <linux/pci.h>

static DEFINE_SPINLOCK(pci_lock);

int pcibios_err_to_errno(int err)
{
	switch (err) {
	case PCIBIOS_SUCCESSFUL:
		return 0;
	case PCIBIOS_BAD_REGISTER_NUMBER:
		return -EINVAL;
	default:
		return -ENODEV;
	}
}

static int bus_read(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val)
{
	unsigned long flags;
	int ret;

	if (where < 0 || where + size > PCI_CFG_SPACE_SIZE || (where & (size - 1))) {
		*val = ~0U >> (32 - 8 * size);
		return PCIBIOS_BAD_REGISTER_NUMBER;
	}
	spin_lock_irqsave(&pci_lock, flags);
	ret = bus->host->ops->read(bus, devfn, where, size, val);
	spin_unlock_irqrestore(&pci_lock, flags);
	if (ret)
		*val = ~0U >> (32 - 8 * size);
	return ret;
}

static int bus_write(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 val)
{
	unsigned long flags;
	int ret;

	if (where < 0 || where + size > PCI_CFG_SPACE_SIZE || (where & (size - 1)))
		return PCIBIOS_BAD_REGISTER_NUMBER;
	spin_lock_irqsave(&pci_lock, flags);
	ret = bus->host->ops->write(bus, devfn, where, size, val);
	spin_unlock_irqrestore(&pci_lock, flags);
	return ret;
}

#define PCI_BUS_ACCESSORS(suffix, type, size)				\
int pci_bus_read_config_##suffix(struct pci_bus *bus, unsigned int devfn, \
				 int where, type *val)			\
{									\
	u32 v;								\
	int ret = bus_read(bus, devfn, where, size, &v);		\
									\
	*val = (type)v;							\
	return ret;							\
}									\
int pci_bus_write_config_##suffix(struct pci_bus *bus, unsigned int devfn, \
				  int where, type val)			\
{									\
	return bus_write(bus, devfn, where, size, val);			\
}									\
int pci_read_config_##suffix(const struct pci_dev *dev, int where, type *val) \
{									\
	return pcibios_err_to_errno(pci_bus_read_config_##suffix(dev->bus, \
						dev->devfn, where, val)); \
}									\
int pci_write_config_##suffix(const struct pci_dev *dev, int where, type val) \
{									\
	return pcibios_err_to_errno(pci_bus_write_config_##suffix(dev->bus, \
						dev->devfn, where, val)); \
}

PCI_BUS_ACCESSORS(byte, u8, 1)
PCI_BUS_ACCESSORS(word, u16, 2)
PCI_BUS_ACCESSORS(dword, u32, 4)

int pci_generic_config_read(struct pci_bus *bus, unsigned int devfn, int where, int size,
			    u32 *val)
{
	void __iomem *a = bus->host->ops->map_bus(bus, devfn, where);

	if (!a)
		return PCIBIOS_DEVICE_NOT_FOUND;
	*val = size == 1 ? readb(a) : size == 2 ? readw(a) : readl(a);
	return PCIBIOS_SUCCESSFUL;
}

int pci_generic_config_write(struct pci_bus *bus, unsigned int devfn, int where, int size,
			     u32 val)
{
	void __iomem *a = bus->host->ops->map_bus(bus, devfn, where);

	if (!a)
		return PCIBIOS_DEVICE_NOT_FOUND;
	if (size == 1)
		writeb(val, a);
	else if (size == 2)
		writew(val, a);
	else
		writel(val, a);
	return PCIBIOS_SUCCESSFUL;
}
