/* SPDX-License-Identifier: GPL-2.0-only */
/* Device ID tables that drivers use to say which devices they drive. */
#ifndef _LINUX_MOD_DEVICETABLE_H
#define _LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

typedef unsigned long kernel_ulong_t;

#define PLATFORM_NAME_SIZE 24

/* One entry of a platform_driver's id_table; the table ends with {}. */
struct platform_device_id {
	char name[PLATFORM_NAME_SIZE];
	kernel_ulong_t driver_data;
};

#define PCI_ANY_ID (~0U)

/*
 * One entry of a pci_driver's id_table; the table ends with {}. A field
 * equal to PCI_ANY_ID matches anything; class is compared under
 * class_mask (base class << 16 | sub-class << 8 | prog-if).
 */
struct pci_device_id {
	u32 vendor, device;
	u32 subvendor, subdevice;
	u32 class, class_mask;
	kernel_ulong_t driver_data;
};

#endif /* _LINUX_MOD_DEVICETABLE_H */
