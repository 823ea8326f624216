/* SPDX-License-Identifier: GPL-2.0-only */
/* Device-tree helpers of PCI host bridge drivers (drivers/pci/of.c). */
#ifndef _LINUX_OF_PCI_H
#define _LINUX_OF_PCI_H

struct pci_host_bridge;

/*
 * of_pci_parse_ranges() - fill @host's memory and I/O windows and their
 * offsets from the "ranges" of host bridge node @node in @fdt: the first
 * I/O (space code 1) and 32-bit memory (2) entries; 64-bit memory is not
 * used. Windows absent from ranges keep flags 0. Never sleeps.
 */
void of_pci_parse_ranges(const void *fdt, int node, struct pci_host_bridge *host);

#endif /* _LINUX_OF_PCI_H */
