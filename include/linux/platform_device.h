/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The platform bus: devices that are simply "there" on the machine (board
 * code declares them) rather than found by probing a bus. A platform
 * driver binds to a device by name: an entry of its id_table, or else its
 * driver.name, equal to the device's name. See <linux/device.h> for the
 * binding rules (probe on whichever registers second, remove on
 * unregister) and locking.
 */
#ifndef _LINUX_PLATFORM_DEVICE_H
#define _LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/mod_devicetable.h>
#include <linux/init.h>

#define PLATFORM_DEVID_NONE	(-1)	/* the device is named "name" */
#define PLATFORM_DEVID_AUTO	(-2)	/* "name.N.auto", N chosen at add */

struct platform_device {
	const char *name;
	int id;
	bool id_auto;
	struct device dev;
	u32 num_resources;
	struct resource *resource;
	const struct platform_device_id *id_entry;	/* the id_table entry matched */
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)

struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	void (*remove)(struct platform_device *pdev);
	struct device_driver driver;	/* set .name */
	const struct platform_device_id *id_table;
};

#define to_platform_driver(drv) container_of((drv), struct platform_driver, driver)

extern struct bus_type platform_bus_type;

/*
 * platform_device_register() - add the caller-owned @pdev (static or
 * embedded; dev.release may stay NULL) to the platform bus, probing a
 * matching driver. Returns 0 or -errno (see device_add()).
 */
int platform_device_register(struct platform_device *pdev);

/* platform_device_unregister() - remove @pdev (driver's remove first). */
void platform_device_unregister(struct platform_device *pdev);

/*
 * platform_device_alloc() - a new device named @name with @id, to fill in
 * (platform_device_add_resources/_data) and then platform_device_add().
 * Freed by the last platform_device_put(). NULL on -ENOMEM.
 */
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add_resources(struct platform_device *pdev,
				  const struct resource *res, unsigned int num);
int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);

/*
 * platform_device_register_simple() - alloc, copy @num resources, add.
 * Returns the device or ERR_PTR(); undo with platform_device_unregister().
 */
struct platform_device *platform_device_register_simple(const char *name, int id,
							const struct resource *res,
							unsigned int num);

/*
 * platform_driver_register() - register @drv and probe every unbound
 * matching device. Returns 0 or -errno (see driver_register()).
 */
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);

/* The @num-th resource of @type (IORESOURCE_MEM...), or NULL. Never sleeps. */
struct resource *platform_get_resource(struct platform_device *pdev,
				       unsigned int type, unsigned int num);

/* The @num-th IRQ resource's number, or -ENXIO. Never sleeps. */
int platform_get_irq(struct platform_device *pdev, unsigned int num);

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

/* Register a platform driver at device_initcall time, unregister at exit. */
#define module_platform_driver(__drv)					\
	static int __init __drv##_init(void)				\
	{								\
		return platform_driver_register(&(__drv));		\
	}								\
	module_init(__drv##_init);					\
	static void __drv##_exit(void)					\
	{								\
		platform_driver_unregister(&(__drv));			\
	}								\
	module_exit(__drv##_exit)

#define builtin_platform_driver(__drv)					\
	static int __init __drv##_init(void)				\
	{								\
		return platform_driver_register(&(__drv));		\
	}								\
	device_initcall(__drv##_init)

#endif /* _LINUX_PLATFORM_DEVICE_H */
