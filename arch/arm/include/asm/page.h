/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit ARM (ARMv6) virtual memory layout, 4 KiB pages. TTBCR.N = 1
 * splits the address space: TTBR0 translates the lower 2 GiB (user space;
 * the user test pages without a process), TTBR1 the upper 2 GiB, which is
 * the kernel's alone:
 *   0xc0000000  PAGE_OFFSET: physical 0-512 MiB, linearly (pa + PAGE_OFFSET):
 *               RAM (at most 256 MiB on versatilepb) as normal memory, the
 *               board's devices (0x10000000-0x101fffff) as device memory;
 *               the kernel image is in it, at physical 0x10000
 *   0xe0000000  VMALLOC_START..VMALLOC_END: vmalloc and thread stacks
 *   0xffff0000  the exception vectors (SCTLR.V: high vectors)
 */
#ifndef _ASM_ARM_PAGE_H
#define _ASM_ARM_PAGE_H

#define PAGE_SHIFT 12
#include <asm-generic/page.h>

#define PAGE_OFFSET _AC(0xc0000000, UL)
#define VMALLOC_START _AC(0xe0000000, UL)
#define VMALLOC_END _AC(0xefffffff, UL)
#define VECTORS_BASE _AC(0xffff0000, UL)

/* Highest physical address the direct map covers (512 MiB). */
#define MAX_PHYS_ADDR (_AC(1, UL) << 29)

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

#endif /* _ASM_ARM_PAGE_H */
