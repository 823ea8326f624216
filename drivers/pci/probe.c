// SPDX-License-Identifier: GPL-2.0-only
/*
 * Enumeration: pci_host_probe() walks a host bridge's root bus depth
 * first. Each function found gets a struct pci_dev with its IDs, class and
 * BARs (sized by writing all ones, decoding off meanwhile). A PCI-to-PCI
 * bridge leads to a child bus, scanned at once.
 *
 * When the host asks for it (no firmware configured PCI: arm64, riscv64),
 * the walk also numbers the buses (a bridge's secondary bus is the next
 * free number, its subordinate the last one used below it) and hands out
 * addresses with two bump allocators over the host's memory and I/O
 * windows: each BAR aligned to its size, each bridge's windows aligned to
 * 1 MiB (memory) and 4 KiB (I/O) around what its subtree took. Every BAR
 * goes in the non-prefetchable window (allowed for prefetchable ones too),
 * so bridges' prefetchable windows stay closed.
 *
 * The functions join the device model only after the whole tree is
 * known, so a driver's probe sees a configured bus.
 */
#define pr_fmt(fmt) "pci: " fmt

#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include "pci.h"

LIST_HEAD(pci_host_bridges);
DEFINE_MUTEX(pci_host_lock);

/* Bump allocators over the host windows (CPU addresses, next free byte). */
struct pci_alloc {
	resource_size_t mem, mem_end, io, io_end;	/* ends inclusive */
};

static void pci_release_dev(struct device *dev)
{
	kfree(to_pci_dev(dev));
}

static struct pci_bus *pci_alloc_bus(struct pci_host_bridge *host, struct pci_bus *parent,
				     struct pci_dev *self, unsigned int number)
{
	struct pci_bus *bus = kzalloc(sizeof(*bus), GFP_KERNEL);

	if (!bus)
		return NULL;
	bus->host = host;
	bus->parent = parent;
	bus->self = self;
	bus->number = number;
	bus->busn_end = number;
	INIT_LIST_HEAD(&bus->devices);
	INIT_LIST_HEAD(&bus->children);
	INIT_LIST_HEAD(&bus->node);
	if (parent)
		list_add_tail(&bus->node, &parent->children);
	return bus;
}

/* Undo a scan: remove (if added) and drop every function, free the buses. */
void pci_free_bus_tree(struct pci_bus *bus)
{
	struct pci_bus *child, *tmp_bus;
	struct pci_dev *dev, *tmp;

	list_for_each_entry_safe(child, tmp_bus, &bus->children, node)
		pci_free_bus_tree(child);
	list_for_each_entry_safe(dev, tmp, &bus->devices, bus_list) {
		list_del(&dev->bus_list);
		if (dev->dev.added)
			device_del(&dev->dev);
		put_device(&dev->dev);
	}
	list_del(&bus->node);
	kfree(bus);
}

/* Lowest set bit: the size a BAR decodes, from the bits it let us set. */
static u64 bar_size(u64 mask)
{
	return mask & -mask;
}

/*
 * Read BAR @i of @dev (decoding must be off) into resource[i]. Returns the
 * number of BAR registers it spans (2 for a 64-bit memory BAR).
 */
