/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI: host bridges, buses, devices and their drivers, with Linux's names.
 *
 * A host bridge driver (drivers/pci/controller/pci-host-generic.c for a
 * device tree's ECAM window, arch/x86_64/pci/ for the PC's 0xCF8 ports)
 * fills a struct pci_host_bridge: its config space accessors (pci_ops),
 * its windows, whether BARs still need addresses, and how INTx pins reach
 * the interrupt controller. pci_host_probe() then scans every bus under
 * it (numbering the buses behind PCI-to-PCI bridges and opening their
 * windows where no firmware did), gives each BAR an address, routes each
 * device's INTx pin to an IRQ, and adds each function to the device model
 * as "0000:BB:DD.F" on pci_bus_type, where pci_driver binds by ID table.
 *
 * Config space accessors take a spinlock and never sleep; everything else
 * here may sleep and allocate unless its comment says otherwise.
 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/mod_devicetable.h>
#include <linux/compiler_types.h>
#include <linux/pci_regs.h>
#include <linux/init.h>

/* devfn: device (slot) number in bits 7:3, function in bits 2:0. */
#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

/* Config accessor results (Linux's; pcibios_err_to_errno() maps them). */
#define PCIBIOS_SUCCESSFUL		0x00
#define PCIBIOS_DEVICE_NOT_FOUND	0x86
#define PCIBIOS_BAD_REGISTER_NUMBER	0x87

struct pci_bus;
struct pci_dev;

/*
 * struct pci_ops - a host bridge's config space access. @where is a byte
 * offset below 256, aligned to @size (1, 2 or 4). read() stores the value
 * (all ones where nothing answers) and returns a PCIBIOS_* code. Called
 * with pci_lock held and interrupts off: must not sleep. A host whose
 * configuration space is memory gives map_bus(), the address of @where
 * (NULL: nothing there), and pci_generic_config_read/write() as read and
 * write.
 */
struct pci_ops {
	int (*read)(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val);
	int (*write)(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 val);
	void __iomem *(*map_bus)(struct pci_bus *bus, unsigned int devfn, int where);
};

/* pci_ops read and write through the host's map_bus() (see above). */
int pci_generic_config_read(struct pci_bus *bus, unsigned int devfn, int where, int size,
			    u32 *val);
int pci_generic_config_write(struct pci_bus *bus, unsigned int devfn, int where, int size,
			     u32 val);

/*
 * struct pci_host_bridge - one PCI domain's root. Windows are CPU
 * (physical) addresses; @mem_offset and @io_offset are CPU address minus
 * PCI bus address (what the device tree's "ranges" say). With
 * @assign_resources, every BAR and bridge window is (re)assigned from the
 * windows; without, the firmware's addresses are kept. map_irq(), if set,
 * gives the IRQ for INTx @pin (1-4) of the root-bus device in @slot, after
 * swizzling through bridges; 0 means none.
 */
struct pci_host_bridge {
	struct pci_ops *ops;
	void *sysdata;			/* the host driver's own data */
	unsigned int busnr_start, busnr_end;
	struct resource mem;		/* IORESOURCE_MEM window, flags 0 if none */
	struct resource io;		/* IORESOURCE_IO window, flags 0 if none */
	resource_size_t mem_offset, io_offset;
	bool assign_resources;
	int (*map_irq)(const struct pci_dev *dev, u8 slot, u8 pin);
	/* Set by pci_host_probe(): */
	struct pci_bus *bus;		/* the root bus */
	struct list_head node;		/* in the list of host bridges */
};

/* struct pci_bus - a bus: the root one of a host bridge, or behind a bridge. */
struct pci_bus {
	struct pci_host_bridge *host;
	struct pci_bus *parent;		/* NULL for the root bus */
	struct pci_dev *self;		/* the bridge leading here; NULL for the root */
	struct list_head devices;	/* its pci_devs, by bus_list */
	struct list_head node;		/* in the parent's children, or the host's root */
	struct list_head children;	/* buses behind bridges on this bus */
	unsigned int number;		/* bus number */
	unsigned int busn_end;		/* highest bus number below it */
};

/* BARs of a normal header, then the "resource" of a bridge's windows. */
#define PCI_NUM_RESOURCES PCI_STD_NUM_BARS

/* Resource flags beyond IORESOURCE_IO/MEM (Linux's values). */
#define IORESOURCE_PREFETCH	0x00002000
#define IORESOURCE_MEM_64	0x00100000

/*
 * struct pci_dev - one PCI function. resource[i] is BAR i in CPU
 * addresses (flags 0 when the BAR is unimplemented; the upper half of a
 * 64-bit BAR is flags 0 too); irq is the routed INTx line (0: none).
 */
struct pci_dev {
	struct list_head bus_list;	/* in bus->devices */
	struct pci_bus *bus;
	struct pci_bus *subordinate;	/* for a bridge: the bus behind it */
	unsigned int devfn;
	unsigned short vendor, device;
	unsigned short subsystem_vendor, subsystem_device;
	unsigned int class;		/* base << 16 | sub << 8 | prog-if */
	u8 revision;
	u8 hdr_type;			/* PCI_HEADER_TYPE_* without the MFD bit */
	u8 pin;				/* INTx pin, 1-4, 0 none */
	unsigned int irq;
	struct resource resource[PCI_NUM_RESOURCES];
	struct device dev;
	unsigned int enable_cnt;	/* pci_enable_device() nesting */
	bool is_busmaster;
};

