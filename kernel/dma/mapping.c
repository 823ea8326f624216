// SPDX-License-Identifier: GPL-2.0-only
/* Coherent DMA memory (<linux/dma-mapping.h>): whole pages, direct-mapped. */
#include <linux/kernel.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>

/* The page order that holds @size bytes. */
static unsigned int dma_order(size_t size)
{
	unsigned int order = 0;

	while (((size_t)PAGE_SIZE << order) < size)
		order++;
	return order;
}

void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{
	unsigned long va;

	if (!size)
		return NULL;
	va = __get_free_pages(gfp | __GFP_ZERO, dma_order(size));
	if (!va)
		return NULL;
	*dma_handle = __pa((void *)va);
	return (void *)va;
}

void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	if (cpu_addr)
		free_pages((unsigned long)cpu_addr, dma_order(size));
}