static int pci_read_bar(struct pci_dev *dev, int i)
{
	struct resource *res = &dev->resource[i];
	int reg = PCI_BASE_ADDRESS_0 + 4 * i;
	u32 orig, sz, orig_hi = 0, sz_hi = 0;
	u64 base, mask;

	pci_read_config_dword(dev, reg, &orig);
	pci_write_config_dword(dev, reg, ~0U);
	pci_read_config_dword(dev, reg, &sz);
	pci_write_config_dword(dev, reg, orig);
	if (!sz || sz == ~0U)
		return 1;
	if (orig & PCI_BASE_ADDRESS_SPACE_IO) {
		res->flags = IORESOURCE_IO;
		base = orig & PCI_BASE_ADDRESS_IO_MASK & 0xffff;
		mask = sz & PCI_BASE_ADDRESS_IO_MASK & 0xffff;
		base += dev->bus->host->io_offset;
	} else {
		res->flags = IORESOURCE_MEM;
		if (orig & PCI_BASE_ADDRESS_MEM_PREFETCH)
			res->flags |= IORESOURCE_PREFETCH;
		base = orig & PCI_BASE_ADDRESS_MEM_MASK;
		mask = sz & PCI_BASE_ADDRESS_MEM_MASK;
		if ((orig & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64 &&
		    i + 1 < PCI_STD_NUM_BARS) {
			res->flags |= IORESOURCE_MEM_64;
			pci_read_config_dword(dev, reg + 4, &orig_hi);
			pci_write_config_dword(dev, reg + 4, ~0U);
			pci_read_config_dword(dev, reg + 4, &sz_hi);
			pci_write_config_dword(dev, reg + 4, orig_hi);
			base |= (u64)orig_hi << 32;
			mask |= (u64)sz_hi << 32;
		}
		base += dev->bus->host->mem_offset;
	}
	if (!bar_size(mask)) {
		res->flags = 0;
	} else {
		res->start = base;
		res->end = base + bar_size(mask) - 1;
		res->name = pci_name(dev);
	}
	return res->flags & IORESOURCE_MEM_64 ? 2 : 1;
}

/* Give BAR @i of @dev an address from @a and write it; flags 0 if no room. */
static void pci_assign_bar(struct pci_dev *dev, int i, struct pci_alloc *a)
{
	struct pci_host_bridge *host = dev->bus->host;
	struct resource *res = &dev->resource[i];
	resource_size_t size = resource_size(res), start, *cursor, end;
	int reg = PCI_BASE_ADDRESS_0 + 4 * i;
	u64 busaddr;

	if (res->flags & IORESOURCE_IO) {
		cursor = &a->io;
		end = a->io_end;
	} else {
		cursor = &a->mem;
		end = a->mem_end;
	}
	start = ALIGN(*cursor, size);
	if (start < *cursor || start + size - 1 > end || start + size - 1 < start) {
		pci_warn(dev, "no room for BAR %d (%#llx bytes)\n", i, (unsigned long long)size);
		res->flags = 0;
		return;
	}
	*cursor = start + size;
	res->start = start;
	res->end = start + size - 1;
	if (res->flags & IORESOURCE_IO) {
		busaddr = start - host->io_offset;
		pci_write_config_dword(dev, reg, (u32)busaddr);
	} else {
		busaddr = start - host->mem_offset;
		pci_write_config_dword(dev, reg, (u32)busaddr);
		if (res->flags & IORESOURCE_MEM_64)
			pci_write_config_dword(dev, reg + 4, (u32)(busaddr >> 32));
	}
}

/* Size (and with @a, assign) the @nr BARs of @dev. */
static void pci_setup_bars(struct pci_dev *dev, int nr, struct pci_alloc *a)
{
	u16 cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_write_config_word(dev, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (int i = 0; i < nr; ) {
		int n = pci_read_bar(dev, i);

		if (a && dev->resource[i].flags)
			pci_assign_bar(dev, i, a);
		i += n;
	}
	pci_write_config_word(dev, PCI_COMMAND, cmd);
}

u8 pci_swizzle_interrupt_pin(const struct pci_dev *dev, u8 pin)
{
	return (((pin - 1) + PCI_SLOT(dev->devfn)) % 4) + 1;
}

/* Route dev's INTx pin through the bridges to the host's map_irq(). */
static void pci_assign_irq(struct pci_dev *dev)
{
	struct pci_host_bridge *host = dev->bus->host;
	const struct pci_dev *d = dev;
	u8 pin = dev->pin;
	int irq;

	if (!pin || pin > 4 || !host->map_irq)
		return;
	while (d->bus->self) {
		pin = pci_swizzle_interrupt_pin(d, pin);
		d = d->bus->self;
	}
	irq = host->map_irq(d, PCI_SLOT(d->devfn), pin);
	if (irq > 0) {
		dev->irq = irq;
		pci_write_config_byte(dev, PCI_INTERRUPT_LINE, irq & 0xff);
	}
}

static struct pci_dev *pci_alloc_dev(struct pci_bus *bus, unsigned int devfn)
{
	struct pci_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	dev->bus = bus;
	dev->devfn = devfn;
	device_initialize(&dev->dev);
	dev->dev.bus = &pci_bus_type;
	dev->dev.parent = bus->self ? &bus->self->dev : NULL;
	dev->dev.release = pci_release_dev;
	if (dev_set_name(&dev->dev, "0000:%02x:%02x.%d", bus->number, PCI_SLOT(devfn),
			 PCI_FUNC(devfn))) {
		put_device(&dev->dev);
		return NULL;
	}
	list_add_tail(&dev->bus_list, &bus->devices);
	return dev;
}

static int pci_scan_bus(struct pci_bus *bus, struct pci_alloc *a);

/* Open bridge windows [base, end) on @dev, or close them when empty. */
static void pci_set_bridge_windows(struct pci_dev *dev, resource_size_t mem, resource_size_t mem_end,
				   resource_size_t io, resource_size_t io_end)
{
	struct pci_host_bridge *host = dev->bus->host;
	u64 m = mem - host->mem_offset, me = mem_end - host->mem_offset;
	u64 i = io - host->io_offset, ie = io_end - host->io_offset;

	if (mem_end > mem) {
		pci_write_config_word(dev, PCI_MEMORY_BASE, (m >> 16) & 0xfff0);
		pci_write_config_word(dev, PCI_MEMORY_LIMIT, ((me - 1) >> 16) & 0xfff0);
	} else {
		pci_write_config_word(dev, PCI_MEMORY_BASE, 0xfff0);
		pci_write_config_word(dev, PCI_MEMORY_LIMIT, 0);
	}
	if (io_end > io) {
		pci_write_config_byte(dev, PCI_IO_BASE, (i >> 8) & 0xf0);
		pci_write_config_byte(dev, PCI_IO_LIMIT, ((ie - 1) >> 8) & 0xf0);
	} else {
		pci_write_config_byte(dev, PCI_IO_BASE, 0xf0);
		pci_write_config_byte(dev, PCI_IO_LIMIT, 0);
	}
	pci_write_config_dword(dev, PCI_IO_BASE_UPPER16, 0);
	pci_write_config_word(dev, PCI_PREF_MEMORY_BASE, 0xfff0);
	pci_write_config_word(dev, PCI_PREF_MEMORY_LIMIT, 0);
	pci_write_config_dword(dev, PCI_PREF_BASE_UPPER32, 0);
	pci_write_config_dword(dev, PCI_PREF_LIMIT_UPPER32, 0);
}

/* The bus behind bridge @dev: numbered (with @a) or as firmware left it. */
static int pci_scan_bridge(struct pci_dev *dev, struct pci_alloc *a)
{
	struct pci_bus *bus = dev->bus, *child;
	struct pci_host_bridge *host = bus->host;
	resource_size_t mem = 0, io = 0;
	unsigned int busnr;
	u8 secondary, subordinate;
	int err;

	if (a) {
		busnr = bus->host->bus->busn_end + 1;
		if (busnr > host->busnr_end) {
			pci_warn(dev, "no bus number left for the bridge\n");
			return 0;
		}
		pci_write_config_byte(dev, PCI_PRIMARY_BUS, bus->number);
		pci_write_config_byte(dev, PCI_SECONDARY_BUS, busnr);
		pci_write_config_byte(dev, PCI_SUBORDINATE_BUS, host->busnr_end);
		a->mem = mem = ALIGN(a->mem, 1UL << 20);
		a->io = io = ALIGN(a->io, 1UL << 12);
	} else {
		pci_read_config_byte(dev, PCI_SECONDARY_BUS, &secondary);
		pci_read_config_byte(dev, PCI_SUBORDINATE_BUS, &subordinate);
		if (secondary <= bus->number || secondary > host->busnr_end) {
			pci_warn(dev, "bridge left unconfigured by the firmware\n");
			return 0;
		}
		busnr = secondary;
	}
	child = pci_alloc_bus(host, bus, dev, busnr);
	if (!child)
		return -ENOMEM;
	dev->subordinate = child;
	if (host->bus->busn_end < busnr)
		host->bus->busn_end = busnr;
	err = pci_scan_bus(child, a);
	if (err)
		return err;
	for (struct pci_bus *b = bus; b; b = b->parent)
		b->busn_end = max(b->busn_end, child->busn_end);
	if (a) {
		pci_write_config_byte(dev, PCI_SUBORDINATE_BUS, child->busn_end);
		a->mem = ALIGN(a->mem, 1UL << 20);
		a->io = ALIGN(a->io, 1UL << 12);
		pci_set_bridge_windows(dev, mem, a->mem, io, a->io);
		pci_write_config_word(dev, PCI_COMMAND,
				      PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
	}
	return 0;
}

/* Read one function's header; a bridge brings its bus along. */
static int pci_scan_function(struct pci_bus *bus, unsigned int devfn, u8 hdr,
			     struct pci_alloc *a)
{
	struct pci_dev *dev = pci_alloc_dev(bus, devfn);
	u32 class;

	if (!dev)
		return -ENOMEM;
	pci_read_config_word(dev, PCI_VENDOR_ID, &dev->vendor);
	pci_read_config_word(dev, PCI_DEVICE_ID, &dev->device);
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class);
	dev->revision = class & 0xff;
	dev->class = class >> 8;
	dev->hdr_type = hdr & PCI_HEADER_TYPE_MASK;
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID, &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID, &dev->subsystem_device);
		pci_setup_bars(dev, PCI_STD_NUM_BARS, a);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		pci_setup_bars(dev, 2, a);
		break;
	default:
		break;
	}
	pci_assign_irq(dev);
	pci_info(dev, "[%04x:%04x] type %02x class %#08x irq %u\n", dev->vendor, dev->device,
		 dev->hdr_type, dev->class, dev->irq);
	if (dev->hdr_type == PCI_HEADER_TYPE_BRIDGE)
		return pci_scan_bridge(dev, a);
	return 0;
}

