// SPDX-License-Identifier: GPL-2.0-only
/*
 * Managed resources: a list per device of actions registered by its
 * driver, run newest first when the driver unbinds or its probe fails
 * (the driver core calls devres_release_all() then). Each entry is taken
 * off the list under the device's devres_lock before its action runs, so
 * an action runs exactly once, or is removed before it could run.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/device.h>
#include "base.h"

struct devres_action {
	struct list_head node;
	void (*action)(void *);
	void *data;
};

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct devres_action *dr = kmalloc(sizeof(*dr), GFP_KERNEL);
	unsigned long flags;

	if (!dr)
		return -ENOMEM;
	dr->action = action;
	dr->data = data;
	spin_lock_irqsave(&dev->devres_lock, flags);
	list_add(&dr->node, &dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return 0;
}

int devm_remove_action_nowarn(struct device *dev, void (*action)(void *), void *data)
{
	struct devres_action *dr, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_for_each_entry(dr, &dev->devres_head, node) {
		if (dr->action == action && dr->data == data) {
			list_del(&dr->node);
			found = dr;
			break;
		}
	}
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	kfree(found);
	return found ? 0 : -ENOENT;
}

void devres_release_all(struct device *dev)
{
	unsigned long flags;

	for (;;) {
		struct devres_action *dr;

		spin_lock_irqsave(&dev->devres_lock, flags);
		dr = list_first_entry_or_null(&dev->devres_head, struct devres_action, node);
		if (dr)
			list_del(&dr->node);
		spin_unlock_irqrestore(&dev->devres_lock, flags);
		if (!dr)
			return;
		dr->action(dr->data);
		kfree(dr);
	}
}
