/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device memory: mapping a physical MMIO range into the kernel's address
 * space (ioremap), and the architecture's accessors (readl/writel... in
 * asm/io.h) that are the only way to touch it.
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/compiler_types.h>
#include <asm/io.h>

/*
 * ioremap() - map @size bytes of device memory at physical @phys
 * (uncached, not executable) into the vmalloc range, with an unmapped
 * guard page after it. Returns the address of @phys itself (page offset
 * kept), or NULL when @size is 0, the range wraps, or memory runs out.
 * Allocates page tables: process context only, may sleep.
 */
void __iomem *ioremap(phys_addr_t phys, size_t size);

/*
 * iounmap() - undo ioremap(); @addr is any address in the mapping's first
 * page, as ioremap() returned it. NULL is ignored. Never sleeps.
 */
void iounmap(volatile void __iomem *addr);

#endif /* _LINUX_IO_H */
