/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 memory-mapped I/O accessors, and port I/O for drivers written for
 * it (8250): ports are bytes of the PCI I/O window mapped at PCI_IOBASE,
 * as on Linux. Nothing maps that window yet, so no port-I/O device may be
 * used on arm64 so far.
 */
#ifndef _ASM_ARM64_IO_H
#define _ASM_ARM64_IO_H

#include <linux/types.h>

#define PCI_IOBASE ((unsigned long)0xfffffe0000000000UL)

/* Device accesses are ordered with each other and with normal memory. */
#define __iormb() __asm__ __volatile__("dsb ld" ::: "memory")
#define __iowmb() __asm__ __volatile__("dsb st" ::: "memory")

static inline u8 __raw_readb(unsigned long a)
{
	u8 v;

	__asm__ __volatile__("ldrb %w0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline u16 __raw_readw(unsigned long a)
{
	u16 v;

	__asm__ __volatile__("ldrh %w0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline u32 __raw_readl(unsigned long a)
{
	u32 v;

	__asm__ __volatile__("ldr %w0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline u64 __raw_readq(unsigned long a)
{
	u64 v;

	__asm__ __volatile__("ldr %0, [%1]" : "=r"(v) : "r"(a) : "memory");
	return v;
}

static inline void __raw_writeb(u8 v, unsigned long a)
{
	__asm__ __volatile__("strb %w0, [%1]" :: "rZ"(v), "r"(a) : "memory");
}

static inline void __raw_writew(u16 v, unsigned long a)
{
	__asm__ __volatile__("strh %w0, [%1]" :: "rZ"(v), "r"(a) : "memory");
}

static inline void __raw_writel(u32 v, unsigned long a)
{
	__asm__ __volatile__("str %w0, [%1]" :: "rZ"(v), "r"(a) : "memory");
}

static inline void __raw_writeq(u64 v, unsigned long a)
{
	__asm__ __volatile__("str %x0, [%1]" :: "rZ"(v), "r"(a) : "memory");
}

#define readb(a) ({ u8 __v = __raw_readb((unsigned long)(a)); __iormb(); __v; })
#define readw(a) ({ u16 __v = __raw_readw((unsigned long)(a)); __iormb(); __v; })
#define readl(a) ({ u32 __v = __raw_readl((unsigned long)(a)); __iormb(); __v; })
#define readq(a) ({ u64 __v = __raw_readq((unsigned long)(a)); __iormb(); __v; })
#define writeb(v, a) do { __iowmb(); __raw_writeb((v), (unsigned long)(a)); } while (0)
#define writew(v, a) do { __iowmb(); __raw_writew((v), (unsigned long)(a)); } while (0)
#define writel(v, a) do { __iowmb(); __raw_writel((v), (unsigned long)(a)); } while (0)
#define writeq(v, a) do { __iowmb(); __raw_writeq((v), (unsigned long)(a)); } while (0)

static inline void outb(u8 v, u16 port)
{
	writeb(v, PCI_IOBASE + port);
}

static inline u8 inb(u16 port)
{
	return readb(PCI_IOBASE + port);
}

static inline void outw(u16 v, u16 port)
{
	writew(v, PCI_IOBASE + port);
}

static inline u16 inw(u16 port)
{
	return readw(PCI_IOBASE + port);
}

static inline void outl(u32 v, u16 port)
{
	writel(v, PCI_IOBASE + port);
}

static inline u32 inl(u16 port)
{
	return readl(PCI_IOBASE + port);
}

#endif /* _ASM_ARM64_IO_H */
