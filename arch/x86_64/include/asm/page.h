/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 virtual memory layout (4-level paging, the same holes as Linux):
 *   0xffff888000000000  PAGE_OFFSET: every physical page, mapped linearly
 *   0xffffc90000000000  VMALLOC_START..VMALLOC_END: vmalloc and thread stacks
 *   0xffffffff80000000  KERNEL_MAP: the kernel image (physical 0 + offset)
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#define PAGE_SHIFT 12
#include <asm-generic/page.h>

#define PAGE_OFFSET _AC(0xffff888000000000, UL)
#define VMALLOC_START _AC(0xffffc90000000000, UL)
#define VMALLOC_END _AC(0xffffe8ffffffffff, UL)
#define KERNEL_MAP _AC(0xffffffff80000000, UL)
#define KERNEL_PHYS_START _AC(0x100000, UL)

/* Highest physical address the direct map may cover (64 GiB). */
#define MAX_PHYS_ADDR (_AC(64, UL) << 30)

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* Physical address of a direct-map or kernel-image virtual address. */
static inline phys_addr_t __pa(const volatile void *va)
{
	unsigned long x = (unsigned long)va;

	return x >= KERNEL_MAP ? x - KERNEL_MAP : x - PAGE_OFFSET;
}

/* Direct-map virtual address of a physical address. */
#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))

#define virt_addr_valid(va) \
	((unsigned long)(va) >= PAGE_OFFSET && (unsigned long)(va) < PAGE_OFFSET + MAX_PHYS_ADDR)
#endif

#endif /* _ASM_X86_PAGE_H */
