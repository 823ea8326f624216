// SPDX-License-Identifier: GPL-2.0-only
/*
 * The platform bus: devices declared by board code, drivers matched by
 * name or id_table (<linux/platform_device.h>).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/platform_device.h>

static atomic_t platform_auto_id = ATOMIC_INIT(0);

static const struct platform_device_id *platform_match_id(const struct platform_device_id *id,
							  struct platform_device *pdev)
{
	for (; id->name[0]; id++)
		if (!strcmp(pdev->name, id->name))
			return id;
	return NULL;
}

static int platform_match(struct device *dev, const struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);
	const struct platform_driver *pdrv = to_platform_driver(drv);

	if (pdrv->id_table) {
		const struct platform_device_id *id = platform_match_id(pdrv->id_table, pdev);

		if (id) {
			pdev->id_entry = id;
			return 1;
		}
		return 0;
	}
	return !strcmp(pdev->name, drv->name);
}

static int platform_probe(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);

	return pdrv->probe ? pdrv->probe(to_platform_device(dev)) : 0;
}

static void platform_remove(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);

	if (pdrv->remove)
		pdrv->remove(to_platform_device(dev));
}

struct bus_type platform_bus_type = {
	.name = "platform",
	.match = platform_match,
	.probe = platform_probe,
	.remove = platform_remove,
};

int platform_device_add(struct platform_device *pdev)
{
	int err;

	if (!pdev->name)
		return -EINVAL;
	pdev->dev.bus = &platform_bus_type;
	if (pdev->id == PLATFORM_DEVID_NONE) {
		err = dev_set_name(&pdev->dev, "%s", pdev->name);
	} else if (pdev->id == PLATFORM_DEVID_AUTO) {
		pdev->id = atomic_inc_return(&platform_auto_id) - 1;
		pdev->id_auto = true;
		err = dev_set_name(&pdev->dev, "%s.%d.auto", pdev->name, pdev->id);
	} else {
		err = dev_set_name(&pdev->dev, "%s.%d", pdev->name, pdev->id);
	}
	if (err)
		return err;
	err = device_add(&pdev->dev);
	if (err && pdev->id_auto) {
		pdev->id = PLATFORM_DEVID_AUTO;
		pdev->id_auto = false;
	}
	return err;
}

int platform_device_register(struct platform_device *pdev)
{
	device_initialize(&pdev->dev);
	return platform_device_add(pdev);
}

void platform_device_del(struct platform_device *pdev)
{
	device_del(&pdev->dev);
	if (pdev->id_auto) {
		pdev->id = PLATFORM_DEVID_AUTO;
		pdev->id_auto = false;
	}
}

void platform_device_put(struct platform_device *pdev)
{
	if (pdev)
		put_device(&pdev->dev);
}

void platform_device_unregister(struct platform_device *pdev)
{
	platform_device_del(pdev);
	platform_device_put(pdev);
}

/* A platform_device_alloc() device: the name is stored after it. */
struct platform_object {
	struct platform_device pdev;
	char name[];
};

static void platform_device_release(struct device *dev)
{
	struct platform_object *pa = container_of(to_platform_device(dev),
						  struct platform_object, pdev);

	kfree(pa->pdev.dev.platform_data);
	kfree(pa->pdev.resource);
	kfree(pa);
}

struct platform_device *platform_device_alloc(const char *name, int id)
{
	struct platform_object *pa = kzalloc(sizeof(*pa) + strlen(name) + 1, GFP_KERNEL);

	if (!pa)
		return NULL;
	strcpy(pa->name, name);
	pa->pdev.name = pa->name;
	pa->pdev.id = id;
	device_initialize(&pa->pdev.dev);
	pa->pdev.dev.release = platform_device_release;
	return &pa->pdev;
}

int platform_device_add_resources(struct platform_device *pdev,
				  const struct resource *res, unsigned int num)
{
	struct resource *r = NULL;

	if (res && num) {
		r = kmemdup(res, sizeof(*res) * num, GFP_KERNEL);
		if (!r)
			return -ENOMEM;
	}
	kfree(pdev->resource);
	pdev->resource = r;
	pdev->num_resources = r ? num : 0;
	return 0;
}

int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size)
{
	void *d = NULL;

	if (data) {
		d = kmemdup(data, size, GFP_KERNEL);
		if (!d)
			return -ENOMEM;
	}
	kfree(pdev->dev.platform_data);
	pdev->dev.platform_data = d;
	return 0;
}

struct platform_device *platform_device_register_simple(const char *name, int id,
							const struct resource *res,
							unsigned int num)
{
	struct platform_device *pdev = platform_device_alloc(name, id);
	int err;

	if (!pdev)
		return ERR_PTR(-ENOMEM);
	err = platform_device_add_resources(pdev, res, num);
	if (!err)
		err = platform_device_add(pdev);
	if (err) {
		platform_device_put(pdev);
		return ERR_PTR(err);
	}
	return pdev;
}

int platform_driver_register(struct platform_driver *drv)
{
	drv->driver.bus = &platform_bus_type;
	return driver_register(&drv->driver);
}

void platform_driver_unregister(struct platform_driver *drv)
{
	driver_unregister(&drv->driver);
}

struct resource *platform_get_resource(struct platform_device *pdev,
				       unsigned int type, unsigned int num)
{
	for (u32 i = 0; i < pdev->num_resources; i++) {
		struct resource *r = &pdev->resource[i];

		if (resource_type(r) == type && num-- == 0)
			return r;
	}
	return NULL;
}

int platform_get_irq(struct platform_device *pdev, unsigned int num)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_IRQ, num);

	return r ? (int)r->start : -ENXIO;
}

static int __init platform_bus_init(void)
{
	return bus_register(&platform_bus_type);
}
core_initcall(platform_bus_init);
