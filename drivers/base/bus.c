// SPDX-License-Identifier: GPL-2.0-only
/*
 * Buses and drivers: registration and binding. Binding runs under the
 * bus's mutex: match, then probe (bus->probe or drv->probe); unbinding
 * calls remove the same way. See <linux/device.h> for the rules.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/device.h>
#include "base.h"

int bus_register(struct bus_type *bus)
{
	if (!bus->name)
		return -EINVAL;
	INIT_LIST_HEAD(&bus->devices);
	INIT_LIST_HEAD(&bus->drivers);
	mutex_init(&bus->lock);
	bus->registered = true;
	return 0;
}

void bus_unregister(struct bus_type *bus)
{
	WARN_ON(!list_empty(&bus->devices) || !list_empty(&bus->drivers));
	bus->registered = false;
}

static bool driver_match_device(struct device_driver *drv, struct device *dev)
{
	return !drv->bus->match || drv->bus->match(dev, drv);
}

/* Try to bind @dev to @drv; bus lock held. Returns 0 if bound. */
static int really_probe(struct device *dev, struct device_driver *drv)
{
	struct bus_type *bus = dev->bus;
	int ret = 0;

	WRITE_ONCE(dev->driver, drv);
	if (bus->probe)
		ret = bus->probe(dev);
	else if (drv->probe)
		ret = drv->probe(dev);
	if (ret) {
		devres_release_all(dev);
		WRITE_ONCE(dev->driver, NULL);
		dev_set_drvdata(dev, NULL);
		if (ret != -ENODEV && ret != -ENXIO)
			pr_warn("%s %s: probe failed with error %d\n", drv->name,
				dev_name(dev), ret);
	}
	return ret;
}

/* Unbind @dev from its driver; bus lock held. */
static void device_release_driver_locked(struct device *dev)
{
	struct device_driver *drv = dev->driver;

	if (!drv)
		return;
	if (dev->bus->remove)
		dev->bus->remove(dev);
	else if (drv->remove)
		drv->remove(dev);
	devres_release_all(dev);
	WRITE_ONCE(dev->driver, NULL);
	dev_set_drvdata(dev, NULL);
}

/* Bind @dev to the first driver that matches and probes it; bus lock held. */
static bool device_attach_locked(struct device *dev)
{
	struct device_driver *drv;

	list_for_each_entry(drv, &dev->bus->drivers, bus_node) {
		if (driver_match_device(drv, dev) && !really_probe(dev, drv))
			return true;
	}
	return false;
}

int bus_add_device(struct device *dev)
{
	struct bus_type *bus = dev->bus;

	if (WARN_ON(!bus->registered))
		return -EINVAL;
	mutex_lock(&bus->lock);
	list_add_tail(&dev->bus_node, &bus->devices);
	device_attach_locked(dev);
	mutex_unlock(&bus->lock);
	return 0;
}

int device_attach(struct device *dev)
{
	bool bound;

	if (!dev->bus)
		return -EINVAL;
	mutex_lock(&dev->bus->lock);
	bound = dev->driver || device_attach_locked(dev);
	mutex_unlock(&dev->bus->lock);
	return bound;
}

void device_release_driver(struct device *dev)
{
	if (!dev->bus)
		return;
	mutex_lock(&dev->bus->lock);
	device_release_driver_locked(dev);
	mutex_unlock(&dev->bus->lock);
}

void bus_remove_device(struct device *dev)
{
	struct bus_type *bus = dev->bus;

	mutex_lock(&bus->lock);
	device_release_driver_locked(dev);
	list_del_init(&dev->bus_node);
	mutex_unlock(&bus->lock);
}

int driver_register(struct device_driver *drv)
{
	struct bus_type *bus = drv->bus;
	struct device_driver *other;
	struct device *dev;
	int err = 0;

	if (!bus || !bus->registered || !drv->name)
		return -EINVAL;
	mutex_lock(&bus->lock);
	list_for_each_entry(other, &bus->drivers, bus_node) {
		if (!strcmp(other->name, drv->name)) {
			err = -EBUSY;
			goto out;
		}
	}
	list_add_tail(&drv->bus_node, &bus->drivers);
	list_for_each_entry(dev, &bus->devices, bus_node) {
		if (!dev->driver && driver_match_device(drv, dev))
			really_probe(dev, drv);
	}
out:
	mutex_unlock(&bus->lock);
	return err;
}

void driver_unregister(struct device_driver *drv)
{
	struct bus_type *bus = drv->bus;
	struct device *dev;

	if (WARN_ON(!bus || !bus->registered))
		return;
	mutex_lock(&bus->lock);
	list_for_each_entry(dev, &bus->devices, bus_node) {
		if (dev->driver == drv)
			device_release_driver_locked(dev);
	}
	list_del_init(&drv->bus_node);
	mutex_unlock(&bus->lock);
}

int device_match_name(struct device *dev, const void *name)
{
	return !strcmp(dev_name(dev), name);
}

struct device *bus_find_device(struct bus_type *bus, struct device *start,
			       const void *data, device_match_t match)
{
	struct device *dev, *found = NULL;
	bool started = !start;

	if (!bus || !bus->registered)
		return NULL;
	mutex_lock(&bus->lock);
	list_for_each_entry(dev, &bus->devices, bus_node) {
		if (!started) {
			started = dev == start;
			continue;
		}
		if (match(dev, data)) {
			found = get_device(dev);
			break;
		}
	}
	mutex_unlock(&bus->lock);
	return found;
}
