/* SPDX-License-Identifier: GPL-2.0-only */
/* Internals shared by the files of drivers/pci. */
#ifndef _DRIVERS_PCI_PCI_H
#define _DRIVERS_PCI_PCI_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/pci.h>

/* Every probed host bridge (by node), under pci_host_lock. */
extern struct list_head pci_host_bridges;
extern struct mutex pci_host_lock;

/* Remove and release every function under @bus, free the buses. */
void pci_free_bus_tree(struct pci_bus *bus);

#endif /* _DRIVERS_PCI_PCI_H */
