// SPDX-License-Identifier: GPL-2.0-only
#include <linux/dma-mapping.h>

dma_addr_t rust_helper_dma_map_page(struct device *dev, struct page *page, size_t offset,
				    size_t size, enum dma_data_direction dir);
dma_addr_t rust_helper_dma_map_page(struct device *dev, struct page *page, size_t offset,
				    size_t size, enum dma_data_direction dir)
{
	return dma_map_page(dev, page, offset, size, dir);
}
