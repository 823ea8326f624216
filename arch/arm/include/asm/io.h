/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM memory-mapped I/O accessors, and port I/O for drivers
 * written for it (8250): ports are bytes of a PCI I/O window at
 * PCI_IOBASE, as on Linux. Nothing maps that window (the versatilepb PCI
 * host is not driven yet), so no port-I/O device may be used so far.
 * A 64-bit access is two 32-bit ones, low word first (the bus is 32 bits
 * wide).
 */
#ifndef _ASM_ARM_IO_H
#define _ASM_ARM_IO_H

#include <linux/types.h>

#define PCI_IOBASE ((unsigned long)0xfee00000UL)

/* Device accesses are ordered with each other and with normal memory (DSB). */
#define __iob() __asm__ __volatile__("mcr p15, 0, %0, c7, c10, 4" :: "r"(0) : "memory")

#define __raw_readb(a) (*(const volatile u8 *)(a))
#define __raw_readw(a) (*(const volatile u16 *)(a))
#define __raw_readl(a) (*(const volatile u32 *)(a))
#define __raw_writeb(v, a) (*(volatile u8 *)(a) = (v))
#define __raw_writew(v, a) (*(volatile u16 *)(a) = (v))
#define __raw_writel(v, a) (*(volatile u32 *)(a) = (v))

static inline u64 __raw_readq(unsigned long a)
{
	u32 lo = __raw_readl(a);

	return ((u64)__raw_readl(a + 4) << 32) | lo;
}

static inline void __raw_writeq(u64 v, unsigned long a)
{
	__raw_writel((u32)v, a);
	__raw_writel((u32)(v >> 32), a + 4);
}

#define readb(a) ({ u8 __v = __raw_readb(a); __iob(); __v; })
#define readw(a) ({ u16 __v = __raw_readw(a); __iob(); __v; })
#define readl(a) ({ u32 __v = __raw_readl(a); __iob(); __v; })
#define readq(a) ({ u64 __v = __raw_readq((unsigned long)(a)); __iob(); __v; })
#define writeb(v, a) do { __iob(); __raw_writeb((v), (a)); } while (0)
#define writew(v, a) do { __iob(); __raw_writew((v), (a)); } while (0)
#define writel(v, a) do { __iob(); __raw_writel((v), (a)); } while (0)
#define writeq(v, a) do { __iob(); __raw_writeq((v), (unsigned long)(a)); } while (0)

static inline u8 inb(u16 port) { return readb(PCI_IOBASE + port); }
static inline u16 inw(u16 port) { return readw(PCI_IOBASE + port); }
static inline u32 inl(u16 port) { return readl(PCI_IOBASE + port); }
static inline void outb(u8 v, u16 port) { writeb(v, PCI_IOBASE + port); }
static inline void outw(u16 v, u16 port) { writew(v, PCI_IOBASE + port); }
static inline void outl(u32 v, u16 port) { writel(v, PCI_IOBASE + port); }

#endif /* _ASM_ARM_IO_H */
