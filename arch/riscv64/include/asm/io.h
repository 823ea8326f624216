/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 memory-mapped I/O accessors. There is no port I/O: inb()/outb()
 * & co. reach the PCI I/O space of QEMU virt (physical 0x03000000, seen
 * through the IO window), as Linux does on architectures without ports.
 */
#ifndef _ASM_RISCV_IO_H
#define _ASM_RISCV_IO_H

#include <linux/types.h>
#include <asm/page.h>

/* Device loads and stores are ordered against normal memory accesses. */
#define __io_br() __asm__ __volatile__("fence io, i" ::: "memory")
#define __io_ar() __asm__ __volatile__("fence i, ir" ::: "memory")
#define __io_bw() __asm__ __volatile__("fence w, o" ::: "memory")

#define __raw_readb(a) (*(const volatile u8 *)(a))
#define __raw_readw(a) (*(const volatile u16 *)(a))
#define __raw_readl(a) (*(const volatile u32 *)(a))
#define __raw_readq(a) (*(const volatile u64 *)(a))
#define __raw_writeb(v, a) (*(volatile u8 *)(a) = (v))
#define __raw_writew(v, a) (*(volatile u16 *)(a) = (v))
#define __raw_writel(v, a) (*(volatile u32 *)(a) = (v))
#define __raw_writeq(v, a) (*(volatile u64 *)(a) = (v))

#define readb(a) ({ u8 __v; __io_br(); __v = __raw_readb(a); __io_ar(); __v; })
#define readw(a) ({ u16 __v; __io_br(); __v = __raw_readw(a); __io_ar(); __v; })
#define readl(a) ({ u32 __v; __io_br(); __v = __raw_readl(a); __io_ar(); __v; })
#define readq(a) ({ u64 __v; __io_br(); __v = __raw_readq(a); __io_ar(); __v; })
#define writeb(v, a) do { __io_bw(); __raw_writeb((v), (a)); } while (0)
#define writew(v, a) do { __io_bw(); __raw_writew((v), (a)); } while (0)
#define writel(v, a) do { __io_bw(); __raw_writel((v), (a)); } while (0)
#define writeq(v, a) do { __io_bw(); __raw_writeq((v), (a)); } while (0)

/*
 * ioremap_window() - the IO-window virtual address of physical MMIO address
 * pa (below IO_WINDOW_SIZE), or 0 when outside. Mapped from the first
 * instruction on, so usable before paging_init(); never sleeps.
 */
static inline unsigned long ioremap_window(phys_addr_t pa)
{
	return pa < IO_WINDOW_SIZE ? IO_WINDOW + pa : 0;
}

#define PCI_IOBASE (IO_WINDOW + 0x03000000UL)

static inline u8 inb(u16 port) { return readb(PCI_IOBASE + port); }
static inline u16 inw(u16 port) { return readw(PCI_IOBASE + port); }
static inline u32 inl(u16 port) { return readl(PCI_IOBASE + port); }
static inline void outb(u8 v, u16 port) { writeb(v, PCI_IOBASE + port); }
static inline void outw(u16 v, u16 port) { writew(v, PCI_IOBASE + port); }
static inline void outl(u32 v, u16 port) { writel(v, PCI_IOBASE + port); }

#endif /* _ASM_RISCV_IO_H */
