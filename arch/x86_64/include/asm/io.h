/* SPDX-License-Identifier: GPL-2.0-only */
/* x86 port I/O and memory-mapped I/O accessors. */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>

static inline void outb(u8 v, u16 port)
{
	__asm__ __volatile__("outb %0, %1" :: "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outw(u16 v, u16 port)
{
	__asm__ __volatile__("outw %0, %1" :: "a"(v), "Nd"(port));
}

static inline u16 inw(u16 port)
{
	u16 v;

	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outl(u32 v, u16 port)
{
	__asm__ __volatile__("outl %0, %1" :: "a"(v), "Nd"(port));
}

static inline u32 inl(u16 port)
{
	u32 v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

#define readb(a) (*(const volatile u8 *)(a))
#define readw(a) (*(const volatile u16 *)(a))
#define readl(a) (*(const volatile u32 *)(a))
#define readq(a) (*(const volatile u64 *)(a))
#define writeb(v, a) (*(volatile u8 *)(a) = (v))
#define writew(v, a) (*(volatile u16 *)(a) = (v))
#define writel(v, a) (*(volatile u32 *)(a) = (v))
#define writeq(v, a) (*(volatile u64 *)(a) = (v))

#endif /* _ASM_X86_IO_H */
