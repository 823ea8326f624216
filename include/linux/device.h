/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The device model, reduced to what drivers need today: devices on buses,
 * drivers that bind to them (match, then probe; remove on unbind), classes
 * of devices that have a node in /dev (devtmpfs), and reference counts.
 * Names and meanings are Linux's; there is no sysfs, no kobject, no
 * deferred or asynchronous probe, no power management yet.
 *
 * Binding: device_add() of a bus device probes it against every driver of
 * its bus, and driver_register() probes every unbound device of its bus,
 * so probe happens for whichever of the two comes second. A probe that
 * returns an error leaves the device unbound (-ENODEV/-ENXIO silently).
 * device_del() and driver_unregister() call remove on bound devices.
 *
 * Locking: each bus has a mutex held across match, probe and remove, so a
 * probe or remove must not register or unregister devices or drivers of
 * its own bus (other buses, classes and misc devices are fine).
 *
 * Unless said otherwise, functions here may sleep and allocate; process
 * context only.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/kdev_t.h>

struct device;
struct device_driver;

/*
 * struct bus_type - a kind of bus. match() says whether a driver can drive
 * a device (non-zero: yes); probe()/remove(), if set, are called instead of
 * the driver's (buses use them to call their own driver type).
 */
struct bus_type {
	const char *name;
	int (*match)(struct device *dev, const struct device_driver *drv);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	/* Private to drivers/base: */
	struct list_head devices;
	struct list_head drivers;
	struct mutex lock;
	bool registered;
};

/* struct device_driver - the bus-independent part of a driver. */
struct device_driver {
	const char *name;
	struct bus_type *bus;
	int (*probe)(struct device *dev);
	int (*remove)(struct device *dev);
	struct list_head bus_node;	/* private */
};

/*
 * struct class - devices of one kind with a node in /dev. devnode(), if
 * set, may choose the node's name (return a kmalloc'd string, or NULL for
 * dev_name()) and mode (*mode, 0600 by default).
 */
struct class {
	const char *name;
	char *(*devnode)(const struct device *dev, umode_t *mode);
	struct list_head devices;	/* private */
	bool registered;		/* private */
};

struct device {
	struct device *parent;
	const char *init_name;		/* initial name, if dev_set_name() is not used */
	struct bus_type *bus;
	struct device_driver *driver;	/* the bound driver, or NULL */
	void *platform_data;		/* board data for the driver */
	void *driver_data;		/* dev_set_drvdata() */
	dev_t devt;			/* non-zero: a /dev node is made */
	struct class *class;
	void (*release)(struct device *dev);	/* frees the device at the last put */
	/* Private to drivers/base: */
	char *name;
	char *devtmpfs_path;		/* its node's name in devtmpfs, while it exists */
	refcount_t refcount;
	struct list_head bus_node;
	struct list_head class_node;
	struct list_head devres_head;	/* devm actions of the bound driver */
	spinlock_t devres_lock;
	bool added;
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->name ? dev->name : dev->init_name ? dev->init_name : "";
}

/*
 * dev_set_name() - name @dev from a printf format (before device_add()).
 * Returns 0 or -ENOMEM.
 */
__printf(2, 3) int dev_set_name(struct device *dev, const char *fmt, ...);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

/* The bound driver's name, else the bus's or class's name, else "". */
const char *dev_driver_string(const struct device *dev);

/*
 * device_initialize() - prepare @dev (zeroed or with its fields set) for
 * device_add(); it then holds one reference, dropped by put_device().
 * Never sleeps.
 */
void device_initialize(struct device *dev);

/*
 * device_add() - make @dev visible: on its bus (then probe it), in its
 * class, and as /dev/<name> when devt is set. Returns 0 or -errno: -EINVAL
 * (no name, or bus not registered), -EEXIST (node name taken), -ENOMEM.
 * On failure, undo with put_device().
 */
int device_add(struct device *dev);

/* device_register() - device_initialize() then device_add(). */
int device_register(struct device *dev);

/* device_del() - undo device_add(): remove the driver, the node, the links. */
void device_del(struct device *dev);

/* device_unregister() - device_del() then put_device(). */
void device_unregister(struct device *dev);

/* get_device()/put_device() - reference counting; the last put releases. */
struct device *get_device(struct device *dev);
void put_device(struct device *dev);

/*
 * device_create() - create and add a class device with node number @devt
 * (0: no node), driver data @drvdata and a printf name. Returns the device
 * or ERR_PTR(). Undo with device_destroy(). @cls may be NULL (a device of
 * no class, still with its node); undo that one with device_unregister()
 * of the returned device. Allocates and may sleep.
 */
__printf(5, 6) struct device *device_create(struct class *cls, struct device *parent,
					    dev_t devt, void *drvdata,
					    const char *fmt, ...);

/* device_destroy() - unregister the device of @cls with number @devt. */
void device_destroy(struct class *cls, dev_t devt);

/* class_register()/class_unregister() - a class must be registered before use. */
int class_register(struct class *cls);
void class_unregister(struct class *cls);

/* bus_register()/bus_unregister() - a bus must be registered before use. */
int bus_register(struct bus_type *bus);
void bus_unregister(struct bus_type *bus);

/*
 * driver_register() - add @drv to its bus and probe the bus's unbound
 * devices that match. Returns 0, -EINVAL (no bus), -EBUSY (name taken on
 * the bus). Probe failures are not errors here.
 */
int driver_register(struct device_driver *drv);

/* driver_unregister() - remove @drv from every bound device, then the bus. */
void driver_unregister(struct device_driver *drv);

/*
 * device_release_driver() - unbind @dev from its driver, if any (the
 * driver's remove runs). device_attach() - bind @dev to the first driver
 * of its bus that matches and probes it: returns 1 if @dev is bound
 * (already, or now), 0 if no driver took it, -EINVAL if it is on no bus.
 * Both take the bus's mutex (not from a probe or remove of that bus) and
 * may sleep. Together they are Linux's sysfs "unbind" and "bind".
 */
void device_release_driver(struct device *dev);
int device_attach(struct device *dev);

/*
 * Managed resources (drivers/base/devres.c): actions a driver registers
 * while bound, run in reverse order when it unbinds (after its remove) or
 * when its probe fails. devm_add_action() - run @action(@data) then;
 * 0 or -ENOMEM; may sleep. devm_remove_action_nowarn() - forget it
 * without running it: 0, or -ENOENT if it is not registered (it ran, or
 * is running). Any context.
 */
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_remove_action_nowarn(struct device *dev, void (*action)(void *), void *data);

/* A device_match_t returns non-zero for the device being looked for. */
typedef int (*device_match_t)(struct device *dev, const void *data);

/* device_match_name() - a device_match_t: dev_name(@dev) equals @name. */
int device_match_name(struct device *dev, const void *name);

/*
 * bus_find_device() - the first device of @bus, after @start if @start is
 * not NULL, for which @match(dev, @data) is non-zero, with a reference
 * taken (drop it with put_device()), or NULL. Takes the bus's mutex, so
 * it must not be called from a probe or remove of the same bus. May sleep.
 */
struct device *bus_find_device(struct bus_type *bus, struct device *start,
			       const void *data, device_match_t match);

/* bus_find_device_by_name() - bus_find_device() with device_match_name(). */
static inline struct device *bus_find_device_by_name(struct bus_type *bus,
						     struct device *start,
						     const char *name)
{
	return bus_find_device(bus, start, name, device_match_name);
}

#define dev_printk(level, dev, fmt, ...)				\
	printk(level "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

#endif /* _LINUX_DEVICE_H */