static int pci_scan_bus(struct pci_bus *bus, struct pci_alloc *a)
{
	for (unsigned int devfn = 0; devfn < 256; devfn++) {
		u16 vendor;
		u8 hdr;
		int err;

		if (pci_bus_read_config_word(bus, devfn, PCI_VENDOR_ID, &vendor) ||
		    vendor == 0xffff || vendor == 0) {
			if (PCI_FUNC(devfn) == 0)
				devfn += 7;	/* no function 0: nothing in this slot */
			continue;
		}
		pci_bus_read_config_byte(bus, devfn, PCI_HEADER_TYPE, &hdr);
		err = pci_scan_function(bus, devfn, hdr, a);
		if (err)
			return err;
		if (PCI_FUNC(devfn) == 0 && !(hdr & PCI_HEADER_TYPE_MFD))
			devfn += 7;
	}
	return 0;
}

static void pci_bus_add_devices(struct pci_bus *bus)
{
	struct pci_bus *child;
	struct pci_dev *dev;

	list_for_each_entry(dev, &bus->devices, bus_list) {
		int err = device_add(&dev->dev);

		if (err)
			pci_warn(dev, "cannot add to the device model: %d\n", err);
	}
	list_for_each_entry(child, &bus->children, node)
		pci_bus_add_devices(child);
}

void pci_remove_root_bus(struct pci_bus *bus)
{
	struct pci_host_bridge *host = bus->host;

	mutex_lock(&pci_host_lock);
	list_del(&host->node);
	mutex_unlock(&pci_host_lock);
	pci_free_bus_tree(bus);
	host->bus = NULL;
}

int pci_host_probe(struct pci_host_bridge *host)
{
	struct pci_alloc alloc = {
		.mem = host->mem.start, .mem_end = host->mem.end,
		.io = host->io.start, .io_end = host->io.end,
	};
	int err;

	if (!host->mem.flags)
		alloc.mem_end = 0;
	if (!host->io.flags)
		alloc.io_end = 0;
	host->bus = pci_alloc_bus(host, NULL, NULL, host->busnr_start);
	if (!host->bus)
		return -ENOMEM;
	err = pci_scan_bus(host->bus, host->assign_resources ? &alloc : NULL);
	if (err) {
		pci_free_bus_tree(host->bus);
		host->bus = NULL;
		return err;
	}
	mutex_lock(&pci_host_lock);
	list_add_tail(&host->node, &pci_host_bridges);
	mutex_unlock(&pci_host_lock);
	pci_bus_add_devices(host->bus);
	return 0;
}
