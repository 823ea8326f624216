/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 memory-mapped I/O accessors, little-endian like the CPU (PCI
 * registers are). Every access is ordered against normal memory: a sync
 * before it, and after a load a twi/isync pair that waits for its value,
 * as Linux does. pseries has no port I/O reachable yet (the PCI host
 * bridge's I/O window is not mapped): inb() & co. read all ones and
 * outb() writes nothing.
 */
#ifndef _ASM_POWERPC_IO_H
#define _ASM_POWERPC_IO_H

#include <linux/types.h>
#include <asm/page.h>

#define __io_before() __asm__ __volatile__("sync" ::: "memory")
#define __io_after_read(v) \
	__asm__ __volatile__("twi 0,%0,0\n\tisync" :: "r"(v) : "memory")

#define __raw_readb(a) (*(const volatile u8 *)(a))
#define __raw_readw(a) (*(const volatile u16 *)(a))
#define __raw_readl(a) (*(const volatile u32 *)(a))
#define __raw_readq(a) (*(const volatile u64 *)(a))
#define __raw_writeb(v, a) (*(volatile u8 *)(a) = (v))
#define __raw_writew(v, a) (*(volatile u16 *)(a) = (v))
#define __raw_writel(v, a) (*(volatile u32 *)(a) = (v))
#define __raw_writeq(v, a) (*(volatile u64 *)(a) = (v))

#define readb(a) ({ u8 __v; __io_before(); __v = __raw_readb(a); __io_after_read(__v); __v; })
#define readw(a) ({ u16 __v; __io_before(); __v = __raw_readw(a); __io_after_read(__v); __v; })
#define readl(a) ({ u32 __v; __io_before(); __v = __raw_readl(a); __io_after_read(__v); __v; })
#define readq(a) ({ u64 __v; __io_before(); __v = __raw_readq(a); __io_after_read(__v); __v; })
#define writeb(v, a) do { __io_before(); __raw_writeb((v), (a)); } while (0)
#define writew(v, a) do { __io_before(); __raw_writew((v), (a)); } while (0)
#define writel(v, a) do { __io_before(); __raw_writel((v), (a)); } while (0)
#define writeq(v, a) do { __io_before(); __raw_writeq((v), (a)); } while (0)

static inline u8 inb(u16 port) { return 0xff; }
static inline u16 inw(u16 port) { return 0xffff; }
static inline u32 inl(u16 port) { return 0xffffffff; }
static inline void outb(u8 v, u16 port) { }
static inline void outw(u16 v, u16 port) { }
static inline void outl(u32 v, u16 port) { }

#endif /* _ASM_POWERPC_IO_H */