#define to_pci_dev(d) container_of((d), struct pci_dev, dev)

#define PCI_DEVICE(vend, dev)						\
	.vendor = (vend), .device = (dev),				\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

/*
 * struct pci_driver - binds to the functions its id_table matches. probe()
 * gets the matching entry and returns 0 or -errno (the device stays
 * unbound); remove() undoes probe(). Both run under the PCI bus's mutex.
 */
struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	struct device_driver driver;
};

#define to_pci_driver(drv) container_of((drv), struct pci_driver, driver)

extern struct bus_type pci_bus_type;

/*
 * pci_register_driver() - register @drv (its name becomes driver.name)
 * and probe every matching unbound function. Returns 0 or -errno (see
 * driver_register()). pci_unregister_driver() removes it from each.
 */
int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);

/* pci_match_id() - the entry of @ids matching @dev, or NULL. Never sleeps. */
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);

/*
 * Config space of a function: @where below 256, aligned to the access
 * size. Return 0, -EINVAL (bad offset or alignment) or -ENODEV; a failed
 * read stores all ones. Any context: never sleep.
 */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

/* The same by bus and devfn, for enumeration (returns PCIBIOS_* codes). */
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 val);

/* pcibios_err_to_errno() - a PCIBIOS_* code as 0 or -errno. */
int pcibios_err_to_errno(int err);

/*
 * pci_host_probe() - scan everything under @bridge (filled in as its
 * comment says), assign and route as described at the top, and add the
 * functions to the device model (probing their drivers). Returns 0 or
 * -ENOMEM; on failure nothing of the scan is left. Process context.
 */
int pci_host_probe(struct pci_host_bridge *bridge);

/*
 * pci_remove_root_bus() - undo pci_host_probe() of the host whose root bus
 * is @bus: unbind and remove every function, free the buses. The host
 * bridge itself stays the caller's. Process context.
 */
void pci_remove_root_bus(struct pci_bus *bus);

/*
 * pci_get_device() - the next function after @from (NULL: the first) with
 * @vendor and @device (PCI_ANY_ID matches all), with a reference taken;
 * the reference on @from is dropped. NULL at the end. Drop the result's
 * reference with pci_dev_put() (or by passing it back as @from).
 */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from);
void pci_dev_put(struct pci_dev *dev);

/*
 * pci_enable_device() - turn on the I/O and memory decoding the function's
 * BARs need. Counted: each call needs a pci_disable_device(), and the last
 * one turns decoding (and bus mastering) off. Returns 0 or -errno.
 */
int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);

/* pci_set_master()/pci_clear_master() - allow/forbid DMA by the function. */
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);

/* Resource @bar of @dev: start (CPU address), length (0: none), flags. */
#define pci_resource_start(dev, bar)	((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)	((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar)	((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar)					\
	((dev)->resource[(bar)].flags ? resource_size(&(dev)->resource[(bar)]) : 0)

/*
 * pci_iomap() - map the first @maxlen bytes (0: all) of memory BAR @bar.
 * Returns the mapping or NULL (no such BAR, an I/O BAR, out of memory).
 * Undo with pci_iounmap(). May sleep.
 */
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);

/*
 * pci_find_capability() - offset of the first capability with ID @cap
 * (PCI_CAP_ID_*), 0 if none. pci_find_next_capability() continues after
 * the one at @pos. Never sleep.
 */
u8 pci_find_capability(struct pci_dev *dev, int cap);
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);

/* Swizzle INTx @pin of @dev to the pin its parent bridge sees (1-4). */
u8 pci_swizzle_interrupt_pin(const struct pci_dev *dev, u8 pin);

/* Register a PCI driver at device_initcall time, unregister at exit. */
#define module_pci_driver(__drv)					\
	static int __init __drv##_init(void)				\
	{								\
		return pci_register_driver(&(__drv));			\
	}								\
	module_init(__drv##_init);					\
	static void __drv##_exit(void)					\
	{								\
		pci_unregister_driver(&(__drv));			\
	}								\
	module_exit(__drv##_exit)

#define pci_err(pdev, fmt, ...) dev_err(&(pdev)->dev, fmt, ##__VA_ARGS__)
#define pci_warn(pdev, fmt, ...) dev_warn(&(pdev)->dev, fmt, ##__VA_ARGS__)
#define pci_info(pdev, fmt, ...) dev_info(&(pdev)->dev, fmt, ##__VA_ARGS__)
#define pci_dbg(pdev, fmt, ...) dev_dbg(&(pdev)->dev, fmt, ##__VA_ARGS__)

static inline const char *pci_name(const struct pci_dev *pdev)
{
	return dev_name(&pdev->dev);
}

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#endif /* _LINUX_PCI_H */
