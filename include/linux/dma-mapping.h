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
#include <linux/mm.h>

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

/* Which way a streaming mapping's data moves. */
enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
};

/*
 * dma_map_page() - the device address of @size bytes at @offset in @page,
 * memory the caller lends to @dev (direction @dir) until
 * dma_unmap_page(); the CPU must not touch it meanwhile. Without an IOMMU
 * or bounce buffers this is the physical address: it never fails, holds
 * nothing, and unmapping has nothing to undo. Any context.
 */
static inline dma_addr_t dma_map_page(struct device *dev, struct page *page, size_t offset,
				      size_t size, enum dma_data_direction dir)
{
	return page_to_phys(page) + offset;
}

/* dma_unmap_page() - end a dma_map_page() lending; the CPU may use the memory again. */
static inline void dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
				  enum dma_data_direction dir)
{
}

#endif /* _LINUX_DMA_MAPPING_H */
