// SPDX-License-Identifier: GPL-2.0-only
/*
 * struct device: naming, reference counting, adding and removing, and
 * class devices with their /dev nodes (device_create/device_destroy).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/device.h>
#include "base.h"

/* Protects every class's device list. */
static DEFINE_MUTEX(class_lock);

static int dev_vset_name(struct device *dev, const char *fmt, va_list args)
{
	va_list copy;
	char *name;
	int len;

	va_copy(copy, args);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	name = kmalloc(len + 1, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	vsnprintf(name, len + 1, fmt, args);
	kfree(dev->name);
	dev->name = name;
	return 0;
}

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list args;
	int err;

	va_start(args, fmt);
	err = dev_vset_name(dev, fmt, args);
	va_end(args);
	return err;
}

const char *dev_driver_string(const struct device *dev)
{
	struct device_driver *drv = READ_ONCE(dev->driver);

	if (drv)
		return drv->name;
	if (dev->bus)
		return dev->bus->name;
	if (dev->class)
		return dev->class->name;
	return "";
}

void device_initialize(struct device *dev)
{
	refcount_set(&dev->refcount, 1);
	INIT_LIST_HEAD(&dev->bus_node);
	INIT_LIST_HEAD(&dev->class_node);
	INIT_LIST_HEAD(&dev->devres_head);
	spin_lock_init(&dev->devres_lock);
	dev->added = false;
}

struct device *get_device(struct device *dev)
{
	if (dev)
		refcount_inc(&dev->refcount);
	return dev;
}

void put_device(struct device *dev)
{
	char *name;

	if (!dev || !refcount_dec_and_test(&dev->refcount))
		return;
	name = dev->name;
	dev->name = NULL;
	if (dev->release)
		dev->release(dev);	/* may free dev */
	kfree(name);
}

int device_add(struct device *dev)
{
	int err;

	if (!dev->name && dev->init_name) {
		err = dev_set_name(dev, "%s", dev->init_name);
		if (err)
			return err;
	}
	if (!dev_name(dev)[0])
		return -EINVAL;
	if (dev->class && !dev->class->registered)
		return -EINVAL;
	get_device(dev->parent);
	if (dev->devt) {
		err = devtmpfs_create_node(dev);
		if (err)
			goto out_parent;
	}
	if (dev->class) {
		mutex_lock(&class_lock);
		list_add_tail(&dev->class_node, &dev->class->devices);
		mutex_unlock(&class_lock);
	}
	dev->added = true;
	if (dev->bus) {
		err = bus_add_device(dev);	/* probes */
		if (err)
			goto out_class;
	}
	return 0;
out_class:
	dev->added = false;
	if (dev->class) {
		mutex_lock(&class_lock);
		list_del_init(&dev->class_node);
		mutex_unlock(&class_lock);
	}
	if (dev->devt)
		devtmpfs_delete_node(dev);
out_parent:
	put_device(dev->parent);
	return err;
}

int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

void device_del(struct device *dev)
{
	if (WARN_ON(!dev->added))
		return;
	if (dev->bus)
		bus_remove_device(dev);		/* removes the driver first */
	if (dev->class) {
		mutex_lock(&class_lock);
		list_del_init(&dev->class_node);
		mutex_unlock(&class_lock);
	}
	if (dev->devt)
		devtmpfs_delete_node(dev);
	dev->added = false;
	put_device(dev->parent);
}

void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

static void device_create_release(struct device *dev)
{
	kfree(dev);
}

struct device *device_create(struct class *cls, struct device *parent, dev_t devt,
			     void *drvdata, const char *fmt, ...)
{
	struct device *dev;
	va_list args;
	int err;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	device_initialize(dev);
	dev->class = cls;
	dev->parent = parent;
	dev->devt = devt;
	dev->driver_data = drvdata;
	dev->release = device_create_release;

	va_start(args, fmt);
	err = dev_vset_name(dev, fmt, args);
	va_end(args);
	if (!err)
		err = device_add(dev);
	if (err) {
		put_device(dev);
		return ERR_PTR(err);
	}
	return dev;
}

void device_destroy(struct class *cls, dev_t devt)
{
	struct device *dev, *found = NULL;

	mutex_lock(&class_lock);
	list_for_each_entry(dev, &cls->devices, class_node) {
		if (dev->devt == devt) {
			found = get_device(dev);
			break;
		}
	}
	mutex_unlock(&class_lock);
	if (found) {
		device_unregister(found);
		put_device(found);
	}
}

int class_register(struct class *cls)
{
	if (!cls->name)
		return -EINVAL;
	INIT_LIST_HEAD(&cls->devices);
	cls->registered = true;
	return 0;
}

void class_unregister(struct class *cls)
{
	WARN_ON(!list_empty(&cls->devices));
	cls->registered = false;
}
