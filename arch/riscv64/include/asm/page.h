/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 virtual memory layout (Sv39: 39-bit addresses, the kernel in the
 * top 256 GiB):
 *   0xffffffc000000000  VMALLOC_START..VMALLOC_END: vmalloc and thread stacks
 *   0xffffffc800000000  IO_WINDOW: physical 0..2 GiB (the MMIO devices of
 *                       QEMU virt, all below RAM), RW, never executable
 *   0xffffffd000000000  PAGE_OFFSET: every physical page, mapped linearly
 *                       (physical address + PAGE_OFFSET, up to MAX_PHYS_ADDR)
 *   0xffffffff80000000  KERNEL_MAP: the kernel image; KERNEL_MAP maps the
 *                       physical KERNEL_PHYS_BASE (the start of RAM), and
 *                       the image is loaded at KERNEL_PHYS_START
 * User space is the lower half, 0..256 GiB (see asm/uaccess.h).
 */
#ifndef _ASM_RISCV_PAGE_H
#define _ASM_RISCV_PAGE_H

#define PAGE_SHIFT 12
#include <asm-generic/page.h>

#define VMALLOC_START _AC(0xffffffc000000000, UL)
#define VMALLOC_END _AC(0xffffffc7ffffffff, UL)
#define IO_WINDOW _AC(0xffffffc800000000, UL)
#define IO_WINDOW_SIZE (_AC(2, UL) << 30)
#define PAGE_OFFSET _AC(0xffffffd000000000, UL)
#define KERNEL_MAP _AC(0xffffffff80000000, UL)
#define KERNEL_PHYS_BASE _AC(0x80000000, UL)
/* OpenSBI owns the first 2 MiB of RAM; the kernel follows it. */
#define KERNEL_PHYS_START _AC(0x80200000, UL)

/* Highest physical address the direct map may cover (64 GiB). */
#define MAX_PHYS_ADDR (_AC(64, UL) << 30)

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* Physical address of a direct-map or kernel-image virtual address. */
static inline phys_addr_t __pa(const volatile void *va)
{
	unsigned long x = (unsigned long)va;

	return x >= KERNEL_MAP ? x - KERNEL_MAP + KERNEL_PHYS_BASE : x - PAGE_OFFSET;
}

/* Direct-map virtual address of a physical address. */
#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))

#define virt_addr_valid(va) \
	((unsigned long)(va) >= PAGE_OFFSET && (unsigned long)(va) < PAGE_OFFSET + MAX_PHYS_ADDR)

/* clear_page() - zero the page at the page-aligned address @addr (arch/riscv64/lib/clear_page.S). */
#define __HAVE_ARCH_CLEAR_PAGE
void clear_page(void *addr);
#endif

#endif /* _ASM_RISCV_PAGE_H */
