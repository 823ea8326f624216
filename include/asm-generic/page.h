/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What every architecture's <asm/page.h> derives from its PAGE_SHIFT: the
 * page size and mask, and the page-frame-number conversions. Include it
 * from <asm/page.h> after defining PAGE_SHIFT.
 */
#ifndef _ASM_GENERIC_PAGE_H
#define _ASM_GENERIC_PAGE_H

#include <uapi/linux/const.h>

#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#ifndef __ASSEMBLER__
#include <linux/types.h>

#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)
#endif

#endif /* _ASM_GENERIC_PAGE_H */
