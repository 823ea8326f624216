// SPDX-License-Identifier: GPL-2.0-only
/*
 * The PCI bus type: a pci_driver binds to a function its id_table matches
 * (<linux/pci.h>); the device model does the rest (<linux/device.h>).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/pci.h>

static bool pci_id_matches(const struct pci_device_id *id, const struct pci_dev *dev)
{
	return (id->vendor == PCI_ANY_ID || id->vendor == dev->vendor) &&
	       (id->device == PCI_ANY_ID || id->device == dev->device) &&
	       (id->subvendor == PCI_ANY_ID || id->subvendor == dev->subsystem_vendor) &&
	       (id->subdevice == PCI_ANY_ID || id->subdevice == dev->subsystem_device) &&
	       !((id->class ^ dev->class) & id->class_mask);
}

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev)
{
	for (; ids && (ids->vendor || ids->subvendor || ids->class_mask); ids++)
		if (pci_id_matches(ids, dev))
			return ids;
	return NULL;
}

static int pci_bus_match(struct device *dev, const struct device_driver *drv)
{
	return pci_match_id(to_pci_driver(drv)->id_table, to_pci_dev(dev)) != NULL;
}

static int pci_device_probe(struct device *dev)
{
	struct pci_driver *drv = to_pci_driver(dev->driver);
	struct pci_dev *pdev = to_pci_dev(dev);
	const struct pci_device_id *id = pci_match_id(drv->id_table, pdev);

	if (!id || !drv->probe)
		return -ENODEV;
	return drv->probe(pdev, id);
}

static void pci_device_remove(struct device *dev)
{
	struct pci_driver *drv = to_pci_driver(dev->driver);

	if (drv->remove)
		drv->remove(to_pci_dev(dev));
}

struct bus_type pci_bus_type = {
	.name = "pci",
	.match = pci_bus_match,
	.probe = pci_device_probe,
	.remove = pci_device_remove,
};

int pci_register_driver(struct pci_driver *drv)
{
	drv->driver.name = drv->name;
	drv->driver.bus = &pci_bus_type;
	return driver_register(&drv->driver);
}

void pci_unregister_driver(struct pci_driver *drv)
{
	driver_unregister(&drv->driver);
}

static int pci_device_match_id(struct device *dev, const void *data)
{
	const unsigned int *id = data;
	struct pci_dev *pdev = to_pci_dev(dev);

	return (id[0] == PCI_ANY_ID || id[0] == pdev->vendor) &&
	       (id[1] == PCI_ANY_ID || id[1] == pdev->device);
}

struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from)
{
	const unsigned int id[2] = { vendor, device };
	struct device *dev;

	dev = bus_find_device(&pci_bus_type, from ? &from->dev : NULL, id, pci_device_match_id);
	pci_dev_put(from);
	return dev ? to_pci_dev(dev) : NULL;
}

void pci_dev_put(struct pci_dev *dev)
{
	if (dev)
		put_device(&dev->dev);
}

static int __init pci_driver_init(void)
{
	return bus_register(&pci_bus_type);
}
core_initcall(pci_driver_init);
