/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm64 virtual memory layout: 4 KiB granule. TTBR0_EL1 translates the
 * lowest 2^USER_VA_BITS bytes (user space, 3 levels; nothing at all for
 * the kernel once it runs), TTBR1_EL1 the highest 2^VA_BITS (4 levels);
 * an address between them faults:
 *   0xffff000000000000  PAGE_OFFSET: physical memory, linearly (pa + PAGE_OFFSET);
 *                       RAM as normal memory, the boot devices as device memory
 *   0xffff800000000000  VMALLOC_START..VMALLOC_END: vmalloc and thread stacks
 *   0xffffffff80000000  KIMAGE_VADDR: the kernel image, wherever it was loaded
 */
#ifndef _ASM_ARM64_PAGE_H
#define _ASM_ARM64_PAGE_H

#define PAGE_SHIFT 12
#include <asm-generic/page.h>

#define VA_BITS 48
#define USER_VA_BITS 39
#define PAGE_OFFSET _AC(0xffff000000000000, UL)
#define VMALLOC_START _AC(0xffff800000000000, UL)
#define VMALLOC_END _AC(0xfffffdffffffffff, UL)
#define KIMAGE_VADDR _AC(0xffffffff80000000, UL)

/* Highest physical address the direct map may cover (1 TiB). */
#define MAX_PHYS_ADDR (_AC(1, UL) << 40)

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* The kernel image's virtual minus physical address (set by head.S). */
extern u64 kimage_voffset;

/* Physical address of a direct-map or kernel-image virtual address. */
static inline phys_addr_t __pa(const volatile void *va)
{
	unsigned long x = (unsigned long)va;

	return x >= KIMAGE_VADDR ? x - kimage_voffset : x - PAGE_OFFSET;
}

/* Direct-map virtual address of a physical address. */
#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))

#define virt_addr_valid(va) \
	((unsigned long)(va) >= PAGE_OFFSET && (unsigned long)(va) < PAGE_OFFSET + MAX_PHYS_ADDR)

/* clear_page() - zero the page at the page-aligned address @addr (arch/arm64/lib/clear_page.S). */
#define __HAVE_ARCH_CLEAR_PAGE
void clear_page(void *addr);
#endif

#endif /* _ASM_ARM64_PAGE_H */
