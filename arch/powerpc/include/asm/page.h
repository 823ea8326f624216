/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * powerpc64 virtual memory layout. The radix MMU splits addresses by
 * their top two bits into quadrants: quadrant 0 (0x0000...) is user
 * space, translated through the current process's tree (PIDR), and
 * quadrant 3 (0xc000...) is the kernel's, translated through process
 * table entry 0; each quadrant has 52 bits of addresses.
 *   0xc000000000000000  PAGE_OFFSET: every physical page, mapped linearly,
 *                       the kernel image among them (it is linked at
 *                       PAGE_OFFSET + its physical address, 0)
 *   0xc008000000000000  VMALLOC_START..VMALLOC_END: vmalloc, ioremap and
 *                       thread stacks
 * With the MMU off (real mode, until paging_init()) the top four address
 * bits are ignored, so the same addresses work before and after.
 */
#ifndef _ASM_POWERPC_PAGE_H
#define _ASM_POWERPC_PAGE_H

#define PAGE_SHIFT 12
#include <asm-generic/page.h>

#define PAGE_OFFSET _AC(0xc000000000000000, UL)
#define VMALLOC_START _AC(0xc008000000000000, UL)
#define VMALLOC_END _AC(0xc0080007ffffffff, UL)
#define KERNEL_PHYS_BASE _AC(0, UL)

/* Highest physical address the direct map may cover (64 GiB). */
#define MAX_PHYS_ADDR (_AC(64, UL) << 30)

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* Physical address of a direct-map (or kernel-image) virtual address. */
static inline phys_addr_t __pa(const volatile void *va)
{
	return (unsigned long)va - PAGE_OFFSET;
}

/* Direct-map virtual address of a physical address. */
#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))

#define virt_addr_valid(va) \
	((unsigned long)(va) >= PAGE_OFFSET && (unsigned long)(va) < PAGE_OFFSET + MAX_PHYS_ADDR)
#endif

#endif /* _ASM_POWERPC_PAGE_H */
