/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * DMA memory for devices. Ferrite's machines have no IOMMU and their PCI
 * buses see RAM at its physical address (QEMU's q35 and virt boards
 * have no dma-ranges offset), so a DMA address is the physical address,
 * and device accesses are coherent with the CPU's caches.
 */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H

#include <linux/types.h>
#include <linux/gfp.h>

struct device;

typedef u64 dma_addr_t;

/*
 * dma_alloc_coherent() - @size bytes (rounded up to whole pages) of
 * zeroed memory that @dev and the CPU may both access at any time,
 * physically contiguous; its device address goes to *@dma_handle.
 * Returns the CPU address or NULL (@size 0, no memory). @gfp as for
 * alloc_pages(): GFP_KERNEL may sleep.
 */
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp);

/* dma_free_coherent() - free what dma_alloc_coherent() gave (same @size). */
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle);

#endif /* _LINUX_DMA_MAPPING_H */
