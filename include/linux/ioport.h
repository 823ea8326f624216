/* SPDX-License-Identifier: GPL-2.0-only */
/* Device resources: address ranges and interrupt lines a device uses. */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

typedef phys_addr_t resource_size_t;

struct resource {
	resource_size_t start;
	resource_size_t end;		/* inclusive */
	const char *name;
	unsigned long flags;
};

#define IORESOURCE_TYPE_BITS	0x00001f00
#define IORESOURCE_IO		0x00000100	/* port I/O */
#define IORESOURCE_MEM		0x00000200	/* memory-mapped I/O */
#define IORESOURCE_IRQ		0x00000400

#define DEFINE_RES_NAMED(_start, _size, _name, _flags)			\
	{ .start = (_start), .end = (_start) + (_size) - 1,		\
	  .name = (_name), .flags = (_flags) }
#define DEFINE_RES_IO(_start, _size) DEFINE_RES_NAMED(_start, _size, NULL, IORESOURCE_IO)
#define DEFINE_RES_MEM(_start, _size) DEFINE_RES_NAMED(_start, _size, NULL, IORESOURCE_MEM)
#define DEFINE_RES_MEM_NAMED(_start, _size, _name)			\
	DEFINE_RES_NAMED(_start, _size, _name, IORESOURCE_MEM)
#define DEFINE_RES_IRQ(_irq) DEFINE_RES_NAMED(_irq, 1, NULL, IORESOURCE_IRQ)

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

static inline unsigned long resource_type(const struct resource *res)
{
	return res->flags & IORESOURCE_TYPE_BITS;
}

#endif /* _LINUX_IOPORT_H */
