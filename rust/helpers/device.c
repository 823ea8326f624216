// SPDX-License-Identifier: GPL-2.0-only
#include <linux/device.h>
#include <linux/platform_device.h>

const char *rust_helper_dev_name(const struct device *dev);
const char *rust_helper_dev_name(const struct device *dev)
{
	return dev_name(dev);
}

void *rust_helper_dev_get_drvdata(const struct device *dev);
void *rust_helper_dev_get_drvdata(const struct device *dev)
{
	return dev_get_drvdata(dev);
}

void rust_helper_dev_set_drvdata(struct device *dev, void *data);
void rust_helper_dev_set_drvdata(struct device *dev, void *data)
{
	dev_set_drvdata(dev, data);
}

struct device *rust_helper_bus_find_device_by_name(struct bus_type *bus, struct device *start,
						   const char *name);
struct device *rust_helper_bus_find_device_by_name(struct bus_type *bus, struct device *start,
						   const char *name)
{
	return bus_find_device_by_name(bus, start, name);
}
